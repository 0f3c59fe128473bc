/**
 * What the Agentur für Arbeit owns and may release: its data categories. Without consent only what a law
 * allows: § 50 Abs. 1 SGB II carries its qualification data to the Jobcenter (a dated `rechtsgrundlage` row).
 */
export const OWNER = 'agentur' as const;

/** The law its releases answer to: consent to a transfer of social data. */
export const RECHTSRAHMEN = '§ 67b SGB X (Sozialdaten, § 35 SGB I)';

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  FALL: 'fall',
  QUALIFIKATION: 'qualifikation',
  SPRACHFOERDERUNG: 'sprachfoerderung',
} as const;

export type Kategorie = (typeof Kategorie)[keyof typeof Kategorie];
