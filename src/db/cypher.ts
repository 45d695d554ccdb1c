/**
 * Every Cypher statement the program runs is a file under cypher/, named by its path without extension
 * ("load/mergeNodes"). They are read once, on first use, and looked up by name. A statement may include a
 * shared fragment (cypher/<dir>/<name>.fragment) with {{name}}, so that pages and counts filter alike, and a
 * ceiling of src/model/ceilings.ts ({{maxHops}}) where Cypher takes no parameter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.js';
import { withCeilings } from '../model/ceilings.js';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');

let statements: Map<string, string> | undefined;

function readAll(dir: string, extension: string): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry): [string, string][] => {
    if (!entry.isFile() || !entry.name.endsWith(extension)) return [];
    const file = path.join(entry.parentPath, entry.name);
    const text = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n')
      .trim();
    const name = path.relative(CYPHER_DIR, file).split(path.sep).join('/').slice(0, -extension.length);
    return [[name, text]];
  });
}

/** Replaces {{fragment}} by its text, itself expanded (a fragment may include another), and the ceilings. */
function expandFragments(name: string, text: string, fragments: Map<string, string>, depth = 0): string {
  if (depth > 5) throw new Error(`cypher/${name}.cypher: fragments include each other in a loop`);
  return withCeilings(text).replace(/\{\{(\w+)\}\}/g, (_match, fragment: string) => {
    const found = [...fragments].find(([key]) => key.endsWith(`/${fragment}`) || key === fragment);
    if (!found) throw new Error(`cypher/${name}.cypher includes {{${fragment}}} but no ${fragment}.fragment exists`);
    return expandFragments(name, found[1], fragments, depth + 1);
  });
}

export function allCypher(): ReadonlyMap<string, string> {
  if (!statements) {
    const fragments = new Map(readAll(CYPHER_DIR, '.fragment'));
    statements = new Map(readAll(CYPHER_DIR, '.cypher').map(([name, text]) => [name, expandFragments(name, text, fragments)]));
  }
  return statements;
}

/** The text of cypher/<name>.cypher; throws at once for a name with no file. */
export function cypher(name: string): string {
  const text = allCypher().get(name);
  if (text === undefined) throw new Error(`No Cypher statement named "${name}" (expected cypher/${name}.cypher)`);
  return text;
}
