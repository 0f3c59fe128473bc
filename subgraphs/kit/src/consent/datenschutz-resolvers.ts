import type { Kysely } from 'kysely';
import { domainError, ErrorCode, notFound } from '../errors.ts';
import type { Agency } from '../identity/agencies.ts';
import { authorise, type Permission } from '../identity/authorise.ts';
import { anfrage, idempotent } from '../idempotency/idempotent.ts';
import { inTransaction } from '../idempotency/transaction.ts';
import { isUuid } from '../ids.ts';
import { pageRequest, toConnection, type Connection } from '../pagination.ts';
import type { IsoDate } from '../scalars.ts';
import type { AccessControl } from './access-control.ts';
import { countAccessLog, listAccessLog, type AccessLogEntry } from './access-log.repository.ts';
import { BEHOERDE, ownersCopy, sameDeclaration, type DeclarationInput, type OwnersCopy } from './consent-input.ts';
import {
  datenschutzDb,
  findConsentById,
  findConsentsByPersonIds,
  insertConsent,
  withdrawConsent,
  type DatenschutzDb,
  type StoredConsent,
} from './consent.repository.ts';
import { consentStatus, type ConsentStatus } from './release-decision.ts';
import type { DatenschutzTables } from './tables.ts';

/** What the data-protection resolvers need from a subgraph's request context. */
export interface DatenschutzContext<DB extends DatenschutzTables = DatenschutzTables> {
  readonly db: Kysely<DB>;
  readonly access: AccessControl;
  readonly today: IsoDate;
}

export interface DatenschutzOptions<C extends string = string> {
  readonly owner: Agency;
  /** The owner's data categories, lower case (e.g. 'identitaet'); GraphQL shows them upper case. */
  readonly categories: readonly C[];
}

const capitalised = (agency: Agency) => `${BEHOERDE[agency].charAt(0)}${BEHOERDE[agency].slice(1).toLowerCase()}`;
const dbOf = <DB extends DatenschutzTables>(context: DatenschutzContext<DB>): DatenschutzDb =>
  datenschutzDb(context.db);
/** A stored category as the SDL's `Datenkategorie` names it; the owner stores and logs only its own categories. */
const upper = <C extends string>(category: string) => category.toUpperCase() as Uppercase<C>;

/** A stored declaration as compared with a new one; one recorded before the purpose was kept matches no new one. */
function toCopy(consent: StoredConsent) {
  return {
    personId: consent.personId,
    signedOn: consent.signedOn,
    validUntil: consent.validUntil,
    zweck: consent.zweck,
    grants: consent.grants,
  };
}

function consentView<C extends string = string>(consent: StoredConsent) {
  return {
    id: consent.id,
    personId: consent.personId,
    unterschriebenAm: consent.signedOn,
    gueltigBis: consent.validUntil,
    widerrufenAm: consent.withdrawnOn,
    zweck: consent.zweck,
    verweigerungsfolgenErklaert: consent.verweigerungsfolgenErklaert,
    erfasstVon: consent.erfasstVon,
    erfasstDurch: BEHOERDE[consent.erfasstDurch],
    freigaben: consent.grants.map((grant) => ({
      empfaenger: BEHOERDE[grant.recipient],
      kategorie: upper<C>(grant.category),
    })),
    record: consent,
  };
}
/** A declaration as the `Einwilligung` type's resolvers receive it. */
export type ConsentView<C extends string = string> = ReturnType<typeof consentView<C>>;

/** The `Datenschutz` entity and each owner's `DatenschutzAuskunft`: the person they are about. */
export interface DatenschutzPart {
  readonly personId: string;
}

/** The Integration Point's common intake desk (Eingangszone), where the person signs (Rahmenkonzept §5). */
const INTAKE: Permission = { agentur: ['eingangszone'] };

/**
 * Who may record or withdraw the owner's copy of a declaration: the common intake desk, and the owner's own
 * staff (a declaration handed in at its desk). Another partner's case worker may not: a declaration recorded
 * by the recipient would let it grant itself the owner's data. The data-protection officer audits, it does
 * not record.
 */
function requireRecorder(context: Pick<DatenschutzContext, 'access'>, owner: Agency, action: string): void {
  const { caller } = context.access;
  const ownStaff = caller.agency === owner && caller.role !== 'datenschutz';
  if (!ownStaff) authorise(caller, INTAKE, `${action} at ${owner}`);
}

/**
 * The data-protection part every owner has: recording and withdrawing its copy of a declaration, and the
 * person's `Datenschutz` view with the owner's consents and its access log. Root fields carry the owner's
 * name (`einwilligungErfassenAgentur`), because each owner keeps its own copy and decides on it alone.
 */
export function datenschutzResolvers<DB extends DatenschutzTables, C extends string>(options: DatenschutzOptions<C>) {
  const { owner } = options;
  const suffix = capitalised(owner);

  type Context = DatenschutzContext<DB>;
  type View = ConsentView<C>;
  const view = (consent: StoredConsent): View => consentView<C>(consent);

  async function record(
    _: unknown,
    args: { erklaerung: DeclarationInput; anfrageId?: string | null },
    context: Context,
  ): Promise<View> {
    requireRecorder(context, owner, 'record declarations of consent');
    const input = {
      ...args.erklaerung,
      freigaben: args.erklaerung.freigaben.map((line) => ({
        ...line,
        kategorien: line.kategorien.map((category) => category.toLowerCase()),
      })),
    };
    const copy = ownersCopy(input, owner, options.categories, context.today);
    // Already idempotent on the declaration's id; the request id only makes retries answer alike everywhere.
    return idempotent(dbOf(context), anfrage(`einwilligungErfassen${suffix}`, args, context.access.caller), {
      run: (db) => recordCopy(db, copy, context),
      reference: (view) => view.id,
      reload: async (db, id) => {
        const stored = await findConsentById(db, id);
        return stored ? view(stored) : undefined;
      },
    });
  }

  async function recordCopy(db: DatenschutzDb, copy: OwnersCopy, context: Context): Promise<View> {
    const stored = await inTransaction(db, async (trx) => {
      const existing = await findConsentById(trx, copy.id);
      if (existing) return existing;
      await insertConsent(trx, {
        ...copy,
        recordedBy: context.access.caller.userId,
        recordedByAgency: context.access.caller.agency,
      });
      return findConsentById(trx, copy.id);
    }).catch(async (error: unknown) => {
      // Two intake clerks saving the same declaration at once: the second insert loses the race; read the winner.
      const winner = await findConsentById(db, copy.id);
      if (winner) return winner;
      throw error;
    });
    if (!stored) throw notFound('Einwilligung', copy.id);
    if (!sameDeclaration(toCopy(stored), copy)) {
      throw domainError(ErrorCode.BAD_USER_INPUT, `declaration ${copy.id} is already recorded with other content`, {
        field: 'erklaerung.id',
      });
    }
    return view(stored);
  }

  async function withdraw(_: unknown, args: { erklaerungId: string }, context: Context): Promise<View> {
    requireRecorder(context, owner, 'withdraw declarations of consent');
    const db = dbOf(context);
    if (!isUuid(args.erklaerungId) || !(await findConsentById(db, args.erklaerungId)))
      throw notFound('Einwilligung', args.erklaerungId);
    await withdrawConsent(db, args.erklaerungId, context.today, context.access.caller.userId);
    const stored = await findConsentById(db, args.erklaerungId);
    return view(stored!);
  }

  return {
    Mutation: {
      [`einwilligungErfassen${suffix}`]: record,
      [`einwilligungWiderrufen${suffix}`]: withdraw,
    },
    Datenschutz: {
      __resolveReference: (reference: { personId: string }) => reference,
      [owner]: (datenschutz: { personId: string }) => ({ personId: datenschutz.personId }),
    },
    Person: {
      datenschutz: (person: { id: string }) => ({ personId: person.id }),
    },
    DatenschutzAuskunft: {
      eigentuemer: () => BEHOERDE[owner],
      async einwilligungen(part: { personId: string }, _: unknown, context: Context): Promise<View[]> {
        if (!isUuid(part.personId)) return [];
        return (await findConsentsByPersonIds(dbOf(context), [part.personId])).map(view);
      },
      async zugriffe(
        part: { personId: string },
        args: { first?: number | null; after?: string | null },
        context: Context,
      ): Promise<Connection<AccessLogEntry>> {
        const { caller } = context.access;
        if (caller.agency !== owner && caller.role !== 'datenschutz') {
          throw domainError(
            ErrorCode.FORBIDDEN,
            `the access log of ${owner} is for its own staff and the data protection officers`,
            {
              eigentuemer: owner,
            },
          );
        }
        const page = pageRequest(args.first, args.after);
        if (!isUuid(part.personId) || (page.afterKey !== null && !/^\d+$/.test(page.afterKey))) {
          return toConnection([], page, (entry: AccessLogEntry) => String(entry.id), 0);
        }
        const db = dbOf(context);
        const [rows, total] = await Promise.all([
          listAccessLog(db, part.personId, page),
          countAccessLog(db, part.personId),
        ]);
        return toConnection(rows, page, (entry) => String(entry.id), total);
      },
    },
    Einwilligung: {
      status(
        consent: Pick<ConsentView, 'record'>,
        args: { stichtag?: IsoDate | null },
        context: Context,
      ): ConsentStatus {
        return consentStatus(consent.record, args.stichtag ?? context.today);
      },
    },
    Zugriff: {
      zeitpunkt: (entry: AccessLogEntry) => new Date(entry.zeitpunkt).toISOString(),
      anfragendeBehoerde: (entry: AccessLogEntry) => BEHOERDE[entry.anfragendeBehoerde],
      kategorie: (entry: AccessLogEntry) => upper<C>(entry.kategorie),
    },
  };
}

/** The data-protection module's resolver map, for a partner's compile-time checks against its generated types. */
export type DatenschutzResolvers<DB extends DatenschutzTables, C extends string> = ReturnType<
  typeof datenschutzResolvers<DB, C>
>;
