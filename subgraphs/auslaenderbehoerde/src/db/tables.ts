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
  readonly erfasstAm: Generated<Date>;
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
}

export type PersonRow = Selectable<PersonTable>;
export type AufenthaltsstatusRow = Selectable<AufenthaltsstatusTable>;
