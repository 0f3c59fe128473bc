import type { IsoDate } from '@ip/kit';
import { addDays } from '@ip/kit/calendar';
import { bestimmeLeistungsart, type Leistungsart, type LeistungsartFakten } from './leistungsart.ts';
import { leistungsende, type EndeFakten, type Leistungsende } from './leistungsende.ts';

/** One benefit period (Leistungszeitraum) of the Sozialamt. */
export interface Leistungszeitraum {
  readonly ab: IsoDate;
  /** null while it runs on. */
  readonly bis: IsoDate | null;
  readonly leistungsart: Leistungsart;
  readonly rechtsgrundlage: string;
  /** The version of § 2 AsylbLG that decided the kind of benefits on the period's first day. */
  readonly fassung: string;
}

export interface Leistungsplan {
  readonly zeitraeume: readonly Leistungszeitraum[];
  /** How the entitlement ended, if it did by the horizon. */
  readonly ende: Leistungsende | null;
}

/**
 * The benefit periods of a person entitled from `beginn`, as they stand on `horizont`: basic benefits (§ 3),
 * then analogous benefits (§ 2) from the day the version in force reaches its threshold — the switch can also
 * come on 01.03.2015, when 15 months of stay replaced 48 months of receipt — up to the end of the entitlement
 * (§ 1 Abs. 3). Benefits are taken as received without a break from `beginn`.
 */
export function planeLeistungszeitraeume(
  fakten: EndeFakten & Omit<LeistungsartFakten, 'grundleistungen'>,
  beginn: IsoDate,
  horizont: IsoDate,
): Leistungsplan {
  const ende = leistungsende(fakten, beginn, horizont);
  const letzter = ende?.letzterTag ?? horizont;
  const artFakten: LeistungsartFakten = { ...fakten, grundleistungen: [{ ab: beginn, bis: null }] };
  const artAm = (tag: IsoDate) => bestimmeLeistungsart(artFakten, tag);
  // The answer can change only where a rule's threshold is reached or a new version starts; each version is
  // asked on its own last day in range for its threshold.
  const wenden = new Set<IsoDate>([beginn, '2015-03-01']);
  for (const tag of [beginn, '2015-02-28', letzter]) {
    const analogAb = artAm(tag).analogAb;
    if (analogAb !== null) wenden.add(analogAb);
  }
  const tage = [...wenden].filter((tag) => beginn <= tag && tag <= letzter).sort();
  const zeitraeume: Leistungszeitraum[] = [];
  for (const tag of tage) {
    const art = artAm(tag);
    const vorige = zeitraeume.at(-1);
    if (vorige?.leistungsart === art.leistungsart) continue;
    if (vorige) zeitraeume[zeitraeume.length - 1] = { ...vorige, bis: addDays(tag, -1) };
    zeitraeume.push({
      ab: tag,
      bis: null,
      leistungsart: art.leistungsart,
      rechtsgrundlage: art.rechtsgrundlage,
      fassung: art.fassung,
    });
  }
  const letzte = zeitraeume.at(-1);
  if (letzte && ende) zeitraeume[zeitraeume.length - 1] = { ...letzte, bis: ende.letzterTag };
  return { zeitraeume, ende };
}
