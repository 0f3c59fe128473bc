import type { Resolvers } from '../generated/resolvers.ts';
import { Mutation } from './mutation.ts';
import { Fall, Person, Termin } from './person.ts';
import { BleibeperspektiveKriterium, FachkraftAuslastung, Query } from './query.ts';

export const resolvers = {
  Query,
  Mutation,
  Person,
  Fall,
  Termin,
  FachkraftAuslastung,
  BleibeperspektiveKriterium,
} satisfies Resolvers;
