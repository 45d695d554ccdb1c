import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, isTimeout, QueryTimeoutError } from '../db/database.js';
import { formatError } from './errors.js';

const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['field'] });

describe('formatError', () => {
  it('names a Neo4j timeout QUERY_TIMEOUT with advice, without the driver message', () => {
    const driverError = Object.assign(new Error('Transaction timed out after 10000ms: MATCH (n) ...'), {
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });
    expect(isTimeout(driverError)).toBe(true);
    const formatted = formatError({ message: driverError.message, path: ['field'] }, asResolverError(new QueryTimeoutError(driverError)));
    expect(formatted.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(formatted.message).toMatch(/narrow it/);
    expect(JSON.stringify(formatted)).not.toMatch(/MATCH/);
  });

  it('says SERVICE_UNAVAILABLE when Neo4j is down, and masks anything unexpected', () => {
    expect(formatError({ message: 'x' }, asResolverError(new DatabaseUnavailableError(new Error('ECONNREFUSED')))).extensions?.code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const masked = formatError(
      { message: 'Cannot read properties of undefined', path: ['field'] },
      asResolverError(new TypeError('Cannot read properties of undefined')),
    );
    expect(masked).toEqual({ message: 'Internal server error', path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps the message and code of errors made for the client', () => {
    const mine = new GraphQLError('first: must be between 1 and 100, got 0', { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    expect(formatError({ message: mine.message, extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }, mine)).toEqual({
      message: 'first: must be between 1 and 100, got 0',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });
});
