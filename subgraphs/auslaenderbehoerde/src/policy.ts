/**
 * What the Ausländerbehörde owns and may release: its data categories. Which agency receives which
 * category is decided per request from consent and law (`@ip/kit/consent`); the dated legal bases are rows
 * of the `rechtsgrundlage` table, written by this subgraph's migrations.
 */
export const OWNER = 'auslaenderbehoerde' as const;

/** The law its releases answer to: the AufenthG's transfer rules and the Land's data protection law (consent: § 4 DSG NRW). */
export const RECHTSRAHMEN = '§ 90 AufenthG, §§ 4, 14 DSG NRW';

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  IDENTITAET: 'identitaet',
  AUFENTHALT: 'aufenthalt',
  ARBEITSMARKTZUGANG: 'arbeitsmarktzugang',
} as const;

export type Kategorie = (typeof Kategorie)[keyof typeof Kategorie];
