/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { MissingFields, ModelConflicts, None } from '@ip/kit/testing';
import type {
  Ansprachekandidat,
  BleibeperspektiveKriterium,
  Datenschutz,
  DatenschutzAuskunft,
  Einwilligung,
  FachkraftAuslastung,
  FaelligeUebergabe,
  Fall,
  FallEreignis,
  IntegrationPointAuslastung,
  Integrationsfachkraft,
  Kompetenzfeststellung,
  Person,
  Sprachkurs,
  Termin,
  Uebergabe,
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
  Fall: [Conflicts<'Fall', Fall>, Missing<'Fall', Fall>];
  FallEreignis: [Conflicts<'FallEreignis', FallEreignis>, Missing<'FallEreignis', FallEreignis>];
  Uebergabe: [Conflicts<'Uebergabe', Uebergabe>, Missing<'Uebergabe', Uebergabe>];
  Integrationsfachkraft: [
    Conflicts<'Integrationsfachkraft', Integrationsfachkraft>,
    Missing<'Integrationsfachkraft', Integrationsfachkraft>,
  ];
  Kompetenzfeststellung: [
    Conflicts<'Kompetenzfeststellung', Kompetenzfeststellung>,
    Missing<'Kompetenzfeststellung', Kompetenzfeststellung>,
  ];
  Sprachkurs: [Conflicts<'Sprachkurs', Sprachkurs>, Missing<'Sprachkurs', Sprachkurs>];
  Termin: [Conflicts<'Termin', Termin>, Missing<'Termin', Termin>];
  BleibeperspektiveKriterium: [
    Conflicts<'BleibeperspektiveKriterium', BleibeperspektiveKriterium>,
    Missing<'BleibeperspektiveKriterium', BleibeperspektiveKriterium>,
  ];
  FachkraftAuslastung: [
    Conflicts<'FachkraftAuslastung', FachkraftAuslastung>,
    Missing<'FachkraftAuslastung', FachkraftAuslastung>,
  ];
  IntegrationPointAuslastung: [
    Conflicts<'IntegrationPointAuslastung', IntegrationPointAuslastung>,
    Missing<'IntegrationPointAuslastung', IntegrationPointAuslastung>,
  ];
  FaelligeUebergabe: [
    Conflicts<'FaelligeUebergabe', FaelligeUebergabe>,
    Missing<'FaelligeUebergabe', FaelligeUebergabe>,
  ];
  Ansprachekandidat: [
    Conflicts<'Ansprachekandidat', Ansprachekandidat>,
    Missing<'Ansprachekandidat', Ansprachekandidat>,
  ];
  Datenschutz: [Conflicts<'Datenschutz', Datenschutz>, Missing<'Datenschutz', Datenschutz>];
  DatenschutzAuskunft: [
    Conflicts<'DatenschutzAuskunft', DatenschutzAuskunft>,
    Missing<'DatenschutzAuskunft', DatenschutzAuskunft>,
  ];
  Einwilligung: [Conflicts<'Einwilligung', Einwilligung>, Missing<'Einwilligung', Einwilligung>];
  Zugriff: [Conflicts<'Zugriff', Zugriff>, Missing<'Zugriff', Zugriff>];
} = {
  Person: [true, true],
  Fall: [true, true],
  FallEreignis: [true, true],
  Uebergabe: [true, true],
  Integrationsfachkraft: [true, true],
  Kompetenzfeststellung: [true, true],
  Sprachkurs: [true, true],
  Termin: [true, true],
  BleibeperspektiveKriterium: [true, true],
  FachkraftAuslastung: [true, true],
  IntegrationPointAuslastung: [true, true],
  FaelligeUebergabe: [true, true],
  Ansprachekandidat: [true, true],
  Datenschutz: [true, true],
  DatenschutzAuskunft: [true, true],
  Einwilligung: [true, true],
  Zugriff: [true, true],
};
