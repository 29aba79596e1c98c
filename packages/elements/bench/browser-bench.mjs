// Browser benchmark of the elements, in headless Debian Chromium (never a downloaded browser).
// For the 30-field preset and a generated 200-field form it measures, on fresh page loads with the
// cache disabled: navigation start → interactive form, for Intake and for a plain hand-written
// HTML form of the same fields; and, at 200 fields, the cost of one keystroke (input event →
// every update rendered) and whether a keystroke re-renders the whole form.
//
//   node packages/elements/bench/browser-bench.mjs [--runs 7] [--write]
//
// --write replaces the elements section of docs/BENCHMARKS.md with the table.
import { build } from 'esbuild';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const root = new URL('../../../', import.meta.url);
const dir = await mkdtemp(join(tmpdir(), 'intake-bench-'));

await build({
  entryPoints: [new URL('../src/define.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  outfile: join(dir, 'intake.js'),
  logLevel: 'warning',
});
await build({
  entryPoints: [new URL('./pages.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: join(dir, 'pages.mjs'),
  logLevel: 'warning',
});
const { benchForms, intakePage, plainPage } = await import(join(dir, 'pages.mjs'));
const forms = benchForms();
const pages = {};
for (const [size, form] of Object.entries(forms)) {
  pages[`intake-${size}.html`] = intakePage(form, './intake.js');
  pages[`plain-${size}.html`] = plainPage(form);
}
for (const [name, html] of Object.entries(pages)) await writeFile(join(dir, name), html);
const bundle = await readFile(join(dir, 'intake.js'));

const server = createServer(async (request, response) => {
  const name = new URL(request.url, 'http://x').pathname.slice(1);
  try {
    const body = await readFile(join(dir, name));
    response.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function load(name) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench !== undefined, { timeout: 30_000 });
  const ready = await page.evaluate(() => window.__bench.ready);
  return { page, ready };
}

async function keystrokes(page, count = 200) {
  return page.evaluate(async (count) => {
    const form = document.querySelector('intake-form');
    const field = [...form.shadowRoot.querySelectorAll('intake-field')].find((f) => f.field?.type === 'text' && !f.hidden);
    const input = field.renderRoot.querySelector('input');
    let renders = 0;
    const render = form.render;
    form.render = function () {
      renders += 1;
      return render.call(this);
    };
    const times = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      input.value = `Acme ${'x'.repeat(i % 7)}`;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'x' }));
      await field.updateComplete;
      await form.updateComplete;
      times.push(performance.now() - start);
    }
    form.render = render;
    times.sort((a, b) => a - b);
    return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], formRenders: renders };
  }, count);
}

// Interleaved: every run loads each page once, so a busy moment of the machine hits all alike.
const samples = {};
let keys;
for (let run = 0; run < runs; run++) {
  for (const size of Object.keys(forms)) {
    for (const kind of ['plain', 'intake']) {
      const { page, ready } = await load(`${kind}-${size}.html`);
      (samples[`${kind}-${size}`] ??= []).push(ready);
      if (kind === 'intake' && size === '200' && run === runs - 1) keys = await keystrokes(page);
      await page.close();
    }
  }
}
const results = Object.fromEntries(Object.entries(samples).map(([name, all]) => [name, { ready: median(all), all }]));
await browser.close();
server.close();

const version = (await readFile(new URL('node_modules/.pnpm/lock.yaml', root)).catch(() => '')) && '';
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = Object.keys(forms).map((size) => {
  const plain = results[`plain-${size}`].ready;
  const intake = results[`intake-${size}`].ready;
  return `| ${size} fields | ${fmt(plain)} | ${fmt(intake)} | ${(intake / plain).toFixed(2)}x |`;
});
const table = [
  `Bundle: \`intake.js\` (esbuild, minified ESM, lit + @intake/core + elements) ${(bundle.length / 1024).toFixed(1)} KB, ${(gzipSync(bundle, { level: 9 }).length / 1024).toFixed(1)} KB gzip.`,
  '',
  `Navigation start → interactive form (median of ${runs} fresh loads, cache disabled; "interactive" = every field rendered, then one frame):`,
  '',
  '| form | plain HTML | Intake | ratio |',
  '|---|---:|---:|---:|',
  ...rows,
  '',
  `One keystroke at 200 fields (input event → field and form updates rendered; ${200} keystrokes): median ${keys.median.toFixed(3)} ms, p95 ${keys.p95.toFixed(3)} ms; whole-form re-renders during them: ${keys.formRenders}.`,
].join('\n');
console.log(table);
console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${(await browser.version?.().catch?.(() => '')) ?? ''}`);
console.log(JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.all.map((t) => +t.toFixed(1))]))));
if (args.includes('--write')) {
  const file = new URL('docs/BENCHMARKS.md', root);
  const doc = await readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const start = '<!-- elements-bench:start -->';
  const end = '<!-- elements-bench:end -->';
  const section = `${start}\n${table}\n${end}`;
  const next = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), section) : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
void version;
