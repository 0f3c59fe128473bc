import type { Insertable, Kysely } from 'kysely';
import type {
  AgenturDatabase,
  IntegrationPointBezirkTable,
  IntegrationsfachkraftRow,
  IntegrationsfachkraftTable,
  RegelkundeTable,
} from './tables.ts';

type Db = Kysely<AgenturDatabase>;

export async function findFachkraefteByIds(db: Db, ids: readonly string[]): Promise<IntegrationsfachkraftRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('integrationsfachkraft').selectAll().where('id', 'in', ids).execute();
}

/** The specialists, of one Integration Point or all, by point and name. */
export async function listFachkraefte(db: Db, integrationPoint: string | null): Promise<IntegrationsfachkraftRow[]> {
  let query = db.selectFrom('integrationsfachkraft').selectAll();
  if (integrationPoint !== null) query = query.where('integrationPoint', '=', integrationPoint);
  return query.orderBy('integrationPoint').orderBy('name').orderBy('id').execute();
}

export async function findBezirke(db: Db, integrationPoint: string): Promise<string[]> {
  const rows = await db
    .selectFrom('integrationPointBezirk')
    .select('agenturbezirk')
    .where('integrationPoint', '=', integrationPoint)
    .orderBy('agenturbezirk')
    .execute();
  return rows.map((row) => row.agenturbezirk);
}

export async function isRegelkunde(db: Db, personId: string): Promise<boolean> {
  return (
    (await db.selectFrom('regelkunde').select('personId').where('personId', '=', personId).executeTakeFirst()) !==
    undefined
  );
}

export async function insertRegelkunde(db: Db, row: Insertable<RegelkundeTable>): Promise<void> {
  await db
    .insertInto('regelkunde')
    .values(row)
    .onConflict((oc) => oc.column('personId').doNothing())
    .execute();
}

export async function insertFachkraefte(
  db: Db,
  rows: readonly Insertable<IntegrationsfachkraftTable>[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('integrationsfachkraft')
      .values([...rows])
      .execute();
}

export async function insertBezirke(db: Db, rows: readonly Insertable<IntegrationPointBezirkTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('integrationPointBezirk')
      .values([...rows])
      .execute();
}

export async function insertRegelkunden(db: Db, rows: readonly Insertable<RegelkundeTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('regelkunde')
      .values([...rows])
      .execute();
}
