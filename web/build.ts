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
  /** Split lazily imported modules into their own files (the explorer loads Cytoscape.js only to draw). */
  splitting: boolean;
}

const PAGES: Page[] = [
  { file: 'index.html', title: 'CMS–CITES cooperation graph explorer', entry: 'src/main.ts', splitting: true },
  { file: 'graphiql.html', title: 'GraphiQL – CMS–CITES cooperation graph', entry: 'graphiql/main.ts', splitting: false },
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

export interface AssetSize {
  page: string;
  file: string;
  /** Loaded with the page, or later when a view needs it. */
  initial: boolean;
  bytes: number;
  gzipBytes: number;
}

export async function buildWeb(options: { quiet?: boolean } = {}): Promise<AssetSize[]> {
  fs.rmSync(DIST, { recursive: true, force: true });
  const sizes: AssetSize[] = [];
  for (const page of PAGES) {
    const name = path.basename(page.file, '.html');
    const result = await esbuild.build({
      absWorkingDir: WEB,
      entryPoints: { [name]: page.entry },
      bundle: true,
      format: 'esm',
      splitting: page.splitting,
      minify: true,
      sourcemap: 'linked',
      target: ['es2022'],
      outdir: path.join(DIST, 'assets'),
      entryNames: '[name]-[hash]',
      assetNames: '[name]-[hash]',
      chunkNames: `${name}-chunk-[hash]`,
      loader: { '.woff2': 'file', '.woff': 'file', '.svg': 'file' },
      define: { 'process.env.NODE_ENV': '"production"' },
      metafile: true,
      legalComments: 'linked',
      logLevel: 'warning',
    });
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map') && !file.endsWith('.LEGAL.txt'));
    const js = outputs.find(([, o]) => o.entryPoint === page.entry);
    if (!js) throw new Error(`esbuild produced no bundle for ${page.entry}`);
    const css = outputs.filter(([file]) => file.endsWith('.css')).map(([file]) => file);
    const url = (file: string) => `/assets/${path.basename(file)}`;
    fs.writeFileSync(path.join(DIST, page.file), html(page.title, url(js[0]), css.map(url)));
    // Loaded with the page: the entry, its CSS and the chunks it imports statically.
    const initial = new Set([js[0], ...css, ...js[1].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)]);
    for (const [file] of outputs) {
      const content = fs.readFileSync(path.join(WEB, file));
      sizes.push({
        page: page.file,
        file: path.relative(WEB, path.join(WEB, file)),
        initial: initial.has(file),
        bytes: content.length,
        gzipBytes: gzipSync(content).length,
      });
    }
  }
  if (!options.quiet) {
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    for (const page of PAGES) {
      const own = sizes.filter((s) => s.page === page.file);
      for (const s of own)
        console.log(
          `${s.file.padEnd(44)} ${kib(s.bytes).padStart(11)} ${kib(s.gzipBytes).padStart(11)} gzipped${s.initial ? '' : '  (loaded on demand)'}`,
        );
      const sum = (list: AssetSize[]) => kib(list.reduce((n, s) => n + s.gzipBytes, 0));
      console.log(`${page.file}: ${sum(own.filter((s) => s.initial))} gzipped with the page, ${sum(own)} in all\n`);
    }
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWeb().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
