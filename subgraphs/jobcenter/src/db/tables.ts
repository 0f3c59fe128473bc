import type { ColumnType, Generated, Selectable } from 'kysely';
import type { DatenschutzTables } from '@ip/kit/consent';

type DateColumn = ColumnType<string, string, string>;

export type BgRolle = 'ANTRAGSTELLENDE_PERSON' | 'PARTNER' | 'KIND';
export type Sgb2Leistungsstatus = 'BEANTRAGT' | 'BEWILLIGT' | 'ABGELEHNT';

export interface BedarfsgemeinschaftTable {
  readonly id: Generated<string>;
  bgNummer: string;
  gegruendetAm: DateColumn;
}

export interface BgMitgliedTable {
  readonly bedarfsgemeinschaftId: string;
  readonly personId: string;
  rolle: BgRolle;
  seit: DateColumn;
}

export interface LeistungsantragTable {
  readonly id: Generated<string>;
  readonly bedarfsgemeinschaftId: string;
  eingangAm: DateColumn;
  status: Sgb2Leistungsstatus;
  beschiedenAm: DateColumn | null;
  bewilligtAb: DateColumn | null;
  bewilligtBis: DateColumn | null;
}

/** The Jobcenter's database: its own tables, plus its consent copies and access log. */
export interface JobcenterDatabase extends DatenschutzTables {
  bedarfsgemeinschaft: BedarfsgemeinschaftTable;
  bgMitglied: BgMitgliedTable;
  leistungsantrag: LeistungsantragTable;
}

export type BedarfsgemeinschaftRow = Selectable<BedarfsgemeinschaftTable>;
export type BgMitgliedRow = Selectable<BgMitgliedTable>;
export type LeistungsantragRow = Selectable<LeistungsantragTable>;
