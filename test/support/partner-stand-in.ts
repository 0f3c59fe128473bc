import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the stand-in behaves: `forward` passes every request to the real partner; `stall` accepts the
 * request and never answers (a hung process, a SIGSTOP); `trickle` sends the headers and a first part of
 * the body, then nothing more; `internal` answers a GraphQL internal error
 * with 200; `broken` answers a 502 HTML page, as a proxy in front of a dead partner would; `hold` keeps
 * each request until `release()`, then forwards it (a request in flight for as long as a test needs).
 */
export type StandInMode = 'forward' | 'stall' | 'trickle' | 'internal' | 'broken' | 'hold';

export interface PartnerStandIn {
  readonly url: string;
  mode: StandInMode;
  /** Requests that reached the stand-in, whatever it did with them. */
  readonly received: number;
  /** Requests held in `hold` mode and not yet released. */
  readonly held: number;
  /** Forwards the held requests and switches to `forward`. */
  release(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A partner between the gateway and the real subgraph at `target`, switchable at run time. */
export async function startPartnerStandIn(target: string): Promise<PartnerStandIn> {
  let received = 0;
  let mode: StandInMode = 'forward';
  const held: (() => void)[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    received += 1;
    const body = await readBody(request);
    // A held request waits for release(), then goes on as a forwarded one.
    let current = mode;
    if (current === 'hold') {
      await new Promise<void>((resolve) => held.push(resolve));
      current = 'forward';
    }
    switch (current) {
      case 'stall':
        return;
      case 'trickle':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"data":{"_entities":[');
        return;
      case 'internal':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            data: null,
            errors: [
              { message: 'relation "kindergeldantrag" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
            ],
          }),
        );
        return;
      case 'broken':
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html><body>502 Bad Gateway</body></html>');
        return;
      case 'forward': {
        const answer = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: request.headers.authorization ?? '' },
          body,
        });
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      }
    }
  };
  // A forward that fails (the real partner gone) drops the connection, as a dead partner would.
  const server = createServer((request, response) => void handle(request, response).catch(() => response.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get mode() {
      return mode;
    },
    set mode(next) {
      mode = next;
    },
    get received() {
      return received;
    },
    get held() {
      return held.length;
    },
    release() {
      mode = 'forward';
      for (const resume of held.splice(0)) resume();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
