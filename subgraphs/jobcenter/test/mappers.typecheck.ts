/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { MissingFields, ModelConflicts, None } from '@ip/kit/testing';
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
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { resolvers } from '../src/resolvers/index.ts';

type Mapped = keyof typeof resolvers | keyof ResolversParentTypes;
type Served<T extends Mapped> = T extends keyof typeof resolvers ? (typeof resolvers)[T] : object;
type Conflicts<T extends Mapped & keyof ResolversParentTypes, Gql> = None<
  ModelConflicts<ResolversParentTypes[T], Gql, Served<T>>
>;
type Missing<T extends Mapped & keyof ResolversParentTypes, Gql> = None<
  MissingFields<ResolversParentTypes[T], Gql, Served<T>>
>;

export const modelsKeepToTheSdl: {
  Person: [Conflicts<'Person', Person>, Missing<'Person', Person>];
  Bedarfsgemeinschaft: [
    Conflicts<'Bedarfsgemeinschaft', Bedarfsgemeinschaft>,
    Missing<'Bedarfsgemeinschaft', Bedarfsgemeinschaft>,
  ];
  BgMitglied: [Conflicts<'BgMitglied', BgMitglied>, Missing<'BgMitglied', BgMitglied>];
  Sgb2Leistungsantrag: [
    Conflicts<'Sgb2Leistungsantrag', Sgb2Leistungsantrag>,
    Missing<'Sgb2Leistungsantrag', Sgb2Leistungsantrag>,
  ];
  Rechtskreiswechsel: [
    Conflicts<'Rechtskreiswechsel', Rechtskreiswechsel>,
    Missing<'Rechtskreiswechsel', Rechtskreiswechsel>,
  ];
  Sgb3Massnahme: [Conflicts<'Sgb3Massnahme', Sgb3Massnahme>, Missing<'Sgb3Massnahme', Sgb3Massnahme>];
  KindergeldEinkommen: [
    Conflicts<'KindergeldEinkommen', KindergeldEinkommen>,
    Missing<'KindergeldEinkommen', KindergeldEinkommen>,
  ];
  KindergeldEinkommenKind: [
    Conflicts<'KindergeldEinkommenKind', KindergeldEinkommenKind>,
    Missing<'KindergeldEinkommenKind', KindergeldEinkommenKind>,
  ];
  Leistungsluecke: [Conflicts<'Leistungsluecke', Leistungsluecke>, Missing<'Leistungsluecke', Leistungsluecke>];
  Datenschutz: [Conflicts<'Datenschutz', Datenschutz>, Missing<'Datenschutz', Datenschutz>];
  DatenschutzAuskunft: [
    Conflicts<'DatenschutzAuskunft', DatenschutzAuskunft>,
    Missing<'DatenschutzAuskunft', DatenschutzAuskunft>,
  ];
  Einwilligung: [Conflicts<'Einwilligung', Einwilligung>, Missing<'Einwilligung', Einwilligung>];
  Zugriff: [Conflicts<'Zugriff', Zugriff>, Missing<'Zugriff', Zugriff>];
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
