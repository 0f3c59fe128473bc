/**
 * What the Familienkasse owns and may release: its data categories. Kindergeld under the EStG is a tax
 * refund (§ 31 S. 3 EStG), so its data are under tax secrecy (§ 30 AO), not social data under § 67b SGB X. No
 * law lets it disclose them to the other partners; the person's consent does (§ 30 Abs. 4 Nr. 3 AO), so its
 * `rechtsgrundlage` table stays empty.
 */
export const OWNER = 'familienkasse' as const;

/** The law its releases answer to: disclosure under tax secrecy with the person's consent. */
export const RECHTSRAHMEN = '§ 30 Abs. 4 Nr. 3 AO (Steuergeheimnis)';

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  KINDERGELD: 'kindergeld',
} as const;

export type Kategorie = (typeof Kategorie)[keyof typeof Kategorie];
