import type { IsoDate } from '@ip/kit';
import { addDays } from '@ip/kit/calendar';
import {
  istSichererHerkunftsstaat,
  LISTENAENDERUNGEN,
  RECHTSSTAND,
  SICHERER_HERKUNFTSSTAAT_ANTRAG_NACH,
  VORRANGPRUEFUNG_BEZIRKE_NRW,
} from './rechtsstand.ts';

export type Aufenthaltsart = 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
export type Taetigkeit = 'BESCHAEFTIGUNG' | 'BETRIEBLICHE_AUSBILDUNG' | 'LEIHARBEIT';
export type Erlaubnis =
  | 'VERBOTEN'
  | 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG'
  | 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG'
  | 'OHNE_ZUSTIMMUNG_BA'
  | 'KRAFT_GESETZES'
  | 'NICHT_ABGEBILDET';

/** The facts the rules need; the same shape as the GraphQL input `ArbeitsmarktFakten`. */
export interface ArbeitsmarktFakten {
  readonly aufenthaltsart: Aufenthaltsart;
  /** The paragraph of the residence document, e.g. "§ 25 Abs. 2 AufenthG". */
  readonly rechtsgrundlage?: string | null;
  /** ISO 3166-1 alpha-2 (XK for Kosovo). */
  readonly staatsangehoerigkeit: string;
  /**
   * First day of the current uninterrupted permitted, tolerated or authorised stay: the 15 months and 4 years
   * need it uninterrupted (§ 32 Abs. 5 Nr. 2, Abs. 2 Nr. 5 BeschV, 2014–2016 versions); a lawful or tolerated
   * stay right before the asylum application counts (§ 61 Abs. 2 S. 2 AsylG); a stay ended by leaving does not.
   */
  readonly aufenthaltSeit: IsoDate;
  readonly asylantragAm?: IsoDate | null;
  /** Day the asylum application was withdrawn; a withdrawn one is not a rejected one (§ 60a Abs. 6 S. 1 Nr. 3). */
  readonly asylantragZurueckgenommenAm?: IsoDate | null;
  /** Last day of the obligation to live in a reception centre (§ 47 AsylG); the ban of § 61 Abs. 1 AsylG ends after it. */
  readonly wohnpflichtBis?: IsoDate | null;
  /** Deprecated: obliged on the Stichtag, end unknown; superseded by `wohnpflichtBis`. */
  readonly wohnpflichtErstaufnahme?: boolean | null;
  /** Grounds under § 60a Abs. 6 S. 1 Nr. 1 or 2 AufenthG (came for benefits, caused the obstacle to removal). */
  readonly verbot60aAbs6?: boolean | null;
  /** Agentur district of the place of work (§ 32 Abs. 5 Nr. 3 BeschV from 6 Aug 2016); null: unknown, the check is assumed. */
  readonly agenturbezirk?: string | null;
}

export interface Rechtsgrund {
  readonly paragraph: string;
  readonly text: string;
}

export interface Arbeitsmarktzugang {
  readonly erlaubnis: Erlaubnis;
  readonly gruende: readonly Rechtsgrund[];
  /** The next day the answer changes on unchanged facts; null if it does not. */
  readonly naechsteAenderungAm: IsoDate | null;
}

export class RechtsstandNichtAbgebildet extends Error {}

function addMonths(day: IsoDate, months: number): IsoDate {
  const [year, month, date] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))];
  const target = new Date(Date.UTC(year, month + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

const grund = (paragraph: string, text: string): Rechtsgrund => ({ paragraph, text });
const ergebnis = (erlaubnis: Erlaubnis, ...gruende: Rechtsgrund[]) => ({ erlaubnis, gruende });

/** Paragraph and Absatz of an AufenthG citation such as "§ 25 Abs. 2 AufenthG"; null if it is none. */
function aufenthgParagraph(
  rechtsgrundlage: string | null | undefined,
): { paragraph: string; absatz: number | null } | null {
  const match = /§\s*(\d+[a-z]?)(?:\s*Abs\.\s*(\d+))?.*AufenthG/.exec(rechtsgrundlage ?? '');
  return match ? { paragraph: match[1]!, absatz: match[2] ? Number(match[2]) : null } : null;
}

/** Kapitel 2 Abschnitt 5 (humanitarian titles) and Abschnitt 6 (family reasons) of the AufenthG. */
const HUMANITAER = ['22', '23', '23a', '24', '25', '25a', '25b'];
const FAMILIAER = ['27', '28', '29', '30', '31', '32', '33', '34', '35', '36'];

/**
 * A residence permit decides by its paragraph. Work allowed by law: § 25 Abs. 1 S. 4 and Abs. 2 S. 2
 * (recognised protection), § 25a Abs. 4 (in force from 1 Jul 2011, kept by the Bleiberecht law of
 * 1 Aug 2015), § 25b Abs. 5 S. 2 (from 1 Aug 2015), § 27 Abs. 5 (family reasons, §§ 27–36; inserted 2013,
 * in force on every modelled day). The other humanitarian titles: the ABH allows work without the BA
 * (§ 31 BeschV, BeschV of 1 Jul 2013). Any other paragraph is not modelled: § 4 Abs. 2 S. 2 AufenthG makes
 * every title say whether it allows work, so the answer names the paragraph and guesses nothing.
 */
function mitTitel(fakten: ArbeitsmarktFakten, stichtag: IsoDate) {
  if (fakten.aufenthaltsart === 'NIEDERLASSUNGSERLAUBNIS') {
    return ergebnis(
      'KRAFT_GESETZES',
      grund('§ 9 Abs. 1 S. 2 AufenthG', 'Die Niederlassungserlaubnis berechtigt zur Ausübung einer Erwerbstätigkeit.'),
    );
  }
  const titel = aufenthgParagraph(fakten.rechtsgrundlage);
  const kraftGesetzes = (fundstelle: string, text: string) => ergebnis('KRAFT_GESETZES', grund(fundstelle, text));
  if (titel?.paragraph === '25' && (titel.absatz === 1 || titel.absatz === 2)) {
    const fundstelle = titel.absatz === 1 ? '§ 25 Abs. 1 S. 4 AufenthG' : '§ 25 Abs. 2 S. 2 AufenthG';
    return kraftGesetzes(fundstelle, 'Anerkannte Schutzberechtigte dürfen jede Erwerbstätigkeit ausüben.');
  }
  if (titel?.paragraph === '25a')
    return kraftGesetzes(
      '§ 25a Abs. 4 AufenthG',
      'Aufenthaltserlaubnis für gut integrierte Jugendliche und Heranwachsende (und ihre Eltern): berechtigt zur Erwerbstätigkeit.',
    );
  if (titel?.paragraph === '25b' && stichtag >= RECHTSSTAND.BLEIBERECHT) {
    return kraftGesetzes(
      '§ 25b Abs. 5 S. 2 AufenthG',
      'Aufenthaltserlaubnis bei nachhaltiger Integration: berechtigt zur Erwerbstätigkeit.',
    );
  }
  if (titel && FAMILIAER.includes(titel.paragraph)) {
    return kraftGesetzes(
      '§ 27 Abs. 5 AufenthG',
      'Aufenthaltstitel aus familiären Gründen (§§ 27–36 AufenthG): berechtigt zur Erwerbstätigkeit.',
    );
  }
  if (titel && titel.paragraph !== '25b' && HUMANITAER.includes(titel.paragraph)) {
    return ergebnis(
      'OHNE_ZUSTIMMUNG_BA',
      grund(
        '§ 31 BeschV',
        'Beschäftigung mit einem humanitären Aufenthaltstitel: Erlaubnis der Ausländerbehörde, keine Zustimmung der BA.',
      ),
    );
  }
  const genannt = fakten.rechtsgrundlage?.trim() || 'keine Rechtsgrundlage angegeben';
  return ergebnis(
    'NICHT_ABGEBILDET',
    grund(
      genannt,
      `Die Regeln bilden diesen Aufenthaltstitel${titel?.paragraph === '25b' ? ' vor dem 01.08.2015' : ''} nicht ab; ob er zur Erwerbstätigkeit berechtigt, steht im Titel selbst (§ 4 Abs. 2 S. 2 AufenthG).`,
    ),
  );
}

/**
 * Temporary agency work. § 40 Abs. 1 Nr. 2 AufenthG makes the BA refuse its approval to it; work that needs
 * no approval (4 years, § 32 Abs. 2 Nr. 5 BeschV) is not touched. § 32 Abs. 3 BeschV lets the BA approve it
 * where it approves without priority check: from 24 Oct 2015 (Asylverfahrensbeschleunigungsgesetz) after
 * 15 months (Abs. 5 Nr. 2), from 6 Aug 2016 (Verordnung zum Integrationsgesetz) also in the Agentur
 * districts without the check (Abs. 5 Nr. 3), so from month 4 there.
 */
const leiharbeitZugelassen = grund(
  '§ 32 Abs. 3 BeschV',
  'Leiharbeit: die BA darf abweichend von § 40 Abs. 1 Nr. 2 AufenthG zustimmen, weil sie ohne Vorrangprüfung zustimmt.',
);

/** The dated obligation decides; the deprecated yes/no only when no last day is given. */
function wohnpflichtAm(fakten: ArbeitsmarktFakten, stichtag: IsoDate): boolean {
  if (fakten.wohnpflichtBis != null) return stichtag <= fakten.wohnpflichtBis;
  return fakten.wohnpflichtErstaufnahme === true;
}

function imVerfahrenOderGeduldet(fakten: ArbeitsmarktFakten, stichtag: IsoDate, taetigkeit: Taetigkeit) {
  const gestattung = fakten.aufenthaltsart === 'AUFENTHALTSGESTATTUNG';
  const asylpaket = stichtag >= RECHTSSTAND.ASYLPAKET_I;
  // The lasting safe-country ban is tested before the reception-centre ban, which ends on a known day: a
  // person under both must not look as if work came within reach once the obligation ends.
  // § 61 Abs. 2 S. 4 AsylG bans work during the procedure; § 60a Abs. 6 S. 1 Nr. 3 AufenthG (24 Oct 2015 to
  // 20 Aug 2019) after the application "abgelehnt wurde": a withdrawn application does not ban a Duldung.
  const zurueckgenommen = fakten.asylantragZurueckgenommenAm != null && fakten.asylantragZurueckgenommenAm <= stichtag;
  if (
    asylpaket &&
    istSichererHerkunftsstaat(fakten.staatsangehoerigkeit, stichtag) &&
    fakten.asylantragAm != null &&
    fakten.asylantragAm > SICHERER_HERKUNFTSSTAAT_ANTRAG_NACH &&
    (gestattung || !zurueckgenommen)
  ) {
    const text =
      'Staatsangehörige sicherer Herkunftsstaaten mit Asylantrag nach dem 31.08.2015 dürfen keine Beschäftigung ausüben.';
    return ergebnis(
      'VERBOTEN',
      grund(gestattung ? '§ 61 Abs. 2 S. 4 AsylG' : '§ 60a Abs. 6 S. 1 Nr. 3 AufenthG', text),
    );
  }
  // § 61 Abs. 1 AsylG (unchanged from 2014 to 2016): no gainful work while obliged to live in a reception
  // centre. § 47 Abs. 1 AsylG bounds the obligation: up to three months, from 24 Oct 2015 up to six months.
  if (gestattung && wohnpflichtAm(fakten, stichtag)) {
    const bis = fakten.wohnpflichtBis ? ` (bis ${fakten.wohnpflichtBis})` : '';
    return ergebnis(
      'VERBOTEN',
      grund(
        '§ 61 Abs. 1 AsylG',
        `Keine Erwerbstätigkeit, solange die Pflicht besteht, in einer Aufnahmeeinrichtung zu wohnen${bis}.`,
      ),
    );
  }
  if (!gestattung && fakten.verbot60aAbs6) {
    const text =
      'Eingereist, um Leistungen nach dem AsylbLG zu erlangen, oder Abschiebungshindernis selbst zu vertreten.';
    return ergebnis('VERBOTEN', grund(asylpaket ? '§ 60a Abs. 6 S. 1 Nr. 1, 2 AufenthG' : '§ 33 Abs. 1 BeschV', text));
  }
  const ausbildung = grund(
    '§ 32 Abs. 2 Nr. 2 BeschV',
    'Berufsausbildung in einem staatlich anerkannten Ausbildungsberuf: keine Zustimmung der BA.',
  );
  if (!gestattung && taetigkeit === 'BETRIEBLICHE_AUSBILDUNG') {
    return ergebnis(
      'OHNE_ZUSTIMMUNG_BA',
      ausbildung,
      grund('§ 32 Abs. 2 Nr. 2 BeschV', 'Geduldete: betriebliche Ausbildung vom ersten Tag der Duldung an.'),
    );
  }
  if (stichtag < addMonths(fakten.aufenthaltSeit, 3)) {
    return ergebnis(
      'VERBOTEN',
      grund(
        gestattung ? '§ 61 Abs. 2 S. 1 AsylG' : '§ 32 Abs. 1 BeschV',
        'Wartefrist: keine Beschäftigung in den ersten drei Monaten des Aufenthalts.',
      ),
    );
  }
  if (taetigkeit === 'BETRIEBLICHE_AUSBILDUNG') return ergebnis('OHNE_ZUSTIMMUNG_BA', ausbildung);
  if (stichtag >= addMonths(fakten.aufenthaltSeit, 48)) {
    return ergebnis(
      'OHNE_ZUSTIMMUNG_BA',
      grund(
        '§ 32 Abs. 2 Nr. 5 BeschV',
        'Nach vier Jahren erlaubten, geduldeten oder gestatteten Aufenthalts: keine Zustimmung der BA.',
      ),
    );
  }
  const leiharbeit = taetigkeit === 'LEIHARBEIT';
  if (stichtag >= addMonths(fakten.aufenthaltSeit, 15)) {
    const ohneVorrang = grund(
      '§ 32 Abs. 5 Nr. 2 BeschV',
      'Nach 15 Monaten Aufenthalt: Zustimmung der BA ohne Vorrangprüfung; die BA prüft die Arbeitsbedingungen.',
    );
    if (!leiharbeit) return ergebnis('ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', ohneVorrang);
    return asylpaket
      ? ergebnis('ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', ohneVorrang, leiharbeitZugelassen)
      : ergebnis(
          'VERBOTEN',
          grund(
            '§ 40 Abs. 1 Nr. 2 AufenthG',
            'Vor dem 24.10.2015 muss die BA die Zustimmung zur Leiharbeit versagen, solange sie zustimmen muss.',
          ),
        );
  }
  if (
    stichtag >= RECHTSSTAND.INTEGRATIONSGESETZ &&
    fakten.agenturbezirk &&
    !VORRANGPRUEFUNG_BEZIRKE_NRW.includes(fakten.agenturbezirk)
  ) {
    const ohneVorrang = grund(
      '§ 32 Abs. 5 Nr. 3 BeschV',
      `Keine Vorrangprüfung im Agenturbezirk ${fakten.agenturbezirk} (Bezirk des Arbeitsorts).`,
    );
    return ergebnis('ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', ohneVorrang, ...(leiharbeit ? [leiharbeitZugelassen] : []));
  }
  const ohneBezirk = stichtag >= RECHTSSTAND.INTEGRATIONSGESETZ && !fakten.agenturbezirk;
  const vorbehalt = ohneBezirk
    ? [grund('§ 32 Abs. 5 Nr. 3 BeschV', 'Agenturbezirk des Arbeitsorts unbekannt: Vorrangprüfung angenommen.')]
    : [];
  if (leiharbeit) {
    return ergebnis(
      'VERBOTEN',
      grund(
        '§ 40 Abs. 1 Nr. 2 AufenthG',
        'Die BA muss die Zustimmung zur Leiharbeit versagen, solange sie mit Vorrangprüfung zustimmt.',
      ),
      ...vorbehalt,
    );
  }
  return ergebnis(
    'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG',
    grund(
      '§ 39 Abs. 2 AufenthG',
      'Monate 4 bis 15: Zustimmung der BA mit Vorrangprüfung und Prüfung der Arbeitsbedingungen.',
    ),
    ...vorbehalt,
  );
}

/** Refuses a day before the oldest rule version: what held then is not modelled. */
export function pruefeRechtsstand(stichtag: IsoDate): void {
  if (stichtag < RECHTSSTAND.DREIMONATSFRIST) {
    throw new RechtsstandNichtAbgebildet(`the rules are modelled from ${RECHTSSTAND.DREIMONATSFRIST} on`);
  }
}

function bewerten(fakten: ArbeitsmarktFakten, stichtag: IsoDate, taetigkeit: Taetigkeit) {
  pruefeRechtsstand(stichtag);
  return fakten.aufenthaltsart === 'AUFENTHALTSERLAUBNIS' || fakten.aufenthaltsart === 'NIEDERLASSUNGSERLAUBNIS'
    ? mitTitel(fakten, stichtag)
    : imVerfahrenOderGeduldet(fakten, stichtag, taetigkeit);
}

const signature = (result: { erlaubnis: Erlaubnis; gruende: readonly Rechtsgrund[] }) =>
  `${result.erlaubnis}|${result.gruende.map((entry) => entry.paragraph).join(',')}`;

/**
 * Labour-market access on a Stichtag for one kind of work, with the rules that decided and the next day
 * the answer would change on unchanged facts (the end of a waiting period, a change in the law).
 */
export function pruefeArbeitsmarktzugang(
  fakten: ArbeitsmarktFakten,
  stichtag: IsoDate,
  taetigkeit: Taetigkeit = 'BESCHAEFTIGUNG',
): Arbeitsmarktzugang {
  const heute = bewerten(fakten, stichtag, taetigkeit);
  const kandidaten = [
    addMonths(fakten.aufenthaltSeit, 3),
    addMonths(fakten.aufenthaltSeit, 15),
    addMonths(fakten.aufenthaltSeit, 48),
    ...(fakten.wohnpflichtBis ? [addDays(fakten.wohnpflichtBis, 1)] : []),
    ...(fakten.asylantragZurueckgenommenAm ? [fakten.asylantragZurueckgenommenAm] : []),
    ...Object.values(RECHTSSTAND),
    ...LISTENAENDERUNGEN,
  ]
    .filter((day) => day > stichtag)
    .sort();
  const naechsteAenderungAm =
    kandidaten.find((day) => signature(bewerten(fakten, day, taetigkeit)) !== signature(heute)) ?? null;
  return { ...heute, naechsteAenderungAm };
}
