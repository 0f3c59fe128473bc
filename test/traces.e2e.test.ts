import { SpanKind } from '@opentelemetry/api';
import { captureSpans } from '@ip/observability/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_VIEW } from './support/person-view-query.ts';
import { startSystem, type System } from './support/system.ts';

let system: System;
let tracing: Awaited<ReturnType<typeof captureSpans>>;

beforeAll(async () => {
  // In-memory exporter instead of OTLP: the same SDK, spans handed over as they end.
  tracing = await captureSpans();
  system = await startSystem({ households: 10 });
});
afterAll(async () => {
  await system?.stop();
  await tracing?.stop();
});

type Span = ReturnType<typeof tracing.spans>[number];

/** The tree of the spans of one request: a span's parent, and the names of its ancestors, nearest first. */
function spanTree(spans: readonly Span[]) {
  const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
  const parent = (span: Span) => byId.get(span.parentSpanContext?.spanId ?? '');
  const ancestors = (span: Span) => {
    const chain: string[] = [];
    for (let next = parent(span); next; next = parent(next)) chain.push(next.name);
    return chain;
  };
  return { parent, ancestors };
}

describe('traces', () => {
  it('follow one person view from the gateway through each partner fetch down to the SQL statements', async () => {
    const person =
      system.population.persons.find((candidate) => candidate.anerkanntAm !== null) ?? system.population.persons[0]!;
    const started = tracing.spans().length;
    const result = await system.query(PERSON_VIEW, { id: person.id }, { agency: 'jobcenter', role: 'fallmanagement' });
    expect(result.data).toBeDefined();
    // The subgraphs end their spans as their answers leave; the gateway's ends last, once it has answered.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spans = tracing.spans().slice(started);
    const root = spans.find((span) => span.name === 'gateway request');
    expect(root).toBeDefined();
    expect(root!.kind).toBe(SpanKind.SERVER);
    const traceId = root!.spanContext().traceId;
    // One request, one trace: every span of this request carries the root's trace id.
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));

    const { parent, ancestors } = spanTree(spans);

    const fetches = spans.filter((span) => span.name.endsWith(' fetch') && span.kind === SpanKind.CLIENT);
    const partners = new Set(fetches.map((span) => String(span.attributes['ip.partner'])));
    expect(partners).toEqual(new Set(['auslaenderbehoerde', 'agentur', 'jobcenter', 'familienkasse']));
    // Each partner fetch sits under the gateway's request (through Apollo Gateway's own execute/fetch spans).
    for (const fetch of fetches) expect(ancestors(fetch).at(-1)).toBe('gateway request');

    for (const name of partners) {
      const served = spans.filter((span) => span.name === `${name} request`);
      expect(served.length, name).toBeGreaterThan(0);
      for (const span of served) {
        // The partner's server span continues the gateway's fetch span of that partner (W3C traceparent).
        expect(span.kind).toBe(SpanKind.SERVER);
        expect(parent(span)?.name).toBe(`${name} fetch`);
        expect(parent(span)?.attributes['ip.partner']).toBe(name);
      }
      const statements = spans.filter(
        (span) =>
          span.attributes['db.system.name'] === 'postgresql' &&
          served.some((server) => ancestors(span).includes(server.name) && isUnder(span, server)),
      );
      expect(statements.length, `${name} SQL`).toBeGreaterThan(0);
    }
    for (const statement of spans.filter((span) => span.attributes['db.system.name'] === 'postgresql')) {
      expect(String(statement.attributes['db.query.text'])).not.toContain(person.nachname);
      expect(ancestors(statement).some((name) => name.endsWith(' request'))).toBe(true);
    }

    function isUnder(span: (typeof spans)[number], ancestor: (typeof spans)[number]): boolean {
      for (let next = parent(span); next; next = parent(next)) if (next === ancestor) return true;
      return false;
    }
  });

  it("leave out Apollo Gateway's own spans: the partner fetches sit right under the request", async () => {
    const started = tracing.spans().length;
    const person = system.population.persons[0]!;
    await system.query(PERSON_VIEW, { id: person.id }, { agency: 'jobcenter', role: 'fallmanagement' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spans = tracing.spans().slice(started);
    expect(spans.filter((span) => span.name.startsWith('gateway.'))).toEqual([]);
    const { parent } = spanTree(spans);
    const fetches = spans.filter((span) => span.name.endsWith(' fetch'));
    expect(fetches.length).toBeGreaterThan(0);
    for (const fetch of fetches) expect(parent(fetch)?.name).toBe('gateway request');
  });

  it("carry the trace through the Agentur's own question to the graph", async () => {
    const started = tracing.spans().length;
    // The outreach list: the Agentur asks the graph (the Ausländerbehörde's persons) on the caller's behalf.
    const result = await system.query(
      '{ ansprachekandidaten(stichtag: "2015-12-01", first: 1) { edges { node { person { id } } } } }',
      {},
      { agency: 'agentur', role: 'integrationsfachkraft' },
    );
    expect(result.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spans = tracing.spans().slice(started);
    const { parent, ancestors } = spanTree(spans);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    const asked = spans.filter((span) => span.name === 'graph query');
    expect(asked.length).toBeGreaterThan(0);
    for (const span of asked) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.attributes['ip.partner']).toBe('auslaenderbehoerde');
      expect(ancestors(span).slice(0, 1)).toEqual(['agentur request']);
      expect(ancestors(span).at(-1)).toBe('gateway request');
    }
    // The gateway's nested request continues the Agentur's span, and the Ausländerbehörde serves under it.
    const nested = spans.filter((span) => span.name === 'gateway request' && parent(span)?.name === 'graph query');
    expect(nested).toHaveLength(asked.length);
    const served = spans.filter((span) => span.name === 'auslaenderbehoerde request');
    expect(served.length).toBeGreaterThan(0);
    for (const span of served) expect(ancestors(span)).toContain('graph query');
  });

  // Last: it restarts tracing without an async context, which the subgraphs' SQL spans need.
  it("tie the gateway's spans together without an async context, as the gateway runs", async () => {
    // The gateway runs without AsyncLocalStorage (async hooks cost it CPU on every promise): the request's
    // span reaches each partner fetch by hand, and the fetch's context travels on as `traceparent`.
    await tracing.stop();
    tracing = await captureSpans({ asyncContext: false });
    const person = system.population.persons[0]!;
    const result = await system.query(PERSON_VIEW, { id: person.id }, { agency: 'jobcenter', role: 'fallmanagement' });
    expect(result.data).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spans = tracing.spans();
    const root = spans.find((span) => span.name === 'gateway request');
    expect(root).toBeDefined();
    const { parent } = spanTree(spans);
    const fetches = spans.filter((span) => span.name.endsWith(' fetch'));
    expect(new Set(fetches.map((span) => String(span.attributes['ip.partner'])))).toEqual(
      new Set(['auslaenderbehoerde', 'agentur', 'jobcenter', 'familienkasse']),
    );
    for (const fetch of fetches) expect(parent(fetch)).toBe(root);
    const served = spans.filter((span) => span.kind === SpanKind.SERVER && span.name !== 'gateway request');
    expect(served.length).toBeGreaterThanOrEqual(fetches.length);
    for (const span of served) expect(parent(span)?.name).toBe(`${span.name.replace(/ request$/, '')} fetch`);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([root!.spanContext().traceId]));
  });
});
