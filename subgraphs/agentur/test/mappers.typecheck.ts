/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { KeepsToSdl } from '@ip/kit/testing';
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

/** One mapped type's two checks; see `KeepsToSdl`. */
type Check<T extends keyof ResolversParentTypes, Gql> = KeepsToSdl<ResolversParentTypes, typeof resolvers, T, Gql>;

export const modelsKeepToTheSdl: {
  Person: Check<'Person', Person>;
  Fall: Check<'Fall', Fall>;
  FallEreignis: Check<'FallEreignis', FallEreignis>;
  Uebergabe: Check<'Uebergabe', Uebergabe>;
  Integrationsfachkraft: Check<'Integrationsfachkraft', Integrationsfachkraft>;
  Kompetenzfeststellung: Check<'Kompetenzfeststellung', Kompetenzfeststellung>;
  Sprachkurs: Check<'Sprachkurs', Sprachkurs>;
  Termin: Check<'Termin', Termin>;
  BleibeperspektiveKriterium: Check<'BleibeperspektiveKriterium', BleibeperspektiveKriterium>;
  FachkraftAuslastung: Check<'FachkraftAuslastung', FachkraftAuslastung>;
  IntegrationPointAuslastung: Check<'IntegrationPointAuslastung', IntegrationPointAuslastung>;
  FaelligeUebergabe: Check<'FaelligeUebergabe', FaelligeUebergabe>;
  Ansprachekandidat: Check<'Ansprachekandidat', Ansprachekandidat>;
  Datenschutz: Check<'Datenschutz', Datenschutz>;
  DatenschutzAuskunft: Check<'DatenschutzAuskunft', DatenschutzAuskunft>;
  Einwilligung: Check<'Einwilligung', Einwilligung>;
  Zugriff: Check<'Zugriff', Zugriff>;
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
