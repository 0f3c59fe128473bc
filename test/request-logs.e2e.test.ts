import { captureLogs } from '@ip/observability/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_VIEW } from './support/person-view-query.ts';
import { startSystem, type System } from './support/system.ts';

let system: System;
let logs: Awaited<ReturnType<typeof captureLogs>>;

const FREE_TEXT = 'Frau Beispiel wohnt in der Lindenstrasse 5 in Bonn';

beforeAll(async () => {
  logs = await captureLogs('info');
  // Half of the population consented to everything, so the log sees released and refused categories.
  system = await startSystem({
    households: 20,
    consented: (population) => population.persons.filter((_, index) => index % 2 === 0),
  });
});
afterAll(async () => {
  await system?.stop();
  await logs?.stop();
});

const parsed = () => logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLines = () => parsed().filter((line) => line['msg'] === 'request');

describe('request logs', () => {
  it('hold no personal data when the whole demo population goes through the person view', async () => {
    const callers = [
      { agency: 'auslaenderbehoerde', role: 'sachbearbeitung' },
      { agency: 'jobcenter', role: 'fallmanagement' },
      { agency: 'agentur', role: 'integrationsfachkraft' },
      { agency: 'familienkasse', role: 'sachbearbeitung' },
    ] as const;
    for (const [index, person] of system.population.persons.entries()) {
      const result = await system.query(PERSON_VIEW, { id: person.id }, callers[index % callers.length]);
      expect(result.data).toBeDefined();
    }
    // Free text in a variable and in a refused argument: neither may reach a log line.
    await system.query(
      'query Suche($s: [String!]!) { personenNachStaatsangehoerigkeit(staatsangehoerigkeiten: $s, stichtag: "2015-12-01") { totalCount } }',
      { s: [FREE_TEXT] },
    );
    await system.query(`query { person(id: "${FREE_TEXT}") { id } }`);
    const text = logs.lines.join('\n');
    expect(requestLines().length).toBeGreaterThan(system.population.persons.length * 4);
    const leaks: string[] = [];
    for (const person of system.population.persons) {
      for (const value of [person.vorname, person.nachname, person.geburtsdatum, person.azrNummer]) {
        if (new RegExp(`\\b${value}\\b`).test(text)) leaks.push(value);
      }
    }
    for (const household of system.population.households)
      if (text.includes(`"${household.wohnort}"`) || text.includes(` ${household.wohnort}`))
        leaks.push(household.wohnort);
    expect(leaks).toEqual([]);
    expect(text).not.toContain('Lindenstrasse');
    expect(text).not.toContain('Beispiel');
  });

  it('writes one line per request with id, trace, operation, caller, status and duration', async () => {
    const before = logs.lines.length;
    const authorization = await system.issuer.bearer('jobcenter', 'fallmanagement');
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization,
        'x-request-id': 'req-42',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: PERSON_VIEW, variables: { id: system.population.persons[1]!.id } }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-42');
    await response.text();
    const lines = parsed()
      .slice(before)
      .filter((line) => line['requestId'] === 'req-42');
    // The gateway's line and one per partner asked, all under the caller's request id and trace.
    const gateway = lines.find((line) => line['operation'] === 'PersonAnsicht');
    expect(gateway).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'req-42',
      traceId,
      operation: 'PersonAnsicht',
      agency: 'jobcenter',
      role: 'fallmanagement',
      status: 200,
    });
    expect(gateway!['durationMs']).toEqual(expect.any(Number));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines)
      expect(line).toMatchObject({ traceId, agency: 'jobcenter', role: 'fallmanagement', status: 200 });
  });

  it('names the partners that did not answer and the codes of the errors, never their messages', async () => {
    await system.stopPartner('familienkasse');
    const before = logs.lines.length;
    await system.query(PERSON_VIEW, { id: system.population.persons[0]!.id });
    const line = parsed()
      .slice(before)
      .find((entry) => entry['msg'] === 'request' && entry['operation'] === 'PersonAnsicht');
    expect(line).toMatchObject({
      errors: ['PARTNER_NICHT_ERREICHBAR'],
      partnerErrors: [{ partner: 'familienkasse', grund: 'VERBINDUNG_FEHLGESCHLAGEN' }],
    });
  });
});
