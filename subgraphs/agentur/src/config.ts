import { parseConfig, partnerConfig, type Environment } from '@ip/kit';
import { z } from 'zod';

/** Read once at start: AGENTUR_PORT (4001), AGENTUR_DATABASE_URL (required), _DEMO_DATA. */
export const loadConfig = (env: Environment) => partnerConfig('agentur', env);

/** What the partners of an Integration Point agree (Rahmenkonzept §6, §7.3), and where the graph is. */
export interface AgenturSettings {
  /** The gateway the Agentur asks for the Ausländerbehörde's facts, on the caller's behalf. */
  readonly graphUrl: string;
  /** Unemployed customers per integration specialist (Rahmenkonzept: 100). */
  readonly betreuungsschluessel: number;
  /** Days above the key after which the excess counts as sustained and cases go back. */
  readonly nachhaltigAbTagen: number;
  /** Maximum stay in the Integration Point, in months (Rahmenkonzept: e.g. 6 or 12). */
  readonly hoechstverweildauerMonate: number;
  /** Days before the end of the maximum stay from which a case is listed as ending soon. */
  readonly uebergabeVorlaufTage: number;
}

export const DEFAULT_SETTINGS: Omit<AgenturSettings, 'graphUrl'> = {
  betreuungsschluessel: 100,
  nachhaltigAbTagen: 28,
  hoechstverweildauerMonate: 6,
  uebergabeVorlaufTage: 28,
};

/** The gateway on its default port, where `npm start` runs it. */
export const DEFAULT_GRAPH_URL = 'http://localhost:4000/graphql';

/**
 * AGENTUR_GRAPH_URL (default the local gateway), AGENTUR_BETREUUNGSSCHLUESSEL (100),
 * AGENTUR_NACHHALTIG_AB_TAGEN (28), AGENTUR_HOECHSTVERWEILDAUER_MONATE (6), AGENTUR_UEBERGABE_VORLAUF_TAGE (28).
 */
export function agenturSettings(env: Environment): AgenturSettings {
  const raw = parseConfig(
    z.object({
      GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
      AGENTUR_GRAPH_URL: z.url({ protocol: /^https?$/ }).optional(),
      AGENTUR_BETREUUNGSSCHLUESSEL: z.coerce
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(DEFAULT_SETTINGS.betreuungsschluessel),
      AGENTUR_NACHHALTIG_AB_TAGEN: z.coerce.number().int().min(1).max(365).default(DEFAULT_SETTINGS.nachhaltigAbTagen),
      AGENTUR_HOECHSTVERWEILDAUER_MONATE: z.coerce
        .number()
        .int()
        .min(1)
        .max(36)
        .default(DEFAULT_SETTINGS.hoechstverweildauerMonate),
      AGENTUR_UEBERGABE_VORLAUF_TAGE: z.coerce
        .number()
        .int()
        .min(0)
        .max(180)
        .default(DEFAULT_SETTINGS.uebergabeVorlaufTage),
    }),
    env,
  );
  return Object.freeze({
    graphUrl: raw.AGENTUR_GRAPH_URL ?? `http://localhost:${raw.GATEWAY_PORT}/graphql`,
    betreuungsschluessel: raw.AGENTUR_BETREUUNGSSCHLUESSEL,
    nachhaltigAbTagen: raw.AGENTUR_NACHHALTIG_AB_TAGEN,
    hoechstverweildauerMonate: raw.AGENTUR_HOECHSTVERWEILDAUER_MONATE,
    uebergabeVorlaufTage: raw.AGENTUR_UEBERGABE_VORLAUF_TAGE,
  });
}
