/** The API over real HTTP on a free port, on the shared test Neo4j. */
import { createServer, type ApiServer } from '../../src/server.js';
import type { Database } from '../../src/db/database.js';
import { sharedDatabase, testConfig } from './db.js';

export interface TestServer {
  url: string;
  server: ApiServer;
  db: Database;
  /** POSTs a GraphQL operation; returns the HTTP status, headers and parsed body. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, db: Database = sharedDatabase()): Promise<TestServer> {
  const config = testConfig({ PORT: '0', ...env });
  const server = await createServer(config, db);
  const url = await server.listen();
  return {
    url,
    server,
    db,
    graphql: async (query, variables, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.status, headers: response.headers, body };
    },
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
