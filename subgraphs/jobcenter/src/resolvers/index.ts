import { DateScalar, type ResolverMap } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import { CATEGORIES, OWNER } from '../policy.ts';
import { Leistungsluecke, LueckenQuery } from './luecken.ts';
import { Mutation } from './mutation.ts';
import { Bedarfsgemeinschaft, BgMitglied, Person } from './person.ts';
import { KindergeldEinkommenKind, Rechtskreiswechsel, RechtskreisPerson } from './rechtskreis.ts';

const datenschutz = datenschutzResolvers({ owner: OWNER, categories: CATEGORIES });

export const resolvers: ResolverMap = {
  ...datenschutz,
  Date: DateScalar,
  Query: LueckenQuery,
  Mutation: { ...datenschutz.Mutation, ...Mutation },
  Person: { ...Person, ...RechtskreisPerson, ...datenschutz.Person },
  Bedarfsgemeinschaft,
  BgMitglied,
  KindergeldEinkommenKind,
  Rechtskreiswechsel,
  Leistungsluecke,
};
