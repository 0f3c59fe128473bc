import { DateScalar } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import type { AuslaenderbehoerdeDatabase } from '../db/tables.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { CATEGORIES, OWNER, type Kategorie } from '../policy.ts';
import { ArbeitsmarktPerson, ArbeitsmarktQuery } from './arbeitsmarkt.ts';
import { AuswahlQuery } from './auswahl.ts';
import { Mutation } from './mutation.ts';
import { Aufenthalt, Person } from './person.ts';
import { Query } from './query.ts';
import { Statusklaerung, StatusklaerungPerson, StatusklaerungQuery } from './statusklaerung.ts';

const datenschutz = datenschutzResolvers<AuslaenderbehoerdeDatabase, Kategorie>({
  owner: OWNER,
  categories: CATEGORIES,
});

export const resolvers = {
  ...datenschutz,
  Date: DateScalar,
  Query: { ...Query, ...ArbeitsmarktQuery, ...StatusklaerungQuery, ...AuswahlQuery },
  Mutation: { ...datenschutz.Mutation, ...Mutation },
  Person: { ...Person, ...ArbeitsmarktPerson, ...StatusklaerungPerson, ...datenschutz.Person },
  Aufenthalt,
  Statusklaerung,
} satisfies Resolvers;
