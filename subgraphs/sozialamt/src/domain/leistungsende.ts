import type { IsoDate } from '@ip/kit';
import { addDays, addMonths } from '@ip/kit/calendar';
import { pruefeLeistungsberechtigung, type BerechtigungsFakten } from './leistungsberechtigung.ts';
import { monatsende } from './monat.ts';

export type EndeGrund = 'AUSREISE' | 'ANERKENNUNG' | 'VORAUSSETZUNG_ENTFALLEN';

export interface EndeFakten extends BerechtigungsFakten {
  /** Day the BAMF decided the recognition (or a court obliged it to), final or not. */
  readonly anerkanntAm: IsoDate | null;
  readonly ausreiseAm?: IsoDate | null;
}

export interface Leistungsende {
  /** The last day of the AsylbLG entitlement. */
  readonly letzterTag: IsoDate;
  readonly grund: EndeGrund;
  readonly rechtsgrundlage: string;
  readonly hinweis: string;
}

/**
 * Days on which the answer of § 1 Abs. 1 can change: the first and the day after the last day of every paper and
 * recorded span (the person's and the relatives'), 18 months after each Duldung and permit (Nr. 3 Buchst. c),
 * the 18th birthday (Nr. 6), and the versions' first days. Checking only these finds the first day without
 * entitlement without walking the calendar day by day.
 */
function wendetage(fakten: EndeFakten): IsoDate[] {
  const spannen = [
    ...fakten.verlauf,
    ...(fakten.ausreisepflichtig ?? []),
    ...(fakten.angehoerige ?? []).flatMap((a) => [...a.verlauf, ...(a.ausreisepflichtig ?? [])]),
  ];
  const tage = spannen.flatMap((spanne) => [
    spanne.gueltigAb,
    addMonths(spanne.gueltigAb, 18),
    ...(spanne.gueltigBis === null ? [] : [addDays(spanne.gueltigBis, 1)]),
  ]);
  tage.push(addMonths(fakten.geburtsdatum, 18 * 12), '2015-03-01', '2015-10-24');
  return [...new Set(tage)].sort();
}

/**
 * The end of an entitlement that ran on `ab`, as known by `bis` (§ 1 Abs. 3 AsylbLG in its 2015 wording, left
 * unchanged by the laws in force 01.03.2015 and 24.10.2015): with the departure; else at the end of the
 * month in which the BAMF recognised the person, "auch wenn die Entscheidung noch nicht unanfechtbar ist", or in
 * which a condition of § 1 Abs. 1 ceased. The text names recognition "als Asylberechtigten"; like the Integration
 * Point (issue 15, DOMAIN.md) we apply it to every recognition, refugee status included — for them the Gestattung
 * ends later, at finality (§ 67 AsylG), which would only move the end further. The earliest event decides.
 */
export function leistungsende(fakten: EndeFakten, ab: IsoDate, bis: IsoDate): Leistungsende | null {
  const kandidaten: Leistungsende[] = [];
  if (fakten.ausreiseAm && ab <= fakten.ausreiseAm && fakten.ausreiseAm <= bis) {
    kandidaten.push({
      letzterTag: fakten.ausreiseAm,
      grund: 'AUSREISE',
      rechtsgrundlage: '§ 1 Abs. 3 AsylbLG',
      hinweis: `Ausgereist am ${fakten.ausreiseAm}.`,
    });
  }
  if (fakten.anerkanntAm && ab <= fakten.anerkanntAm && fakten.anerkanntAm <= bis) {
    kandidaten.push({
      letzterTag: monatsende(fakten.anerkanntAm),
      grund: 'ANERKENNUNG',
      rechtsgrundlage: '§ 1 Abs. 3 AsylbLG',
      hinweis: `Anerkannt am ${fakten.anerkanntAm}: Leistungen bis zum Ende dieses Monats.`,
    });
  }
  const wegfall = wendetage(fakten).find(
    (tag) => ab < tag && tag <= bis && !pruefeLeistungsberechtigung(fakten, tag).berechtigt,
  );
  if (wegfall !== undefined) {
    const warum = pruefeLeistungsberechtigung(fakten, wegfall);
    kandidaten.push({
      letzterTag: monatsende(wegfall),
      grund: 'VORAUSSETZUNG_ENTFALLEN',
      rechtsgrundlage: '§ 1 Abs. 3 AsylbLG',
      hinweis: `Ab ${wegfall} nicht mehr leistungsberechtigt (${warum.rechtsgrundlage}: ${warum.hinweis}) — Leistungen bis zum Ende dieses Monats.`,
    });
  }
  return kandidaten.sort((a, b) => (a.letzterTag < b.letzterTag ? -1 : a.letzterTag > b.letzterTag ? 1 : 0))[0] ?? null;
}

/** After the AsylbLG, SGB II: what follows from the Sozialamt's last day. */
export interface Sgb2Anschluss {
  /** First day of SGB II: the day after the last AsylbLG day. */
  readonly ab: IsoDate;
  /** An SGB II application received by this day works back to the first of its month (§ 37 Abs. 2 S. 2 SGB II). */
  readonly antragSpaetestens: IsoDate;
}

/**
 * SGB II may follow the day after, and an application received in that month works back to its first (§ 37
 * Abs. 2 S. 2 SGB II, version of 13.05.2011, BGBl. I S. 850). None after a departure.
 */
export function sgb2Anschluss(ende: Pick<Leistungsende, 'letzterTag' | 'grund'>): Sgb2Anschluss | null {
  if (ende.grund === 'AUSREISE') return null;
  const ab = addDays(ende.letzterTag, 1);
  return { ab, antragSpaetestens: monatsende(ab) };
}
