import type { IsoDate } from '@ip/kit';
import { addDays, addMonths, daysBetween } from '@ip/kit/calendar';

/** Basic benefits under § 3, or benefits analogous to SGB XII under § 2 AsylbLG. */
export type Leistungsart = 'GRUNDLEISTUNG_3' | 'ANALOG_2';

export interface LeistungsartFakten {
  /** First day of the stay in Germany. */
  readonly einreiseAm: IsoDate;
  /** The § 3 periods received; an open period runs on. Only the pre-2015 rule counts them. */
  readonly grundleistungen: readonly { readonly ab: IsoDate; readonly bis: IsoDate | null }[];
  /** The Sozialamt found that the person influenced the length of stay abusively (§ 2 Abs. 1 last half-sentence). */
  readonly rechtsmissbrauch?: boolean;
}

export interface LeistungsartEntscheidung {
  readonly leistungsart: Leistungsart;
  /** Under the rule applied, the first day of analogous benefits; null if not reached by the Stichtag. */
  readonly analogAb: IsoDate | null;
  readonly rechtsgrundlage: string;
  readonly fassung: string;
  readonly hinweis: string;
}

interface Regel {
  readonly ab: IsoDate;
  readonly fassung: string;
  /** The first day of § 2 benefits under this version, if reached by the Stichtag. */
  readonly analogAb: (fakten: LeistungsartFakten, stichtag: IsoDate) => IsoDate | null;
  readonly frist: string;
}

/**
 * Until 28.02.2015: 48 months of § 3 benefits received in total ("insgesamt"), interruptions not counted. The
 * 48 months are as many days as 48 calendar months from the first day received (§ 188 Abs. 2 BGB), so a
 * continuous receipt reaches them on the day 48 months later.
 */
function nach48MonatenBezug(fakten: LeistungsartFakten, stichtag: IsoDate): IsoDate | null {
  const perioden = [...fakten.grundleistungen].sort((a, b) => (a.ab < b.ab ? -1 : 1));
  const erste = perioden[0];
  if (!erste) return null;
  const noetig = daysBetween(erste.ab, addMonths(erste.ab, 48));
  let bisher = 0;
  for (const periode of perioden) {
    if (periode.ab > stichtag) break;
    const ende = periode.bis === null || periode.bis > stichtag ? stichtag : periode.bis;
    const tage = daysBetween(periode.ab, ende) + 1;
    if (bisher + tage > noetig) return addDays(periode.ab, noetig - bisher);
    bisher += tage;
  }
  return null;
}

/**
 * From 01.03.2015: 15 months of stay without substantial interruption. The Sozialamt records no interruptions,
 * so the stay runs from entry; the 15 months end the day before the same date 15 months later (§ 188 Abs. 2 BGB).
 */
function nach15MonatenAufenthalt(fakten: LeistungsartFakten, stichtag: IsoDate): IsoDate | null {
  const ab = addMonths(fakten.einreiseAm, 15);
  return ab <= stichtag ? ab : null;
}

// prettier-ignore
const REGELN: readonly Regel[] = [
  { ab: '1900-01-01', fassung: 'AsylbLG i. d. F. des Gesetzes vom 19.08.2007 (BGBl. I S. 1970), bis 28.02.2015', analogAb: nach48MonatenBezug, frist: '48 Monate Grundleistungen nach § 3 bezogen' },
  { ab: '2015-03-01', fassung: 'AsylbLG i. d. F. des Gesetzes vom 10.12.2014 (BGBl. I S. 2187), ab 01.03.2015', analogAb: nach15MonatenAufenthalt, frist: '15 Monate Aufenthalt im Bundesgebiet' },
];

/** Which benefits on the Stichtag, by the version of § 2 Abs. 1 AsylbLG in force that day, and which rule decided. */
export function bestimmeLeistungsart(fakten: LeistungsartFakten, stichtag: IsoDate): LeistungsartEntscheidung {
  const regel = REGELN.findLast((kandidat) => kandidat.ab <= stichtag)!;
  const analogAb = regel.analogAb(fakten, stichtag);
  if (analogAb === null) {
    return {
      leistungsart: 'GRUNDLEISTUNG_3',
      analogAb: null,
      rechtsgrundlage: '§ 3 AsylbLG',
      fassung: regel.fassung,
      hinweis: `Noch nicht ${regel.frist} (§ 2 Abs. 1 AsylbLG).`,
    };
  }
  if (fakten.rechtsmissbrauch) {
    return {
      leistungsart: 'GRUNDLEISTUNG_3',
      analogAb,
      rechtsgrundlage: '§ 3 AsylbLG',
      fassung: regel.fassung,
      hinweis: `${regel.frist}, aber die Aufenthaltsdauer rechtsmissbräuchlich selbst beeinflusst (§ 2 Abs. 1 AsylbLG).`,
    };
  }
  return {
    leistungsart: 'ANALOG_2',
    analogAb,
    rechtsgrundlage: '§ 2 Abs. 1 AsylbLG',
    fassung: regel.fassung,
    hinweis: `${regel.frist}: Leistungen entsprechend SGB XII.`,
  };
}
