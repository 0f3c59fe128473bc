import { DateScalar, type ResolverMap } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import { CATEGORIES, OWNER } from '../policy.ts';
import { Bedarfsgemeinschaft, BgMitglied, Person } from './person.ts';

const datenschutz = datenschutzResolvers({ owner: OWNER, categories: CATEGORIES });

export const resolvers: ResolverMap = {
  ...datenschutz,
  Date: DateScalar,
  Person: { ...Person, ...datenschutz.Person },
  Bedarfsgemeinschaft,
  BgMitglied,
};
