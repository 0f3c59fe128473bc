import type { IsoDate } from '@ip/kit';
import { addDays, addMonths } from '@ip/kit/calendar';
import { asylblgTitel, type AsylblgZeitraum } from './rechtskreis.ts';

export type LueckenGrund = 'ANERKENNUNG_OHNE_SGB2_ANTRAG' | 'ASYLBLG_ENDE_VOR_SGB2' | 'SGB2_BEGINN_NICHT_BEWILLIGT';

export interface Wechselakte {
  readonly personId: string;
  readonly anerkanntAm: IsoDate;
  readonly asylblgBis: IsoDate | null;
  readonly sgb2Ab: IsoDate;
  /** Receipt days of the SGB II applications of the person's Bedarfsgemeinschaft. */
  readonly antraegeEingang: readonly IsoDate[];
  readonly bewilligungen: readonly { readonly ab: IsoDate; readonly bis: IsoDate }[];
  /** The Sozialamt's benefit periods, where it released them; absent: the recorded `asylblgBis` stands. */
  readonly asylbewerberleistungen?: readonly AsylblgZeitraum[];
  /** The paragraph of the person's residence permit on the Stichtag, where the Ausländerbehörde released it. */
  readonly aufenthaltstitel?: string | null;
}

export interface Luecke {
  readonly personId: string;
  readonly grund: LueckenGrund;
  readonly seit: IsoDate;
  readonly bis: IsoDate | null;
  readonly hinweis: string;
}

export interface LueckenSchwellen {
  /** Days after the start of SGB II by which the start should be granted. */
  readonly bewilligungNachTagen: number;
}

const monatsende = (tag: IsoDate) => addDays(addMonths(`${tag.slice(0, 7)}-01`, 1), -1);

/** Where the AsylbLG stands by the Sozialamt's periods: running, ended on a day, or never paid there. */
export type AsylblgStand =
  | { readonly stand: 'LAEUFT' }
  | { readonly stand: 'BEENDET'; readonly letzterTag: IsoDate }
  | { readonly stand: 'KEINE' };

export function asylblgStand(zeitraeume: readonly AsylblgZeitraum[]): AsylblgStand {
  if (zeitraeume.length === 0) return { stand: 'KEINE' };
  if (zeitraeume.some((zeitraum) => zeitraum.bis === null)) return { stand: 'LAEUFT' };
  const letzterTag = zeitraeume.reduce(
    (max, zeitraum) => (zeitraum.bis! > max ? zeitraum.bis! : max),
    zeitraeume[0]!.bis!,
  );
  return { stand: 'BEENDET', letzterTag };
}

/**
 * The last AsylbLG day the gap check uses: the Sozialamt's real one where it released its periods; the day the
 * Jobcenter recorded at the hand-over where it did not, or where it paid nothing; none while it still pays.
 */
function letzterAsylblgTag(akte: Wechselakte): { readonly tag: IsoDate | null; readonly quelle: string } {
  const stand = akte.asylbewerberleistungen ? asylblgStand(akte.asylbewerberleistungen) : { stand: 'KEINE' as const };
  switch (stand.stand) {
    case 'LAEUFT':
      return { tag: null, quelle: 'laut Sozialamt' };
    case 'BEENDET':
      return { tag: stand.letzterTag, quelle: 'laut Sozialamt' };
    case 'KEINE':
      return { tag: akte.asylblgBis, quelle: 'laut Erfassung des Jobcenters' };
  }
}

/**
 * Gaps in the means of subsistence at the change of legal sphere ("Lücken in der Gewährung der Leistungen
 * zum Lebensunterhalt müssen vermieden werden"), as they stand on the Stichtag:
 * - no SGB II application by the end of the month SGB II begins: an application works back to the first of
 *   its month (§ 37 Abs. 2 S. 2 SGB II, version of 13.05.2011, BGBl. I S. 850, unchanged by the
 *   Rechtsvereinfachungsgesetz of 26.07.2016), so only a later one loses days;
 * - AsylbLG ended before SGB II began; AsylbLG runs to the end of the month of recognition (§ 1 Abs. 3
 *   AsylbLG, version of 10.12.2014, BGBl. I S. 2187, from 01.03.2015), so an earlier end is the Sozialamt's;
 * - SGB II began but is not granted after the configured days.
 * A person holding a residence permit § 1 Abs. 1 Nr. 3 AsylbLG names (§ 23 Abs. 1, § 24, § 25 Abs. 4 S. 1,
 * § 25 Abs. 5 AufenthG) is under the AsylbLG and excluded from SGB II (§ 7 Abs. 1 S. 2 Nr. 3 SGB II): no gap.
 */
export function findeLuecken(akten: readonly Wechselakte[], stichtag: IsoDate, schwellen: LueckenSchwellen): Luecke[] {
  const luecken: Luecke[] = [];
  for (const akte of akten) {
    if (akte.aufenthaltstitel && asylblgTitel(akte.aufenthaltstitel)) continue;
    const frist = monatsende(akte.sgb2Ab);
    const antragBisFrist = akte.antraegeEingang.some((eingang) => eingang <= frist && eingang <= stichtag);
    if (frist < stichtag && !antragBisFrist) {
      luecken.push({
        personId: akte.personId,
        grund: 'ANERKENNUNG_OHNE_SGB2_ANTRAG',
        seit: akte.sgb2Ab,
        bis: null,
        hinweis: `Anerkannt am ${akte.anerkanntAm}, SGB II ab ${akte.sgb2Ab}, kein Antrag bis ${frist} (Rückwirkung auf den Monatsersten, § 37 Abs. 2 S. 2 SGB II).`,
      });
    }
    const asylblg = letzterAsylblgTag(akte);
    if (asylblg.tag !== null && asylblg.tag < addDays(akte.sgb2Ab, -1) && asylblg.tag < stichtag) {
      const anspruchBis = monatsende(akte.anerkanntAm);
      const sozialamt =
        asylblg.tag < anspruchBis ? ` AsylbLG-Anspruch besteht bis ${anspruchBis} (§ 1 Abs. 3 AsylbLG).` : '';
      luecken.push({
        personId: akte.personId,
        grund: 'ASYLBLG_ENDE_VOR_SGB2',
        seit: addDays(asylblg.tag, 1),
        bis: addDays(akte.sgb2Ab, -1),
        hinweis: `AsylbLG bis ${asylblg.tag} (${asylblg.quelle}), SGB II erst ab ${akte.sgb2Ab}.${sozialamt}`,
      });
    }
    const bewilligt = akte.bewilligungen.some((periode) => periode.ab <= akte.sgb2Ab && akte.sgb2Ab <= periode.bis);
    if (!bewilligt && addDays(akte.sgb2Ab, schwellen.bewilligungNachTagen) < stichtag) {
      luecken.push({
        personId: akte.personId,
        grund: 'SGB2_BEGINN_NICHT_BEWILLIGT',
        seit: akte.sgb2Ab,
        bis: null,
        hinweis: `SGB II ab ${akte.sgb2Ab}, nach ${schwellen.bewilligungNachTagen} Tagen noch nicht bewilligt.`,
      });
    }
  }
  return luecken.sort((a, b) => (a.seit === b.seit ? a.personId.localeCompare(b.personId) : a.seit < b.seit ? -1 : 1));
}
