/** The shared test Neo4j (started once by globalSetup) and a Database on it. */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { Database } from '../../src/db/database.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  const env: Record<string, string | undefined> = { ...process.env, ...overrides };
  env.NEO4J_URI = inject('neo4jUri');
  return loadConfig(env);
}

export function sharedDatabase(): Database {
  return new Database({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
    queryTimeoutMs: 30_000,
  });
}
