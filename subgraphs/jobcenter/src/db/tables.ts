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
  /** The member's birth date as the Jobcenter recorded it with the application (age rules of § 7 SGB II). */
  geburtsdatum: DateColumn | null;
  /** Monthly need for subsistence in EUR without § 28 SGB II, as last assessed; null if not recorded. */
  monatsbedarf: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface LeistungsantragTable {
  readonly id: Generated<string>;
  readonly bedarfsgemeinschaftId: string;
  eingangAm: DateColumn;
  status: Sgb2Leistungsstatus;
  beschiedenAm: DateColumn | null;
  bewilligtAb: DateColumn | null;
  bewilligtBis: DateColumn | null;
  /** Monthly Regelbedarf of the whole Bedarfsgemeinschaft in EUR, for a grant. */
  regelbedarf: ColumnType<number | null, number | null, number | null>;
  /** Monthly costs of accommodation and heating in EUR, for a grant. */
  unterkunft: ColumnType<number | null, number | null, number | null>;
}

/** The change of legal sphere of a recognised person, as the Jobcenter recorded it. */
export interface RechtskreiswechselTable {
  readonly personId: string;
  anerkanntAm: DateColumn;
  asylblgBis: DateColumn | null;
  sgb2Ab: DateColumn;
  readonly erfasstVon: string;
  readonly erfasstAm: Generated<Date>;
}

/** An SGB III measure begun before the change that continues to its end, financed by SGB III. */
export interface Sgb3MassnahmeTable {
  readonly id: Generated<string>;
  readonly personId: string;
  bezeichnung: string;
  ende: DateColumn;
}

/** The Jobcenter's database: its own tables, plus its consent copies and access log. */
export interface JobcenterDatabase extends DatenschutzTables {
  bedarfsgemeinschaft: BedarfsgemeinschaftTable;
  bgMitglied: BgMitgliedTable;
  leistungsantrag: LeistungsantragTable;
  rechtskreiswechsel: RechtskreiswechselTable;
  sgb3Massnahme: Sgb3MassnahmeTable;
}

export type BedarfsgemeinschaftRow = Selectable<BedarfsgemeinschaftTable>;
export type BgMitgliedRow = Selectable<BgMitgliedTable>;
export type LeistungsantragRow = Selectable<LeistungsantragTable>;
export type RechtskreiswechselRow = Selectable<RechtskreiswechselTable>;
export type Sgb3MassnahmeRow = Selectable<Sgb3MassnahmeTable>;
