import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { RequestLimits } from '../config.ts';
import { estimateCost } from './cost.ts';

export const LIMIT_CODES = [
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'MAX_COST_EXCEEDED',
] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

function limitError(code: LimitCode, what: string, limit: number, measured: number): GraphQLError {
  return new GraphQLError(`The operation's ${what} is ${measured}, more than the limit of ${limit}`, {
    extensions: { code, limit, measured, http: { status: 400 } },
  });
}

/**
 * graphql-armor's rules say the measured value only in their message ("… exceeded, found 7."); the pinned
 * version's wording is read here and guarded by the gateway's limit tests.
 */
function reportAs(
  code: LimitCode,
  what: string,
  limit: number,
): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const measured = Number(/found (\d+)\.$/.exec(error.message)?.[1] ?? limit + 1);
    context?.reportError(limitError(code, what, limit, measured));
  };
}

/**
 * Depth, aliases and directives as validation rules: they run once per new document (Apollo Server keeps
 * validated documents in its document cache), before any query plan is made. Introspection is counted
 * like any other selection: tooling's introspection query (depth 13) fits the default, a hand-made deep
 * `__schema` walk does not.
 */
export function limitValidationRules(limits: RequestLimits): ValidationRule[] {
  const armor = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      ...armor,
      n: limits.maxDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      onReject: [reportAs('MAX_DEPTH_EXCEEDED', 'depth', limits.maxDepth)],
    }),
    maxAliasesRule({
      ...armor,
      n: limits.maxAliases,
      onReject: [reportAs('MAX_ALIASES_EXCEEDED', 'number of aliases', limits.maxAliases)],
    }),
    maxDirectivesRule({
      ...armor,
      n: limits.maxDirectives,
      onReject: [reportAs('MAX_DIRECTIVES_EXCEEDED', 'number of directives', limits.maxDirectives)],
    }),
  ] as ValidationRule[];
}

/**
 * graphql-js stops parsing at the first token over the limit, so a huge document is never parsed whole.
 * (graphql-armor's token rule replaces the parser, which Apollo Server does not allow; graphql-js has the
 * same limit built in.)
 */
export function limitParseOptions(limits: RequestLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * The estimated cost is checked once the operation and its variables are known, still before planning.
 * An estimate that read no variable depends on the text alone, and Apollo Server hands every request of
 * a text the same parsed operation (its document cache): such estimates are kept per schema and operation
 * and go with either. Walking the person view's fields was 1–2 % of the gateway's CPU on every request.
 */
export function costLimitPlugin(limits: RequestLimits): ApolloServerPlugin {
  const kept = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let bySchema = kept.get(schema);
          if (!bySchema) {
            bySchema = new WeakMap();
            kept.set(schema, bySchema);
          }
          let cost = bySchema.get(operation);
          if (cost === undefined) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            const estimate = estimateCost({
              schema,
              operation,
              fragments,
              variables: request.variables,
              defaultListSize: limits.defaultListSize,
            });
            cost = estimate.cost;
            if (!estimate.readsVariables) bySchema.set(operation, cost);
          }
          if (cost > limits.maxCost) throw limitError('MAX_COST_EXCEEDED', 'estimated cost', limits.maxCost, cost);
        },
      };
    },
  };
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * Apollo Server answers a refused document as GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED (HTTP 400)
 * and keeps the refusing error as the original; this gives the client the limit's own code, its value and
 * the measured value. For tokens the parser stopped at the first one too many, so `measured` is limit + 1.
 */
export function formatLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const candidates = error instanceof GraphQLError ? [error, error.originalError] : [];
  for (const candidate of candidates) {
    if (!(candidate instanceof GraphQLError)) continue;
    const code = candidate.extensions['code'];
    if (typeof code === 'string' && (LIMIT_CODES as readonly string[]).includes(code)) {
      const { limit, measured } = candidate.extensions;
      return {
        message: candidate.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code, limit, measured },
      };
    }
    const tokens = TOKEN_LIMIT.exec(candidate.message);
    if (tokens) {
      const limit = Number(tokens[1]);
      return {
        message: `The operation has more than ${limit} tokens, the limit; parsing stopped there`,
        extensions: { code: 'MAX_TOKENS_EXCEEDED', limit, measured: limit + 1 },
      };
    }
  }
  return undefined;
}

/**
 * The same limits on a request's text, before Apollo Server runs graphql-js's full validation: a refused
 * document then costs one parse (stopped at the token limit) and three small rules, not the twenty-odd
 * standard rules (ten times as much for the 120-alias probe). A document that passes is checked again in
 * Apollo Server's pipeline, which stays the authority; the cost needs the variables and is checked there.
 */
function precheckLimits(schema: GraphQLSchema, limits: RequestLimits, query: string): GraphQLFormattedError[] {
  let document: DocumentNode;
  try {
    document = parse(query, limitParseOptions(limits));
  } catch (error) {
    // A syntax error other than the token limit is Apollo Server's to report.
    const refusal = formatLimitError({ message: '' }, error);
    return refusal ? [refusal] : [];
  }
  return validate(schema, document, limitValidationRules(limits)).flatMap(
    (error) => formatLimitError(error.toJSON(), error) ?? [],
  );
}

/** How many characters of passed operation texts are kept per schema (about 4 MB), the longest unused first out. */
const PASSED_TEXTS_CHARS = 2 ** 21;

/**
 * `precheckLimits` that remembers, per schema, the texts that passed: the limits depend on the text and
 * the schema alone, and the same few operations come again and again. A second parse and walk of the
 * person view on every request was about 3 % of the gateway's CPU in a profile (issue 18), where Apollo
 * Server reads its own from its document cache. Refused texts are not kept: each is refused afresh, at
 * one stopped parse.
 */
export function limitPrecheck(
  limits: RequestLimits,
): (schema: GraphQLSchema, query: string) => readonly GraphQLFormattedError[] {
  // The texts that passed against the current schema; a new supergraph starts afresh.
  let current: GraphQLSchema | undefined;
  let texts = new Map<string, number>();
  let chars = 0;
  return (schema, query) => {
    if (schema !== current) {
      current = schema;
      texts = new Map();
      chars = 0;
    }
    if (texts.delete(query)) {
      // Kept as the most recently used (a Map iterates in insertion order).
      texts.set(query, query.length);
      return [];
    }
    const refusals = precheckLimits(schema, limits, query);
    if (refusals.length > 0 || query.length > PASSED_TEXTS_CHARS) return refusals;
    texts.set(query, query.length);
    chars += query.length;
    for (const [oldest, length] of texts) {
      if (chars <= PASSED_TEXTS_CHARS) break;
      texts.delete(oldest);
      chars -= length;
    }
    return refusals;
  };
}
