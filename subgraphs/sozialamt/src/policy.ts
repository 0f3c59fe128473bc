/**
 * What the Sozialamt (AsylbLG) owns and may release: its data categories. It releases them to another partner only
 * under the person's consent until a law it names says otherwise (rows of its `rechtsgrundlage` table,
 * seeded like the Ausländerbehörde's).
 */
export const OWNER = 'sozialamt' as const;

/** Its data categories; the partner registry (`@ip/kit/identity`) lists the same (test/partner-registry.unit.test.ts). */
export const Kategorie = {
  SOZIALAMT_VORGANG: 'sozialamt_vorgang',
} as const;
