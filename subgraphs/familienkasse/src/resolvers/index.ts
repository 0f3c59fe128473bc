import { DateScalar, type ResolverMap } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import { CATEGORIES, OWNER } from '../policy.ts';
import { Antragspaket, Kind, KindergeldAntrag, Person } from './kindergeld.ts';
import { Query } from './monitoring.ts';
import { SatzQuery } from './satz.ts';
import { Mutation } from './mutation.ts';

const datenschutz = datenschutzResolvers({ owner: OWNER, categories: CATEGORIES });

export const resolvers: ResolverMap = {
  ...datenschutz,
  Date: DateScalar,
  Query: { ...Query, ...SatzQuery },
  Mutation: { ...datenschutz.Mutation, ...Mutation },
  Person: { ...Person, ...datenschutz.Person },
  KindergeldAntrag,
  Antragspaket,
  Kind,
};
