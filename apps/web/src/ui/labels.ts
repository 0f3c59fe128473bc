import { PARTNERS } from '@ip/kit/partners';

/** German names for what the graph answers in codes: agencies, roles, enum values, dates. */

/** The partners' titles, from the partner registry (which imports nothing, so the browser may load it). */
export const BEHOERDEN: Readonly<Record<string, string>> = Object.fromEntries(
  PARTNERS.map((entry) => [entry.name, entry.title]),
);

export const ROLLEN: Readonly<Record<string, string>> = {
  integrationsfachkraft: 'Integrationsfachkraft',
  eingangszone: 'Eingangszone',
  fallmanagement: 'Fallmanagement',
  sachbearbeitung: 'Sachbearbeitung',
  teamleitung: 'Teamleitung',
  datenschutz: 'Datenschutz',
};

/** Data categories as the partners name them in EINWILLIGUNG_FEHLT. */
export const KATEGORIEN: Readonly<Record<string, string>> = {
  FALL: 'Fall',
  QUALIFIKATION: 'Qualifikation',
  SPRACHFOERDERUNG: 'Sprachförderung',
  BEDARFSGEMEINSCHAFT: 'Bedarfsgemeinschaft',
  LEISTUNGEN: 'Leistungen',
  IDENTITAET: 'Identität',
  AUFENTHALT: 'Aufenthalt',
  ARBEITSMARKTZUGANG: 'Arbeitsmarktzugang',
  KINDERGELD: 'Kindergeld',
};

export const GRUENDE: Readonly<Record<string, string>> = {
  ZEITUEBERSCHREITUNG: 'keine Antwort innerhalb der Wartezeit',
  VERBINDUNG_FEHLGESCHLAGEN: 'keine Verbindung',
  FEHLERANTWORT: 'fehlerhafte Antwort',
  SCHUTZSCHALTUNG_OFFEN: 'nach wiederholten Fehlern vorübergehend nicht gefragt',
};

const WERTE: Readonly<Record<string, string>> = {
  AUFENTHALTSGESTATTUNG: 'Aufenthaltsgestattung',
  DULDUNG: 'Duldung',
  AUFENTHALTSERLAUBNIS: 'Aufenthaltserlaubnis',
  NIEDERLASSUNGSERLAUBNIS: 'Niederlassungserlaubnis',
  AKTIV: 'aktiv',
  UEBERGEBEN: 'übergeben',
  ABGESCHLOSSEN: 'abgeschlossen',
  ANTRAGSTELLENDE_PERSON: 'antragstellende Person',
  PARTNER: 'Partner/in',
  KIND: 'Kind',
  BEWILLIGT: 'bewilligt',
  ABGELEHNT: 'abgelehnt',
  BEANTRAGT: 'beantragt',
  MAENNLICH: 'männlich',
  WEIBLICH: 'weiblich',
};

/** An enum value of the graph in German; an unknown one as the graph sent it. */
export const wert = (value: string | null | undefined): string => (value ? (WERTE[value] ?? value) : '–');

const behoerde = (value: unknown): string => (typeof value === 'string' ? (BEHOERDEN[value] ?? value) : 'Eine Behörde');

export { behoerde };

/** `2015-11-30` as `30.11.2015`. */
export function datum(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

const prozent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });
const zahl = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export const alsProzent = (value: number | null | undefined): string => (value == null ? '–' : prozent.format(value));
export const alsZahl = (value: number | null | undefined): string => (value == null ? '–' : zahl.format(value));
