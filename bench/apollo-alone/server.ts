/**
 * "Apollo alone": our API's Apollo server (schema, resolvers, plugins, budgets, the same Database) on a
 * bare node:http handler, without any of our HTTP layer: no Express, request ids, metrics and tracing
 * middleware, access log, security headers, rate limits, CORS, compression or body limits. Between the
 * HTTP floor and our API, it splits what a request costs us into the GraphQL layer (Apollo alone / HTTP
 * floor) and the HTTP layer (ours / Apollo alone). A measuring instrument, not a way to serve the API:
 * it checks nothing a client sends. Prints APOLLO_ALONE_READY <url>.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { HeaderMap } from '@apollo/server';
import { loadConfig } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { createServer, requestContext } from '../../src/server.js';

const config = loadConfig(process.env);
const db = new Database({ uri: process.env.NEO4J_URI!, database: config.neo4jDatabase, queryTimeoutMs: config.limits.queryTimeoutMs });
const { apollo } = await createServer(config, db);

const server = http.createServer((req, res) => {
  const receivedAt = performance.now();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) },
        context: async () => requestContext(config, db, res, receivedAt, randomUUID()),
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`APOLLO_ALONE_READY http://127.0.0.1:${address.port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => server.close(() => void apollo.stop().then(() => db.close().then(() => process.exit(0)))));
