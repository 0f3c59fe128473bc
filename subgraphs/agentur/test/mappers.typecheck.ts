/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { DatenschutzResolvers } from '@ip/kit/consent';
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
  Resolvers,
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { AgenturDatabase } from '../src/db/tables.ts';
import type { Kategorie } from '../src/policy.ts';
import type { resolvers } from '../src/resolvers/index.ts';

/** What the subgraph serves: its own resolvers and the kit's data-protection module (`defineSubgraph` composes both). */
type Served = typeof resolvers & DatenschutzResolvers<AgenturDatabase, Kategorie>;

/** One mapped type's two checks; see `KeepsToSdl`. */
type Check<T extends keyof ResolversParentTypes, Gql> = KeepsToSdl<ResolversParentTypes, Served, T, Gql>;

/** The kit's data-protection resolvers fit this partner's generated resolver types. */
declare const datenschutz: DatenschutzResolvers<AgenturDatabase, Kategorie>;
export const datenschutzKeepsToSdl: Resolvers = datenschutz;

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
