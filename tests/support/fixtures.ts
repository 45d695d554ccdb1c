/** Copies of the valid fixture data set that a test may break on purpose. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';

export const VALID_FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/valid');

/** A temporary copy of the valid fixture, with `edit` applied to the text of some files. */
export function fixtureCopy(edits: Record<string, (text: string) => string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-fixture-'));
  for (const file of fs.readdirSync(VALID_FIXTURE)) {
    const text = fs.readFileSync(path.join(VALID_FIXTURE, file), 'utf8');
    fs.writeFileSync(path.join(dir, file), edits[file] ? edits[file](text) : text);
  }
  return dir;
}
