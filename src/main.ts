/**
 * `npm start`: configuration, Neo4j (NEO4J_URI, or the local embedded one), loading the curated data when
 * needed, then the API and its management port (HEALTH_PORT: health probes answered by a worker thread); a
 * graceful stop on SIGINT/SIGTERM (drain HTTP, stop the worker, close the driver, stop Neo4j).
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { Database } from './db/database.js';
import { loadOnStart } from './ingest/loadOnStart.js';
import { LocalNeo4jError } from './neo4j-local/localNeo4j.js';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './neo4j-local/supervisor.js';
import { componentLogger, lineLogger } from './observability/logger.js';
import { startTracing } from './observability/tracing.js';
import { createServer } from './server.js';
import { startManagementServer, type ManagementServer } from './health/managementServer.js';

const log = lineLogger('api');

async function waitForNeo4j(db: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await db.ping(3000))) {
    if (Date.now() > deadline) {
      throw new Error(`Neo4j at ${db.settings.uri} did not answer within ${timeoutMs / 1000} s. Check NEO4J_URI and credentials.`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(config: Config): Promise<void> {
  const tracing = await startTracing(config.tracing);
  let local: SupervisedNeo4j | undefined;
  let uri = config.neo4jUri;
  if (uri === undefined) {
    local = await superviseLocalNeo4j(config.local, lineLogger('neo4j-local'));
    uri = local.boltUrl;
  }
  const db = new Database({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.limits.queryTimeoutMs,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await server?.stop().catch((e) => log(`HTTP drain failed: ${e}`));
    await management?.stop();
    await db.close().catch(() => undefined);
    await local?.stop();
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  let server: Awaited<ReturnType<typeof createServer>> | undefined;
  let management: ManagementServer | undefined;
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await waitForNeo4j(db, 60_000);
  await loadOnStart(db, config.dataDir, config.loadOnStart, log);
  server = await createServer(config, db, { unhealthy: () => local?.failure });
  const url = await server.listen();
  if (config.healthPort !== 'off') {
    management = await startManagementServer(server.health, config.host, config.healthPort).catch((error: Error) => {
      componentLogger('health').error({ err: error }, `${error.message}; /healthz and /readyz answer on the main port only`);
      return undefined;
    });
  }
  const probes = management
    ? `${management.url}/healthz and ${management.url}/readyz (management port; also at ${url})`
    : `${url}/healthz and ${url}/readyz`;
  log(`ready: GraphQL at ${url}/graphql, schema at ${url}/schema.graphql, health at ${probes}`);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
main(config).catch((error) => {
  process.stderr.write(`${error instanceof LocalNeo4jError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
