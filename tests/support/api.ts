/** In-process GraphQL against the shared test Neo4j (Apollo's executeOperation), with round-trip counts. */
import { afterAll, beforeAll } from 'vitest';
import { createContext, type RequestContext } from '../../src/graphql/context.js';
import type { Database } from '../../src/db/database.js';
import { createServer, type ApiServer } from '../../src/server.js';
import { sharedDatabase, testConfig } from './db.js';

export interface Answer {
  data: any;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
  roundTrips: number;
  statements: string[];
}

/** Starts one API for the test file; returns a function that runs an operation. */
export function useApi(env: Record<string, string> = {}) {
  let server: ApiServer;
  let db: Database;
  const config = () => testConfig({ PORT: '0', ...env });
  beforeAll(async () => {
    db = sharedDatabase();
    server = await createServer(config(), db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });
  return async function run(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const context: RequestContext = createContext(db, config());
    const response = await server.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    return { data, errors: errors as Answer['errors'], roundTrips: context.stats.roundTrips, statements: context.stats.statements };
  };
}
