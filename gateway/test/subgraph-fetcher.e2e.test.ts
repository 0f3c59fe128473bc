import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphClient, failureReason, type SubgraphClient } from '../src/subgraph-fetcher.ts';

/**
 * The gateway's HTTP client for partners against a real server that answers as a partner (or a broken
 * proxy in front of one) might: the body is read from undici's chunks by hand, so how it is put together
 * and parsed is checked here; the timeout reasons through the whole system are in test/partner-*.
 */
describe('subgraph client', () => {
  let server: Server;
  let client: SubgraphClient;
  let base: string;
  const answer = { data: { person: { id: 'p-1', name: 'Ä'.repeat(20_000) } } };

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        switch (request.url) {
          case '/chunked': {
            // A UTF-8 byte-order mark, then the JSON in small pieces, a multi-byte letter split across two.
            response.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8' });
            const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(answer))]);
            for (let offset = 0; offset < bytes.length; offset += 999)
              response.write(bytes.subarray(offset, offset + 999));
            response.end();
            return;
          }
          case '/html':
            // With a byte-order mark, which a text answer loses as a JSON one does.
            response.writeHead(502, { 'content-type': 'text/html' }).end('\ufeff<h1>Bad Gateway</h1>');
            return;
          case '/broken-json':
            response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":');
            return;
          default:
            return; // `/silent`: never answers
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = createSubgraphClient({ connectTimeoutMs: 1_000, timeoutMs: 300 });
  });

  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a JSON answer that comes in pieces, without its byte-order mark', async () => {
    const post = client.endpoint(`${base}/chunked`);
    expect(await post('{}', { 'content-type': 'application/json' })).toEqual({ status: 200, body: answer });
  });

  it('gives a page that is not JSON as text, with its status', async () => {
    const post = client.endpoint(`${base}/html`);
    expect(await post('{}', {})).toEqual({ status: 502, body: '<h1>Bad Gateway</h1>' });
  });

  it('fails on a JSON answer that does not parse, as a faulty answer', async () => {
    const error = await client
      .endpoint(`${base}/broken-json`)('{}', {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(failureReason(error)).toBe('FEHLERANTWORT');
  });

  it('gives up on a partner that never answers after the total timeout, as a timeout', async () => {
    const started = performance.now();
    const error = await client
      .endpoint(`${base}/silent`)('{}', {})
      .catch((caught: unknown) => caught);
    expect(failureReason(error)).toBe('ZEITUEBERSCHREITUNG');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
