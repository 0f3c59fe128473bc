import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PERSON_VIEW } from './support/person-view-query.ts';
import { kindergeldAntragEingegangen, startSystem, type System } from './support/system.ts';

let system: System;
let exported: string;

const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/metrics');

beforeAll(async () => {
  system = await startSystem({ households: 10 });
  const person = system.population.persons[0]!;
  // An application received in December 2015 and never decided: overdue today.
  await kindergeldAntragEingegangen(system, person.id, { ausgegebenAm: '2015-12-01', eingangAm: '2015-12-03' });
  // A person view from another agency (release decisions), a request with an invented operation name, and a refused one.
  await system.query(PERSON_VIEW, { id: person.id }, { agency: 'jobcenter', role: 'fallmanagement' });
  await system.query('query AnnaSchmidtAusBonn { __typename }');
  await system.query('query AgenturStatusnachweis { __typename }');
  await system.query('query { person(id: "x") { aufenthalt { einreiseAm } } personen(first: -1) { totalCount } }');
  // The Familienkasse reads its figures in the background from its start on; a scrape never waits for them.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const text = await (await fetch(metricsUrl(system.subgraphUrls.familienkasse))).text();
    if (/^ip_familienkasse_open_applications\{/m.test(text)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const texts = await Promise.all(
    [system.gatewayUrl, ...Object.values(system.subgraphUrls)].map(async (url) =>
      (await fetch(metricsUrl(url))).text(),
    ),
  );
  exported = texts.join('\n');
});
afterAll(async () => system?.stop());

/** Metric name → type, from the `# TYPE` lines. */
function types(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
}

function isExported(name: string, known: Map<string, string>): boolean {
  if (known.has(name)) return true;
  const histogram = /^(.*)_(bucket|count|sum)$/.exec(name);
  return histogram !== null && known.get(histogram[1]!) === 'histogram';
}

describe('/metrics', () => {
  it('exports every metric that an alert in deploy/prometheus/alerts.yml uses', () => {
    const rules = parse(readFileSync(new URL('../deploy/prometheus/alerts.yml', import.meta.url), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const used = new Set(
      rules.groups.flatMap((group) =>
        group.rules.flatMap((rule) => [...rule.expr.matchAll(/\b(ip_[a-z0-9_]+)/g)].map((match) => match[1]!)),
      ),
    );
    expect(used.size).toBeGreaterThan(8);
    const known = types(exported);
    expect([...used].filter((name) => !isExported(name, known))).toEqual([]);
  });

  it('counts requests by registered operation; any other name is `other`', () => {
    expect(exported).toMatch(/^ip_gateway_requests_total\{operation="AgenturStatusnachweis",status="200"\} [1-9]/m);
    expect(exported).toMatch(/^ip_gateway_requests_total\{operation="other",status="200"\} [1-9]/m);
    expect(exported).not.toContain('AnnaSchmidt');
    expect(exported).toMatch(/^ip_gateway_errors_total\{code="BAD_USER_INPUT"\} [1-9]/m);
  });

  it('measures each partner fetch and shows each breaker', () => {
    for (const partner of ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse']) {
      expect(exported).toMatch(
        new RegExp(`^ip_gateway_partner_fetch_duration_seconds_count\\{partner="${partner}"\\} [1-9]`, 'm'),
      );
      expect(exported).toMatch(new RegExp(`^ip_gateway_partner_circuit_state\\{partner="${partner}"\\} 0$`, 'm'));
    }
  });

  it("counts the owners' release decisions, times SQL and the access log, shows the pools", () => {
    expect(exported).toMatch(
      /^ip_release_decisions_total\{owner="auslaenderbehoerde",recipient="jobcenter",category="identitaet",decision="(FREIGEGEBEN|VERWEIGERT)"\} [1-9]/m,
    );
    expect(exported).toMatch(/^ip_access_log_write_duration_seconds_count\{owner="auslaenderbehoerde"\} [1-9]/m);
    expect(exported).toMatch(/^ip_db_query_duration_seconds_count\{database="[^"]+",operation="SELECT"\} [1-9]/m);
    expect(exported).toMatch(/^ip_db_pool_connections\{database="[^"]+",state="total"\} [1-9]/m);
    expect(exported).toMatch(
      /^ip_subgraph_request_duration_seconds_count\{subgraph="familienkasse",status="200"\} [1-9]/m,
    );
  });

  it("shows the Familienkasse's open and overdue applications and its on-time rate", () => {
    // The demo population's applications date from 2015: today every undecided one is overdue.
    const open = [...exported.matchAll(/^ip_familienkasse_open_applications\{familienkasse="(\d{3})"\} (\d+)$/gm)];
    const overdue = [
      ...exported.matchAll(/^ip_familienkasse_overdue_applications\{familienkasse="(\d{3})"\} (\d+)$/gm),
    ];
    expect(open.length).toBeGreaterThan(0);
    expect(overdue.map((match) => [match[1], match[2]])).toEqual(open.map((match) => [match[1], match[2]]));
    // NaN while nothing was decided in the last 30 days (prom-client writes it `Nan`; Prometheus reads either).
    expect(exported).toMatch(/^ip_familienkasse_on_time_ratio_30d (NaN|0(\.\d+)?|1)$/im);
  });
});
