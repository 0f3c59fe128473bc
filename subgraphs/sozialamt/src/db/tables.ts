import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';
import type { Leistungsart } from '../domain/leistungsart.ts';
import type { EndeGrund } from '../domain/leistungsende.ts';

type DateColumn = ColumnType<string, string, string>;

/** One AsylbLG benefit period the Sozialamt granted. */
export interface LeistungszeitraumTable {
  readonly id: Generated<string>;
  readonly personId: string;
  ab: DateColumn;
  /** null while benefits run on. */
  bis: DateColumn | null;
  leistungsart: Leistungsart;
  /** The paragraph the benefits rest on: "§ 3 AsylbLG" or "§ 2 Abs. 1 AsylbLG". */
  rechtsgrundlage: string;
  /** The version of § 2 AsylbLG that decided the kind of benefits on the first day. */
  fassung: string;
  /** Set on the period the entitlement ended with (§ 1 Abs. 3 AsylbLG). */
  endeGrund: EndeGrund | null;
}

/** The Sozialamt's database: its own table, plus its consent copies and access log. */
export interface SozialamtDatabase extends DatenschutzTables {
  leistungszeitraum: LeistungszeitraumTable;
}

export type LeistungszeitraumRow = Selectable<LeistungszeitraumTable>;
