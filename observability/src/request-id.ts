import { randomUUID } from 'node:crypto';

/** A caller's or a proxy's request id is taken if it is short and plain; anything else is replaced. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

/** The request's id: the `x-request-id` it came with, or a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id in a W3C `traceparent` header, so a log line names the caller's trace even without an SDK. */
export function traceIdOf(traceparent: string | string[] | undefined): string | undefined {
  const value = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  const id = value === undefined ? undefined : TRACEPARENT.exec(value)?.[1];
  return id === '00000000000000000000000000000000' ? undefined : id;
}
