/**
 * What the Jobcenter owns and may release: its data categories. No law lets it release them to the other
 * partners without the person's consent, so its `rechtsgrundlage` table stays empty.
 */
export const OWNER = 'jobcenter' as const;

export const Kategorie = {
  BEDARFSGEMEINSCHAFT: 'bedarfsgemeinschaft',
  LEISTUNGEN: 'leistungen',
} as const;

export const CATEGORIES: readonly string[] = Object.values(Kategorie);
