import type { Resolvers } from '../generated/resolvers.ts';
import { Antragspaket, Kind, KindergeldAntrag, Person } from './kindergeld.ts';
import { Query } from './monitoring.ts';
import { SatzQuery } from './satz.ts';
import { Mutation } from './mutation.ts';

export const resolvers = {
  Query: { ...Query, ...SatzQuery },
  Mutation,
  Person,
  KindergeldAntrag,
  Antragspaket,
  Kind,
} satisfies Resolvers;
