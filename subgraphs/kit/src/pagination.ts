import { badUserInput } from './errors.ts';

/** A Relay connection as the SDL of every subgraph declares it. */
export interface Connection<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: number;
}

export interface PageRequest {
  /** Rows to return. */
  readonly limit: number;
  /** Keyset position: return rows whose sort key is strictly after this one. */
  readonly afterKey: string | null;
}

const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** Cursors are opaque to clients; they carry only the row's sort key, never personal data. */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:') || encodeCursor(decoded.slice(2)) !== cursor) {
    throw badUserInput('after is not a cursor of this connection', 'after');
  }
  return decoded.slice(2);
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE}`, 'first');
  }
  return { limit, afterKey: after ? decodeCursor(after) : null };
}

/** Builds the connection from up to `limit + 1` rows fetched in key order; the extra row only says "more". */
export function toConnection<T>(
  rows: readonly T[],
  request: PageRequest,
  keyOf: (row: T) => string,
  totalCount: number,
): Connection<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.limit,
      hasPreviousPage: request.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
