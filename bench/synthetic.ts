/**
 * A synthetic graph that scales the curated one: ×N keeps the shared reference sets (conventions, plans,
 * objectives, Aichi and GBF targets, documents, paragraphs) and adds N-1 replicas of everything else
 * (programmes, activities, meetings, decisions, instruments, initiatives, taxa, parties) with their links,
 * plus seeded cross links (activities serving random targets, concerning random taxa, approved at random
 * meetings) so fan-out grows like a real graph's. Deterministic: same base, scale and seed, same graph.
 */
import { createHash } from 'node:crypto';
import type { Graph, NodeRecord, RelationshipRecord } from '../src/ingest/validate.js';

const SHARED = new Set(['Convention', 'StrategicPlan', 'Objective', 'AichiTarget', 'GbfTarget', 'Document', 'Paragraph']);

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGraph(base: Graph, scale: number, seed = 2011): Graph {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const labelOf = new Map(base.nodes.map((n) => [n.id, n.label]));
  const replicaId = (id: string, r: number) => (r === 0 || SHARED.has(labelOf.get(id)!) ? id : `${id}-r${r}`);

  const nodes: NodeRecord[] = [...base.nodes];
  const relationships: RelationshipRecord[] = [...base.relationships];
  for (let r = 1; r < scale; r++) {
    for (const node of base.nodes) {
      if (SHARED.has(node.label)) continue;
      nodes.push({ ...node, id: replicaId(node.id, r), props: { ...node.props, name: `${node.props.name} (replica ${r})` } });
    }
    for (const rel of base.relationships) {
      if (SHARED.has(labelOf.get(rel.from)!) && SHARED.has(labelOf.get(rel.to)!)) continue;
      const from = replicaId(rel.from, r);
      const to = replicaId(rel.to, r);
      relationships.push({ ...rel, id: `${rel.id}--r${r}`, from, to });
    }
  }

  // Cross links across replicas, with provenance like the curated ones.
  const byLabel = (label: string) => nodes.filter((n) => n.label === label).map((n) => n.id);
  const activities = byLabel('Activity');
  const targets = byLabel('AichiTarget');
  const taxa = byLabel('Taxon');
  const meetings = byLabel('Meeting');
  const programmes = byLabel('WorkProgramme');
  const seen = new Set(relationships.map((r) => r.id));
  const add = (type: string, from: string, to: string, extra: Partial<RelationshipRecord> = {}) => {
    const id = `${from}--${type}--${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    relationships.push({
      id,
      type,
      from,
      to,
      file: 'synthetic',
      props: {},
      citations: [{ doc: 'stc38-report', at: '7', tag: 'V' }],
      basis: 'sourced',
      ...extra,
    });
  };
  if (scale > 1) {
    for (const activity of activities) {
      add('SERVES', activity, pick(targets), { basis: 'curated', rationale: 'Synthetic benchmark link.', citations: [] });
      add('CONCERNS', activity, pick(taxa));
    }
    for (const programme of programmes) add('APPROVED_BY', programme, pick(meetings), { props: { date: '2012-07' } });
  }

  const dataHash = createHash('sha256').update(`${base.dataHash}:x${scale}:seed${seed}`).digest('hex');
  return { nodes, relationships, dataHash };
}
