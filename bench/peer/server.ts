/** The benchmark's peer: @neo4j/graphql 7 over the same Neo4j, on HTTP. Prints "PEER_READY <url>". */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const typeDefs = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'typeDefs.graphql'), 'utf8');
const driver = neo4j.driver(process.env.NEO4J_URI!);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' } });
process.stdout.write(`PEER_READY ${url}\n`);
process.on('SIGTERM', async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
});
