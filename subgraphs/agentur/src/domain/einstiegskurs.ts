import type { IsoDate } from '@ip/kit';

/**
 * § 421 SGB III (Asylverfahrensbeschleunigungsgesetz, in force 24 Oct 2015): the BA may fund entry
 * language courses for persons who on entry hold an Aufenthaltsgestattung (or a BüMA) and can expect a
 * lawful and lasting stay; entries from 24 Oct to 31 Dec 2015. The BA named the nationalities: Syria,
 * Eritrea, Iraq, Iran (statement of the Regionaldirektion NRW, 11 Nov 2015).
 */
export const EINSTIEGSKURS_EINTRITTE = { von: '2015-10-24', bis: '2015-12-31' } as const;
export const EINSTIEGSKURS_STAATSANGEHOERIGKEITEN: ReadonlySet<string> = new Set(['SY', 'ER', 'IQ', 'IR']);

export type EinstiegskursAblehnung = 'EINTRITT_AUSSERHALB_ZEITRAUM' | 'STAATSANGEHOERIGKEIT' | 'AUFENTHALTSSTATUS';

/**
 * Whether an entry may be funded. A BüMA precedes the Gestattung and is not recorded by the
 * Ausländerbehörde, so only the Gestattung on the entry day counts here.
 */
export function einstiegskursFoerderfaehig(eintritt: {
  readonly eintritt: IsoDate;
  readonly staatsangehoerigkeit: string;
  readonly aufenthaltsart: string | null;
}): { foerderfaehig: true } | { foerderfaehig: false; grund: EinstiegskursAblehnung } {
  if (eintritt.eintritt < EINSTIEGSKURS_EINTRITTE.von || eintritt.eintritt > EINSTIEGSKURS_EINTRITTE.bis) return { foerderfaehig: false, grund: 'EINTRITT_AUSSERHALB_ZEITRAUM' };
  if (!EINSTIEGSKURS_STAATSANGEHOERIGKEITEN.has(eintritt.staatsangehoerigkeit)) return { foerderfaehig: false, grund: 'STAATSANGEHOERIGKEIT' };
  if (eintritt.aufenthaltsart !== 'AUFENTHALTSGESTATTUNG') return { foerderfaehig: false, grund: 'AUFENTHALTSSTATUS' };
  return { foerderfaehig: true };
}
