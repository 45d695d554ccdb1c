/**
 * The schema offers queries only: a mutation or subscription is refused before execution with its own code
 * (graphql-js validation lets them through, and execution would report them as an internal error).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const operationTypesPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, schema }) {
        if (!operation || schema.getRootType(operation.operation)) return;
        throw new GraphQLError(`This API does not support ${operation.operation} operations; it offers queries only`, {
          nodes: [operation],
          extensions: { code: 'OPERATION_NOT_SUPPORTED', http: { status: 400 } },
        });
      },
    };
  },
};
