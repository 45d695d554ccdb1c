/** Child process for the orphan test: starts the local Neo4j, prints the JVM pid, then waits to be killed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { startLocalNeo4j } from '../../src/neo4j-local/localNeo4j.js';

const config = loadConfig({ ...process.env, NEO4J_URI: undefined });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-orphan-'));
const neo4j = await startLocalNeo4j({ ...config.local, port: 0, heap: '256m' }, { dataDir, log: () => undefined });
process.stdout.write(`JVM_PID ${neo4j.pid} ${dataDir}\n`);
setInterval(() => undefined, 60_000);
