/**
 * What the Agentur für Arbeit owns and may release: its data categories. No law lets it release them to
 * the other partners without the person's consent, so its `rechtsgrundlage` table stays empty.
 */
export const OWNER = 'agentur' as const;

export const Kategorie = {
  FALL: 'fall',
  QUALIFIKATION: 'qualifikation',
  SPRACHFOERDERUNG: 'sprachfoerderung',
} as const;

export const CATEGORIES: readonly string[] = Object.values(Kategorie);
