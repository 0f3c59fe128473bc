import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { badUserInput, domainError, ErrorCode, refusals } from '../errors.ts';
import type { Caller } from '../identity/agencies.ts';
import type { IdempotenzTables } from './tables.ts';

/** The contract every partner shares for `anfrageId` (client-chosen, 8 to 64 characters). */
export const ANFRAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The reasons this module refuses with; every partner's list of reasons (and its SDL enum) includes them. */
export const ANFRAGE_ID_GRUENDE = ['ANFRAGE_ID_WIEDERVERWENDET'] as const;
const refuse = refusals(ANFRAGE_ID_GRUENDE);

/** One call of a creating mutation, as far as its request id is concerned. */
export interface Anfrage {
  /** The client-chosen request id; without one the work simply runs. */
  readonly anfrageId: string | null | undefined;
  readonly mutation: string;
  readonly caller: Caller;
  /** The mutation's arguments without `anfrageId`. */
  readonly input: unknown;
}

export interface IdempotentWork<DB, T> {
  /** The mutation's work; it must use the database it is given and no other connection. */
  run(db: Kysely<DB>): Promise<T>;
  /** What a retry needs to answer the same again: the created entity's id. */
  reference(result: T): string;
  /** Reads the answer again from its reference; undefined when it is gone. */
  reload(db: Kysely<DB>, reference: string): Promise<T | undefined>;
}

/** Splits a resolver's arguments into the request id and the input it guards. */
export function anfrage<A extends { readonly anfrageId?: string | null }>(
  mutation: string,
  args: A,
  caller: Caller,
): Anfrage {
  const { anfrageId, ...input } = args;
  return { anfrageId, mutation, caller, input };
}

/** Kysely's types do not narrow a database interface to a part of it; the narrowing is a cast, here. */
export function idempotenzDb<DB>(db: Kysely<DB>): Kysely<IdempotenzTables> {
  return db as unknown as Kysely<IdempotenzTables>;
}

/**
 * Runs a creating mutation at most once per request id and calling agency. The key row is inserted first,
 * in the same transaction as the work: a parallel duplicate's insert waits on that row until the first
 * commits (or rolls back, and then takes over), so the database, not a process, decides who runs. A failed
 * attempt leaves no key behind. A duplicate answers the first result, read again; the same id with other
 * input, for another mutation or from another user is refused.
 */
export async function idempotent<DB, T>(db: Kysely<DB>, request: Anfrage, work: IdempotentWork<DB, T>): Promise<T> {
  const { anfrageId, caller } = request;
  if (anfrageId == null) return work.run(db);
  if (!ANFRAGE_ID.test(anfrageId))
    throw badUserInput('anfrageId must be 8 to 64 characters of A-Z, a-z, 0-9, _ and -', 'anfrageId');
  const key = {
    behoerde: caller.agency,
    anfrageId,
    mutation: request.mutation,
    benutzer: caller.userId,
    rolle: caller.role,
    eingabeHash: inputHash(request.mutation, request.input),
  };
  return db.transaction().execute(async (trx) => {
    const own = idempotenzDb(trx);
    const claimed = await own
      .insertInto('anfrageIdempotenz')
      .values(key)
      .onConflict((oc) => oc.columns(['behoerde', 'anfrageId']).doNothing())
      .returning('anfrageId')
      .executeTakeFirst();
    if (claimed) {
      const result = await work.run(trx);
      await own
        .updateTable('anfrageIdempotenz')
        .set({ ergebnis: work.reference(result) })
        .where('behoerde', '=', key.behoerde)
        .where('anfrageId', '=', anfrageId)
        .execute();
      return result;
    }
    const first = await own
      .selectFrom('anfrageIdempotenz')
      .selectAll()
      .where('behoerde', '=', key.behoerde)
      .where('anfrageId', '=', anfrageId)
      .executeTakeFirstOrThrow();
    const same =
      first.mutation === key.mutation &&
      first.eingabeHash === key.eingabeHash &&
      first.benutzer === key.benutzer &&
      first.rolle === key.rolle;
    if (!same) {
      throw refuse(
        'ANFRAGE_ID_WIEDERVERWENDET',
        'this anfrageId was already used for another request; choose a new id for new content',
        { field: 'anfrageId' },
      );
    }
    const answer = first.ergebnis === null ? undefined : await work.reload(trx, first.ergebnis);
    if (answer === undefined)
      throw domainError(ErrorCode.NOT_FOUND, `what request ${anfrageId} created no longer exists`, {
        field: 'anfrageId',
      });
    return answer;
  });
}

/** Keys older than the cut-off are forgotten: a retry after that runs as a new request. */
export async function purgeAnfrageIds<DB>(db: Kysely<DB>, before: Date): Promise<number> {
  const result = await idempotenzDb(db)
    .deleteFrom('anfrageIdempotenz')
    .where('erstelltAm', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The same input always hashes the same, whatever the order of its keys. A null stays distinct from a field
 * left out: some mutations clear a value with null and keep it when the field is absent.
 */
export function inputHash(mutation: string, input: unknown): string {
  return createHash('sha256')
    .update(mutation)
    .update('\u0000')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, entry]) => [name, canonical(entry)]),
  );
}

/** The usual reference: the created entity's id. */
export const byId = <T extends { readonly id: string }>(result: T): string => result.id;
