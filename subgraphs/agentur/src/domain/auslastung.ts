import type { IsoDate } from '@ip/kit';
import { daysBetween } from '@ip/kit/calendar';

/** A case counts as an unemployed customer of its specialist from its opening day until the day before it ended. */
export interface Betreuung {
  readonly fallId: string;
  readonly eroeffnetAm: IsoDate;
  /** The day it was handed over or closed: from this day on it no longer counts. */
  readonly endeAm: IsoDate | null;
}

const zaehlt = (betreuung: Betreuung, tag: IsoDate) =>
  betreuung.eroeffnetAm <= tag && (betreuung.endeAm === null || tag < betreuung.endeAm);

export function fallzahlAm(betreuungen: readonly Betreuung[], tag: IsoDate): number {
  return betreuungen.filter((betreuung) => zaehlt(betreuung, tag)).length;
}

/**
 * First day of the uninterrupted run of days up to the Stichtag with more cases than the key; null when
 * the Stichtag itself is not above it. The count changes only on opening and end days, so it walks back
 * over those days instead of over every calendar day.
 */
export function ueberSchluesselSeit(
  betreuungen: readonly Betreuung[],
  stichtag: IsoDate,
  schluessel: number,
): IsoDate | null {
  const aenderung = new Map<IsoDate, number>();
  for (const { eroeffnetAm, endeAm } of betreuungen) {
    if (eroeffnetAm > stichtag) continue;
    aenderung.set(eroeffnetAm, (aenderung.get(eroeffnetAm) ?? 0) + 1);
    if (endeAm !== null && endeAm <= stichtag) aenderung.set(endeAm, (aenderung.get(endeAm) ?? 0) - 1);
  }
  let fallzahl = fallzahlAm(betreuungen, stichtag);
  if (fallzahl <= schluessel) return null;
  // Walking back from the Stichtag: on each change day the count before it was fallzahl minus the change.
  const tage = [...aenderung.keys()].sort().reverse();
  for (const tag of tage) {
    fallzahl -= aenderung.get(tag)!;
    if (fallzahl <= schluessel) return tag;
  }
  // Before the first opening nobody was counted, so the walk always ends above.
  return tage.at(-1)!;
}

export interface AuslastungFachkraft {
  readonly fallzahl: number;
  readonly schluessel: number;
  readonly ueberSchluessel: number;
  readonly ueberSchluesselSeit: IsoDate | null;
  readonly nachhaltigUeberschritten: boolean;
  /** Ids of the cases to hand back, longest in the Integration Point first. */
  readonly abgabevorschlaege: readonly string[];
}

/**
 * A specialist's caseload against the key ("atmendes System", Rahmenkonzept §7.3). The excess is
 * sustained when the key was exceeded on every one of the last `nachhaltigAbTagen` days up to the
 * Stichtag; then as many cases as are above the key are proposed for hand-back, longest in the case first.
 */
export function auslastungFachkraft(
  betreuungen: readonly Betreuung[],
  stichtag: IsoDate,
  regel: { readonly schluessel: number; readonly nachhaltigAbTagen: number },
): AuslastungFachkraft {
  const aktiv = betreuungen.filter((betreuung) => zaehlt(betreuung, stichtag));
  const ueberSchluessel = Math.max(0, aktiv.length - regel.schluessel);
  const seit = ueberSchluesselSeit(betreuungen, stichtag, regel.schluessel);
  const nachhaltigUeberschritten = seit !== null && daysBetween(seit, stichtag) + 1 >= regel.nachhaltigAbTagen;
  const abgabevorschlaege = nachhaltigUeberschritten
    ? aktiv
        .toSorted((a, b) => a.eroeffnetAm.localeCompare(b.eroeffnetAm) || a.fallId.localeCompare(b.fallId))
        .slice(0, ueberSchluessel)
        .map((betreuung) => betreuung.fallId)
    : [];
  return {
    fallzahl: aktiv.length,
    schluessel: regel.schluessel,
    ueberSchluessel,
    ueberSchluesselSeit: seit,
    nachhaltigUeberschritten,
    abgabevorschlaege,
  };
}

/** An Integration Point's load: its specialists' cases against their summed keys. */
export function auslastungIntegrationPoint(
  fachkraefte: readonly { readonly fallzahl: number; readonly schluessel: number }[],
): {
  fallzahl: number;
  kapazitaet: number;
  quote: number;
} {
  const fallzahl = fachkraefte.reduce((sum, fachkraft) => sum + fachkraft.fallzahl, 0);
  const kapazitaet = fachkraefte.reduce((sum, fachkraft) => sum + fachkraft.schluessel, 0);
  return { fallzahl, kapazitaet, quote: kapazitaet === 0 ? 0 : fallzahl / kapazitaet };
}
