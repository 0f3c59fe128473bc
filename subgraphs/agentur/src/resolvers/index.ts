import { DateScalar, type ResolverMap } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import { CATEGORIES, OWNER } from '../policy.ts';
import { Mutation } from './mutation.ts';
import { Fall, Person, Termin } from './person.ts';
import { BleibeperspektiveKriterium, FachkraftAuslastung, Query } from './query.ts';

const datenschutz = datenschutzResolvers({ owner: OWNER, categories: CATEGORIES });

export const resolvers: ResolverMap = {
  ...datenschutz,
  Date: DateScalar,
  Query,
  Mutation: { ...Mutation, ...datenschutz.Mutation },
  Person: { ...Person, ...datenschutz.Person },
  Fall,
  Termin,
  FachkraftAuslastung,
  BleibeperspektiveKriterium,
};
