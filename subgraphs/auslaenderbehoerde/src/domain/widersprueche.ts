import type { Erlaubnis } from './arbeitsmarktzugang.ts';

export interface Widerspruch {
  readonly nebenbestimmung: string;
  readonly erlaubnis: Erlaubnis;
  readonly hinweis: string;
}

/**
 * Supplementary provisions that say something else than the law does on the day (Rahmenkonzept § 5:
 * papers often seem to forbid work although the ABH has simply not updated them yet). Each is a reason to
 * ask the ABH for a status clarification.
 */
export function widersprueche(nebenbestimmungen: readonly string[], erlaubnis: Erlaubnis): Widerspruch[] {
  const result: Widerspruch[] = [];
  // Where the rules do not model the title, its own entry on work is the only word: nothing to contradict.
  if (erlaubnis === 'NICHT_ABGEBILDET') return result;
  for (const nebenbestimmung of nebenbestimmungen) {
    const text = nebenbestimmung.toLowerCase();
    const forbids = /(erwerbstätigkeit|beschäftigung) nicht (gestattet|erlaubt)/.test(text);
    const needsPermission = /nur mit erlaubnis der ausländerbehörde/.test(text);
    const allows = /(erwerbstätigkeit|beschäftigung) (gestattet|erlaubt)/.test(text) && !forbids && !needsPermission;
    if (forbids && erlaubnis !== 'VERBOTEN') {
      result.push({
        nebenbestimmung,
        erlaubnis,
        hinweis:
          'Die Nebenbestimmung verbietet eine Beschäftigung, die nach der Rechtslage zulässig ist: Statusklärung anfragen.',
      });
    } else if (needsPermission && (erlaubnis === 'KRAFT_GESETZES' || erlaubnis === 'VERBOTEN')) {
      result.push({
        nebenbestimmung,
        erlaubnis,
        hinweis:
          erlaubnis === 'VERBOTEN'
            ? 'Die Nebenbestimmung stellt eine Erlaubnis in Aussicht, die nach der Rechtslage nicht erteilt werden darf.'
            : 'Die Erwerbstätigkeit ist kraft Gesetzes erlaubt; die Nebenbestimmung ist überholt.',
      });
    } else if (allows && erlaubnis === 'VERBOTEN') {
      result.push({
        nebenbestimmung,
        erlaubnis,
        hinweis: 'Die Nebenbestimmung gestattet eine Erwerbstätigkeit, die nach der Rechtslage verboten ist.',
      });
    }
  }
  return result;
}
