/**
 * Limits every operation must pass before it executes: tokens (graphql's parser), depth, aliases and
 * directives from graphql-armor, and a cost from graphql-query-complexity in which every list counts as
 * many items as its @listSize declares (the model declares those of every relationship field), so the
 * estimate bounds what the answer can hold. The values come from the configuration (README).
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLDirective,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  DirectiveLocation,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type GraphQLField,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Config } from '../config.js';

/** The @listSize directive as schema/base.graphql declares it, to read its arguments. */
const LIST_SIZE = new GraphQLDirective({
  name: 'listSize',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { assumedSize: { type: GraphQLInt }, slicingArguments: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) } },
});

const COST_CACHE_SIZE = 1000;

/** What a field's @listSize says: the largest of its slicing arguments given (defaults count), or its assumed size. */
export function declaredSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  const values = field.astNode ? getDirectiveValues(LIST_SIZE, field.astNode) : undefined;
  if (!values) return undefined;
  const slicing: unknown = values.slicingArguments;
  const sizes = (Array.isArray(slicing) ? slicing : []).flatMap((name) => {
    const value = args[name];
    return typeof value === 'number' ? [value] : Array.isArray(value) ? [value.length] : [];
  });
  if (sizes.length > 0) return Math.max(...sizes);
  return typeof values.assumedSize === 'number' ? values.assumedSize : undefined;
}

/**
 * Cost of a field: 1, plus its children's cost times the number of items it may return, which its
 * @listSize declares (every list field has one; a test checks). A list of scalars costs its items.
 */
export const listSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const declared = declaredSize(field, args);
  const isList = isListType(getNullableType(field.type));
  if (isList && declared === undefined) throw new Error(`${field.name} is a list without @listSize`);
  const items = declared ?? 1;
  return isLeafType(getNamedType(field.type)) ? Math.max(1, items) : 1 + childComplexity * items;
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
                estimators: [listSizeEstimator],
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
