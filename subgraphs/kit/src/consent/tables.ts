import type { ColumnType, Generated } from 'kysely';
import type { Agency } from '../identity/agencies.ts';

type DateColumn = ColumnType<string, string, string>;

/** The owner's copy of a signed declaration of consent (Einwilligungserklärung). */
export interface EinwilligungTable {
  readonly id: string;
  readonly personId: string;
  unterschriebenAm: DateColumn;
  gueltigBis: DateColumn | null;
  widerrufenAm: DateColumn | null;
  readonly erfasstVon: string;
  readonly erfasstDurch: Agency;
  readonly erfasstAm: Generated<Date>;
  widerrufErfasstVon: string | null;
  /** What the data are released for, as the person was told; null for declarations recorded before it was kept. */
  zweck: ColumnType<string | null, string | null | undefined, string | null>;
  /** The person was told what refusing means (§ 67b Abs. 2 S. 2 SGB X); null for declarations recorded before. */
  verweigerungsfolgenErklaert: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}

/** One line of a declaration: this owner may release `kategorie` to `empfaenger`. */
export interface EinwilligungFreigabeTable {
  readonly einwilligungId: string;
  readonly empfaenger: Agency;
  readonly kategorie: string;
}

/** A release the law allows without consent, with its paragraph and validity. */
export interface RechtsgrundlageTable {
  readonly id: Generated<number>;
  readonly empfaenger: Agency;
  readonly kategorie: string;
  readonly paragraph: string;
  readonly beschreibung: string;
  readonly gueltigAb: DateColumn;
  readonly gueltigBis: DateColumn | null;
}

/** One row: a value that changes with every change to `rechtsgrundlage` (see its migration). */
export interface RechtsgrundlageStandTable {
  readonly einzig: Generated<boolean>;
  readonly stand: Generated<string>;
}

/** The owner's append-only log of releases and refusals to other agencies. */
export interface ZugriffsprotokollTable {
  readonly id: Generated<string>;
  readonly zeitpunkt: Generated<Date>;
  readonly anfragendeBehoerde: Agency;
  readonly benutzer: string;
  readonly rolle: string;
  readonly personId: string;
  readonly kategorie: string;
  /** The operation's name if short and plain, else a placeholder (see `operationOf`). */
  readonly operation: string;
  /** sha256 of the document the subgraph received; null for entries written before it was recorded. */
  readonly operationHash: string | null;
  /** The declaration's id or the paragraph; null for a refusal. */
  readonly rechtsgrundlage: string | null;
  readonly entscheidung: 'FREIGEGEBEN' | 'VERWEIGERT';
}

/** The tables every owner keeps for consent and its access log; a subgraph's database interface extends this. */
export interface DatenschutzTables {
  einwilligung: EinwilligungTable;
  einwilligungFreigabe: EinwilligungFreigabeTable;
  rechtsgrundlage: RechtsgrundlageTable;
  rechtsgrundlageStand: RechtsgrundlageStandTable;
  zugriffsprotokoll: ZugriffsprotokollTable;
}
