/**
 * Loads a validated graph into Neo4j: constraints and indexes first, then every node and relationship in
 * batches (UNWIND) inside ONE transaction, then whatever the data no longer holds is deleted, leaving a
 * tombstone. Killed half-way, the transaction rolls back and the previous graph stays as it was.
 * Every node and relationship keeps when it was first loaded (firstLoadedAt) and last changed (changedAt:
 * the load whose content differed, by contentHash), so a mirror can follow changes since a date.
 */
import { createHash } from 'node:crypto';
import { allCypher } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import type { Citation, Graph, NodeRecord, RelationshipRecord } from './validate.js';

export const BATCH_SIZE = 1000;

export interface LoadReport {
  dataHash: string;
  skipped: boolean;
  nodesByLabel: Record<string, number>;
  relationshipsByType: Record<string, number>;
  deletedNodes: number;
  deletedRelationships: number;
  millis: number;
}

type Log = (line: string) => void;

export const citationKey = (c: Citation) => (c.at === undefined ? c.doc : `${c.doc}#${c.at}`);

function provenanceProps(record: NodeRecord | RelationshipRecord, stamp: string): Record<string, unknown> {
  const props: Record<string, unknown> = {
    id: record.id,
    citations: record.citations.map(citationKey),
    tags: record.citations.map((c) => c.tag),
    // Parallel to citations; '' where a citation has no quote (Neo4j lists hold no nulls).
    quotes: record.citations.map((c) => c.quote ?? ''),
    basis: record.basis,
    stamp,
  };
  if (record.rationale !== undefined) props.rationale = record.rationale;
  return props;
}

/** A hash of what a record says (its label or type, properties and provenance; not the load's stamp). */
function contentHash(kind: string, props: Record<string, unknown>): string {
  const { stamp: _stamp, ...content } = props;
  const sorted = Object.fromEntries(Object.entries(content).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256')
    .update(JSON.stringify([kind, sorted]))
    .digest('hex');
}

export function nodeRow(node: NodeRecord, stamp: string) {
  const aliases = [node.props.commonNames, node.props.synonyms].flat().filter((v): v is string => typeof v === 'string');
  const props = {
    ...node.props,
    ...provenanceProps(node, stamp),
    kind: node.label,
    ...(aliases.length > 0 ? { searchAliases: aliases.join(' ; ') } : {}),
  };
  return { id: node.id, label: node.label, props: { ...props, contentHash: contentHash(node.label, props) } };
}

export function relationshipRow(rel: RelationshipRecord, stamp: string) {
  const props = { ...rel.props, ...provenanceProps(rel, stamp) };
  return { id: rel.id, type: rel.type, from: rel.from, to: rel.to, props: { ...props, contentHash: contentHash(rel.type, props) } };
}

/** Creates constraints and indexes (idempotent) and waits until they are online. */
export async function ensureSchema(db: Database): Promise<void> {
  const names = [...allCypher().keys()].filter((n) => n.startsWith('schema/') && n !== 'schema/awaitIndexes').sort();
  for (const name of names) await db.write(name);
  await db.write('schema/awaitIndexes');
}

export async function currentDataHash(db: Database): Promise<string | null> {
  const [row] = await db.read<{ dataHash: string | null }>('about/dataVersion');
  return row?.dataHash ?? null;
}

export interface LoadOptions {
  /** Load even when the graph already holds this data version. */
  force?: boolean;
  log?: Log;
}

export async function loadGraph(db: Database, graph: Graph, options: LoadOptions = {}): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  await ensureSchema(db);
  const skipped = !options.force && (await currentDataHash(db)) === graph.dataHash;
  let deletedNodes = 0;
  let deletedRelationships = 0;
  if (skipped) {
    log(`the graph already holds data version ${graph.dataHash.slice(0, 12)}: nothing to load`);
  } else {
    const stamp = graph.dataHash;
    const total = graph.nodes.length + graph.relationships.length;
    let done = 0;
    let lastReport = 0;
    const progress = (what: string) => {
      if (performance.now() - lastReport > 1000 || done === total) {
        lastReport = performance.now();
        log(`${what}: ${done}/${total} (${Math.round((100 * done) / Math.max(total, 1))}%)`);
      }
    };
    const loadedAt = new Date().toISOString();
    await db.inWriteTransaction(async (run) => {
      for (let i = 0; i < graph.nodes.length; i += BATCH_SIZE) {
        const batch = graph.nodes.slice(i, i + BATCH_SIZE);
        await run('load/mergeNodes', { rows: batch.map((n) => nodeRow(n, stamp)), loadedAt });
        done += batch.length;
        progress('nodes');
      }
      for (let i = 0; i < graph.relationships.length; i += BATCH_SIZE) {
        const batch = graph.relationships.slice(i, i + BATCH_SIZE);
        await run('load/mergeRelationships', { rows: batch.map((r) => relationshipRow(r, stamp)), loadedAt });
        done += batch.length;
        progress('relationships');
      }
      const [rels] = await run('load/deleteStaleRelationships', { stamp, loadedAt });
      const [nodes] = await run('load/deleteStaleNodes', { stamp, loadedAt });
      deletedRelationships = Number(rels?.deleted ?? 0);
      deletedNodes = Number(nodes?.deleted ?? 0);
      await run('load/writeMeta', {
        dataHash: graph.dataHash,
        loadedAt,
        nodeCount: graph.nodes.length,
        relationshipCount: graph.relationships.length,
      });
    });
    log(`committed; removed ${deletedNodes} nodes and ${deletedRelationships} relationships no longer in the data`);
  }
  const counts = await graphCounts(db);
  return { dataHash: graph.dataHash, skipped, ...counts, deletedNodes, deletedRelationships, millis: performance.now() - started };
}

export async function graphCounts(db: Database) {
  const labels = await db.read<{ label: string; count: number }>('load/countNodesByLabel');
  const types = await db.read<{ type: string; count: number }>('load/countRelationshipsByType');
  return {
    nodesByLabel: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    relationshipsByType: Object.fromEntries(types.map((r) => [r.type, r.count])),
  };
}
