import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One registered operation: its name (for people and the logs) and the exact text clients send or refer to. */
export interface TrustedDocument {
  readonly name: string;
  readonly document: string;
}

/** The registry: sha256 (lower-case hex) of a document's text → the document. */
export type TrustedDocuments = ReadonlyMap<string, TrustedDocument>;

const registrySchema = z.record(
  z.string().regex(/^[0-9a-f]{64}$/),
  z.object({ name: z.string().min(1), document: z.string().min(1) }),
);

export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads the registry; a key that is not the hash of its document stops the gateway, it would run the wrong text. */
export async function loadTrustedDocuments(path: string): Promise<TrustedDocuments> {
  const parsed = registrySchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path} is not a registry of trusted documents: ${parsed.error.issues[0]?.message}`);
  for (const [hash, entry] of Object.entries(parsed.data)) {
    if (documentHash(entry.document) !== hash)
      throw new Error(`${path}: ${entry.name} is registered under ${hash}, which is not its document's sha256`);
  }
  return new Map(Object.entries(parsed.data));
}

/** The parts of a GraphQL request (POST body or GET parameters) that name the operation to run. */
export interface OperationReference {
  readonly query?: unknown;
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}

/**
 * The registered document a request names: by `documentId: "sha256:<hex>"` (GraphQL over HTTP, persisted
 * documents), by Apollo's `extensions.persistedQuery.sha256Hash`, or by a full text whose hash is registered.
 */
export function findTrustedDocument(
  registry: TrustedDocuments,
  request: OperationReference,
): TrustedDocument | undefined {
  if (typeof request.documentId === 'string') {
    const hash = /^sha256:([0-9a-f]{64})$/.exec(request.documentId)?.[1];
    return hash ? registry.get(hash) : undefined;
  }
  const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (persisted && typeof persisted === 'object') {
    return typeof persisted.sha256Hash === 'string' ? registry.get(persisted.sha256Hash.toLowerCase()) : undefined;
  }
  return typeof request.query === 'string' ? registry.get(documentHash(request.query)) : undefined;
}

/** The request as Apollo Server should see it: the registered text as `query`, the reference gone. */
export function withTrustedText(
  request: OperationReference & Record<string, unknown>,
  document: TrustedDocument,
): Record<string, unknown> {
  const { documentId: _documentId, extensions, ...rest } = request;
  const { persistedQuery: _persistedQuery, ...otherExtensions } = (extensions ?? {}) as Record<string, unknown>;
  return {
    ...rest,
    query: document.document,
    ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}),
  };
}
