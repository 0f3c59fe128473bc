/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { DatenschutzResolvers } from '@ip/kit/consent';
import type { KeepsToSdl } from '@ip/kit/testing';
import type {
  Bedarfsgemeinschaft,
  BgMitglied,
  Datenschutz,
  DatenschutzAuskunft,
  Einwilligung,
  KindergeldEinkommen,
  KindergeldEinkommenKind,
  Leistungsluecke,
  Person,
  Rechtskreiswechsel,
  Sgb2Leistungsantrag,
  Sgb3Massnahme,
  Zugriff,
  Resolvers,
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { JobcenterDatabase } from '../src/db/tables.ts';
import type { Kategorie } from '../src/policy.ts';
import type { resolvers } from '../src/resolvers/index.ts';

/** What the subgraph serves: its own resolvers and the kit's data-protection module (`defineSubgraph` composes both). */
type Served = typeof resolvers & DatenschutzResolvers<JobcenterDatabase, Kategorie>;

/** One mapped type's two checks; see `KeepsToSdl`. */
type Check<T extends keyof ResolversParentTypes, Gql> = KeepsToSdl<ResolversParentTypes, Served, T, Gql>;

/** The kit's data-protection resolvers fit this partner's generated resolver types. */
declare const datenschutz: DatenschutzResolvers<JobcenterDatabase, Kategorie>;
export const datenschutzKeepsToSdl: Resolvers = datenschutz;

export const modelsKeepToTheSdl: {
  Person: Check<'Person', Person>;
  Bedarfsgemeinschaft: Check<'Bedarfsgemeinschaft', Bedarfsgemeinschaft>;
  BgMitglied: Check<'BgMitglied', BgMitglied>;
  Sgb2Leistungsantrag: Check<'Sgb2Leistungsantrag', Sgb2Leistungsantrag>;
  Rechtskreiswechsel: Check<'Rechtskreiswechsel', Rechtskreiswechsel>;
  Sgb3Massnahme: Check<'Sgb3Massnahme', Sgb3Massnahme>;
  KindergeldEinkommen: Check<'KindergeldEinkommen', KindergeldEinkommen>;
  KindergeldEinkommenKind: Check<'KindergeldEinkommenKind', KindergeldEinkommenKind>;
  Leistungsluecke: Check<'Leistungsluecke', Leistungsluecke>;
  Datenschutz: Check<'Datenschutz', Datenschutz>;
  DatenschutzAuskunft: Check<'DatenschutzAuskunft', DatenschutzAuskunft>;
  Einwilligung: Check<'Einwilligung', Einwilligung>;
  Zugriff: Check<'Zugriff', Zugriff>;
} = {
  Person: [true, true],
  Bedarfsgemeinschaft: [true, true],
  BgMitglied: [true, true],
  Sgb2Leistungsantrag: [true, true],
  Rechtskreiswechsel: [true, true],
  Sgb3Massnahme: [true, true],
  KindergeldEinkommen: [true, true],
  KindergeldEinkommenKind: [true, true],
  Leistungsluecke: [true, true],
  Datenschutz: [true, true],
  DatenschutzAuskunft: [true, true],
  Einwilligung: [true, true],
  Zugriff: [true, true],
};
