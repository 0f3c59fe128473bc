/**
 * What the Jobcenter owns and may release: its data categories. Its data are social data (§ 35 SGB I); no law
 * lets it release them to the other partners without the person's consent, so its `rechtsgrundlage` table stays
 * empty (§ 50 Abs. 1 SGB II would carry releases to the Agentur needed for its SGB III tasks; none is modelled).
 */
export const OWNER = 'jobcenter' as const;

/** The law its releases answer to: consent to a transfer of social data. */
export const RECHTSRAHMEN = '§ 67b SGB X (Sozialdaten, § 35 SGB I)';

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  BEDARFSGEMEINSCHAFT: 'bedarfsgemeinschaft',
  LEISTUNGEN: 'leistungen',
} as const;

export type Kategorie = (typeof Kategorie)[keyof typeof Kategorie];
