import { DateScalar } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import type { FamilienkasseDatabase } from '../db/tables.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { CATEGORIES, OWNER, type Kategorie } from '../policy.ts';
import { Antragspaket, Kind, KindergeldAntrag, Person } from './kindergeld.ts';
import { Query } from './monitoring.ts';
import { SatzQuery } from './satz.ts';
import { Mutation } from './mutation.ts';

const datenschutz = datenschutzResolvers<FamilienkasseDatabase, Kategorie>({ owner: OWNER, categories: CATEGORIES });

export const resolvers = {
  ...datenschutz,
  Date: DateScalar,
  Query: { ...Query, ...SatzQuery },
  Mutation: { ...datenschutz.Mutation, ...Mutation },
  Person: { ...Person, ...datenschutz.Person },
  KindergeldAntrag,
  Antragspaket,
  Kind,
} satisfies Resolvers;
