import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';

type DateColumn = ColumnType<string, string, string>;

export type FallStatus = 'AKTIV' | 'UEBERGEBEN' | 'ABGESCHLOSSEN';
export type FallEreignisArt = 'EROEFFNET' | 'UEBERGEBEN' | 'ABGESCHLOSSEN';

export interface IntegrationsfachkraftTable {
  readonly id: string;
  name: string;
  integrationPoint: string;
  agenturbezirk: string;
}

export interface FallTable {
  readonly id: Generated<string>;
  readonly personId: string;
  kundennummer: string;
  eroeffnetAm: DateColumn;
  status: FallStatus;
  statusSeit: DateColumn;
  integrationsfachkraftId: string | null;
}

export interface FallEreignisTable {
  readonly id: Generated<string>;
  readonly fallId: string;
  am: DateColumn;
  art: FallEreignisArt;
  notiz: string | null;
}

/** The Agentur's database: its own tables, plus its consent copies and access log. */
export interface AgenturDatabase extends DatenschutzTables {
  integrationsfachkraft: IntegrationsfachkraftTable;
  fall: FallTable;
  fallEreignis: FallEreignisTable;
}

export type IntegrationsfachkraftRow = Selectable<IntegrationsfachkraftTable>;
export type FallRow = Selectable<FallTable>;
export type FallEreignisRow = Selectable<FallEreignisTable>;
