/**
 * Loading the curated data: validation before anything is written, idempotence, exactness, atomicity.
 * These tests change a graph, so they run on a private Neo4j of their own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { BATCH_SIZE, graphCounts, loadGraph } from '../src/ingest/load.js';
import { readGraph, ValidationError } from '../src/ingest/validate.js';
import { fixtureCopy, VALID_FIXTURE } from './support/fixtures.js';
import { startScratchNeo4j, type ScratchNeo4j } from './support/scratch.js';

let scratch: ScratchNeo4j;
beforeAll(async () => {
  scratch = await startScratchNeo4j();
});
afterAll(() => scratch?.dispose());

/** Every entity and relationship, as sorted text, to compare two states exactly (GraphMeta's loadedAt aside). */
async function snapshot(): Promise<string> {
  const session = scratch.db.driver.session();
  try {
    const nodes = await session.run('MATCH (n:Entity) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id');
    const rels = await session.run('MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, properties(r) AS p ORDER BY r.id');
    return JSON.stringify([nodes.records.map((r) => r.toObject()), rels.records.map((r) => r.toObject())]);
  } finally {
    await session.close();
  }
}

function problemsOf(dir: string) {
  try {
    readGraph(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('expected a ValidationError');
}

describe('loading data/', () => {
  it('loads, and a second load changes nothing', async () => {
    const graph = readGraph(VALID_FIXTURE);
    const first = await loadGraph(scratch.db, graph, { force: true });
    const before = await snapshot();
    const second = await loadGraph(scratch.db, graph, { force: true });
    expect(second.nodesByLabel).toEqual(first.nodesByLabel);
    expect(second.relationshipsByType).toEqual(first.relationshipsByType);
    expect(second.deletedNodes + second.deletedRelationships).toBe(0);
    expect(await snapshot()).toBe(before);
    expect(first.nodesByLabel).toEqual({ Activity: 1, AichiTarget: 1, Convention: 2, Document: 2, Paragraph: 1, WorkProgramme: 1 });
    expect(first.relationshipsByType).toEqual({ BETWEEN: 2, PART_OF: 2, SERVES: 1 });
    // Unforced, the same data version is not loaded again at all.
    expect((await loadGraph(scratch.db, graph)).skipped).toBe(true);
  });

  it('is exact: an entry or a link removed from the data disappears from the graph', async () => {
    const dir = fixtureCopy({
      'activities.yaml': (t) => t.replace(/ {6}- type: SERVES[\s\S]*$/, ''),
      'paragraphs.yaml': () => 'label: Paragraph\nentries: []\n',
    });
    try {
      const report = await loadGraph(scratch.db, readGraph(dir));
      expect(report.nodesByLabel.Paragraph).toBeUndefined();
      expect(report.relationshipsByType.SERVES).toBeUndefined();
      expect(report.deletedNodes).toBe(1);
      expect(report.deletedRelationships).toBe(2); // the SERVES link and the paragraph's PART_OF
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const restored = await loadGraph(scratch.db, readGraph(VALID_FIXTURE));
    expect(restored.nodesByLabel.Paragraph).toBe(1);
  });

  it('creates a unique constraint per label and the full-text indexes, English and French', async () => {
    const session = scratch.db.driver.session();
    const constraints = await session.run('SHOW CONSTRAINTS YIELD labelsOrTypes, type RETURN labelsOrTypes[0] AS label, type');
    const indexes = await session.run("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name");
    await session.close();
    const unique = constraints.records.filter((r) => r.get('type') === 'UNIQUENESS').map((r) => r.get('label'));
    for (const label of ['Activity', 'AichiTarget', 'Convention', 'Taxon', 'WorkProgramme', 'Entity']) expect(unique).toContain(label);
    expect(indexes.records.map((r) => r.get('name'))).toEqual(expect.arrayContaining(['entity_search_en', 'entity_search_fr']));
    expect(indexes.records.map((r) => r.get('name'))).not.toContain('entity_search');
  });
});

describe('validation, before anything touches the database', () => {
  it.each([
    [
      'an unknown reference',
      { 'activities.yaml': (t: string) => t.replace('to: jwp-a', 'to: jwp-nowhere') },
      'activities.yaml',
      'activity-a',
      'links[0].to',
      /unknown id "jwp-nowhere"/,
    ],
    [
      'a duplicate id',
      { 'conventions.yaml': (t: string) => t.replace('id: cites', 'id: cms') },
      'conventions.yaml',
      'cms',
      'id',
      /duplicate id: also used in conventions.yaml/,
    ],
    [
      'a missing source',
      { 'work-programmes.yaml': (t: string) => t.replace('    sources: [{ doc: report, at: "2" }]\n    links:', '    links:') },
      'work-programmes.yaml',
      'jwp-a',
      'sources',
      /missing: every fact names its source/,
    ],
    [
      'a bad date',
      { 'conventions.yaml': (t: string) => t.replace('acronym: CMS', 'acronym: CMS\n    concludedOn: 1979-02-30') },
      'conventions.yaml',
      'cms',
      'concludedOn',
      /not a real date: 1979-02-30/,
    ],
    [
      'an unknown enum value',
      { 'activities.yaml': (t: string) => t.replace('status: completed', 'status: finished') },
      'activities.yaml',
      'activity-a',
      'status',
      /must be one of completed, ongoing, planned/,
    ],
    [
      'a wrong type',
      { 'aichi-targets.yaml': (t: string) => t.replace('number: 1', 'number: one') },
      'aichi-targets.yaml',
      'aichi-target-1',
      'number',
      /must be an integer, got "one"/,
    ],
    [
      'an unconfirmed [U] fact',
      { 'aichi-targets.yaml': (t: string) => t.replace('tag: P', 'tag: U') },
      'aichi-targets.yaml',
      'aichi-target-1',
      'sources[0].tag',
      /unconfirmed facts \(\[U\]\) must not be loaded/,
    ],
    [
      'a curated link without rationale',
      { 'activities.yaml': (t: string) => t.replace(/\n\s+rationale: .*/, '') },
      'activities.yaml',
      'activity-a',
      'links[1].rationale',
      /curated link needs a one-line rationale/,
    ],
    [
      'a relationship between the wrong labels',
      { 'activities.yaml': (t: string) => t.replace('type: PART_OF', 'type: LISTED_IN') },
      'activities.yaml',
      'activity-a',
      'links[0].type',
      /LISTED_IN cannot join Activity to WorkProgramme/,
    ],
    [
      'an unknown field',
      { 'conventions.yaml': (t: string) => t.replace('acronym: CITES', 'acronym: CITES\n    colour: green') },
      'conventions.yaml',
      'cites',
      'colour',
      /unknown field for Convention/,
    ],
  ])('reports %s with its file, entry and field', (_what, edits, file, entry, field, message) => {
    const problems = problemsOf(fixtureCopy(edits as Record<string, (t: string) => string>));
    expect(problems).toContainEqual({ file, entry, field, message: expect.stringMatching(message) });
  });

  it('reports every problem of a run at once', () => {
    const problems = problemsOf(
      fixtureCopy({
        'activities.yaml': (t) => t.replace('status: completed', 'status: finished').replace('to: jwp-a', 'to: nowhere'),
        'aichi-targets.yaml': (t) => t.replace('number: 1', 'number: 99'),
      }),
    );
    expect(problems.map((p) => `${p.file}:${p.field}`).sort()).toEqual([
      'activities.yaml:links[0].to',
      'activities.yaml:status',
      'aichi-targets.yaml:number',
    ]);
  });

  it('leaves the graph untouched when the data is invalid', async () => {
    await loadGraph(scratch.db, readGraph(VALID_FIXTURE));
    const before = await snapshot();
    const dir = fixtureCopy({ 'activities.yaml': (t) => t.replace('to: jwp-a', 'to: jwp-nowhere') });
    const cli = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/ingest/cli.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: dir, NEO4J_URI: scratch.neo4j.boltUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    cli.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => cli.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/activities\.yaml › activity-a › links\[0\]\.to: unknown id "jwp-nowhere"/);
    expect(stderr).toMatch(/nothing was loaded/);
    expect(await snapshot()).toBe(before);
  });
});

describe('a load Neo4j refuses half-way', () => {
  it("fails with Neo4j's reason and leaves the previous graph as it was, though the next batch was in flight", async () => {
    const valid = readGraph(VALID_FIXTURE);
    await loadGraph(scratch.db, valid, { force: true });
    const before = await snapshot();
    // Three batches of new documents; one in the second repeats a key of the first, which the entity_id
    // constraint refuses while the loader has already sent the third.
    const extra = Array.from({ length: 2 * BATCH_SIZE + 10 }, (_, i) => ({
      id: `doc-extra-${i === BATCH_SIZE + 5 ? 3 : i}`,
      label: 'Document',
      file: 'documents.yaml',
      props: { name: `Extra document ${i}` },
      citations: [],
      basis: 'sourced' as const,
    }));
    const refused = { ...valid, nodes: [...valid.nodes, ...extra], dataHash: 'refused-half-way' };
    await expect(loadGraph(scratch.db, refused, { force: true })).rejects.toThrow(/doc-extra-3/);
    expect(await snapshot()).toBe(before);
  });
});

describe('a load killed half-way', () => {
  it('leaves the previous graph intact and queryable', async () => {
    await loadGraph(scratch.db, readGraph(VALID_FIXTURE), { force: true });
    const before = await snapshot();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests/support/slowLoad.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: scratch.neo4j.boltUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    await new Promise<void>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        // Killed once the transaction has written part of the nodes, before it commits.
        if (/^nodes: \d+\/\d+/.test(line)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the load ended before it could be killed: ${lines.join(' | ')}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(lines).not.toContain('LOAD_DONE');
    // Neo4j notices the dropped connection and rolls the transaction back.
    await expect.poll(snapshot, { timeout: 30_000, interval: 500 }).toBe(before);
    const counts = await graphCounts(scratch.db);
    expect(counts.nodesByLabel.Document).toBe(2);
  });
});
