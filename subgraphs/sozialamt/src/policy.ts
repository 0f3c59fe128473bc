/**
 * What the Sozialamt owns and may release: its data categories. The AsylbLG is not a book of the
 * Sozialgesetzbuch (§ 68 SGB I does not list it), so neither § 35 SGB I nor §§ 67 ff. SGB X bind these data
 * directly; § 9 Abs. 4 AsylbLG applies only §§ 44–50 and 102–114 SGB X. Its releases answer to the Land's data
 * protection law, like the Ausländerbehörde's; no paragraph lets it send benefit data to the Jobcenter unasked,
 * so its `rechtsgrundlage` table stays empty and every release needs the person's consent.
 */
export const OWNER = 'sozialamt' as const;

/** The law its releases answer to: the Land's data protection law, with the person's consent (§ 4 DSG NRW). */
export const RECHTSRAHMEN = '§§ 4, 14 DSG NRW (AsylbLG: kein Sozialgesetzbuch)';

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  ASYLBEWERBERLEISTUNGEN: 'asylbewerberleistungen',
} as const;

export type Kategorie = (typeof Kategorie)[keyof typeof Kategorie];
