import type { IsoDate } from '@ip/kit';

/**
 * § 421 SGB III (Asylverfahrensbeschleunigungsgesetz, in force 24 Oct 2015): the BA may fund entry
 * language courses for persons who on entry hold an Aufenthaltsgestattung (or a BüMA) and can expect a
 * lawful and lasting stay; entries from 24 Oct to 31 Dec 2015. The BA named the nationalities: Syria,
 * Eritrea, Iraq, Iran (statement of the Regionaldirektion NRW, 11 Nov 2015).
 */
const EINSTIEGSKURS_EINTRITTE = { von: '2015-10-24', bis: '2015-12-31' } as const;
const EINSTIEGSKURS_STAATSANGEHOERIGKEITEN: ReadonlySet<string> = new Set(['SY', 'ER', 'IQ', 'IR']);

export type EinstiegskursAblehnung =
  'EINTRITT_AUSSERHALB_ZEITRAUM' | 'STAATSANGEHOERIGKEIT' | 'AUFENTHALTSSTATUS' | 'BUEMA_NICHT_VORGELEGT';

/** What an entry rests on: the Gestattung the Ausländerbehörde records, or a BüMA the specialist saw. */
export type EinstiegskursNachweis = 'AUFENTHALTSGESTATTUNG' | 'BUEMA';

export type EinstiegskursPruefung =
  { foerderfaehig: true; nachweis: EinstiegskursNachweis } | { foerderfaehig: false; grund: EinstiegskursAblehnung };

/** The entry window alone, checkable before anybody is asked for the person's data. */
export function imEintrittszeitraum(eintritt: IsoDate): boolean {
  return EINSTIEGSKURS_EINTRITTE.von <= eintritt && eintritt <= EINSTIEGSKURS_EINTRITTE.bis;
}

/**
 * Whether an entry may be funded. A BüMA (Bescheinigung über die Meldung als Asylsuchender) precedes the
 * Gestattung and is not recorded by the Ausländerbehörde: when it holds no status on the entry day, the
 * specialist's record that the person showed a BüMA stands in for it. Any other status on the day excludes.
 */
export function einstiegskursFoerderfaehig(eintritt: {
  readonly eintritt: IsoDate;
  readonly staatsangehoerigkeit: string;
  readonly aufenthaltsart: string | null;
  readonly buemaVorgelegt: boolean;
}): EinstiegskursPruefung {
  if (!imEintrittszeitraum(eintritt.eintritt)) return { foerderfaehig: false, grund: 'EINTRITT_AUSSERHALB_ZEITRAUM' };
  if (!EINSTIEGSKURS_STAATSANGEHOERIGKEITEN.has(eintritt.staatsangehoerigkeit))
    return { foerderfaehig: false, grund: 'STAATSANGEHOERIGKEIT' };
  if (eintritt.aufenthaltsart === 'AUFENTHALTSGESTATTUNG')
    return { foerderfaehig: true, nachweis: 'AUFENTHALTSGESTATTUNG' };
  if (eintritt.aufenthaltsart !== null) return { foerderfaehig: false, grund: 'AUFENTHALTSSTATUS' };
  return eintritt.buemaVorgelegt
    ? { foerderfaehig: true, nachweis: 'BUEMA' }
    : { foerderfaehig: false, grund: 'BUEMA_NICHT_VORGELEGT' };
}
