/**
 * `npm run load`: validates data/ and loads it into Neo4j (NEO4J_URI, or the local embedded one).
 *   --check   validate only; nothing touches the database
 *   --force   reload even when the graph already holds this data version
 */
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/localNeo4j.js';
import { loadGraph } from './load.js';
import { formatReport } from './report.js';
import { readGraph, ValidationError, type Graph } from './validate.js';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--check', '--force'].includes(arg)) {
    process.stderr.write(`Unknown option ${arg}. Usage: npm run load [-- --check] [-- --force]\n`);
    process.exit(2);
  }
}
const log = (line: string) => process.stderr.write(`[load] ${line}\n`);

const config = loadConfig();
let graph: Graph;
try {
  graph = readGraph(config.dataDir);
} catch (error) {
  if (error instanceof ValidationError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
log(`data/ is valid: ${graph.nodes.length} entries, ${graph.relationships.length} links`);
if (args.has('--check')) process.exit(0);

let local: LocalNeo4j | undefined;
if (config.neo4jUri === undefined) local = await startLocalNeo4j(config.local);
const db = new Database({
  uri: config.neo4jUri ?? local!.boltUrl,
  user: config.neo4jUser,
  password: config.neo4jPassword,
  database: config.neo4jDatabase,
  queryTimeoutMs: 600_000,
});
try {
  const report = await loadGraph(db, graph, { force: args.has('--force'), log });
  process.stdout.write(`${formatReport(report)}\n`);
} finally {
  await db.close();
  await local?.stop();
}
