/**
 * Limits every operation must pass before it executes: depth, aliases, tokens and directives from
 * graphql-armor, and a page-size-aware cost from graphql-query-complexity (a list's children cost as
 * many times as the page may hold). The values come from the configuration (README, "Configuration").
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, isListType, getNullableType, type ValidationRule } from 'graphql';
import { createComplexityRule, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from './config.js';

/** Lists without a page-size argument are assumed to hold this many items. */
export const UNSIZED_LIST_ESTIMATE = 10;

/** Cost of a field: 1, plus its children's cost times the number of items it may return. */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const size = [args.first, args.limit, Array.isArray(args.ids) ? args.ids.length : undefined].find((v) => typeof v === 'number' && v > 0) as
    | number
    | undefined;
  const isList = isListType(getNullableType(field.type));
  const items = size ?? (isList ? UNSIZED_LIST_ESTIMATE : 1);
  return 1 + childComplexity * items;
};

export function queryLimits(config: Config): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.limits.maxAliases },
    maxTokens: { n: config.limits.maxTokens },
    maxDirectives: { n: config.limits.maxDirectives },
    costLimit: { enabled: false }, // replaced by the page-size-aware rule below
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  const cost = createComplexityRule({
    maximumComplexity: config.limits.maxCost,
    estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    createError: (max, actual) =>
      new GraphQLError(`Query cost ${actual} exceeds the limit of ${max}: ask for smaller pages (first) or fewer nested lists`, {
        extensions: { code: 'QUERY_TOO_COSTLY', cost: actual, maxCost: max },
      }),
  });
  return { plugins: protection.plugins as ApolloServerPlugin[], validationRules: [...protection.validationRules, cost] };
}
