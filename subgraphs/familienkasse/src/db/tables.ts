import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';
import type { Titelart } from '../domain/berechtigung.ts';

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
  /** First day of the first month granted; null for refusals and grants recorded before migration 005. */
  bewilligtAb: DateColumn | null;
  /** The residence document the applicant presented for the grant (§ 62 Abs. 2 EStG). */
  titelArt: Titelart | null;
  titelRechtsgrundlage: string | null;
  titelGueltigAb: DateColumn | null;
  titelGueltigBis: DateColumn | null;
  /** The rule of § 62 EStG that entitled the applicant. */
  berechtigungRegel: string | null;
  /** The applicant's tax id (§ 139b AO) as given with the decision; kept under tax secrecy, not released. */
  steuerId: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Place in the order of the parent's children (§ 66 Abs. 1 EStG); null for children recorded before migration 005. */
  ordnungszahl: number | null;
  /** The child's tax id (§ 139b AO) as given with the decision; kept under tax secrecy, not released. */
  steuerId: ColumnType<string | null, string | null | undefined, string | null>;
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
