import type { IsoDate } from '@ip/kit';
import { addMonths } from '@ip/kit/calendar';
import { normalisiereParagraph, statusAm, type StatusPeriode } from './aufenthalt.ts';

/** A dated span the Sozialamt recorded, e.g. a time of enforceable obligation to leave. */
export interface Zeitraum {
  readonly gueltigAb: IsoDate;
  readonly gueltigBis: IsoDate | null;
}

/** A spouse, registered partner or parent, for § 1 Abs. 1 Nr. 6 AsylbLG. */
export interface Angehoeriger {
  readonly beziehung: 'EHEGATTE' | 'LEBENSPARTNER' | 'ELTERNTEIL';
  readonly verlauf: readonly StatusPeriode[];
  readonly ausreisepflichtig?: readonly Zeitraum[];
}

export interface BerechtigungsFakten {
  readonly geburtsdatum: IsoDate;
  readonly verlauf: readonly StatusPeriode[];
  /** Spans of an enforceable obligation to leave without a Duldung (§ 1 Abs. 1 Nr. 5 AsylbLG). */
  readonly ausreisepflichtig?: readonly Zeitraum[];
  readonly angehoerige?: readonly Angehoeriger[];
}

export interface Leistungsberechtigung {
  readonly berechtigt: boolean;
  /** The paragraph that decided, e.g. "§ 1 Abs. 1 Nr. 4 AsylbLG". */
  readonly rechtsgrundlage: string;
  /** The version of the law applied on the Stichtag. */
  readonly fassung: string;
  readonly hinweis: string;
}

interface Nr3Titel {
  readonly muster: RegExp;
  readonly nummer: string;
  /** § 25 Abs. 5 only while the decision to suspend removal is less than 18 months old (2015 wording). */
  readonly achtzehnMonate?: true;
}

interface Fassung {
  readonly ab: IsoDate;
  readonly name: string;
  readonly nr3: readonly Nr3Titel[];
}

/**
 * § 1 Abs. 1 Nr. 3 AsylbLG, dated. Until 28.02.2015 it also listed § 25 Abs. 4a and 4b AufenthG and took
 * § 25 Abs. 5 without a time limit; the Gesetz vom 10.12.2014 (BGBl. I S. 2187), in force 01.03.2015, moved
 * 4a/4b to SGB II and limited § 25 Abs. 5 to 18 months after the decision to suspend removal. The
 * Asylverfahrensbeschleunigungsgesetz (20.10.2015, BGBl. I S. 1722, from 24.10.2015) renamed the AsylVfG
 * the AsylG (Nr. 1, Nr. 7) and left Nr. 3 as it was. The war ground of § 23 Abs. 1 / § 24 cannot be read from
 * the paragraph: it is taken as met.
 */
// prettier-ignore
const FASSUNGEN: readonly Fassung[] = [
  { ab: '1900-01-01', name: 'AsylbLG i. d. F. bis 28.02.2015', nr3: [
    { muster: /^§ 23 Abs\. 1\b/, nummer: 'Nr. 3' },
    { muster: /^§ 24\b/, nummer: 'Nr. 3' },
    { muster: /^§ 25 Abs\. 4 S\. 1\b/, nummer: 'Nr. 3' },
    { muster: /^§ 25 Abs\. 4a\b/, nummer: 'Nr. 3' },
    { muster: /^§ 25 Abs\. 4b\b/, nummer: 'Nr. 3' },
    { muster: /^§ 25 Abs\. 5\b/, nummer: 'Nr. 3' },
  ] },
  { ab: '2015-03-01', name: 'AsylbLG i. d. F. des Gesetzes vom 10.12.2014 (BGBl. I S. 2187), ab 01.03.2015', nr3: [
    { muster: /^§ 23 Abs\. 1\b/, nummer: 'Nr. 3 Buchst. a' },
    { muster: /^§ 24\b/, nummer: 'Nr. 3 Buchst. a' },
    { muster: /^§ 25 Abs\. 4 S\. 1\b/, nummer: 'Nr. 3 Buchst. b' },
    { muster: /^§ 25 Abs\. 5\b/, nummer: 'Nr. 3 Buchst. c', achtzehnMonate: true },
  ] },
  { ab: '2015-10-24', name: 'AsylbLG i. d. F. des Asylverfahrensbeschleunigungsgesetzes vom 20.10.2015 (BGBl. I S. 1722), ab 24.10.2015', nr3: [
    { muster: /^§ 23 Abs\. 1\b/, nummer: 'Nr. 3 Buchst. a' },
    { muster: /^§ 24\b/, nummer: 'Nr. 3 Buchst. a' },
    { muster: /^§ 25 Abs\. 4 S\. 1\b/, nummer: 'Nr. 3 Buchst. b' },
    { muster: /^§ 25 Abs\. 5\b/, nummer: 'Nr. 3 Buchst. c', achtzehnMonate: true },
  ] },
];

function fassungAm(stichtag: IsoDate): Fassung {
  return FASSUNGEN.findLast((fassung) => fassung.ab <= stichtag)!;
}

/** The permit's entry of Nr. 3 in the version of the day, if it is listed there. */
function nr3Titel(rechtsgrundlage: string, stichtag: IsoDate): Nr3Titel | null {
  const paragraph = normalisiereParagraph(rechtsgrundlage);
  if (!/AufenthG$/.test(paragraph)) return null;
  return fassungAm(stichtag).nr3.find((titel) => titel.muster.test(paragraph)) ?? null;
}

/**
 * The decision to suspend removal that § 1 Abs. 1 Nr. 3 Buchst. c counts from: the first Duldung recorded before
 * the permit, else the permit's own first day (the papers show no earlier decision).
 */
function aussetzungAm(verlauf: readonly StatusPeriode[], erlaubnis: StatusPeriode): IsoDate {
  return (
    verlauf.find((periode) => periode.art === 'DULDUNG' && periode.gueltigAb <= erlaubnis.gueltigAb)?.gueltigAb ??
    erlaubnis.gueltigAb
  );
}

const inZeitraum = (zeitraeume: readonly Zeitraum[] | undefined, tag: IsoDate) =>
  (zeitraeume ?? []).some((z) => z.gueltigAb <= tag && (z.gueltigBis === null || tag <= z.gueltigBis));

type Eigene = Leistungsberechtigung | null;

/** Nr. 1 to 5 and Abs. 2 from the person's own papers; null when the papers show nothing on the day. */
function eigeneBerechtigung(
  verlauf: readonly StatusPeriode[],
  ausreisepflichtig: readonly Zeitraum[] | undefined,
  stichtag: IsoDate,
): Eigene {
  const fassung = fassungAm(stichtag);
  const ergebnis = (berechtigt: boolean, rechtsgrundlage: string, hinweis: string) => ({
    berechtigt,
    rechtsgrundlage,
    fassung: fassung.name,
    hinweis,
  });
  const status = statusAm(verlauf, stichtag);
  switch (status?.art) {
    case 'AUFENTHALTSGESTATTUNG':
      return ergebnis(true, '§ 1 Abs. 1 Nr. 1 AsylbLG', `Aufenthaltsgestattung (${status.rechtsgrundlage}).`);
    case 'DULDUNG':
      return ergebnis(true, '§ 1 Abs. 1 Nr. 4 AsylbLG', `Duldung (${status.rechtsgrundlage}).`);
    case 'AUFENTHALTSERLAUBNIS': {
      const titel = nr3Titel(status.rechtsgrundlage, stichtag);
      if (titel === null)
        return ergebnis(
          false,
          '§ 1 Abs. 2 AsylbLG',
          `Aufenthaltserlaubnis nach ${status.rechtsgrundlage}: nicht in § 1 Abs. 1 Nr. 3 AsylbLG genannt.`,
        );
      if (titel.achtzehnMonate) {
        const grenze = addMonths(aussetzungAm(verlauf, status), 18);
        if (stichtag >= grenze)
          return ergebnis(
            false,
            `§ 1 Abs. 1 ${titel.nummer} AsylbLG`,
            `Aufenthaltserlaubnis nach ${status.rechtsgrundlage}: die Aussetzung der Abschiebung liegt seit ${grenze} 18 Monate zurück.`,
          );
      }
      return ergebnis(
        true,
        `§ 1 Abs. 1 ${titel.nummer} AsylbLG`,
        `Aufenthaltserlaubnis nach ${status.rechtsgrundlage}.`,
      );
    }
    case 'NIEDERLASSUNGSERLAUBNIS':
      return ergebnis(false, '§ 1 Abs. 2 AsylbLG', `Niederlassungserlaubnis (${status.rechtsgrundlage}).`);
    case undefined:
      return inZeitraum(ausreisepflichtig, stichtag)
        ? ergebnis(true, '§ 1 Abs. 1 Nr. 5 AsylbLG', 'Vollziehbar ausreisepflichtig ohne Duldung.')
        : null;
  }
}

const alterAm = (geburtsdatum: IsoDate, tag: IsoDate) => {
  const jahre = Number(tag.slice(0, 4)) - Number(geburtsdatum.slice(0, 4));
  return tag.slice(5) < geburtsdatum.slice(5) ? jahre - 1 : jahre;
};

/**
 * Whether the person is entitled under § 1 Abs. 1 AsylbLG on the Stichtag, and which number decided. Modelled:
 * Nr. 1 (Gestattung), Nr. 3 (the listed permits, dated), Nr. 4 (Duldung), Nr. 5 (enforceably obliged to leave,
 * as recorded), Nr. 6 (spouse, registered partner, minor child of someone entitled under Nr. 1–5, without own
 * papers), Abs. 2 (another title excludes). Not modelled: Nr. 2 (airport procedure) and Nr. 7 (subsequent
 * applications): the demo population has neither, and the Sozialamt records them as Gestattung or Duldung.
 */
export function pruefeLeistungsberechtigung(fakten: BerechtigungsFakten, stichtag: IsoDate): Leistungsberechtigung {
  const eigene = eigeneBerechtigung(fakten.verlauf, fakten.ausreisepflichtig, stichtag);
  if (eigene !== null) return eigene;
  const fassung = fassungAm(stichtag).name;
  const minderjaehrig = alterAm(fakten.geburtsdatum, stichtag) < 18;
  for (const angehoeriger of fakten.angehoerige ?? []) {
    if (angehoeriger.beziehung === 'ELTERNTEIL' && !minderjaehrig) continue;
    const ihre = eigeneBerechtigung(angehoeriger.verlauf, angehoeriger.ausreisepflichtig, stichtag);
    if (ihre?.berechtigt) {
      const wer = angehoeriger.beziehung === 'ELTERNTEIL' ? 'Minderjähriges Kind' : 'Ehegatte oder Lebenspartner';
      return {
        berechtigt: true,
        rechtsgrundlage: '§ 1 Abs. 1 Nr. 6 AsylbLG',
        fassung,
        hinweis: `${wer} einer Person nach ${ihre.rechtsgrundlage}.`,
      };
    }
  }
  return {
    berechtigt: false,
    rechtsgrundlage: '§ 1 Abs. 1 AsylbLG',
    fassung,
    hinweis: 'Kein Aufenthaltspapier und keine Ausreisepflicht erfasst.',
  };
}
