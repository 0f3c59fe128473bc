import type { IsoDate } from '@ip/kit';
import { addDays, addMonths } from '@ip/kit/calendar';

export type Titelart =
  | 'FREIZUEGIGKEIT'
  | 'NIEDERLASSUNGSERLAUBNIS'
  | 'DAUERAUFENTHALT_EU'
  | 'BLAUE_KARTE_EU'
  | 'AUFENTHALTSERLAUBNIS'
  | 'AUFENTHALTSGESTATTUNG'
  | 'DULDUNG';

/** The residence document the applicant presented, with the facts § 62 Abs. 2 Nr. 2 and 3 EStG ask for. */
export interface VorgelegterTitel {
  readonly art: Titelart;
  /** Its paragraph, e.g. "§ 25 Abs. 2 AufenthG"; decides for an Aufenthaltserlaubnis. */
  readonly rechtsgrundlage?: string | null;
  readonly gueltigAb: IsoDate;
  readonly gueltigBis?: IsoDate | null;
  /** Whether the permit entitles or entitled to work (its Nebenbestimmung), where the paragraph does not say. */
  readonly erwerbstaetigkeitErlaubt?: boolean | null;
  /** Start of the lawful, permitted or tolerated stay (§ 62 Abs. 2 Nr. 3 Buchst. a EStG). */
  readonly aufenthaltImBundesgebietSeit?: IsoDate | null;
  /** Employed, drawing SGB III benefits or on parental leave (§ 62 Abs. 2 Nr. 3 Buchst. b EStG). */
  readonly arbeitsmarktbezug?: boolean | null;
}

export type Berechtigung =
  | { readonly ergebnis: 'BERECHTIGT'; readonly regel: string }
  | { readonly ergebnis: 'AUSGESCHLOSSEN'; readonly regel: string; readonly field: string }
  | { readonly ergebnis: 'NICHT_ENTSCHIEDEN'; readonly regel: string; readonly field: string };

const EStG = '§ 62 Abs. 2 EStG (i. d. F. vom 13.12.2006, BGBl. I S. 2915; gültig 2015/2016)';
const PARAGRAPH = /^§\s*(\d+[a-z]?)(?:\s+Abs\.\s*(\d+))?(?:\s+S\.\s*\d+)?(?:\s+Nr\.\s*\d+)?\s+AufenthG$/;

const monatsbeginn = (tag: IsoDate) => `${tag.slice(0, 7)}-01`;
const monatsende = (tag: IsoDate) => addDays(addMonths(monatsbeginn(tag), 1), -1);

/**
 * Whether a foreigner who is not free to move under EU law is entitled to Kindergeld for the month of
 * `monat` on the presented document (§ 62 Abs. 2 EStG in the version of 13.12.2006, in force until 2019):
 * Nr. 1 settlement permit or EU long-term residence; Nr. 2 a residence permit that entitles or entitled to
 * work, except § 16/§ 17 (Buchst. a), § 18 Abs. 2 with a time-limited BA approval (Buchst. b), § 23 Abs. 1,
 * § 23a, § 24, § 25 Abs. 3–5 AufenthG (Buchst. c); those under Buchst. c only after 3 years of stay and with
 * work, SGB III benefits or parental leave (Nr. 3). An Aufenthaltsgestattung or Duldung is no residence
 * title (§ 4 Abs. 1 S. 2 AufenthG). The document must be held in the month claimed (§ 66 Abs. 2 EStG: month
 * by month). A paragraph the rules do not know is answered as not decided, never guessed.
 */
export function pruefeBerechtigung(titel: VorgelegterTitel, monat: IsoDate): Berechtigung {
  if (
    monatsbeginn(titel.gueltigAb) > monatsbeginn(monat) ||
    (titel.gueltigBis != null && titel.gueltigBis < monatsbeginn(monat))
  ) {
    return {
      ergebnis: 'AUSGESCHLOSSEN',
      regel: `${EStG}: der Titel muss im Anspruchsmonat bestehen`,
      field: 'bewilligtAb',
    };
  }
  switch (titel.art) {
    case 'FREIZUEGIGKEIT':
      return {
        ergebnis: 'BERECHTIGT',
        regel: '§ 62 Abs. 2 EStG gilt nur für nicht freizügigkeitsberechtigte Ausländer',
      };
    case 'NIEDERLASSUNGSERLAUBNIS':
    case 'DAUERAUFENTHALT_EU':
      return { ergebnis: 'BERECHTIGT', regel: `${EStG} Nr. 1` };
    case 'BLAUE_KARTE_EU':
      return { ergebnis: 'BERECHTIGT', regel: `${EStG} Nr. 2 mit § 4 Abs. 1 S. 3 AufenthG` };
    case 'AUFENTHALTSGESTATTUNG':
    case 'DULDUNG':
      return {
        ergebnis: 'AUSGESCHLOSSEN',
        regel: `${EStG}: Aufenthaltsgestattung und Duldung sind keine Aufenthaltstitel`,
        field: 'aufenthaltstitel.art',
      };
    case 'AUFENTHALTSERLAUBNIS':
      return aufenthaltserlaubnis(titel, monat);
  }
}

function aufenthaltserlaubnis(titel: VorgelegterTitel, monat: IsoDate): Berechtigung {
  const match = PARAGRAPH.exec(titel.rechtsgrundlage?.trim() ?? '');
  if (!match)
    return {
      ergebnis: 'NICHT_ENTSCHIEDEN',
      regel: `${EStG}: für eine Aufenthaltserlaubnis entscheidet ihr Paragraph im AufenthG`,
      field: 'aufenthaltstitel.rechtsgrundlage',
    };
  const [paragraph, absatz] = [match[1]!, match[2] ? Number(match[2]) : null];
  if (paragraph === '16' || paragraph === '17')
    return { ergebnis: 'AUSGESCHLOSSEN', regel: `${EStG} Nr. 2 Buchst. a`, field: 'aufenthaltstitel.rechtsgrundlage' };
  if (paragraph === '18' && absatz === 2) {
    return {
      ergebnis: 'NICHT_ENTSCHIEDEN',
      regel: `${EStG} Nr. 2 Buchst. b: hängt von der Befristung der Zustimmung nach der BeschV ab`,
      field: 'aufenthaltstitel.rechtsgrundlage',
    };
  }
  const buchstabeC =
    (paragraph === '23' && absatz === 1) ||
    paragraph === '23a' ||
    paragraph === '24' ||
    (paragraph === '25' && absatz !== null && absatz >= 3 && absatz <= 5);
  if (buchstabeC) return nummer3(titel, monat);
  if (paragraph === '25' && (absatz === 1 || absatz === 2))
    return {
      ergebnis: 'BERECHTIGT',
      regel: `${EStG} Nr. 2; Erwerbstätigkeit kraft Gesetzes (§ 25 Abs. 1 S. 4, Abs. 2 S. 2 AufenthG)`,
    };
  if (titel.erwerbstaetigkeitErlaubt == null) {
    return {
      ergebnis: 'NICHT_ENTSCHIEDEN',
      regel: `${EStG} Nr. 2: berechtigt die Aufenthaltserlaubnis zur Erwerbstätigkeit?`,
      field: 'aufenthaltstitel.erwerbstaetigkeitErlaubt',
    };
  }
  return titel.erwerbstaetigkeitErlaubt
    ? { ergebnis: 'BERECHTIGT', regel: `${EStG} Nr. 2` }
    : {
        ergebnis: 'AUSGESCHLOSSEN',
        regel: `${EStG} Nr. 2: die Aufenthaltserlaubnis berechtigt nicht zur Erwerbstätigkeit`,
        field: 'aufenthaltstitel.erwerbstaetigkeitErlaubt',
      };
}

function nummer3(titel: VorgelegterTitel, monat: IsoDate): Berechtigung {
  const regel = `${EStG} Nr. 2 Buchst. c, Nr. 3`;
  if (titel.aufenthaltImBundesgebietSeit == null)
    return {
      ergebnis: 'NICHT_ENTSCHIEDEN',
      regel: `${regel}: seit wann besteht der Aufenthalt?`,
      field: 'aufenthaltstitel.aufenthaltImBundesgebietSeit',
    };
  if (addMonths(titel.aufenthaltImBundesgebietSeit, 36) > monatsende(monat)) {
    return {
      ergebnis: 'AUSGESCHLOSSEN',
      regel: `${regel} Buchst. a: noch keine drei Jahre rechtmäßiger, gestatteter oder geduldeter Aufenthalt`,
      field: 'aufenthaltstitel.aufenthaltImBundesgebietSeit',
    };
  }
  if (titel.arbeitsmarktbezug == null)
    return {
      ergebnis: 'NICHT_ENTSCHIEDEN',
      regel: `${regel} Buchst. b: erwerbstätig, SGB-III-Leistungen oder Elternzeit?`,
      field: 'aufenthaltstitel.arbeitsmarktbezug',
    };
  return titel.arbeitsmarktbezug
    ? { ergebnis: 'BERECHTIGT', regel }
    : {
        ergebnis: 'AUSGESCHLOSSEN',
        regel: `${regel} Buchst. b: weder erwerbstätig noch SGB-III-Leistungen noch Elternzeit`,
        field: 'aufenthaltstitel.arbeitsmarktbezug',
      };
}
