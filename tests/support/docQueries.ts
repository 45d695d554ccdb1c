/** The example queries of docs/queries.md: every ```graphql block, named by its operation. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export function docQueries(): Map<string, string> {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'docs/queries.md'), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return new Map(
    blocks.map((block) => {
      const name = /^(?:query|mutation)\s+(\w+)/m.exec(block)?.[1];
      if (!name) throw new Error(`docs/queries.md has an unnamed query:\n${block}`);
      return [name, block];
    }),
  );
}
