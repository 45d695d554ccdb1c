import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_DOC, modelDoc } from '../src/model/modelDoc.js';

describe('docs/model.md', () => {
  it('matches src/model/model.ts (run `npm run docs:model` after changing the model)', () => {
    expect(fs.readFileSync(MODEL_DOC, 'utf8')).toBe(modelDoc());
  });
});
