// What the browser benchmarks share (bench/browser-bench.mjs, bench/load-phases.mjs): the pages of
// bench/pages built from TypeScript, a local server for them, Debian's Chromium, the median.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

/** The module of bench/pages (the forms and each contender's page), built with esbuild. */
export async function loadPages() {
  const dir = await mkdtemp(join(tmpdir(), 'intake-bench-pages-'));
  try {
    await build({
      entryPoints: [fileURLToPath(new URL('./pages/index.ts', import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: join(dir, 'pages.mjs'),
      logLevel: 'warning',
    });
    return await import(join(dir, 'pages.mjs'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Serves `files` (URL path → `{ type, body }`) on 127.0.0.1, uncached. The pages are cross-origin
 * isolated: they get a 5 µs `performance.now()` instead of 100 µs (every file is same-origin).
 */
export async function serveFiles(files) {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url, 'http://x').pathname];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    response.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Headless Debian Chromium (`CHROME_PATH` or /usr/bin/chromium), never a downloaded browser. */
export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The median of the defined values, or `undefined` when there are none. */
export function median(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
