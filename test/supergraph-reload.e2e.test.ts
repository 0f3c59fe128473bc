import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type RunningGateway } from '@ip/gateway';
import { loadPartnerConfig } from '../gateway/src/config.ts';
import { supergraphFromFile } from '../gateway/src/supergraph-file.ts';
import { compose, readSubgraphSources } from '../schema/src/compose.ts';
import { startPartnerStandIn, type PartnerStandIn } from './support/partner-stand-in.ts';
import type { Agency } from '@ip/kit/identity';
import { startSystem, type PartnerName, type System } from './support/system.ts';

/**
 * The gateway of `npm start` reads the supergraph from a file and takes a new one without a restart
 * (`gateway/src/supergraph-file.ts`). Here a second gateway over the running system reads a file of the
 * test's own: with and without the Agentur's subgraph, then a broken one. Its Familienkasse is a stand-in
 * that can hold a request, so a reload can happen while that request is in flight.
 */

let system: System;
let standIn: PartnerStandIn;
let gateway: RunningGateway;
let folder: string;
let file: string;

/** The composition of `names` with the system's addresses; the Familienkasse reached through the stand-in. */
function supergraph(names: readonly PartnerName[]): string {
  const urls = { ...system.subgraphUrls, familienkasse: standIn.url };
  const composition = compose(
    readSubgraphSources()
      .filter((source) => names.includes(source.name as PartnerName))
      .map((source) => ({ ...source, url: urls[source.name as PartnerName] })),
  );
  if (!composition.ok) throw new Error(composition.errors.join('; '));
  return composition.supergraphSdl;
}
// The Jobcenter's legal sphere @requires the Sozialamt's periods: it composes only together with the Sozialamt.
const ALL: PartnerName[] = ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse', 'sozialamt'];
const WITHOUT_AGENTUR: PartnerName[] = ['jobcenter', 'auslaenderbehoerde', 'familienkasse', 'sozialamt'];

const FALL = `query($id: ID!) { person(id: $id) { identitaet { nachname } integrationPointFall { kundennummer } } }`;
const KINDERGELD = `query($id: ID!) { person(id: $id) { identitaet { nachname } kindergeldantraege { kindergeldnummer eingangAm } } }`;

const AGENTUR = { agency: 'agentur' as const, role: 'integrationsfachkraft' };
const FAMILIENKASSE = { agency: 'familienkasse' as const, role: 'sachbearbeitung' };
const personId = () => system.population.persons[0]!.id;

/** Asks the gateway under test over HTTP. */
async function ask(query: string, as: { agency: Agency; role: string }) {
  const authorization = await system.issuer.bearer(as.agency, as.role);
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables: { id: personId() } }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Whether the gateway's schema knows `Person.integrationPointFall`, i.e. which of the two files it serves. */
async function servesAgentur(): Promise<boolean> {
  const answer = await ask(FALL, AGENTUR);
  return !answer.errors?.some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
}

/** Waits for a reload, which the gateway does a moment after the file changed; fails after 10 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within 10 s: ${what}`);
}

beforeAll(async () => {
  system = await startSystem({ households: 4 });
  standIn = await startPartnerStandIn(system.subgraphUrls.familienkasse);
  folder = await mkdtemp(join(tmpdir(), 'ip-supergraph-'));
  file = join(folder, 'supergraph.graphql');
  await writeFile(file, supergraph(WITHOUT_AGENTUR));
  gateway = await startGateway({
    supergraph: supergraphFromFile(file),
    // The held request must outlast a reload on a loaded machine, not run into the partner timeout.
    partners: loadPartnerConfig({ FAMILIENKASSE_TIMEOUT_MS: '20000' }),
    verifyToken: system.issuer.verifyToken,
    port: 0,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await standIn?.close();
  await system?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the supergraph file', () => {
  it('is what the gateway serves at start', async () => {
    expect(await servesAgentur()).toBe(false);
    expect(await ask(KINDERGELD, FAMILIENKASSE)).toEqual(
      await system.query(KINDERGELD, { id: personId() }, FAMILIENKASSE),
    );
  });

  it('is served again without a restart when it changes', async () => {
    await writeFile(file, supergraph(ALL));
    await until(servesAgentur, 'the Agentur’s fields after the file gained its subgraph');
    expect(await ask(FALL, AGENTUR)).toEqual(await system.query(FALL, { id: personId() }, AGENTUR));
  });

  it('is refused when broken, and the previous supergraph stays served', async () => {
    const refused = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await writeFile(file, 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }\ntype Query {');
      await until(
        async () => refused.mock.calls.some(([message]) => String(message).includes('kept the previous supergraph')),
        'the gateway refusing the broken file',
      );
    } finally {
      refused.mockRestore();
    }
    expect(await ask(FALL, AGENTUR)).toEqual(await system.query(FALL, { id: personId() }, AGENTUR));
  });

  it('changes under a request in flight, and that request finishes on the plan it began with', async () => {
    expect(await servesAgentur()).toBe(true);
    const expected = await system.query(KINDERGELD, { id: personId() }, FAMILIENKASSE);
    standIn.mode = 'hold';
    const inFlight = ask(KINDERGELD, FAMILIENKASSE);
    await until(async () => standIn.held > 0, 'the request reaching the Familienkasse');

    await writeFile(file, supergraph(WITHOUT_AGENTUR));
    await until(async () => !(await servesAgentur()), 'the file without the Agentur being served');
    expect(standIn.held).toBe(1);

    standIn.release();
    expect(await inFlight).toEqual(expected);
  });
});
