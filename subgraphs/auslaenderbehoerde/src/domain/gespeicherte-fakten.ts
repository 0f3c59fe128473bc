import type { IsoDate } from '@ip/kit';
import { periodOn } from '@ip/kit/calendar';
import type { AufenthaltsstatusRow, PersonRow } from '../db/tables.ts';
import type { ArbeitsmarktFakten } from './arbeitsmarktzugang.ts';

/**
 * The rules' facts as the Ausländerbehörde holds them on a day: the status in force then, the stay since
 * entry (earlier permitted, tolerated or authorised stays count), and the recorded bans and obligations.
 * The priority check depends on the district of the place of work (§ 32 Abs. 5 Nr. 3 BeschV from 6 Aug
 * 2016), which the caller names for a job in view; the district the person lives in says nothing about it.
 */
export function faktenAm(
  person: PersonRow,
  verlauf: readonly AufenthaltsstatusRow[],
  stichtag: IsoDate,
  agenturbezirkArbeitsort: string | null = null,
): ArbeitsmarktFakten | null {
  const status = periodOn(verlauf, stichtag);
  if (!status) return null;
  return {
    aufenthaltsart: status.art,
    rechtsgrundlage: status.rechtsgrundlage,
    staatsangehoerigkeit: person.staatsangehoerigkeit,
    aufenthaltSeit: person.aufenthaltSeit ?? person.einreiseAm,
    asylantragAm: person.asylantragAm,
    asylantragZurueckgenommenAm: person.asylantragZurueckgenommenAm,
    wohnpflichtBis: person.wohnpflichtErstaufnahmeBis,
    verbot60aAbs6: person.verbot60aAbs6Grund !== null,
    agenturbezirk: agenturbezirkArbeitsort,
  };
}
