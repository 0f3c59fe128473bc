/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { DatenschutzResolvers } from '@ip/kit/consent';
import type { KeepsToSdl } from '@ip/kit/testing';
import type {
  Arbeitsmarktzugang,
  Aufenthalt,
  Aufenthaltsstatus,
  Datenschutz,
  DatenschutzAuskunft,
  Einwilligung,
  Identitaet,
  Person,
  Statusklaerung,
  Widerspruch,
  Zugriff,
  Resolvers,
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { AuslaenderbehoerdeDatabase } from '../src/db/tables.ts';
import type { Kategorie } from '../src/policy.ts';
import type { resolvers } from '../src/resolvers/index.ts';

/** What the subgraph serves: its own resolvers and the kit's data-protection module (`defineSubgraph` composes both). */
type Served = typeof resolvers & DatenschutzResolvers<AuslaenderbehoerdeDatabase, Kategorie>;

/** One mapped type's two checks; see `KeepsToSdl`. */
type Check<T extends keyof ResolversParentTypes, Gql> = KeepsToSdl<ResolversParentTypes, Served, T, Gql>;

/** The kit's data-protection resolvers fit this partner's generated resolver types. */
declare const datenschutz: DatenschutzResolvers<AuslaenderbehoerdeDatabase, Kategorie>;
export const datenschutzKeepsToSdl: Resolvers = datenschutz;

export const modelsKeepToTheSdl: {
  Person: Check<'Person', Person>;
  Identitaet: Check<'Identitaet', Identitaet>;
  Aufenthalt: Check<'Aufenthalt', Aufenthalt>;
  Aufenthaltsstatus: Check<'Aufenthaltsstatus', Aufenthaltsstatus>;
  Statusklaerung: Check<'Statusklaerung', Statusklaerung>;
  Arbeitsmarktzugang: Check<'Arbeitsmarktzugang', Arbeitsmarktzugang>;
  Widerspruch: Check<'Widerspruch', Widerspruch>;
  Datenschutz: Check<'Datenschutz', Datenschutz>;
  DatenschutzAuskunft: Check<'DatenschutzAuskunft', DatenschutzAuskunft>;
  Einwilligung: Check<'Einwilligung', Einwilligung>;
  Zugriff: Check<'Zugriff', Zugriff>;
} = {
  Person: [true, true],
  Identitaet: [true, true],
  Aufenthalt: [true, true],
  Aufenthaltsstatus: [true, true],
  Statusklaerung: [true, true],
  Arbeitsmarktzugang: [true, true],
  Widerspruch: [true, true],
  Datenschutz: [true, true],
  DatenschutzAuskunft: [true, true],
  Einwilligung: [true, true],
  Zugriff: [true, true],
};
