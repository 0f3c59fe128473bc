import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@ip/gateway';
import { loadPartnerConfig } from '../../gateway/src/config.ts';
import { startPartnerStandIn, type PartnerStandIn } from '../support/partner-stand-in.ts';
import { composedSupergraph, startSystem, type System } from '../support/system.ts';
import { expectNormalAnswer, JOBCENTER, send, withNormalQuery } from './support.ts';

/**
 * Issue 11's stalled partner: a Familienkasse that takes the connection and never answers. A second gateway
 * over the same system sends the Familienkasse's share to a stand-in that does exactly that.
 */

// The stalled partner's total timeout for this file.
const PARTNER_TIMEOUT_MS = 1000;

let system: System;
let standIn: PartnerStandIn;
let gateway: RunningGateway;
let gatewayUrl: string;

beforeAll(async () => {
  system = await startSystem({ households: 20 });
  standIn = await startPartnerStandIn(system.subgraphUrls.familienkasse);
  standIn.mode = 'stall';
  gateway = await startGateway({
    supergraph: composedSupergraph(),
    subgraphUrls: { ...system.subgraphUrls, familienkasse: standIn.url },
    // Only the stalled partner's timeout is short: the real partners keep theirs on a loaded machine.
    partners: loadPartnerConfig({ FAMILIENKASSE_TIMEOUT_MS: String(PARTNER_TIMEOUT_MS) }),
    verifyToken: system.issuer.verifyToken,
    port: 0,
  });
  gatewayUrl = gateway.url;
});

afterAll(async () => {
  await gateway?.stop();
  await standIn?.close();
  await system?.stop();
});

const PERSON_MIT_KINDERGELD = `query Person($id: ID!) { person(id: $id) { identitaet { nachname } kindergeldantraege { id } } }`;

describe('a partner that never answers', () => {
  it('costs only its fields: the partner timeout ends the one request it got, and the answer names the partner and the timeout', async () => {
    const person = system.population.persons[0]!;
    const authorization = await system.issuer.bearer(JOBCENTER.agency, JOBCENTER.role);
    const asked = standIn.received;
    const { result, normal, normalFirst } = await withNormalQuery(
      system,
      () => send(gatewayUrl, { query: PERSON_MIT_KINDERGELD, variables: { id: person.id } }, { authorization }),
      gatewayUrl,
    );
    // The stand-in never answers: an answer at all means the timeout fired; one request means no retry.
    expect(standIn.received).toBe(asked + 1);
    expect(result.status, result.text).toBe(200);
    expect(result.body?.data).toEqual({
      person: { identitaet: { nachname: person.nachname }, kindergeldantraege: null },
    });
    expect(result.body?.errors?.map((error) => error.extensions)).toEqual([
      expect.objectContaining({
        code: 'PARTNER_NICHT_ERREICHBAR',
        partner: 'familienkasse',
        grund: 'ZEITUEBERSCHREITUNG',
      }),
    ]);
    // The normal query needs no Familienkasse data: it does not wait for the stalled partner at all.
    expectNormalAnswer(system, normal);
    expect(normalFirst).toBe(true);
  });
});
