import { sql, type Kysely } from 'kysely';
import type { Agency } from '../identity/agencies.ts';
import type { IsoDate } from '../scalars.ts';
import type { ConsentRecord, LegalBasis } from './release-decision.ts';
import type { DatenschutzTables } from './tables.ts';

/** Subgraph databases extend `DatenschutzTables`; these functions see only that part. */
export type DatenschutzDb = Kysely<DatenschutzTables>;

/**
 * The view of a subgraph's database (or transaction) that the consent code works on. Kysely's types do
 * not narrow a database interface to a part of it, so the narrowing is a cast, in this one place.
 */
export function datenschutzDb<DB extends DatenschutzTables>(db: Kysely<DB>): DatenschutzDb {
  return db as unknown as DatenschutzDb;
}

export interface StoredConsent extends ConsentRecord {
  readonly personId: string;
  readonly zweck: string | null;
  readonly verweigerungsfolgenErklaert: boolean | null;
  readonly erfasstVon: string;
  readonly erfasstDurch: Agency;
}

/** Every declaration held for these persons, with its grants: one statement for the whole batch. */
export async function findConsentsByPersonIds(
  db: DatenschutzDb,
  personIds: readonly string[],
): Promise<StoredConsent[]> {
  if (personIds.length === 0) return [];
  return consentsOf(
    await db
      .selectFrom('einwilligung as e')
      .leftJoin('einwilligungFreigabe as f', 'f.einwilligungId', 'e.id')
      .select(CONSENT_COLUMNS)
      .where('e.personId', 'in', personIds)
      .orderBy('e.unterschriebenAm')
      .orderBy('e.id')
      .execute(),
  );
}

/**
 * The same declarations as `findConsentsByPersonIds`, and in the same statement (one snapshot) the legal
 * bases' state (`rechtsgrundlage_stand`): the one row of the state is the left side, so it comes back even
 * when nobody here consented to anything. Written as SQL of constant text (the persons as one array):
 * it runs in every subgraph request that decides a release, and Kysely's query builder built, transformed
 * and compiled its dozen columns and two joins anew each time (issue 18's profile).
 */
export async function findConsentsWithLegalBasisState(
  db: DatenschutzDb,
  personIds: readonly string[],
): Promise<{ readonly consents: StoredConsent[]; readonly legalBasisState: string }> {
  const { rows } = await sql<ConsentRow & { readonly stand: string }>`
    select s.stand, e.id, e.person_id, e.unterschrieben_am, e.gueltig_bis, e.widerrufen_am, e.erfasst_von,
      e.erfasst_durch, e.zweck, e.verweigerungsfolgen_erklaert, f.empfaenger, f.kategorie
    from rechtsgrundlage_stand s
      left join einwilligung e on e.person_id = any(${[...personIds]}::uuid[])
      left join einwilligung_freigabe f on f.einwilligung_id = e.id
    order by e.unterschrieben_am, e.id`.execute(db);
  const state = rows[0]?.stand;
  if (state === undefined) throw new Error('rechtsgrundlage_stand holds no row');
  return { consents: consentsOf(rows), legalBasisState: state };
}

const CONSENT_COLUMNS = [
  'e.id',
  'e.personId',
  'e.unterschriebenAm',
  'e.gueltigBis',
  'e.widerrufenAm',
  'e.erfasstVon',
  'e.erfasstDurch',
  'e.zweck',
  'e.verweigerungsfolgenErklaert',
  'f.empfaenger',
  'f.kategorie',
] as const;

/** A consent row as both statements return it; the state's left join leaves a declaration's columns null. */
interface ConsentRow {
  readonly id: string | null;
  readonly personId: string | null;
  readonly unterschriebenAm: string | null;
  readonly gueltigBis: string | null;
  readonly widerrufenAm: string | null;
  readonly erfasstVon: string | null;
  readonly erfasstDurch: Agency | null;
  readonly zweck: string | null;
  readonly verweigerungsfolgenErklaert: boolean | null;
  readonly empfaenger: Agency | null;
  readonly kategorie: string | null;
}

/** Declarations with their grants from rows of (declaration, grant), in the rows' order. */
function consentsOf(rows: readonly ConsentRow[]): StoredConsent[] {
  const byId = new Map<string, StoredConsent & { grants: { recipient: Agency; category: string }[] }>();
  for (const row of rows) {
    if (row.id === null) continue;
    let consent = byId.get(row.id);
    if (!consent) {
      consent = {
        id: row.id,
        personId: row.personId!,
        signedOn: row.unterschriebenAm!,
        validUntil: row.gueltigBis,
        withdrawnOn: row.widerrufenAm,
        erfasstVon: row.erfasstVon!,
        erfasstDurch: row.erfasstDurch!,
        zweck: row.zweck,
        verweigerungsfolgenErklaert: row.verweigerungsfolgenErklaert,
        grants: [],
      };
      byId.set(row.id, consent);
    }
    if (row.empfaenger && row.kategorie) consent.grants.push({ recipient: row.empfaenger, category: row.kategorie });
  }
  return [...byId.values()];
}

export async function findConsentById(db: DatenschutzDb, id: string): Promise<StoredConsent | null> {
  const row = await db.selectFrom('einwilligung').select('personId').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return (await findConsentsByPersonIds(db, [row.personId])).find((consent) => consent.id === id) ?? null;
}

/** The legal bases with their state, read in one statement (one snapshot). */
export async function findLegalBases(
  db: DatenschutzDb,
): Promise<{ readonly legalBases: LegalBasis[]; readonly legalBasisState: string }> {
  const rows = await db
    .selectFrom('rechtsgrundlageStand as s')
    .leftJoin('rechtsgrundlage as r', (join) => join.onTrue())
    .select(['s.stand', 'r.empfaenger', 'r.kategorie', 'r.paragraph', 'r.gueltigAb', 'r.gueltigBis'])
    .orderBy('r.id')
    .execute();
  const state = rows[0]?.stand;
  if (state === undefined) throw new Error('rechtsgrundlage_stand holds no row');
  const legalBases: LegalBasis[] = [];
  for (const row of rows) {
    if (row.empfaenger === null || row.kategorie === null || row.paragraph === null || row.gueltigAb === null) continue;
    legalBases.push({
      recipient: row.empfaenger,
      category: row.kategorie,
      paragraph: row.paragraph,
      validFrom: row.gueltigAb,
      validUntil: row.gueltigBis,
    });
  }
  return { legalBases, legalBasisState: state };
}

export interface NewConsent {
  readonly id: string;
  readonly personId: string;
  readonly signedOn: IsoDate;
  readonly validUntil: IsoDate | null;
  readonly grants: readonly { readonly recipient: Agency; readonly category: string }[];
  readonly zweck: string;
  readonly verweigerungsfolgenErklaert: true;
  readonly recordedBy: string;
  readonly recordedByAgency: Agency;
}

/** Inserts a declaration with its grants; the caller runs it in a transaction. */
export async function insertConsent(db: DatenschutzDb, consent: NewConsent): Promise<void> {
  await db
    .insertInto('einwilligung')
    .values({
      id: consent.id,
      personId: consent.personId,
      unterschriebenAm: consent.signedOn,
      gueltigBis: consent.validUntil,
      widerrufenAm: null,
      erfasstVon: consent.recordedBy,
      erfasstDurch: consent.recordedByAgency,
      widerrufErfasstVon: null,
      zweck: consent.zweck,
      verweigerungsfolgenErklaert: consent.verweigerungsfolgenErklaert,
    })
    .execute();
  if (consent.grants.length > 0) {
    await db
      .insertInto('einwilligungFreigabe')
      .values(
        consent.grants.map((grant) => ({
          einwilligungId: consent.id,
          empfaenger: grant.recipient,
          kategorie: grant.category,
        })),
      )
      .execute();
  }
}

/** Marks a declaration withdrawn from `day` on; a second withdrawal keeps the first day. */
export async function withdrawConsent(db: DatenschutzDb, id: string, day: IsoDate, by: string): Promise<void> {
  await db
    .updateTable('einwilligung')
    .set({
      widerrufenAm: sql<string>`coalesce(widerrufen_am, ${day}::date)`,
      widerrufErfasstVon: sql<string>`coalesce(widerruf_erfasst_von, ${by})`,
    })
    .where('id', '=', id)
    .execute();
}
