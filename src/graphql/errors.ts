/**
 * Errors the API returns. Known errors carry a stable extensions.code; anything unexpected is logged with
 * the request id and masked as INTERNAL_SERVER_ERROR, so no Cypher, stack or internal message leaks.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/database.js';
import { componentLogger } from '../observability/logger.js';

const log = componentLogger('api');

export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

export function notFound(argument: string, value: string): GraphQLError {
  return new GraphQLError(`${argument}: nothing has the id "${value}"`, { extensions: { code: 'NOT_FOUND', argument } });
}

/** A position cursor whose item has moved: a reload changed the list since the cursor was issued. */
export function staleCursor(argument: string): GraphQLError {
  return new GraphQLError(`${argument}: the list changed since this cursor was issued (the graph was reloaded); page it again from the start`, {
    extensions: { code: 'STALE_CURSOR', argument },
  });
}

/** Codes Apollo or we give to errors whose message is safe to show. */
const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'STALE_CURSOR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SERVICE_UNAVAILABLE',
  'QUERY_REFUSED',
  'QUERY_TOO_COSTLY',
  'OPERATION_NOT_SUPPORTED',
  // src/graphql/budget.ts
  'OPERATION_TOO_LONG',
  'RESPONSE_TOO_LARGE',
  'CLIENT_CLOSED_REQUEST',
]);

/** What a 503 advises: Neo4j restarts or a busy pool drains within seconds. */
export const RETRY_AFTER_SECONDS = '5';
const UNAVAILABLE_MESSAGE = 'The graph database is unavailable; retry shortly';
const TIMEOUT_MESSAGE = 'The query took too long; narrow it (smaller pages, fewer hops or depth, a type filter)';

function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) return false;
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  // graphql-armor and validation rules raise GraphQLErrors without a code: safe (they describe the query).
  if (original instanceof GraphQLError && code === undefined && error instanceof GraphQLError && error.path === undefined) return false;
  return !(typeof code === 'string' && SAFE_CODES.has(code));
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseUnavailableError) {
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  if (original instanceof QueryTimeoutError) {
    return { message: TIMEOUT_MESSAGE, path: formatted.path, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (isUnexpected(error)) {
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const code = formatted.extensions?.code ?? 'QUERY_REFUSED';
  const { stacktrace: _drop, ...extensions } = { ...formatted.extensions, code } as Record<string, unknown>;
  return { ...formatted, extensions };
}

/** Logs unexpected errors with the request id, answers 503 when Neo4j is down or too slow, adds the request id to errors. */
export const errorsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, response }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
            if (response.http) {
              response.http.status = 503;
              response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
            }
          } else if (isUnexpected(error)) {
            log.error({ requestId: contextValue.requestId, err: original }, 'unexpected error');
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors) return;
        response.body.singleResult.errors = errors.map((e) => ({
          ...e,
          extensions: { ...e.extensions, requestId: contextValue.requestId },
        }));
      },
    };
  },
};
