/**
 * `npm run bench:explorer`: time to first render of the explorer's entity page and of a depth-2
 * neighbourhood, in Chromium, on the curated graph and on bigger synthetic ones. Next to each figure, the
 * same view's GraphQL requests sent alone from Node (the data, without the browser): the difference is
 * what the page costs. A benchmark, not a test.
 *
 * "First render" is the `view-ready` mark the explorer sets once the view is on screen (graph laid out and
 * drawn), measured from the navigation's start, page and assets included (cached after the first run).
 * Knobs: EXPLORER_SCALES (1,100), EXPLORER_RUNS per view (7).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { loadGraph } from '../src/ingest/load.js';
import { readGraph } from '../src/ingest/validate.js';
import { startLocalNeo4j } from '../src/neo4j-local/localNeo4j.js';
import { createServer } from '../src/server.js';
import { launchBrowser } from '../tests/support/browser.js';
import { ensureWebBuilt } from '../tests/support/web.js';
import { ENTITY, ENTITY_ID, ENUMS, NEIGHBOURHOOD, PARAGRAPHS_BY_ID } from '../web/src/queries.js';
import { log, postGraphQL } from './harness.js';
import { syntheticGraph } from './synthetic.js';

const SCALES = (process.env.EXPLORER_SCALES ?? '1,100').split(',').map(Number);
const RUNS = Number(process.env.EXPLORER_RUNS ?? 7);
const WORK = path.join(PROJECT_ROOT, 'bench/.work');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface View {
  name: string;
  url: string;
  /** The requests the view sends, in order, as a portal would send them. */
  data(graphql: (query: string, variables: Record<string, unknown>) => Promise<any>): Promise<void>;
}

const VIEWS: View[] = [
  {
    name: 'entity page (African elephant)',
    url: '/entity/loxodonta-africana',
    data: async (graphql) => {
      const { entity } = await graphql(ENTITY, { key: 'loxodonta-africana' });
      const ids = [entity.provenance, ...entity.links.map((l: any) => l.relationship.provenance)].flatMap((p: any) =>
        p.citations.flatMap((c: any) => (c.paragraph ? [c.paragraph.id] : [])),
      );
      await graphql(PARAGRAPHS_BY_ID, { ids: [...new Set(ids)].slice(0, 100) });
    },
  },
  {
    name: 'neighbourhood, depth 2 (Memorandum of Cooperation)',
    url: '/graph/memorandum-of-cooperation-2002?depth=2',
    data: async (graphql) => {
      const [{ entity }] = await Promise.all([graphql(ENTITY_ID, { key: 'memorandum-of-cooperation-2002' }), graphql(ENUMS, {})]);
      await graphql(NEIGHBOURHOOD, { id: entity.id, depth: 2, types: null, limit: 200 });
    },
  },
];

async function main() {
  ensureWebBuilt();
  fs.mkdirSync(WORK, { recursive: true });
  const dataDir = path.join(WORK, 'explorer-neo4j');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const base = loadConfig({ ...process.env, NEO4J_URI: undefined });
  const local = await startLocalNeo4j({ ...base.local, port: 0, heap: '2g', pagecacheMb: 256 }, { dataDir });
  const db = new Database({ uri: local.boltUrl, database: 'neo4j', queryTimeoutMs: 600_000 });
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    const curated = readGraph(path.join(PROJECT_ROOT, 'data'));
    for (const scale of SCALES) {
      const graph = syntheticGraph(curated, scale);
      log(`×${scale}: loading ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);
      await loadGraph(db, graph, { force: true });
      const server = await createServer(
        loadConfig({ ...process.env, NEO4J_URI: local.boltUrl, PORT: '0', LOAD_ON_START: 'never', NODE_ENV: 'production' }),
        db,
      );
      const url = await server.listen();
      const graphql = async (query: string, variables: Record<string, unknown>) => {
        const { json } = await postGraphQL(`${url}/graphql`, { query, variables });
        if (json.errors) throw new Error(JSON.stringify(json.errors));
        return json.data;
      };
      for (const view of VIEWS) {
        const renders: number[] = [];
        const datas: number[] = [];
        let shown = '';
        for (let run = 0; run <= RUNS; run++) {
          const t = performance.now();
          await view.data(graphql);
          const data = performance.now() - t;
          const page = await browser.context.newPage();
          await page.goto(`${url}${view.url}`);
          await page.waitForSelector('main[data-state="ready"]', { timeout: 120_000 });
          const render = await page.evaluate(() => performance.getEntriesByName('view-ready')[0]!.startTime);
          shown = (await page.locator('.result-count, #links-title').first().textContent()) ?? '';
          await page.close();
          // The first run warms the JIT, the caches and the browser's asset cache: not counted.
          if (run > 0) {
            renders.push(render);
            datas.push(data);
          }
        }
        lines.push(
          `| ×${scale} | ${view.name} | ${median(renders).toFixed(0)} ms | ${Math.min(...renders).toFixed(0)}–${Math.max(...renders).toFixed(0)} ms | ${median(datas).toFixed(0)} ms | ${shown.trim()} |`,
        );
        log(lines.at(-1)!);
      }
      await server.stop();
    }
  } finally {
    await browser.close();
    await db.close();
    await local.stop();
  }
  const table = [
    `Explorer, time to first render (median of ${RUNS} runs, Chromium headless, ${new Date().toISOString().slice(0, 10)})`,
    '',
    '| Graph | View | First render | Range | Its GraphQL requests alone (baseline) | On screen |',
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
  console.log(`\n${table}`);
  fs.mkdirSync(path.join(PROJECT_ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench/results', 'explorer.md'), `${table}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
