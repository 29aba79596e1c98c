// Bundles each page's module with esbuild into dist/ and copies the HTML and CSS beside it, so
// dist/ can be served by any static server (or by server.mjs, which adds the two endpoints).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const src = new URL('./src/', import.meta.url);
const dist = new URL('./dist/', import.meta.url);

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const started = performance.now();
await build({
  entryPoints: ['fields', 'headless'].map((name) => new URL(`${name}.ts`, src).pathname),
  outdir: dist.pathname,
  bundle: true,
  format: 'esm',
  splitting: true, // the two pages share the core's chunk
  chunkNames: 'chunks/[name]-[hash]',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
for (const file of ['index.html', 'fields.html', 'headless.html', 'style.css', 'favicon.svg']) await copyFile(new URL(file, src), new URL(file, dist));
console.log(`examples/custom-flow: dist/ built in ${Math.round(performance.now() - started)} ms`);
