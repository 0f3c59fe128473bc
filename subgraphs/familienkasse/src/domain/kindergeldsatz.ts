import type { IsoDate } from '@ip/kit';
import { addDays } from '@ip/kit/calendar';

/**
 * Monthly Kindergeld under § 66 Abs. 1 EStG by the child's place in the order of the parent's children
 * (1st, 2nd, 3rd, 4th and later), for the months from `ab`. Each row is the law as it applies to that month,
 * retroactive raises included (the 2015 raise was enacted in July 2015 for all of 2015).
 */
export interface Kindergeldsatz {
  readonly ab: IsoDate;
  readonly betraege: readonly [number, number, number, number];
  readonly quelle: string;
}

const KINDERGELDSAETZE: readonly Kindergeldsatz[] = [
  {
    ab: '2010-01-01',
    betraege: [184, 184, 190, 215],
    quelle: '§ 66 Abs. 1 EStG i. d. F. des Wachstumsbeschleunigungsgesetzes vom 22.12.2009 (BGBl. I S. 3950)',
  },
  {
    ab: '2015-01-01',
    betraege: [188, 188, 194, 219],
    quelle:
      '§ 66 Abs. 1 EStG i. d. F. des Art. 1 des Gesetzes vom 16.07.2015 (BGBl. I S. 1202), rückwirkend ab 01.01.2015',
  },
  {
    ab: '2016-01-01',
    betraege: [190, 190, 196, 221],
    quelle: '§ 66 Abs. 1 EStG i. d. F. des Art. 2 des Gesetzes vom 16.07.2015 (BGBl. I S. 1202), ab 01.01.2016',
  },
  {
    ab: '2017-01-01',
    betraege: [192, 192, 198, 223],
    quelle: '§ 66 Abs. 1 EStG i. d. F. des Gesetzes vom 20.12.2016 (BGBl. I S. 3000), ab 01.01.2017',
  },
];

/** The table covers months up to here; later amounts are not recorded, so they are refused, never guessed. */
const TABELLE_BIS: IsoDate = '2017-12-31';

export type SatzErgebnis =
  | { readonly betrag: number; readonly quelle: string }
  | { readonly fehler: 'MONAT_AUSSERHALB' | 'ORDNUNGSZAHL_UNGUELTIG' };

/** Kindergeld in EUR for the month containing `monat` and the n-th child (n ≥ 1). */
export function kindergeldsatz(monat: IsoDate, ordnungszahl: number): SatzErgebnis {
  if (!Number.isInteger(ordnungszahl) || ordnungszahl < 1 || ordnungszahl > 30)
    return { fehler: 'ORDNUNGSZAHL_UNGUELTIG' };
  const ersterTag = `${monat.slice(0, 7)}-01`;
  if (ersterTag > TABELLE_BIS) return { fehler: 'MONAT_AUSSERHALB' };
  const satz = [...KINDERGELDSAETZE].reverse().find((row) => row.ab <= ersterTag);
  if (!satz) return { fehler: 'MONAT_AUSSERHALB' };
  return { betrag: satz.betraege[Math.min(ordnungszahl, 4) - 1]!, quelle: satz.quelle };
}

export interface SatzZeitraum {
  readonly ab: IsoDate;
  readonly bis: IsoDate;
  readonly betrag: number;
}

/**
 * The amounts for the n-th child from the month of `ab` on, one period per table row; the last period of the
 * table ends on TABELLE_BIS, since nothing later is recorded.
 */
export function satzverlauf(ab: IsoDate, ordnungszahl: number): SatzZeitraum[] {
  const start = `${ab.slice(0, 7)}-01`;
  const zeitraeume: SatzZeitraum[] = [];
  KINDERGELDSAETZE.forEach((row, index) => {
    const next = KINDERGELDSAETZE[index + 1];
    const bis = next ? addDays(next.ab, -1) : TABELLE_BIS;
    if (bis < start) return;
    zeitraeume.push({ ab: row.ab < start ? start : row.ab, bis, betrag: row.betraege[Math.min(ordnungszahl, 4) - 1]! });
  });
  return zeitraeume;
}
