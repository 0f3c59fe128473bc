import { DateScalar, type ResolverMap } from '@ip/kit';
import { Aufenthalt, Person } from './person.ts';
import { Query } from './query.ts';

export const resolvers: ResolverMap = { Date: DateScalar, Query, Person, Aufenthalt };
