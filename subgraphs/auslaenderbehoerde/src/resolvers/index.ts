import { DateScalar, type ResolverMap } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import { CATEGORIES, OWNER } from '../policy.ts';
import { Aufenthalt, Person } from './person.ts';
import { Query } from './query.ts';

const datenschutz = datenschutzResolvers({ owner: OWNER, categories: CATEGORIES });

export const resolvers: ResolverMap = {
  ...datenschutz,
  Date: DateScalar,
  Query,
  Person: { ...Person, ...datenschutz.Person },
  Aufenthalt,
};
