import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';

type DateColumn = ColumnType<string, string, string>;

/** A case file the Sozialamt (AsylbLG) keeps about a person. */
export interface VorgangTable {
  readonly id: Generated<string>;
  readonly personId: string;
  readonly aktenzeichen: string;
  readonly eroeffnetAm: DateColumn;
}

/** The Sozialamt (AsylbLG)'s database: its own tables, plus its consent copies and access log. */
export interface SozialamtDatabase extends DatenschutzTables {
  vorgang: VorgangTable;
}

export type VorgangRow = Selectable<VorgangTable>;
