/**
 * Child process for the "killed load" test: loads a large generated graph into NEO4J_URI and prints
 * progress, so the test can kill it half-way through the transaction.
 */
import { Database } from '../../src/db/database.js';
import { loadGraph } from '../../src/ingest/load.js';
import type { Graph, NodeRecord } from '../../src/ingest/validate.js';

const count = Number(process.env.SLOW_LOAD_NODES ?? 60000);
const padding = 'x'.repeat(2000);
const nodes: NodeRecord[] = Array.from({ length: count }, (_, i) => ({
  id: `bulk-document-${i}`,
  label: 'Document',
  file: 'generated',
  props: { name: `Bulk document ${i}`, documentType: 'web-page', description: padding },
  citations: [{ doc: 'bulk-document-0', tag: 'V' }],
  basis: 'sourced',
}));
const graph: Graph = { nodes, relationships: [], dataHash: `bulk-${count}` };
const db = new Database({ uri: process.env.NEO4J_URI!, database: 'neo4j', queryTimeoutMs: 600_000 });
await loadGraph(db, graph, { force: true, log: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write('LOAD_DONE\n');
await db.close();
