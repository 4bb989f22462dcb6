// Bundles the dashboard with esbuild into <out>/ (default target/classes/web, which the module's jar serves as
// web/ on the class path) and fails when the bundle, excluding the network-graph library's chunk, is over
// 300 KB gzipped (the budget of issue 14). Usage: node build.mjs [outDir]
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, 'target', 'classes', 'web');
const BUDGET = 300 * 1024;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  splitting: true, // the network view imports Cytoscape on demand: its own chunk
  format: 'esm',
  minify: true,
  sourcemap: false,
  target: ['chrome110', 'firefox110', 'safari16'],
  outdir: out,
  entryNames: 'app',
  chunkNames: 'chunk-[hash]',
  assetNames: 'asset-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));

let total = 0;
const lines = [];
for (const [file, meta] of Object.entries(result.metafile.outputs)) {
  const graph = Object.keys(meta.inputs).some((i) => i.includes('node_modules/cytoscape/'));
  const gz = gzipSync(readFileSync(file)).length;
  lines.push(`${file.replace(out + '/', '')}\t${gz}\t${graph ? 'network-graph library (excluded)' : ''}`);
  if (!graph) total += gz;
}
total += gzipSync(readFileSync(join(out, 'index.html'))).length;
writeFileSync(join(out, 'bundle-sizes.txt'), lines.join('\n') + `\ntotal gzipped excluding the graph library\t${total}\n`);
if (total > BUDGET) {
  console.error(`dashboard: the bundle is ${total} bytes gzipped (excluding Cytoscape); the budget is ${BUDGET}`);
  process.exit(1);
}
console.log(`dashboard: bundle ${total} bytes gzipped (budget ${BUDGET}) in ${out}`);
