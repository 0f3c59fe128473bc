import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, getOperationAST, parse, type DocumentNode } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { costLimitPlugin } from '../src/limits/request-limits.ts';

/**
 * The cost limit before planning, as the gateway's plugin applies it. An estimate that read no variable
 * depends on the text alone and is kept per schema and operation (Apollo Server hands each request of a
 * text the same parsed operation); one whose `first`/`last` came from a variable is made for every request.
 */
const schema = buildSchema(`
  type Query { personen(first: Int): PersonConnection }
  type PersonConnection { edges: [Edge] }
  type Edge { node: Person }
  type Person { id: ID, verlauf: [Eintrag] }
  type Eintrag { art: String }
`);
const limits = { maxCost: 1000, defaultListSize: 10 } as const;

async function listener(plugin: ReturnType<typeof costLimitPlugin>) {
  return (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<never>;
}

/** Runs the plugin's check for one request of `document`, as Apollo Server does after resolving the operation. */
async function check(
  plugin: ReturnType<typeof costLimitPlugin>,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<string | undefined> {
  const operation = getOperationAST(document)!;
  const context = { schema, document, operation, request: { variables } };
  try {
    await (
      await listener(plugin)
    ).didResolveOperation!(context as unknown as GraphQLRequestContextDidResolveOperation<never>);
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cost limit', () => {
  it('estimates an operation without variables once and keeps the estimate', async () => {
    const plugin = costLimitPlugin(limits as never);
    const roots = vi.spyOn(schema, 'getRootType');
    // 1 + 50 × (edges 1 + node 1 + id 1 + 10 × (verlauf 1 + art 1)) = 1 + 50 × 23 = 1,151 > 1,000
    const tooMuch = parse('{ personen(first: 50) { edges { node { id verlauf { art } } } } }');
    const enough = parse('{ personen(first: 3) { edges { node { id verlauf { art } } } } }');
    expect(await check(plugin, tooMuch)).toBe('MAX_COST_EXCEEDED');
    expect(await check(plugin, tooMuch)).toBe('MAX_COST_EXCEEDED');
    expect(await check(plugin, enough)).toBeUndefined();
    expect(await check(plugin, enough)).toBeUndefined();
    // One estimate per text: the second request of each found it kept.
    expect(roots).toHaveBeenCalledTimes(2);
  });

  it('estimates again for every request whose page size comes from a variable', async () => {
    const plugin = costLimitPlugin(limits as never);
    const roots = vi.spyOn(schema, 'getRootType');
    const page = parse('query ($n: Int) { personen(first: $n) { edges { node { id verlauf { art } } } } }');
    expect(await check(plugin, page, { n: 3 })).toBeUndefined();
    expect(await check(plugin, page, { n: 50 })).toBe('MAX_COST_EXCEEDED');
    expect(await check(plugin, page, { n: 3 })).toBeUndefined();
    expect(roots).toHaveBeenCalledTimes(3);
  });
});
