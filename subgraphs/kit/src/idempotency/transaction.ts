import { sql, type Kysely } from 'kysely';

/**
 * A unit of work that is atomic on its own and may also run inside a caller's transaction (an idempotent
 * mutation wraps its work in one). Kysely cannot open a transaction in a transaction, so inside one the
 * work runs under a savepoint: it still rolls back alone, and the caller's transaction stays usable
 * afterwards (e.g. to read the winner of a unique-key race).
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  await sql`savepoint ip_arbeitsschritt`.execute(db);
  try {
    const result = await work(db);
    await sql`release savepoint ip_arbeitsschritt`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ip_arbeitsschritt`.execute(db);
    throw error;
  }
}
