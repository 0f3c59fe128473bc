import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';

type DateColumn = ColumnType<string, string, string>;

export type KindergeldErgebnis = 'BEWILLIGT' | 'ABGELEHNT';

export interface KindergeldAntragTable {
  readonly id: Generated<string>;
  readonly personId: string;
  kindergeldnummer: string;
  familienkasse: string;
  eingangAm: DateColumn;
  beschiedenAm: DateColumn | null;
  ergebnis: KindergeldErgebnis | null;
  /** numeric(8,2): read as a number by the kit's type parsers. */
  monatsbetrag: ColumnType<number | null, number | null, number | null>;
  ablehnungsgrund: string | null;
  readonly antragspaketId: string | null;
  /** The 10th working day after receipt, stored at receipt. */
  faelligAm: DateColumn;
  /** Working days from receipt to decision, stored at decision. */
  bearbeitungsarbeitstage: number | null;
}

export interface AntragspaketTable {
  readonly id: Generated<string>;
  readonly personId: string;
  readonly matrixCode: string;
  readonly familienkasse: string;
  readonly ausgegebenAm: DateColumn;
  readonly ausgegebenVon: string;
  readonly ausgegebenDurch: string;
}

export interface MatrixcodeSchluesselTable {
  readonly id: number;
  readonly schluessel: string;
}

export interface KindTable {
  readonly id: Generated<string>;
  readonly kindergeldAntragId: string;
  readonly personId: string | null;
  vorname: string;
  nachname: string;
  geburtsdatum: DateColumn;
}

/** The Familienkasse's database: its own tables, plus its consent copies and access log. */
export interface FamilienkasseDatabase extends DatenschutzTables {
  kindergeldAntrag: KindergeldAntragTable;
  kind: KindTable;
  antragspaket: AntragspaketTable;
  matrixcodeSchluessel: MatrixcodeSchluesselTable;
}

export type KindergeldAntragRow = Selectable<KindergeldAntragTable>;
export type KindRow = Selectable<KindTable>;
export type AntragspaketRow = Selectable<AntragspaketTable>;
