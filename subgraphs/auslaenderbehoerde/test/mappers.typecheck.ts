/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
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
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { resolvers } from '../src/resolvers/index.ts';

/** One mapped type's two checks; see `KeepsToSdl`. */
type Check<T extends keyof ResolversParentTypes, Gql> = KeepsToSdl<ResolversParentTypes, typeof resolvers, T, Gql>;

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
