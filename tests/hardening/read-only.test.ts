/** The API cannot change the graph: it holds only a reader, and Neo4j refuses a write in its read path. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { sharedDatabase } from '../support/db.js';

const db = sharedDatabase();
afterAll(() => db.close());

describe('read-only by construction', () => {
  it('a write statement sent through the read path is refused by Neo4j, and nothing changes', async () => {
    const before = await db.read<{ dataHash: string }>('about/dataVersion');
    const error = await db.read('load/writeMeta', { dataHash: 'written-by-the-api', loadedAt: 'now', nodeCount: 0, relationshipCount: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeTruthy();
    expect(String((error as Error).message)).toMatch(/[Ww]rit(e|ing) .*(read|READ)/);
    expect(await db.read('about/dataVersion')).toEqual(before);
  });

  it('only the loader and the driver wrapper call write methods', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const relative = path.relative(PROJECT_ROOT, file);
          if (relative.startsWith('src/ingest/') || relative === 'src/db/database.ts') continue;
          const text = fs.readFileSync(file, 'utf8');
          if (/\b(db|database)\.write\(|inWriteTransaction\(|executeWrite\(|beginTransaction\(/.test(text)) offenders.push(relative);
        }
      }
    };
    walk(path.join(PROJECT_ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
