/**
 * The explorer in a real Chromium, against the real API over the test Neo4j: each view opened and clicked
 * through, what is on screen checked against what the API answers, and no console error, failed request
 * or request outside the API allowed. `npm run screenshots` (SCREENSHOTS=1) saves a picture of each view
 * into docs/explorer/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { ensureWebBuilt } from '../support/web.js';
import { launchBrowser, watchPage, type BrowserSession } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Generous: the suite runs two test files at a time on two cores, Neo4j and the browser included. */
const BROWSER_TEST_TIMEOUT_MS = 180_000;
const SHOTS = process.env.SCREENSHOTS ? path.join(PROJECT_ROOT, 'docs', 'explorer') : undefined;

let server: TestServer;
let browser: BrowserSession;
let page: Page;
let watched: { problems: string[] }[] = [];

async function shoot(p: Page, name: string, fullPage = false): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Waits for the view to finish rendering; fails with the view's own message when it shows an error. */
async function ready(p: Page = page): Promise<void> {
  await p.waitForSelector('main[data-state="ready"], main[data-state="error"]', { timeout: 30_000 });
  const state = await p.getAttribute('main', 'data-state');
  if (state !== 'ready') throw new Error(`The view shows an error: ${await p.textContent('main .error')}`);
}

async function open(url: string, p: Page = page): Promise<void> {
  await p.goto(`${server.url}${url}`);
  await ready(p);
}

function watch(p: Page): void {
  watched.push(watchPage(p, server.url));
}

async function api<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const rows = (selector: string) => page.locator(selector).count();

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
}, 600_000); // installing chromium with apt-get, when it is missing, takes minutes

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  watched = [];
  page = await browser.context.newPage();
  watch(page);
});

afterEach(async () => {
  await page.close();
  expect(watched.flatMap((w) => w.problems)).toEqual([]);
});

describe('a researcher clicks through: search -> entity -> neighbourhood -> path', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('finds the African elephant, reads its page, explores around it and links it to Aichi Target 12', async () => {
    await open('/');
    await shoot(page, 'home');
    await page.fill('#search-text', 'elephant');
    await page.press('#search-text', 'Enter');
    await page.waitForURL('**/search?q=elephant');
    await ready();
    const expected = await api<{ search: { node: { kind: string; name: string } }[] }>(
      '{ search(text: "elephant", first: 50) { node { kind name } } }',
    );
    const kinds = [...new Set(expected.search.map((hit) => hit.node.kind))];
    expect(await page.locator('.result-group h2').allTextContents()).toEqual(
      kinds.map((k) => expect.stringMatching(new RegExp(`\\(${expected.search.filter((hit) => hit.node.kind === k).length}\\)$`))),
    );
    expect(await page.locator('.result-group h2').first().textContent()).toMatch(/^Taxon/);
    await shoot(page, 'search');

    await page.getByRole('link', { name: 'African elephant', exact: true }).click();
    await page.waitForURL('**/entity/loxodonta-africana');
    await ready();
    expect(await page.textContent('h1')).toBe('African elephant');
    expect(await page.locator('.fields').textContent()).toContain('Loxodonta africana');
    const entity = await api('{ entity(key: "loxodonta-africana") { links(first: 100) { relationship { type } } } }');
    expect(await page.locator('#links-title').textContent()).toBe(`Relationships (${entity.entity.links.length})`);
    expect(await page.locator('.link-group h3').allTextContents()).toContain('LISTED_IN');

    // A citation's paragraph, on demand: the text the graph holds.
    const cited = await api('{ entity(key: "loxodonta-africana") { provenance { citations { paragraph { text } } } } }');
    const paragraph = { paragraph: cited.entity.provenance.citations.find((c: any) => c.paragraph).paragraph };
    const show = page.locator('.provenance').first().locator('button.link-button').first();
    expect(await show.textContent()).toBe('Show paragraph');
    await show.click();
    const quote = page.locator('.provenance').first().locator('blockquote.paragraph-text').first();
    await expect.poll(() => quote.textContent()).toBe(paragraph.paragraph.text);
    expect(await show.getAttribute('aria-expanded')).toBe('true');
    expect(await show.textContent()).toBe('Hide paragraph');
    // The report paragraphs that state it.
    expect(await page.locator('.stating blockquote').count()).toBeGreaterThan(0);
    expect(await page.locator('.stating').textContent()).toContain(paragraph.paragraph.text);
    await shoot(page, 'entity');

    await page.getByRole('link', { name: 'Neighbourhood graph' }).click();
    await page.waitForURL('**/graph/loxodonta-africana?depth=1');
    await ready();
    const id = (await api('{ entity(key: "loxodonta-africana") { id } }')).entity.id;
    const around = async (depth: number) =>
      (await api(`query($id: ID!) { neighbourhood(id: $id, depth: ${depth}, limit: 200) { nodes { key kind } relationships { key } } }`, { id }))
        .neighbourhood;
    const one = await around(1);
    expect(await rows('table.graph-nodes tbody tr')).toBe(one.nodes.length);
    expect(await page.locator('.graph-canvas canvas').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (document.querySelector('.graph-canvas') as any).cy.nodes().length)).toBe(one.nodes.length);

    await page.selectOption('#graph-depth', '2');
    await page.waitForURL('**/graph/loxodonta-africana?depth=2');
    await ready();
    const two = await around(2);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(await rows('table.graph-nodes tbody tr')).toBe(two.nodes.length);
    expect(await page.locator('.result-count').textContent()).toContain(`${two.nodes.length} entities and ${two.relationships.length} relationships`);
    // CMS and CITES in their colours; curated relationships dashed.
    const drawing = await page.evaluate(() => {
      const cy = (document.querySelector('.graph-canvas') as any).cy;
      return {
        cms: cy.$id('cms').style('background-color'),
        cites: cy.$id('cites').style('background-color'),
        curated: cy.edges('.curated').map((e: any) => e.style('line-style')),
        sourced: cy.edges('.sourced').map((e: any) => e.style('line-style')),
      };
    });
    expect(drawing.cms).toBe('rgb(29,95,166)');
    expect(drawing.cites).toBe('rgb(179,71,0)');
    expect(drawing.curated.length).toBeGreaterThan(0);
    expect(new Set(drawing.curated)).toEqual(new Set(['dashed']));
    expect(new Set(drawing.sourced)).toEqual(new Set(['solid']));
    await shoot(page, 'neighbourhood');

    // Filter by kind: the meetings go, the centre stays.
    const meetings = two.nodes.filter((n: { kind: string }) => n.kind === 'MEETING').length;
    expect(meetings).toBeGreaterThan(0);
    await page.getByLabel('Meeting', { exact: true }).uncheck();
    await page.waitForURL('**/graph/loxodonta-africana?depth=2&hide=MEETING');
    await ready();
    expect(await rows('table.graph-nodes tbody tr')).toBe(two.nodes.length - meetings);
    expect(await page.locator('table.graph-nodes').textContent()).not.toContain('Meeting');
    // The filter re-rendered the view; the keyboard focus stays on it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kind-MEETING');

    // Filter by relationship type: asked of the API.
    await page.locator('.types-filter summary').click();
    await page.getByLabel('LISTED_IN', { exact: true }).check();
    await page.getByRole('button', { name: 'Apply types' }).click();
    await page.waitForURL('**/graph/loxodonta-africana?depth=2&types=LISTED_IN&hide=MEETING');
    await ready();
    expect(await page.locator('table.graph-relationships tbody td:nth-child(2)').allTextContents()).toEqual(expect.arrayContaining(['LISTED_IN']));
    expect(new Set(await page.locator('table.graph-relationships tbody td:nth-child(2)').allTextContents())).toEqual(new Set(['LISTED_IN']));

    await page.locator('h1 a').click();
    await page.waitForURL('**/entity/loxodonta-africana');
    await ready();
    await page.getByRole('link', { name: 'Find a path from here' }).click();
    await page.waitForURL('**/path?from=loxodonta-africana');
    await ready();
    expect(await page.inputValue('#path-from')).toBe('loxodonta-africana');
    await page.fill('#path-to', 'aichi-target-12');
    await page.getByRole('button', { name: 'Find paths' }).click();
    await page.waitForURL('**/path?from=loxodonta-africana&to=aichi-target-12&maxHops=4');
    await ready();
    const target = (await api('{ entity(key: "aichi-target-12") { id } }')).entity.id;
    const { connections } = await api('query($from: ID!, $to: ID!) { connections(from: $from, to: $to, maxHops: 4) { length nodes { name } } }', {
      from: id,
      to: target,
    });
    expect(connections.length).toBeGreaterThan(0);
    expect(await rows('ol.paths > li')).toBe(connections.length);
    const first = await page.locator('ol.paths > li').first().locator('.path-node a').allTextContents();
    expect(first).toEqual(connections[0].nodes.map((n: { name: string }) => n.name));
    expect(await page.evaluate(() => (document.querySelector('.graph-canvas') as any).cy.nodes().length)).toBeGreaterThanOrEqual(
      connections[0].length + 1,
    );
    await shoot(page, 'path');
  });

  it('searches in French', async () => {
    await open('/search?q=%C3%A9l%C3%A9phant');
    const results = page.locator('.results li');
    expect(await results.count()).toBeGreaterThan(0);
    expect((await page.locator('.results').first().textContent())?.toLowerCase()).toContain("éléphant d'afrique");
    expect(await page.getByRole('link', { name: 'African elephant', exact: true }).count()).toBe(1);
  });

  it('marks curated links as such, with their rationale', async () => {
    await open('/entity/joint-consultant');
    const { entity } = await api(
      '{ entity(key: "joint-consultant") { links(first: 100) { node { key } relationship { provenance { basis rationale } } } } }',
    );
    const curated = entity.links.filter((l: any) => l.relationship.provenance.basis === 'CURATED');
    expect(curated.length).toBeGreaterThan(0);
    expect(await rows('.link.curated')).toBe(curated.length);
    for (const l of curated) {
      const item = page.locator('.link.curated', { has: page.locator(`a[href="/entity/${l.node.key}"]`) }).first();
      expect(await item.locator('.badge.curated').count()).toBe(1);
      expect(await item.locator('.rationale').textContent()).toBe(`Rationale: ${l.relationship.provenance.rationale}`);
    }
  });

  it('can be driven with the keyboard alone', async () => {
    await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.focus('#search-text');
    await page.keyboard.type('snow leopard');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=snow+leopard');
    await ready();
    await page.locator('.results a').first().focus();
    const name = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/entity/**');
    await ready();
    expect(await page.textContent('h1')).toBe(name);
  });
});

describe('an analyst goes from a target to the activities that serve it', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('lists the contributions to Aichi Target 12 with route, basis and steps, and exports them as CSV', async () => {
    await open('/analyst');
    await page.selectOption('#analyst-target', 'aichi-target-12');
    await page.waitForURL('**/analyst/aichi-target-12');
    await ready();
    const { aichiTarget } = await api(
      '{ aichiTarget(key: "aichi-target-12") { contributions { route basis foundation activity { name } steps { type } } } }',
    );
    const contributions = aichiTarget.contributions as {
      route: string;
      basis: string;
      foundation: string;
      activity: { name: string };
      steps: unknown[];
    }[];
    expect(contributions.length).toBeGreaterThan(0);
    expect(await rows('table.contributions tbody tr')).toBe(contributions.length);
    expect(await page.locator('td[data-column="Route"]').allTextContents()).toEqual(contributions.map((c) => c.route));
    // Best founded first, as the API ranks them; by default no inherited contribution.
    expect(await page.locator('td[data-column="Foundation"]').allTextContents()).toEqual(contributions.map((c) => c.foundation));
    expect(contributions.map((c) => c.foundation)).not.toContain('INHERITED');
    expect(await page.locator('td[data-column="Basis"]').allTextContents()).toEqual(contributions.map((c) => c.basis.toLowerCase()));
    expect(await page.locator('td[data-column="Activity"]').allTextContents()).toEqual(contributions.map((c) => c.activity.name));
    expect(await page.locator('td[data-column="Steps"] li').count()).toBe(contributions.reduce((n, c) => n + c.steps.length, 0));
    await shoot(page, 'analyst');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('aichi-target-12-contributions.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Activity,Status,Foundation,Route,Basis,Programme,Objective,Plan,Initiative,Species,Steps');
    expect(lines).toHaveLength(contributions.length + 1);
    expect(lines.slice(1).map((l) => l.match(/,(DIRECT|VIA_OBJECTIVE|VIA_PROGRAMME|VIA_INITIATIVE),/)?.[1])).toEqual(
      contributions.map((c) => c.route),
    );
  });

  it('reaches a GBF target through the Aichi bridge, the bridge marked curated', async () => {
    await open('/analyst/gbf-target-4');
    const { gbfTarget } = await api('{ gbfTarget(key: "gbf-target-4") { contributions { aichiTarget { number } } } }');
    expect(gbfTarget.contributions.length).toBeGreaterThan(0);
    expect(await rows('table.contributions tbody tr')).toBe(gbfTarget.contributions.length);
    expect(await page.locator('td[data-column="Via Aichi Target"]').first().textContent()).toBe(
      `Target ${gbfTarget.contributions[0].aichiTarget.number} curated`,
    );
  });
});

describe('the synergy pictures', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('draws Aichi Targets × {CMS, CITES, both, none}, each cell opening what fills it', async () => {
    await open('/synergies/targets');
    const { targetSynergies } = await api(
      '{ targetSynergies(first: 100) { target { key number } coverage cmsCount citesCount cms { node { name } } } }',
    );
    expect(await rows('table.targets-matrix tbody tr')).toBe(targetSynergies.length);
    for (const s of targetSynergies) {
      const row = page.locator(`tr[data-key="${s.target.key}"]`);
      expect(await row.getAttribute('data-coverage')).toBe(s.coverage);
      expect(await row.locator('td').nth(0).textContent()).toBe(String(s.cmsCount));
      expect(await row.locator('td').nth(1).textContent()).toBe(String(s.citesCount));
      expect(await row.locator('td').nth(2).textContent()).toBe(s.coverage === 'BOTH' ? '✓ both' : '');
      expect(await row.locator('td').nth(3).textContent()).toBe(s.coverage === 'NONE' ? 'gap' : '');
    }
    // Every cell readable: text and background at WCAG AA contrast (4.5:1) at least.
    const lowest = await page.evaluate(() => {
      const lum = (css: string) => {
        const [r, g, b] = css
          .match(/\d+/g)!
          .slice(0, 3)
          .map((c) => Number(c) / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as number[];
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      return Math.min(
        ...[...document.querySelectorAll('td.heat:not(.empty)')].map((cell) => {
          const [a, b] = [lum(getComputedStyle(cell).backgroundColor), lum(getComputedStyle(cell.querySelector('a')!).color)];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }),
      );
    });
    expect(lowest).toBeGreaterThanOrEqual(4.5);
    const t12 = targetSynergies.find((s: any) => s.target.key === 'aichi-target-12');
    await page.getByRole('link', { name: `Target 12: ${t12.cmsCount} reached through CMS` }).click();
    await page.waitForURL('**/synergies/targets?target=aichi-target-12&side=cms#cell-detail');
    await ready();
    expect(await page.locator('#cell-detail h3').allTextContents()).toEqual([`Through CMS (${t12.cmsCount})`]);
    expect(await page.locator('#cell-detail .reach li a').allTextContents()).toEqual(t12.cms.map((r: any) => r.node.name));
    await page.locator('#cell-detail').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'target-synergies');
  });

  it('draws taxa × conventions, each cell opening what fills it', async () => {
    await open('/synergies/species');
    const { speciesSynergies } = await api(
      '{ speciesSynergies(first: 100) { taxon { key scientificName } coverage cmsCount citesCount cites { node { name } } } }',
    );
    expect(await rows('table.species-matrix tbody tr')).toBe(speciesSynergies.length);
    for (const s of speciesSynergies) {
      const row = page.locator(`tr[data-key="${s.taxon.key}"]`);
      expect(await row.locator('td').nth(0).textContent()).toBe(String(s.cmsCount));
      expect(await row.locator('td').nth(1).textContent()).toBe(String(s.citesCount));
    }
    const elephant = speciesSynergies.find((s: any) => s.taxon.key === 'loxodonta-africana');
    await page.getByRole('link', { name: `Loxodonta africana: ${elephant.citesCount} through CITES` }).click();
    await page.waitForURL('**/synergies/species?taxon=loxodonta-africana&side=cites#cell-detail');
    await ready();
    expect(await page.locator('#cell-detail .reach li a').allTextContents()).toEqual(elephant.cites.map((r: any) => r.node.name));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'species-synergies');
  });
});

describe('the report', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('reads the report paragraph by paragraph, with the facts each states', async () => {
    await open('/report');
    const { document } = await api(
      '{ document(key: "stc38-report") { paragraphs { node { key text statements { entities { key } relationships { relationship { type } } } } } } }',
    );
    const paragraphs = document.paragraphs.map((p: any) => p.node);
    expect(await rows('article.report-paragraph')).toBe(paragraphs.length);
    for (const p of paragraphs) {
      const article = page.locator(`article[id="${p.key}"]`);
      expect(await article.locator('.paragraph-text').textContent()).toBe(p.text);
      expect(await article.locator('.chips li').count()).toBe(p.statements.entities.length);
      expect(await article.locator('.stated-relationships li').count()).toBe(p.statements.relationships.length);
    }
    await shoot(page, 'report');
    // A shared link to one paragraph opens at it.
    const sixth = paragraphs[Math.min(6, paragraphs.length - 1)].key;
    await open(`/report#${sixth}`);
    await expect.poll(() => page.evaluate((key) => Math.abs(document.getElementById(key)!.getBoundingClientRect().top), sixth)).toBeLessThan(2);
    const chip = page.locator('.chips li a').first();
    const name = await chip.textContent();
    await chip.click();
    await page.waitForURL('**/entity/**');
    await ready();
    expect(await page.textContent('h1')).toBe(name);
  });
});

describe('the query behind each view', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('shows the query, and opens it in the GraphiQL served by the API', async () => {
    await open('/entity/cites');
    await page.locator('.query-panel summary').click();
    expect(await page.locator('.query-panel code').first().textContent()).toMatch(/^query Entity\(\$key: String!\)/);
    expect(JSON.parse((await page.locator('.query-panel .variables').first().textContent())!)).toEqual({ key: 'cites' });
    const [ide] = await Promise.all([browser.context.waitForEvent('page'), page.getByRole('link', { name: 'Open in GraphiQL' }).first().click()]);
    watch(ide);
    await ide.waitForLoadState();
    await ide.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror', { timeout: 30_000 });
    await expect
      .poll(() => ide.locator('.graphiql-query-editor .CodeMirror-code').textContent(), { timeout: 15_000 })
      .toContain('query Entity($key: String!)');
    await ide.locator('.graphiql-execute-button').click();
    await expect.poll(() => ide.locator('.graphiql-response .CodeMirror-code').textContent(), { timeout: 15_000 }).toContain('"key": "cites"');
    await shoot(ide, 'graphiql');
    await ide.close();
  });
});

describe('at a phone width', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('fits every view in 390 pixels without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [
      '/search?q=elephant',
      '/entity/loxodonta-africana',
      '/graph/memorandum-of-cooperation-2002?depth=1',
      '/path?from=cites-sc57&to=aichi-target-12',
      '/analyst/aichi-target-12',
      '/synergies/targets',
      '/synergies/species',
      '/report',
    ]) {
      await open(url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ url, width }).toEqual({ url, width: 390 });
      if (url.startsWith('/entity')) await shoot(page, 'phone-entity');
      if (url.startsWith('/synergies/targets')) await shoot(page, 'phone-target-synergies');
    }
  });
});
