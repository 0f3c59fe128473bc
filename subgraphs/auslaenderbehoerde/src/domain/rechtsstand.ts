import type { IsoDate } from '@ip/kit';
import { addDays } from '@ip/kit/calendar';

/** The dates the law of labour-market access changed; rules are evaluated as they stood on the Stichtag. */
export const RECHTSSTAND = {
  /** Wait reduced to three months (Gesetz zur Einstufung weiterer Staaten als sichere Herkunftsstaaten, 6 Nov 2014). */
  DREIMONATSFRIST: '2014-11-06',
  /** Gesetz zur Neubestimmung des Bleiberechts und der Aufenthaltsbeendigung: § 25b AufenthG (work by law, Abs. 5 S. 2). */
  BLEIBERECHT: '2015-08-01',
  /** Asylverfahrensbeschleunigungsgesetz: bans for safe countries of origin, § 60a Abs. 6 AufenthG replaces § 33 BeschV. */
  ASYLPAKET_I: '2015-10-24',
  /** Verordnung zum Integrationsgesetz: no priority check in most Agentur districts, temporary agency work there too. */
  INTEGRATIONSGESETZ: '2016-08-06',
} as const satisfies Record<string, IsoDate>;

/** Asylum applications filed after this day count for the safe-country bans (§ 61 Abs. 2 S. 4 AsylG). */
export const SICHERER_HERKUNFTSSTAAT_ANTRAG_NACH = '2015-08-31';

/** NRW Agentur districts that kept the priority check from 6 Aug 2016 (Anlage zu § 32 BeschV). */
export const VORRANGPRUEFUNG_BEZIRKE_NRW: readonly string[] = [
  'Bochum',
  'Dortmund',
  'Duisburg',
  'Essen',
  'Gelsenkirchen',
  'Oberhausen',
  'Recklinghausen',
];

const EU = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

/**
 * Safe countries of origin under § 29a AsylG with the day they became (and stopped being) safe: the EU
 * member states (§ 29a Abs. 2; the United Kingdom until it left) and Anlage II.
 */
const SICHERE_HERKUNFTSSTAATEN: readonly {
  readonly staat: string;
  readonly ab: IsoDate;
  readonly bis: IsoDate | null;
}[] = [
  ...EU.map((staat) => ({ staat, ab: staat === 'HR' ? '2013-07-01' : '1993-07-01', bis: null })),
  { staat: 'GB', ab: '1993-07-01', bis: '2020-01-31' },
  { staat: 'GH', ab: '1993-07-01', bis: null },
  { staat: 'SN', ab: '1993-07-01', bis: null },
  { staat: 'BA', ab: '2014-11-06', bis: null },
  { staat: 'MK', ab: '2014-11-06', bis: null },
  { staat: 'RS', ab: '2014-11-06', bis: null },
  { staat: 'AL', ab: '2015-10-24', bis: null },
  { staat: 'XK', ab: '2015-10-24', bis: null },
  { staat: 'ME', ab: '2015-10-24', bis: null },
];

export function istSichererHerkunftsstaat(staat: string, stichtag: IsoDate): boolean {
  return SICHERE_HERKUNFTSSTAATEN.some(
    (eintrag) => eintrag.staat === staat && eintrag.ab <= stichtag && (eintrag.bis === null || stichtag <= eintrag.bis),
  );
}

/** Every day on which the list of safe countries changed. */
export const LISTENAENDERUNGEN: readonly IsoDate[] = [
  ...new Set(
    SICHERE_HERKUNFTSSTAATEN.flatMap((eintrag) => [eintrag.ab, ...(eintrag.bis ? [addDays(eintrag.bis, 1)] : [])]),
  ),
];
