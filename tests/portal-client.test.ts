/**
 * What a portal does: generates a typed client from the published SDL (/schema.graphql) with GraphQL
 * Code Generator (typescript-operations, typed-document-node), checks it compiles in strict
 * mode, then pages a nested list with it, forwards and backwards, and finds the items of the plain list.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Inside the project, so the generated client resolves graphql from node_modules; git-ignored. */
const CLIENT_DIR = path.join(PROJECT_ROOT, '.cache/portal-client');

/** The portal's operations: the programmes with their activity counts, and one programme's activities a page at a time. */
const DOCUMENTS = `
query Programmes {
  workProgrammes(first: 50) { nodes { key activitiesConnection(first: 1) { totalCount } } }
}

query ProgrammeActivities($key: String!, $first: Int, $after: String, $last: Int, $before: String) {
  workProgramme(key: $key) {
    activities(first: 100) { node { key } }
    activitiesConnection(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { node { key name status } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}
`;

/** How the portal calls the API with a generated document: variables and answer typed by the document. */
const PORTAL = `import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ProgrammeActivitiesDocument, type ProgrammeActivitiesQuery } from './client.js';

export async function request<Result, Variables>(url: string, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document), variables }) });
  const body = (await response.json()) as { data?: Result; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Every activity key of a programme, page by page after the cursor the last page ended with. */
export async function allActivities(url: string, key: string, size: number): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ProgrammeActivitiesQuery = await request(url, ProgrammeActivitiesDocument, { key, first: size, after });
    if (!data.workProgramme) throw new Error(\`no work programme \${key}\`);
    const page = data.workProgramme.activitiesConnection;
    keys.push(...page.edges.map((edge) => edge.node.node.key));
    if (!page.pageInfo.hasNextPage) return keys;
    after = page.pageInfo.endCursor ?? null;
  }
}
`;

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  fs.rmSync(CLIENT_DIR, { recursive: true, force: true });
  fs.mkdirSync(CLIENT_DIR, { recursive: true });
  fs.writeFileSync(path.join(CLIENT_DIR, 'schema.graphql'), await (await fetch(`${api.url}/schema.graphql`)).text());
  fs.writeFileSync(path.join(CLIENT_DIR, 'portal.graphql'), DOCUMENTS);
  fs.writeFileSync(path.join(CLIENT_DIR, 'portal.ts'), PORTAL);
  await generate(
    {
      cwd: CLIENT_DIR,
      silent: true,
      schema: 'schema.graphql',
      documents: 'portal.graphql',
      generates: { 'client.ts': { plugins: ['typescript-operations', 'typed-document-node'], config: { useTypeImports: true } } },
    },
    true,
  );
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('a portal’s generated client', () => {
  it('compiles in strict mode with the portal code that uses it', () => {
    const tsc = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, ...args, path.join(CLIENT_DIR, 'portal.ts')], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);

  it('pages a nested list both ways and finds every item of the plain list', async () => {
    const client = await import(path.join(CLIENT_DIR, 'client.ts'));
    const portal = await import(path.join(CLIENT_DIR, 'portal.ts'));
    const url = `${api.url}/graphql`;
    const programmes = await portal.request(url, client.ProgrammesDocument, {});
    const [busiest] = [...programmes.workProgrammes.nodes].sort(
      (a: any, b: any) => b.activitiesConnection.totalCount - a.activitiesConnection.totalCount,
    );
    expect(busiest.activitiesConnection.totalCount).toBeGreaterThan(2);

    const forwards: string[] = await portal.allActivities(url, busiest.key, 1);
    const plain = await portal.request(url, client.ProgrammeActivitiesDocument, { key: busiest.key, first: 1 });
    expect(forwards).toEqual(plain.workProgramme.activities.map((a: any) => a.node.key));
    expect(forwards).toHaveLength(busiest.activitiesConnection.totalCount);

    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const data: { workProgramme: { activitiesConnection: any } } = await portal.request(url, client.ProgrammeActivitiesDocument, {
        key: busiest.key,
        last: 2,
        before,
      });
      const page = data.workProgramme.activitiesConnection;
      backwards.unshift(...page.edges.map((e: any) => e.node.node.key));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backwards).toEqual(forwards);
    // The document the portal sends is the one it generated.
    expect(print(client.ProgrammeActivitiesDocument)).toContain('activitiesConnection(');
  });
});
