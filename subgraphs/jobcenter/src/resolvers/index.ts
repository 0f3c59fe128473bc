import { DateScalar } from '@ip/kit';
import { datenschutzResolvers } from '@ip/kit/consent';
import type { JobcenterDatabase } from '../db/tables.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { CATEGORIES, OWNER, type Kategorie } from '../policy.ts';
import { Leistungsluecke, LueckenQuery } from './luecken.ts';
import { Mutation } from './mutation.ts';
import { Bedarfsgemeinschaft, BgMitglied, Person } from './person.ts';
import { KindergeldEinkommenKind, Rechtskreiswechsel, RechtskreisPerson } from './rechtskreis.ts';

const datenschutz = datenschutzResolvers<JobcenterDatabase, Kategorie>({ owner: OWNER, categories: CATEGORIES });

export const resolvers = {
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
} satisfies Resolvers;
