/**
 * What the Familienkasse owns and may release: its data categories. No law lets it release Kindergeld data
 * to the other partners without the person's consent, so its `rechtsgrundlage` table stays empty.
 */
export const OWNER = 'familienkasse' as const;

export const Kategorie = {
  KINDERGELD: 'kindergeld',
} as const;

export const CATEGORIES: readonly string[] = Object.values(Kategorie);
