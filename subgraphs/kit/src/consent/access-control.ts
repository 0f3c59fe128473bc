import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Kysely } from 'kysely';
import { domainError, ErrorCode } from '../errors.ts';
import type { Agency, Caller } from '../identity/agencies.ts';
import { isUuid } from '../ids.ts';
import { manyByKey } from '../batch.ts';
import { countReleaseDecision, observeAccessLogWrite } from '../metrics.ts';
import type { IsoDate } from '../scalars.ts';
import { appendAccessLog, type NewAccessLogEntry } from './access-log.repository.ts';
import {
  datenschutzDb,
  findConsentsWithLegalBasisState,
  findLegalBases,
  type DatenschutzDb,
  type StoredConsent,
} from './consent.repository.ts';
import { decideRelease, type LegalBasis, type ReleaseDecision } from './release-decision.ts';
import type { OperationLabel } from './released.ts';
import type { DatenschutzTables } from './tables.ts';

export interface AccessControlOptions {
  /** The subgraph's own agency: the owner of every category it guards. */
  readonly owner: Agency;
  readonly caller: Caller;
  readonly db: DatenschutzDb;
  /** The day of the request in Europe/Berlin. */
  readonly today: IsoDate;
}

/**
 * The legal bases each database held at a state (`rechtsgrundlage_stand`), kept for the process: they
 * change seldom, and reading them was one statement of every subgraph request. Keyed by the database
 * handle (a subgraph has one; the tests run several subgraphs in one process). Whoever finds another
 * state reads them again; a failed read is not kept.
 */
const legalBasesByDatabase = new WeakMap<DatenschutzDb, { state: string; legalBases: Promise<LegalBasis[]> }>();

/** The legal bases in force at `state`, from the process's copy if it is of that state. */
function legalBasesAt(db: DatenschutzDb, state: string): Promise<LegalBasis[]> {
  const kept = legalBasesByDatabase.get(db);
  if (kept?.state === state) return kept.legalBases;
  const read = findLegalBases(db);
  // Kept under the state read with them: if the law changed again in between, the next request sees a
  // state other than this one and reads once more.
  const legalBases = read.then(({ legalBases: bases }) => bases);
  read.then(
    ({ legalBasisState }) => legalBasesByDatabase.set(db, { state: legalBasisState, legalBases }),
    () => undefined,
  );
  return legalBases;
}

/**
 * The owner's decisions for one request. Consent is loaded once per batch of persons, in the same
 * statement as the legal bases' state; the legal bases are fixed once per request, from the first
 * batch's state (the process's copy while the law stays unchanged). Each (person, category) is decided
 * and logged once, however many fields ask; the log is written in one statement before the answer
 * leaves (`flush`).
 */
export class AccessControl {
  private readonly consents: DataLoader<string, StoredConsent[]>;
  private legalBases: Promise<LegalBasis[]> | null = null;
  private readonly decisions = new Map<string, Promise<ReleaseDecision>>();
  private readonly pending: NewAccessLogEntry[] = [];

  constructor(private readonly options: AccessControlOptions) {
    this.consents = new DataLoader(async (personIds) => {
      const { consents, legalBasisState } = await findConsentsWithLegalBasisState(options.db, personIds);
      this.legalBases ??= legalBasesAt(options.db, legalBasisState);
      return manyByKey(personIds, consents, (consent) => consent.personId);
    });
  }

  get caller(): Caller {
    return this.options.caller;
  }

  /** True when the caller works for the owner itself. */
  get isOwnAgency(): boolean {
    return this.options.caller.agency === this.options.owner;
  }

  decide(personId: string, category: string, operation: OperationLabel): Promise<ReleaseDecision> {
    const key = `${personId}\u0000${category}`;
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = this.decideOnce(personId, category, operation);
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * Resolves when the release is allowed; otherwise throws EINWILLIGUNG_FEHLT naming owner and category,
   * located at the field `at` when given.
   */
  async require(personId: string, category: string, operation: OperationLabel, at?: GraphQLResolveInfo): Promise<void> {
    const decision = await this.decide(personId, category, operation);
    if (!decision.released) {
      const { owner, caller } = this.options;
      throw domainError(
        ErrorCode.EINWILLIGUNG_FEHLT,
        `${owner} does not release ${category} of this person to ${caller.agency}: no consent and no legal basis`,
        { eigentuemer: owner, kategorie: category, empfaenger: caller.agency },
        at,
      );
    }
  }

  /** Writes the request's log entries; called once, before the response is sent. */
  async flush(): Promise<void> {
    const entries = this.pending.splice(0);
    if (entries.length === 0) return;
    const start = performance.now();
    await appendAccessLog(this.options.db, entries);
    observeAccessLogWrite(this.options.owner, (performance.now() - start) / 1000);
  }

  private async decideOnce(personId: string, category: string, operation: OperationLabel): Promise<ReleaseDecision> {
    const { owner, caller, today } = this.options;
    const question = { owner, recipient: caller.agency, category, day: today };
    if (caller.agency === owner) return decideRelease(question, [], []);
    // A reference that is no UUID names nobody: there is nothing to release and nothing to log.
    if (!isUuid(personId)) return { released: false, basis: 'KEINE' };
    const consents = await this.consents.load(personId);
    // Set by the batch that loaded these consents, or by an earlier one of the request.
    const legalBases = await this.legalBases!;
    const decision = decideRelease(question, consents, legalBases);
    countReleaseDecision(owner, caller.agency, category, decision.released);
    this.pending.push({
      anfragendeBehoerde: caller.agency,
      benutzer: caller.userId,
      rolle: caller.role,
      personId,
      kategorie: category,
      operation: operation.name,
      operationHash: operation.hash,
      // The basis is the decision's, never anything the caller named: an operation called
      // `Gerichtsbeschluss_…` is logged under that name and decided like any other.
      rechtsgrundlage:
        decision.basis === 'GESETZ'
          ? decision.paragraph
          : decision.basis === 'EINWILLIGUNG'
            ? decision.consentId
            : null,
      entscheidung: decision.released ? 'FREIGEGEBEN' : 'VERWEIGERT',
    });
    return decision;
  }
}

/**
 * One formatter for the process: building an `Intl.DateTimeFormat` (its time zone data, its locale) on
 * every request was 4 % of a subgraph's CPU on the person view (issue 18's profile); formatting is cheap.
 */
const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Europe/Berlin, where the partners' legal days begin and end. */
export function berlinToday(now: Date = new Date()): IsoDate {
  return BERLIN_DAY.format(now);
}

/** The per-request part every owner's context has: today's date and the owner's access control. */
export function accessScope<DB extends DatenschutzTables>(
  owner: Agency,
  db: Kysely<DB>,
  caller: Caller,
  now: Date = new Date(),
): { readonly access: AccessControl; readonly today: IsoDate } {
  const today = berlinToday(now);
  return { access: new AccessControl({ owner, caller, db: datenschutzDb(db), today }), today };
}
