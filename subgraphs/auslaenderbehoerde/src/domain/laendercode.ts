const NAMES = new Intl.DisplayNames(['de'], { type: 'region', fallback: 'none' });
/** Codes ICU knows as regions that are not countries. */
const KEINE_STAATEN = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);

/**
 * ISO 3166-1 alpha-2, as Node's ICU data knows the countries; XK (Kosovo) is the code German
 * authorities use although ISO has not assigned it.
 */
export function istLaendercode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !KEINE_STAATEN.has(code) && (code === 'XK' || NAMES.of(code) !== undefined);
}
