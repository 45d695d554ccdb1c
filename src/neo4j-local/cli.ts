/** `npm run neo4j`: runs the local embedded Neo4j on its own until Ctrl-C (for the bench or a Neo4j browser). */
import { loadConfig } from '../config.js';
import { startLocalNeo4j } from './localNeo4j.js';

const config = loadConfig();
const neo4j = await startLocalNeo4j(config.local);
process.stdout.write(`NEO4J_URI=${neo4j.boltUrl}\n`);
const stop = async () => {
  await neo4j.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
