/**
 * docs/architecture.md's map stays true: every path it names exists, and every source file, schema file
 * and Cypher folder is in it, so a newcomer finds any capability by reading one table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';

const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/architecture.md'), 'utf8');
const map = doc.slice(doc.indexOf('| capability |'));
const named = new Set([...map.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter((p) => p.includes('/')));

const files = (dir: string, pattern: RegExp): string[] =>
  fs
    .readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.relative(PROJECT_ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

describe('docs/architecture.md', () => {
  it('names only paths that exist', () => {
    const missing = [...named].filter((p) => !p.includes('*') && !fs.existsSync(path.join(PROJECT_ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('maps every source file, every schema file and every Cypher folder', () => {
    const sources = files('src', /\.ts$/).filter((f) => !f.endsWith('.test.ts'));
    const schemas = files('schema', /\.graphql$/);
    const cypherDirs = [...new Set(files('cypher', /\.(cypher|fragment)$/).map((f) => `${path.dirname(f)}/`))];
    const unmapped = [...sources, ...schemas, ...cypherDirs].filter((p) => !named.has(p));
    expect(unmapped).toEqual([]);
  });
});
