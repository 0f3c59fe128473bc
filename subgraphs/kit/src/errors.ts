import { log } from '@ip/observability';
import { GraphQLError, responsePathAsArray, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';

/**
 * The error codes every subgraph may answer with, in `extensions.code`. Front-end teams branch on these,
 * so they are stable: add codes, never rename them.
 */
export const ErrorCode = {
  /** The input is malformed or breaks a rule; `extensions.field` names the input where it can. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The thing addressed by an id does not exist (for mutations; queries answer null instead). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request carries no valid identity. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller is known but its role may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** The owner refused to release a data category: no consent and no legal basis. */
  EINWILLIGUNG_FEHLT: 'EINWILLIGUNG_FEHLT',
  /** A partner this answer needs could not answer; `extensions.partner` names it. */
  PARTNER_NICHT_ERREICHBAR: 'PARTNER_NICHT_ERREICHBAR',
  /** Anything unexpected; the details are in the server log, never in the answer. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Extensions of an error besides its code. `grund` is left out on purpose: a reason comes only from a typed
 * list, through `refusals` or `partnerUnreachable`, so every reason a client can see is listed in the schema.
 */
export type ErrorExtensions = Readonly<Record<string, unknown>> & { readonly grund?: never };

/**
 * Builds an error we raise on purpose without capturing a stack trace: a page of 50 persons refuses a
 * category for dozens of them, and a `GraphQLError` with its stack cost about 15 µs against 5 µs without
 * (issue 18). No one reads these stacks: the answer never carries one, and `maskUnexpectedErrors` logs
 * stacks only of errors it masks, which are never built here.
 */
function withoutStack(build: () => GraphQLError): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * `at`: the field the error is for. An error that knows its field and path is taken by graphql-js as it
 * is; one that does not is wrapped in a second `GraphQLError` (with a stack) that reads the first's stack.
 */
export function domainError(
  code: ErrorCode,
  message: string,
  extensions: ErrorExtensions = {},
  at?: GraphQLResolveInfo,
): GraphQLError {
  return withoutStack(
    () =>
      new GraphQLError(message, {
        extensions: { ...extensions, code },
        ...(at ? { nodes: at.fieldNodes, path: responsePathAsArray(at.path) } : {}),
      }),
  );
}

/**
 * The refusal function of one list of reasons: a `BAD_USER_INPUT` whose `extensions.grund` is a value of the
 * list. Each partner binds it to its own list (its `src/errors.ts`), which its SDL repeats as an enum so
 * front-end teams read the reasons in the schema; a test per partner holds the two equal.
 */
export function refusals<const Grund extends string>(gruende: readonly Grund[]) {
  const known = new Set<string>(gruende);
  return (grund: Grund, message: string, extensions: ErrorExtensions = {}): GraphQLError => {
    // The type keeps callers to the list; this keeps a cast or a value read from elsewhere from slipping past it.
    if (!known.has(grund)) throw new Error(`refusal reason ${grund} is not in the list`);
    return withoutStack(
      () => new GraphQLError(message, { extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, grund } }),
    );
  };
}

/**
 * Why a partner could not answer (`extensions.grund` of `PARTNER_NICHT_ERREICHBAR`): the gateway's list
 * (`gateway/src/partner-unreachable.ts`, documented in docs/gateway.md), repeated here because the gateway
 * shares no code with the kit but identity; both are tested against that document. A subgraph that asks
 * the graph (`graph-client.ts`) answers with these and passes on the gateway's.
 */
export const AUSFALLGRUENDE = [
  'ZEITUEBERSCHREITUNG',
  'VERBINDUNG_FEHLGESCHLAGEN',
  'FEHLERANTWORT',
  'SCHUTZSCHALTUNG_OFFEN',
] as const;
export type Ausfallgrund = (typeof AUSFALLGRUENDE)[number];

export function isAusfallgrund(value: unknown): value is Ausfallgrund {
  return (AUSFALLGRUENDE as readonly unknown[]).includes(value);
}

/** The error for a partner that could not answer: its fields are null, the rest of the answer stands. */
export function partnerUnreachable(partner: string, grund?: Ausfallgrund): GraphQLError {
  return withoutStack(
    () =>
      new GraphQLError(`Partner ${partner} could not answer`, {
        extensions: { code: ErrorCode.PARTNER_NICHT_ERREICHBAR, partner, ...(grund ? { grund } : {}) },
      }),
  );
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return domainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
}

export function notFound(what: string, id: string): GraphQLError {
  return domainError(ErrorCode.NOT_FOUND, `${what} ${id} not found`, { id });
}

/** Codes that graphql-js and Apollo Server themselves produce for a bad request; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
/** Every code a subgraph answers with on purpose; the rest is masked (and counted as `other`). */
export const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...Object.values(ErrorCode), ...REQUEST_ERROR_CODES]);

/**
 * Apollo Server `formatError`: errors we raised on purpose pass unchanged; anything else (a failed SQL
 * statement, a bug) is logged with its stack and answered as a bare INTERNAL_SERVER_ERROR, so no table
 * name, SQL or stack trace reaches a caller.
 */
export function maskUnexpectedErrors(service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return formatted;
    }
    // The error's kind, code and stack frames, not its message or detail: a database error may quote a value.
    log().error(
      { err: { type: error instanceof Error ? error.name : typeof error, code: codeOf(error), stack: stackOf(error) } },
      `${service}: unexpected error`,
    );
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The original error's code (a PostgreSQL SQLSTATE, a system error code), looking through GraphQL's wrapper. */
function codeOf(error: unknown): unknown {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  return (original as { code?: unknown } | null)?.code;
}

/** The stack's frames without its first line, which repeats the message. */
function stackOf(error: unknown): string | undefined {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  return original instanceof Error
    ? original.stack
        ?.split('\n')
        .filter((line) => line.startsWith('    at '))
        .join('\n')
    : undefined;
}
