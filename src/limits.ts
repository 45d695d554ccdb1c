/**
 * Limits every operation must pass before it executes: tokens (graphql's parser), depth, aliases and
 * directives from graphql-armor, and a page-size-aware cost from graphql-query-complexity (a list's children cost as
 * many times as the page may hold). The values come from the configuration (README, "Configuration").
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, isListType, getNullableType, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from './config.js';

/** Lists without a page-size argument are assumed to hold this many items. */
export const UNSIZED_LIST_ESTIMATE = 5;
const COST_CACHE_SIZE = 1000;

/** Cost of a field: 1, plus its children's cost times the number of items it may return. */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const size = [args.first, args.limit, Array.isArray(args.ids) ? args.ids.length : undefined].find((v) => typeof v === 'number' && v > 0) as
    | number
    | undefined;
  const isList = isListType(getNullableType(field.type));
  const items = size ?? (isList ? UNSIZED_LIST_ESTIMATE : 1);
  return 1 + childComplexity * items;
};

export function queryLimits(config: Config): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.limits.maxAliases },
    // Tokens are counted by graphql's own parser (parseOptions below): a refusal there is a clean 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: config.limits.maxDirectives },
    costLimit: { enabled: false }, // replaced by the page-size-aware rule below
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  // The cost depends on the variables (first: $n), so it is computed once the operation is resolved,
  // still before anything executes; the same operation with the same variables is costed once.
  const costs = new Map<string, number>();
  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, queryHash }) {
          const key = `${queryHash}\u0000${operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let actual = costs.get(key);
          if (actual === undefined) {
            try {
              actual = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: operationName ?? undefined,
                estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT, naming the variable.
              return;
            }
            if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
            costs.set(key, actual);
          }
          if (actual > config.limits.maxCost) {
            throw new GraphQLError(
              `Query cost ${actual} exceeds the limit of ${config.limits.maxCost}: ask for smaller pages (first) or fewer nested lists`,
              { extensions: { code: 'QUERY_TOO_COSTLY', cost: actual, maxCost: config.limits.maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
  return {
    plugins: [...(protection.plugins as ApolloServerPlugin[]), cost],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
  };
}
