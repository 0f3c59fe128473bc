import { DateScalar } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import type { AgenturDatabase } from '../db/tables.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { CATEGORIES, OWNER, type Kategorie } from '../policy.ts';
import { Mutation } from './mutation.ts';
import { Fall, Person, Termin } from './person.ts';
import { BleibeperspektiveKriterium, FachkraftAuslastung, Query } from './query.ts';

const datenschutz = datenschutzResolvers<AgenturDatabase, Kategorie>({ owner: OWNER, categories: CATEGORIES });

export const resolvers = {
  ...datenschutz,
  Date: DateScalar,
  Query,
  Mutation: { ...Mutation, ...datenschutz.Mutation },
  Person: { ...Person, ...datenschutz.Person },
  Fall,
  Termin,
  FachkraftAuslastung,
  BleibeperspektiveKriterium,
} satisfies Resolvers;
