import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { GENERATED_FROM_MODEL } from '../src/model/writeGenerated.js';
import codegenConfig from '../codegen.js';

describe('generated code', () => {
  it.each(Object.keys(GENERATED_FROM_MODEL))('%s matches the model and schema/ (run `npm run codegen`)', (file) => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
    expect(committed, `${file} is stale: run npm run codegen`).toBe(GENERATED_FROM_MODEL[file]!());
  });

  it('resolver types match the SDL (run `npm run codegen` after changing the SDL)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: PROJECT_ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = fs.readFileSync(path.join(PROJECT_ROOT, output.filename), 'utf8');
      expect(committed, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  });
});
