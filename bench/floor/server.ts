/**
 * The HTTP floor: a minimal Node HTTP server that runs one hand-written Cypher statement per request
 * (bench/floor/<name>.cypher, parameters in the JSON body) and answers its records as JSON. Over the same
 * loopback as our API, ours/HTTP-floor is the cost of our GraphQL layer alone (parsing, validation, cost,
 * resolvers, serialization), HTTP and the database being the same on both sides. Prints FLOOR_READY <url>.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config.js';

const driver = neo4j.driver(process.env.NEO4J_URI!, undefined, { disableLosslessIntegers: true });
const statements = new Map(
  fs
    .readdirSync(path.join(PROJECT_ROOT, 'bench/floor'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => [f.slice(0, -'.cypher'.length), fs.readFileSync(path.join(PROJECT_ROOT, 'bench/floor', f), 'utf8')]),
);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const statement = statements.get((req.url ?? '/').slice(1));
    if (!statement) {
      res.writeHead(404).end();
      return;
    }
    try {
      const given = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      // The same typing as the in-process floor: JSON numbers go to Neo4j as integers.
      const params = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, typeof v === 'number' ? neo4j.int(v) : v]));
      const result = await driver.executeQuery(statement, params, { routing: 'READ', database: 'neo4j' });
      const body = JSON.stringify({ data: result.records.map((r) => r.toObject()) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`FLOOR_READY http://127.0.0.1:${address.port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => void driver.close().then(() => process.exit(0))));
