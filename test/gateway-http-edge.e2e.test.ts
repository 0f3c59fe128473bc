import { fileURLToPath } from 'node:url';
import { documentHash, loadEdgeConfig, startGateway, type RunningGateway } from '@ip/gateway';
import { operationsFromFile } from '@ip/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composedSupergraph, startSystem, type System } from './support/system.ts';

/** The gateway's HTTP edge: body size, bad tokens, CORS, and the trusted-documents mode. The explorer: gateway/test/explorer.test.ts. */
let system: System;
let trusted: RunningGateway;
let authorization: string;
const agenturOperations = operationsFromFile(
  fileURLToPath(new URL('../subgraphs/agentur/src/graph/auslaenderbehoerde.graphql', import.meta.url)),
);

beforeAll(async () => {
  system = await startSystem({ households: 6 });
  authorization = await system.issuer.bearer('agentur', 'integrationsfachkraft');
  trusted = await startGateway({
    supergraph: composedSupergraph(),
    subgraphUrls: system.subgraphUrls,
    verifyToken: system.issuer.verifyToken,
    port: 0,
    edge: loadEdgeConfig({
      GATEWAY_TRUSTED_DOCUMENTS: fileURLToPath(new URL('../gateway/trusted-documents.json', import.meta.url)),
    }),
  });
});
afterAll(async () => {
  await trusted?.stop();
  await system?.stop();
});

async function post(url: string, body: unknown, headers: Record<string, string> = { authorization }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('the body limit', () => {
  const limit = loadEdgeConfig({}).maxBodyBytes;

  it('answers a body over the limit with 413 and a JSON GraphQL error, without reading it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(20 * 1024 * 1024) } });
    const answer = await post(system.gatewayUrl, body);
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit });
  });

  it('counts a body sent without a length as it arrives', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 4 * limit) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: stream,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      limit,
    });
  });

  it('still answers a body just under the limit', async () => {
    const answer = await post(system.gatewayUrl, {
      query: '{ __typename }',
      variables: { padding: 'x'.repeat(limit - 100) },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('tokens at the gateway', () => {
  const refusal = async (bearer: string | undefined) =>
    post(system.gatewayUrl, { query: '{ __typename }' }, bearer ? { authorization: bearer } : {});

  it('refuses a missing token with 401 and a JSON error', async () => {
    const answer = await refusal(undefined);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a token that lives longer than allowed, one issued in the future, and one without iat', async () => {
    const longLived = await refusal(await system.issuer.bearer('jobcenter', 'fallmanagement', { expiresIn: '13h' }));
    expect(longLived.status).toBe(401);
    expect(longLived.body.errors?.[0]?.message).toMatch(/lives longer than the 43200 s allowed/);
    const now = Math.floor(Date.now() / 1000);
    const future = await refusal(await system.issuer.bearer('jobcenter', 'fallmanagement', { issuedAt: now + 600 }));
    expect(future.status).toBe(401);
    expect(future.body.errors?.[0]?.message).toMatch(/issued in the future/);
    const withinSkew = await refusal(await system.issuer.bearer('jobcenter', 'fallmanagement', { issuedAt: now + 30 }));
    expect(withinSkew.status).toBe(200);
    const noIat = await refusal(await system.issuer.bearer('jobcenter', 'fallmanagement', { issuedAt: null }));
    expect(noIat.status).toBe(401);
    expect(noIat.body.errors?.[0]?.message).toMatch(/no iat claim/);
  });
});

describe('CORS', () => {
  it('answers a preflight from any origin', async () => {
    const preflight = await fetch(system.gatewayUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });
});

describe('trusted documents (production mode)', () => {
  const text = agenturOperations.get('AgenturStatusnachweis')!;
  const variables = () => ({ id: system.population.persons[0]!.id });

  it('runs a registered operation by documentId, by Apollo’s persisted-query hash and by its full text', async () => {
    const hash = documentHash(text);
    const answers = [
      await post(trusted.url, { documentId: `sha256:${hash}`, variables: variables() }),
      await post(trusted.url, {
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        variables: variables(),
      }),
      await post(trusted.url, { query: text, variables: variables() }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data).toHaveProperty('person');
    }
    const get = await fetch(
      `${trusted.url}?documentId=sha256:${hash}&variables=${encodeURIComponent(JSON.stringify(variables()))}`,
      {
        headers: { authorization, 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(200);
  });

  it('runs the Agentur’s outreach question as its graph client sends it', async () => {
    const answer = await post(trusted.url, {
      query: agenturOperations.get('AgenturAnsprachekandidaten'),
      variables: {
        staatsangehoerigkeiten: ['SY'],
        agenturbezirke: null,
        stichtag: '2015-12-01',
        reihenfolge: 'ID',
        first: 5,
        after: null,
      },
    });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('personenNachStaatsangehoerigkeit');
  });

  it('refuses anything unregistered with 400 OPERATION_NOT_REGISTERED, the open gateway runs it', async () => {
    const unregistered = [
      { query: '{ __typename }' },
      { query: text.replace('person(id: $id)', 'person(id: $id) '), variables: variables() },
      { documentId: `sha256:${'0'.repeat(64)}` },
      {
        extensions: { persistedQuery: { version: 1, sha256Hash: documentHash('{ __typename }') } },
        query: '{ __typename }',
      },
    ];
    for (const body of unregistered) {
      const answer = await post(trusted.url, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('OPERATION_NOT_REGISTERED');
    }
    expect((await post(system.gatewayUrl, { query: '{ __typename }' })).status).toBe(200);
    const get = await fetch(`${trusted.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'OPERATION_NOT_REGISTERED',
    );
    // Production serves no page: Apollo's CDN landing page is off, and the explorer is off unless configured.
    const page = await fetch(trusted.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).not.toContain('text/html');
  });
});
