import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';
import type { EinstiegskursNachweis } from '../domain/einstiegskurs.ts';
import type { SprachkursStatus } from '../domain/sprachkurs.ts';

export type { EinstiegskursNachweis, SprachkursStatus };

type DateColumn = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, never, never>;

export type FallStatus = 'AKTIV' | 'UEBERGEBEN' | 'ABGESCHLOSSEN';
export type FallEreignisArt = 'EROEFFNET' | 'UEBERGEBEN' | 'ABGESCHLOSSEN';
export type Zugangsweg = 'INITIATIVANSPRACHE' | 'FREIER_ZUGANG';
export type Abschlussgrund = 'ARBEITSAUFNAHME' | 'AUSBILDUNG' | 'WEGZUG' | 'KEIN_INTERESSE' | 'SONSTIGES';
export type UebergabeArt = 'REGULAER' | 'WARM';
export type Uebergabeanlass = 'HOECHSTVERWEILDAUER' | 'BETREUUNGSSCHLUESSEL' | 'RECHTSKREISWECHSEL' | 'SONSTIGES';
export type UebergabeForm = 'TELEFONISCH' | 'PERSOENLICH';
export type Instrument = 'KURZLEBENSLAUF' | 'PROFILING' | 'BPS' | 'WERKSTATTARBEIT' | 'PERF' | 'PRAKTIKUM';
export type Sprachkursart = 'INTEGRATIONSKURS' | 'ESF_BAMF' | 'EINSTIEGSKURS_421';
export type Sprachniveau = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
export type Kanal = 'POST' | 'SMS' | 'KOPIE_SOZIALDIENST';

export interface IntegrationsfachkraftTable {
  readonly id: string;
  name: string;
  integrationPoint: string;
  agenturbezirk: string;
}

/** Which Integration Point serves which Agentur district: the outreach list of a point covers its districts. */
export interface IntegrationPointBezirkTable {
  readonly agenturbezirk: string;
  integrationPoint: string;
}

/** A customer of the Agentur's regular organisation: not moved into the Integration Point (Rahmenkonzept §3). */
export interface RegelkundeTable {
  readonly personId: string;
  kundennummer: string;
  seit: DateColumn;
}

/** The BA customer number of a person, the same for each of its cases. */
export interface KundennummerTable {
  readonly kundennummer: string;
  readonly personId: string;
}

export interface FallTable {
  readonly id: Generated<string>;
  readonly personId: string;
  kundennummer: string;
  eroeffnetAm: DateColumn;
  status: FallStatus;
  statusSeit: DateColumn;
  integrationsfachkraftId: string | null;
  zugangsweg: Zugangsweg | null;
  /** The declaration of consent signed at the intake, if the person signed one. */
  einwilligungId: string | null;
  abschlussgrund: Abschlussgrund | null;
  /** A team lead's reason to take in a customer of the regular organisation (Rahmenkonzept §3); null otherwise. */
  readonly bestandskundeBegruendung: ColumnType<string | null, string | null | undefined, never>;
  /** The team lead (user id) who took the customer of the regular organisation in. */
  readonly bestandskundeZugelassenVon: ColumnType<string | null, string | null | undefined, never>;
}

export interface FallEreignisTable {
  readonly id: Generated<string>;
  readonly fallId: string;
  am: DateColumn;
  art: FallEreignisArt;
  notiz: string | null;
}

export interface FallUebergabeTable {
  readonly fallId: string;
  art: UebergabeArt;
  anlass: Uebergabeanlass;
  am: DateColumn;
  uebernehmendeStelle: string;
  uebernehmendeFachkraft: string | null;
  form: UebergabeForm | null;
  kundeAnwesend: boolean | null;
  notiz: string | null;
  erfasstVon: string;
  readonly erfasstUm: Timestamp;
}

/** A nationality with a high Bleibeperspektive for a period; rows are closed, never changed or deleted. */
export interface BleibeperspektiveKriteriumTable {
  readonly id: Generated<string>;
  staatsangehoerigkeit: string;
  gueltigAb: DateColumn;
  gueltigBis: DateColumn | null;
  quelle: string;
  festgelegtVon: string;
  readonly festgelegtUm: Timestamp;
  beendetVon: string | null;
  beendetUm: ColumnType<Date | null, never, Date>;
}

export interface KompetenzfeststellungTable {
  readonly id: Generated<string>;
  readonly fallId: string;
  instrument: Instrument;
  beginn: DateColumn;
  ende: DateColumn | null;
  ergebnis: string | null;
  erfasstVon: string;
  readonly erfasstUm: Timestamp;
}

export interface SprachkursTable {
  readonly id: Generated<string>;
  readonly fallId: string;
  art: Sprachkursart;
  niveau: Sprachniveau;
  beginn: DateColumn;
  ende: DateColumn | null;
  status: SprachkursStatus;
  /** § 421 entries only: the Gestattung on the entry day, or a BüMA the specialist saw. */
  nachweis: EinstiegskursNachweis | null;
  erfasstVon: string;
  readonly erfasstUm: Timestamp;
}

export interface TerminTable {
  readonly id: Generated<string>;
  readonly personId: string;
  fallId: string | null;
  integrationsfachkraftId: string;
  datum: DateColumn;
  /** Local time in Europe/Berlin, HH:MM. */
  uhrzeit: string;
  /** ISO 639-1 code of the language an interpreter is needed for. */
  sprache: string;
  kanaele: Kanal[];
  rechtsfolgenbelehrung: boolean;
  kopieAn: string | null;
  erfasstVon: string;
  readonly erfasstUm: Timestamp;
}

/** The Agentur's database: its own tables, plus its consent copies and access log. */
export interface AgenturDatabase extends DatenschutzTables {
  integrationsfachkraft: IntegrationsfachkraftTable;
  integrationPointBezirk: IntegrationPointBezirkTable;
  regelkunde: RegelkundeTable;
  kundennummer: KundennummerTable;
  fall: FallTable;
  fallEreignis: FallEreignisTable;
  fallUebergabe: FallUebergabeTable;
  bleibeperspektiveKriterium: BleibeperspektiveKriteriumTable;
  kompetenzfeststellung: KompetenzfeststellungTable;
  sprachkurs: SprachkursTable;
  termin: TerminTable;
}

export type IntegrationsfachkraftRow = Selectable<IntegrationsfachkraftTable>;
export type FallRow = Selectable<FallTable>;
export type FallEreignisRow = Selectable<FallEreignisTable>;
export type FallUebergabeRow = Selectable<FallUebergabeTable>;
export type BleibeperspektiveKriteriumRow = Selectable<BleibeperspektiveKriteriumTable>;
export type KompetenzfeststellungRow = Selectable<KompetenzfeststellungTable>;
export type SprachkursRow = Selectable<SprachkursTable>;
export type TerminRow = Selectable<TerminTable>;
