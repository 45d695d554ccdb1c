/**
 * Loads a validated graph into Neo4j: constraints and indexes first, then, inside ONE transaction, only
 * what differs from what the graph holds: new entities and relationships created, changed ones updated
 * (by content hash), removed ones deleted with a tombstone. Killed half-way, the transaction rolls back
 * and the previous graph stays as it was. Every node and relationship keeps when it was first loaded
 * (firstLoadedAt) and last changed (changedAt: the load whose content differed), so a mirror can follow
 * changes since a date. The loader reads the keys and hashes the graph holds first and decides in memory,
 * so each write is a CREATE or a seek by element id: no MERGE, whose check of a hub's relationships made
 * loading quadratic at scale.
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

const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;

export const citationKey = (c: Citation) => (c.at === undefined ? c.doc : `${c.doc}#${c.at}`);

function provenanceProps(record: NodeRecord | RelationshipRecord): Record<string, unknown> {
  const props: Record<string, unknown> = {
    id: record.id,
    citations: record.citations.map(citationKey),
    tags: record.citations.map((c) => c.tag),
    // Parallel to citations; '' where a citation has no quote (Neo4j lists hold no nulls).
    quotes: record.citations.map((c) => c.quote ?? ''),
    basis: record.basis,
  };
  if (record.rationale !== undefined) props.rationale = record.rationale;
  return props;
}

/**
 * A hash of what a record says (its label or type, properties and provenance): the first 48 bits of its
 * SHA-256, a number. It is only compared with the same record's hash at the previous load, so 48 bits
 * miss a change once in 2^48; as a number Neo4j keeps it inline, where the 64-character hex string took a
 * string record of its own per entity and relationship (30 MB of the ×1000 load's transaction).
 */
function contentHash(kind: string, props: Record<string, unknown>): number {
  const sorted = Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256')
    .update(JSON.stringify([kind, sorted]))
    .digest()
    .readUIntBE(0, 6);
}

export function nodeRow(node: NodeRecord) {
  const aliases = [node.props.commonNames, node.props.synonyms].flat().filter((v): v is string => typeof v === 'string');
  const props = {
    ...node.props,
    ...provenanceProps(node),
    kind: node.label,
    ...(aliases.length > 0 ? { searchAliases: aliases.join(' ; ') } : {}),
  };
  return { id: node.id, label: node.label, props: { ...props, contentHash: contentHash(node.label, props) } };
}

export function relationshipRow(rel: RelationshipRecord) {
  const props = { ...rel.props, ...provenanceProps(rel) };
  return { id: rel.id, type: rel.type, from: rel.from, to: rel.to, props: { ...props, contentHash: contentHash(rel.type, props) } };
}

/** Creates constraints and indexes (idempotent) and waits until they are online. */
export async function ensureSchema(db: Database): Promise<void> {
  const names = [...allCypher().keys()].filter((n) => n.startsWith('schema/') && n !== 'schema/awaitIndexes').sort();
  for (const name of names) await db.write(name);
  await db.write('schema/awaitIndexes');
}

/**
 * What the loader writes besides the data (derived nodes, their form): a graph loaded by a loader of
 * another version is loaded again even when data/ did not change. 2: contributions derived at load;
 * 3: with what they pass through; 4: content hashes as numbers.
 */
export const LOADER_VERSION = 4;

/** The data version the graph holds, or null when it holds none or a loader of another version wrote it. */
export async function currentDataHash(db: Database): Promise<string | null> {
  const [row] = await db.read<{ dataHash: string | null; loaderVersion: number | null }>('about/dataVersion');
  return row?.loaderVersion === LOADER_VERSION ? row.dataHash : null;
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
  log(`constraints and indexes online in ${seconds(started, performance.now())}`);
  const skipped = !options.force && (await currentDataHash(db)) === graph.dataHash;
  let deletedNodes = 0;
  let deletedRelationships = 0;
  if (skipped) {
    log(`the graph already holds data version ${graph.dataHash.slice(0, 12)}: nothing to load`);
  } else {
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
    let writtenAt = started;
    await db.inWriteTransaction(async (run) => {
      // Two batches in flight: Neo4j writes one while the driver encodes and sends the next (one at a
      // time, Neo4j waited on the encoding half the load). Statements of one transaction run in order.
      const inBatches = async (statement: string, rows: object[], what: string, counts = false) => {
        const inFlight: Promise<unknown>[] = [];
        const settle = async () => {
          await inFlight.shift();
        };
        try {
          for (let i = 0; i < rows.length; i += BATCH_SIZE) {
            const batch = rows.slice(i, i + BATCH_SIZE);
            inFlight.push(
              run(statement, { rows: batch, loadedAt }).then(() => {
                if (counts) {
                  done += batch.length;
                  progress(what);
                }
              }),
            );
            if (inFlight.length >= 2) await settle();
          }
          while (inFlight.length > 0) await settle();
        } finally {
          // A batch failed: the transaction rolls back; the batch still in flight fails with it, unheard.
          for (const pending of inFlight) pending.catch(() => undefined);
        }
      };
      const held = async (statement: string) => new Map((await run(statement)).map((r) => [String(r.id), { eid: String(r.eid), hash: r.hash }]));

      // Relationships first out, so the entities they join are still there; nodes first in, so they are.
      const heldRelationships = await held('load/existingRelationships');
      const heldNodes = await held('load/existingNodes');
      const nodes = diff(graph.nodes.map(nodeRow), heldNodes);
      const relationships = diff(graph.relationships.map(relationshipRow), heldRelationships);
      log(
        `nodes: ${nodes.created.length} new, ${nodes.updated.length} changed, ${nodes.deleted.length} removed; ` +
          `relationships: ${relationships.created.length} new, ${relationships.updated.length} changed, ${relationships.deleted.length} removed`,
      );
      done = nodes.unchanged + relationships.unchanged;
      await inBatches('load/deleteRelationships', relationships.deleted, 'relationships removed');
      await inBatches('load/deleteNodes', nodes.deleted, 'nodes removed');
      await inBatches('load/updateNodes', nodes.updated, 'nodes', true);
      await inBatches('load/createNodes', nodes.created, 'nodes', true);
      await inBatches('load/updateRelationships', relationships.updated, 'relationships', true);
      await inBatches('load/createRelationships', relationships.created, 'relationships', true);
      // What the API reads precomputed, derived again from the graph just written.
      const [derived] = await run('analysis/clearContributions').then(() => run('analysis/deriveContributions'));
      log(`derived ${Number(derived?.derived ?? 0)} contributions of activities to targets`);
      deletedRelationships = relationships.deleted.length;
      deletedNodes = nodes.deleted.length;
      await run('load/writeMeta', {
        dataHash: graph.dataHash,
        loaderVersion: LOADER_VERSION,
        loadedAt,
        nodeCount: graph.nodes.length,
        relationshipCount: graph.relationships.length,
      });
      writtenAt = performance.now();
      log(`written in ${seconds(started, writtenAt)}; committing`);
    });
    log(
      `committed in ${seconds(writtenAt, performance.now())}; removed ${deletedNodes} nodes and ${deletedRelationships} relationships no longer in the data`,
    );
  }
  const counts = await graphCounts(db);
  return { dataHash: graph.dataHash, skipped, ...counts, deletedNodes, deletedRelationships, millis: performance.now() - started };
}

/** What a load must do, given the rows to load and what the graph holds (key → element id and hash). */
function diff<R extends { id: string; props: { contentHash: number } }>(rows: R[], held: Map<string, { eid: string; hash: unknown }>) {
  const created: R[] = [];
  const updated: (R & { eid: string })[] = [];
  let unchanged = 0;
  const loaded = new Set<string>();
  for (const row of rows) {
    loaded.add(row.id);
    const there = held.get(row.id);
    if (there === undefined) created.push(row);
    else if (there.hash !== row.props.contentHash) updated.push({ ...row, eid: there.eid });
    else unchanged += 1;
  }
  const deleted = [...held].filter(([id]) => !loaded.has(id)).map(([id, { eid }]) => ({ id, eid }));
  return { created, updated, deleted, unchanged };
}

export async function graphCounts(db: Database) {
  const labels = await db.read<{ label: string; count: number }>('load/countNodesByLabel');
  const types = await db.read<{ type: string; count: number }>('load/countRelationshipsByType');
  return {
    nodesByLabel: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    relationshipsByType: Object.fromEntries(types.map((r) => [r.type, r.count])),
  };
}
