import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { compose, readSubgraphSources, type CompositionResult, type SubgraphSource } from '../compose.ts';
import { touches, usedCoordinates, validationErrors, type UsedCoordinates } from './operation-usage.ts';
import type { OperationInUse, UnreadableSource } from './operations-in-use.ts';
import { overrideViolations, ownershipViolations } from './ownership-violations.ts';
import { categoryOwners, readOwnership, type SupergraphOwnership } from './supergraph-ownership.ts';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One change of the API schema, with the operations in use it touches (named `Name (source)`). */
export interface SchemaChange {
  readonly level: ChangeLevel;
  readonly message: string;
  readonly path: string | undefined;
  readonly usedBy: readonly string[];
}

export interface InvalidOperation {
  readonly name: string;
  readonly source: string;
  readonly errors: readonly string[];
}

/** What `npm run schema:check` found for one partner's proposed SDL. */
export interface CheckResult {
  readonly partner: string;
  /** Composition errors; when there are any, nothing else was checked. */
  readonly compositionErrors: readonly string[];
  readonly changes: readonly SchemaChange[];
  readonly invalidOperations: readonly InvalidOperation[];
  readonly unreadable: readonly UnreadableSource[];
  readonly ownership: readonly string[];
  /** Why the change is refused; empty when it is compatible. */
  readonly refusals: readonly string[];
}

export interface CheckerOptions {
  /** Refuse every breaking change, also one that no operation in use touches (default: list it, pass). */
  readonly strict?: boolean;
}

const LEVELS: Readonly<Record<CriticalityLevel, ChangeLevel>> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** The API schema of a supergraph: what clients see, without the join__ and link__ machinery. */
function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/**
 * A checker against one committed supergraph and one set of operations in use; each `check` composes the
 * partner's proposed SDL with the others' files (once per distinct input: checking every partner's current
 * file composes once).
 */
export function createSchemaChecker(
  committedSupergraph: string,
  inUse: { readonly operations: readonly OperationInUse[]; readonly unreadable: readonly UnreadableSource[] },
) {
  const committedApi = apiSchemaOf(committedSupergraph);
  const committedOwnership = readOwnership(committedSupergraph);
  const owners = categoryOwners(committedOwnership);
  const usage = new Map<OperationInUse, UsedCoordinates>(
    inUse.operations.map((operation) => [operation, usedCoordinates(committedApi, operation.document)]),
  );
  // What a composition's result is, whoever proposed it: checking every partner's current file composes and
  // compares once. Only the ownership verdict depends on the partner.
  const compositions = new Map<string | undefined, Composition>();
  const composed = (partner: string, proposedSdl: string | undefined): Composition => {
    const key = proposedSdl === undefined ? undefined : `${partner}\n${proposedSdl}`;
    let composition = compositions.get(key);
    if (!composition) {
      const sources = readSubgraphSources(proposedSdl === undefined ? {} : { [partner]: proposedSdl });
      const result = compose(sources);
      composition = { sources, result, analysis: result.ok ? analyse(result.supergraphSdl) : undefined };
      compositions.set(key, composition);
    }
    return composition;
  };
  const analyse = async (supergraphSdl: string): Promise<Analysis> => {
    const api = apiSchemaOf(supergraphSdl);
    const changes = (await diff(committedApi, api)).map((change): SchemaChange => {
      const level = LEVELS[change.criticality.level];
      const usedBy =
        level === 'safe' || !change.path
          ? []
          : inUse.operations
              .filter((operation) => touches(change.path!, usage.get(operation)!))
              .map((operation) => `${operation.name} (${operation.source})`);
      return { level, message: change.message, path: change.path, usedBy };
    });
    const invalidOperations = inUse.operations.flatMap((operation) => {
      const errors = validationErrors(api, operation.document);
      return errors.length > 0 ? [{ name: operation.name, source: operation.source, errors }] : [];
    });
    return { changes, invalidOperations, ownership: readOwnership(supergraphSdl) };
  };

  return async function check(
    partner: string,
    proposedSdl?: string,
    options: CheckerOptions = {},
  ): Promise<CheckResult> {
    const { sources, result: composition, analysis } = composed(partner, proposedSdl);
    const base = { partner, unreadable: inUse.unreadable };
    const ownSdl = sources.find((source) => source.name === partner)?.typeDefs ?? '';
    const overrides = overrideViolations(partner, ownSdl, committedOwnership);
    if (!composition.ok || !analysis) {
      const errors = composition.ok ? [] : composition.errors;
      return {
        ...base,
        compositionErrors: errors,
        changes: [],
        invalidOperations: [],
        ownership: overrides,
        refusals: [...errors.map((error) => `composition: ${error}`), ...overrides],
      };
    }
    const { changes, invalidOperations, ownership: proposed } = await analysis;
    const ownership = [...overrides, ...ownershipViolations(partner, committedOwnership, proposed, owners)];
    const refusals = [
      ...changes
        .filter((change) => change.level === 'breaking' && (options.strict || change.usedBy.length > 0))
        .map((change) =>
          change.usedBy.length > 0
            ? `breaking change used by ${change.usedBy.join(', ')}: ${change.message}`
            : `breaking change (--strict): ${change.message}`,
        ),
      ...invalidOperations.map(
        ({ name, source, errors }) => `operation ${name} (${source}) is invalid: ${errors.join('; ')}`,
      ),
      ...inUse.unreadable.map(({ source, error }) => `operations of ${source} cannot be read: ${error}`),
      ...ownership,
    ];
    return { ...base, compositionErrors: [], changes, invalidOperations, ownership, refusals };
  };
}

interface Composition {
  readonly sources: readonly SubgraphSource[];
  readonly result: CompositionResult;
  readonly analysis: Promise<Analysis> | undefined;
}

interface Analysis {
  readonly changes: readonly SchemaChange[];
  readonly invalidOperations: readonly InvalidOperation[];
  readonly ownership: SupergraphOwnership;
}
