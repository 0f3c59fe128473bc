import type { Resolvers } from '../generated/resolvers.ts';
import { ArbeitsmarktPerson, ArbeitsmarktQuery } from './arbeitsmarkt.ts';
import { AuswahlQuery } from './auswahl.ts';
import { Mutation } from './mutation.ts';
import { Aufenthalt, Person } from './person.ts';
import { Query } from './query.ts';
import { Statusklaerung, StatusklaerungPerson, StatusklaerungQuery } from './statusklaerung.ts';

export const resolvers = {
  Query: { ...Query, ...ArbeitsmarktQuery, ...StatusklaerungQuery, ...AuswahlQuery },
  Mutation,
  Person: { ...Person, ...ArbeitsmarktPerson, ...StatusklaerungPerson },
  Aufenthalt,
  Statusklaerung,
} satisfies Resolvers;
