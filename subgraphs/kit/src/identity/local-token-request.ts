import type { IncomingMessage } from 'node:http';
import { AGENCIES, isAgency, ROLES, type Agency } from './agencies.ts';

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * Why a request for a token of the local issuer is refused, or undefined when it may have one. Such an
 * endpoint (the gateway explorer's token helper, the pages' sign-in on the embedded default) mints a token
 * for any agency and role, so it answers only this machine and only its own page: a request from another
 * host, from another origin (a web page the developer happens to have open would otherwise fetch itself a
 * token) or without a JSON body is refused. The endpoint must send no CORS headers, so a foreign page
 * cannot read an answer either.
 */
function refusal(request: IncomingMessage): string | undefined {
  if (!LOOPBACK.test(request.socket.remoteAddress ?? ''))
    return 'the local issuer answers only requests from this machine';
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (
    (site !== undefined && site !== 'same-origin') ||
    (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`)
  ) {
    return 'the local issuer answers only its own page';
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return 'send the agency and role as JSON';
  return undefined;
}

/** What a request for a local token asks: an agency and one of its roles, or why it is refused (403 or 400). */
export type LocalTokenRequest =
  { readonly agency: Agency; readonly role: string } | { readonly status: 400 | 403; readonly error: string };

/** Checks and reads a request for a token of the local issuer (a JSON body `{ agency, role }`, at most 1 KB). */
export async function readLocalTokenRequest(request: IncomingMessage): Promise<LocalTokenRequest> {
  const refused = refusal(request);
  if (refused) return { status: 403, error: refused };
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 1024) break;
  }
  let body: { agency?: unknown; role?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  const agency = body?.agency;
  const role = body?.role;
  if (!isAgency(agency) || typeof role !== 'string' || !ROLES[agency].includes(role)) {
    return { status: 400, error: `choose an agency (${AGENCIES.join(', ')}) and one of its roles` };
  }
  return { agency, role };
}
