/** The explorer's build, for tests that serve it: `npm test` builds it first (pretest); a lone test file builds it when missing. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { WEB_DIST } from '../../src/web/route.js';

export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html')) && fs.existsSync(path.join(WEB_DIST, 'graphiql.html'))) return;
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(PROJECT_ROOT, 'web/build.ts')], {
    stdio: 'inherit',
    cwd: PROJECT_ROOT,
  });
}
