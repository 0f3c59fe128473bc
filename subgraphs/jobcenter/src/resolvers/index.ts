import type { Resolvers } from '../generated/resolvers.ts';
import { Leistungsluecke, LueckenPerson, LueckenQuery } from './luecken.ts';
import { Mutation } from './mutation.ts';
import { Bedarfsgemeinschaft, BgMitglied, Person } from './person.ts';
import { KindergeldEinkommenKind, Rechtskreiswechsel, RechtskreisPerson } from './rechtskreis.ts';

export const resolvers = {
  Query: LueckenQuery,
  Mutation,
  Person: { ...Person, ...RechtskreisPerson, ...LueckenPerson },
  Bedarfsgemeinschaft,
  BgMitglied,
  KindergeldEinkommenKind,
  Rechtskreiswechsel,
  Leistungsluecke,
} satisfies Resolvers;
