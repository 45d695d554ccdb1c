/** A private local Neo4j for tests that change a graph or stop the database, so the shared one stays intact. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';

export interface ScratchNeo4j {
  neo4j: LocalNeo4j;
  db: Database;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function startScratchNeo4j(options: { port?: number; dataDir?: string } = {}): Promise<ScratchNeo4j> {
  const config = loadConfig({ ...process.env, NEO4J_URI: undefined });
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-scratch-'));
  const neo4j = await startLocalNeo4j({ ...config.local, port: options.port ?? 0, heap: '512m' }, { dataDir, log: () => undefined });
  const db = new Database({ uri: neo4j.boltUrl, database: 'neo4j', queryTimeoutMs: 60_000 });
  return {
    neo4j,
    db,
    dataDir,
    dispose: async () => {
      await db.close();
      await neo4j.stop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
