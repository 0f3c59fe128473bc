import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';

/** A DATE column: an ISO day string in and out (the kit's parsers see to that). */
type DateColumn = ColumnType<string, string, string>;

export type Aufenthaltsart = 'AUFENTHALTSGESTATTUNG' | 'DULDUNG' | 'AUFENTHALTSERLAUBNIS' | 'NIEDERLASSUNGSERLAUBNIS';
export type Geschlecht = 'MAENNLICH' | 'WEIBLICH';

export interface PersonTable {
  readonly id: string;
  azrNummer: string;
  vorname: string;
  nachname: string;
  geschlecht: Geschlecht;
  geburtsdatum: DateColumn;
  staatsangehoerigkeit: string;
  einreiseAm: DateColumn;
  asylantragAm: DateColumn | null;
  /** Day the asylum application was withdrawn (§ 32 AsylG); null: not withdrawn. */
  asylantragZurueckgenommenAm: ColumnType<string | null, string | null | undefined, string | null>;
  readonly erfasstAm: Generated<Date>;
  /** Last day of the obligation to live in a reception centre (§ 47 AsylG), if any. */
  wohnpflichtErstaufnahmeBis: DateColumn | null;
  /** Grounds of a ban under § 60a Abs. 6 S. 1 Nr. 1 or 2 AufenthG, as the ABH recorded them. */
  verbot60aAbs6Grund: string | null;
  /** The Agentur für Arbeit district the person lives in: the outreach list's filter. The priority check depends on the place of work instead. */
  agenturbezirk: string | null;
  /** Start of the current uninterrupted permitted, tolerated or authorised stay, never before entry; null: the entry day. */
  aufenthaltSeit: DateColumn | null;
  /** School and vocational education as the core data system holds it since Feb 2016; null: not recorded. */
  qualifikation: Qualifikation | null;
}

export type Qualifikation = 'KEINE' | 'BERUFSERFAHRUNG' | 'BERUFSAUSBILDUNG' | 'STUDIUM';

export type Anliegen = 'AUFENTHALTSSTATUS' | 'ARBEITSMARKTZUGANG' | 'NEBENBESTIMMUNG';
export type StatusklaerungStatus = 'OFFEN' | 'BEANTWORTET' | 'ZURUECKGEZOGEN';

/** A question of the Agentur or the Jobcenter about a person, in the Ausländerbehörde's inbox. */
export interface StatusklaerungTable {
  readonly id: Generated<string>;
  readonly personId: string;
  readonly anliegen: Anliegen;
  readonly frage: string;
  status: StatusklaerungStatus;
  readonly gestelltAm: DateColumn;
  readonly gestelltVon: string;
  readonly gestelltDurch: string;
  beantwortetAm: DateColumn | null;
  beantwortetVon: string | null;
  antwort: string | null;
  zurueckgezogenAm: DateColumn | null;
}

export interface AufenthaltsstatusTable {
  readonly id: Generated<string>;
  readonly personId: string;
  art: Aufenthaltsart;
  rechtsgrundlage: string;
  gueltigAb: DateColumn;
  gueltigBis: DateColumn | null;
  nebenbestimmungen: string[];
}

/** The Ausländerbehörde's database: only its own tables, plus its consent copies and access log. */
export interface AuslaenderbehoerdeDatabase extends DatenschutzTables {
  person: PersonTable;
  aufenthaltsstatus: AufenthaltsstatusTable;
  statusklaerung: StatusklaerungTable;
}

export type PersonRow = Selectable<PersonTable>;
export type AufenthaltsstatusRow = Selectable<AufenthaltsstatusTable>;
export type StatusklaerungRow = Selectable<StatusklaerungTable>;
