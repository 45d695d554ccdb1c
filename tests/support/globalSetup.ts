/**
 * One Neo4j for the whole run: NEO4J_URI when set, else the local embedded one in a temporary folder.
 * The curated data/ is loaded once; test files only read it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { loadGraph } from '../../src/ingest/load.js';
import { readGraph } from '../../src/ingest/validate.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string | undefined;
    neo4jPassword: string | undefined;
    localNeo4jPid: number | undefined;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig();
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  if (config.neo4jUri === undefined) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-test-neo4j-'));
    local = await startLocalNeo4j({ ...config.local, port: 0 }, { dataDir });
  }
  const uri = config.neo4jUri ?? local!.boltUrl;
  const db = new Database({ uri, user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase, queryTimeoutMs: 60_000 });
  try {
    await loadGraph(db, readGraph(config.dataDir), { force: true });
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', config.neo4jUser);
  project.provide('neo4jPassword', config.neo4jPassword);
  project.provide('localNeo4jPid', local?.pid);
  return async () => {
    await local?.stop();
    if (local) {
      // The promise of the launcher: no JVM outlives the run.
      let alive = true;
      try {
        process.kill(local.pid, 0);
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`The test Neo4j (pid ${local.pid}) is still running after stop()`);
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
