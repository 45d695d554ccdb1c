/**
 * `npm run build:web`: bundles the explorer (web/src) and the GraphQL IDE (web/graphiql) with esbuild into
 * web/dist, content-hashed under assets/ so the API can cache them for a year, and writes the two HTML
 * pages that name them. Prints each asset's size, raw and gzipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const WEB = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.join(WEB, 'dist');

interface Page {
  file: string;
  title: string;
  entry: string;
}

const PAGES: Page[] = [
  { file: 'index.html', title: 'CMS–CITES cooperation graph explorer', entry: 'src/main.ts' },
  { file: 'graphiql.html', title: 'GraphiQL – CMS–CITES cooperation graph', entry: 'graphiql/main.ts' },
];

function html(title: string, script: string, styles: string[]): string {
  const links = styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <link rel="icon" href="data:,">
    ${links}
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${script}"></script>
  </body>
</html>
`;
}

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<{ file: string; bytes: number; gzipBytes: number }[]> {
  fs.rmSync(DIST, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: WEB,
    entryPoints: Object.fromEntries(PAGES.map((p) => [path.basename(p.file, '.html'), p.entry])),
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    sourcemap: 'linked',
    target: ['es2022'],
    outdir: path.join(DIST, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.svg': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  for (const page of PAGES) {
    const name = path.basename(page.file, '.html');
    const js = outputs.find(([, o]) => o.entryPoint === page.entry)?.[0];
    if (!js) throw new Error(`esbuild produced no bundle for ${page.entry}`);
    const css = outputs.filter(([file]) => file.endsWith('.css') && path.basename(file).startsWith(`${name}-`)).map(([file]) => file);
    const url = (file: string) => `/assets/${path.basename(file)}`;
    fs.writeFileSync(path.join(DIST, page.file), html(page.title, url(js), css.map(url)));
  }
  const sizes = outputs
    .filter(([file]) => !file.endsWith('.map') && !file.endsWith('.LEGAL.txt'))
    .map(([file]) => {
      const content = fs.readFileSync(path.join(WEB, file));
      return { file: path.relative(WEB, path.join(WEB, file)), bytes: content.length, gzipBytes: gzipSync(content).length };
    });
  if (!options.quiet) {
    for (const s of sizes) console.log(`${s.file.padEnd(48)} ${(s.bytes / 1024).toFixed(1).padStart(8)} KiB  ${(s.gzipBytes / 1024).toFixed(1).padStart(7)} KiB gzipped`);
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
