// Where the load time of an Intake page goes, for comparing builds of intake.js (A/B) in headless
// Debian Chromium. The benchmark pages of bench/pages (plain HTML and Intake, same form), fresh
// loads interleaved (plain, A, B, …, rotating), and in the Intake pages hooks installed before any
// script runs: `customElements.define` is wrapped so the form's and each field's `performUpdate`
// are timed (a field's first update apart, by field type). Nothing in the page changes otherwise.
//
//   node bench/load-phases.mjs [--size 30|200] [--runs 15] [--form form.json] a/intake.js [b/intake.js …]
//
// Each intake.js is served with the data files of its folder (data-files.json), as a site serves them.
//
// Prints, per script: navigation → interactive (median, mean ± standard error, and ÷ plain),
// the time to `customElements.define`, the form's own updates, the fields' updates, and the first
// update of each field type (sums per load, medians over loads). `--form` times a form of your own
// (every field counted as shown), e.g. 50 fields of one type to time that type alone.
import { readFile } from 'node:fs/promises';
import { launchChromium, loadPages, median, serveFiles } from './support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = option('--size', '200');
const runs = Math.max(1, Number(option('--runs', 15)) || 15);
const formFile = option('--form', undefined);
const scripts = args.filter((arg, i) => !arg.startsWith('--') && !['--size', '--runs', '--form'].includes(args[i - 1]));
if (scripts.length === 0) throw new Error('Give one or more builds of intake.js, e.g. packages/embed/dist/intake.js');

const { benchForms, intakePage, plainPage, plainFormCss, plainFormScript } = await loadPages();
let bench = benchForms()[size];
if (!bench) throw new Error(`unknown --size ${size} (known: 30, 200)`);
if (formFile) {
  const form = JSON.parse(await readFile(formFile, 'utf8'));
  bench = { ...bench, form, visible: form.fields.filter((f) => f.type !== 'hidden').map((f) => f.name), textField: form.fields[0].name };
}

const files = {
  '/plain.js': { type: 'text/javascript', body: plainFormScript },
  '/plain.css': { type: 'text/css', body: plainFormCss },
  '/plain.html': { type: 'text/html; charset=utf-8', body: plainPage(bench, { script: '/plain.js', style: '/plain.css' }) },
};
for (const [i, script] of scripts.entries()) {
  files[`/v${i}/intake.js`] = { type: 'text/javascript', body: await readFile(script) };
  files[`/v${i}.html`] = { type: 'text/html; charset=utf-8', body: intakePage(bench, `/v${i}/intake.js`) };
  // The data files it loads on demand (phone, region), from beside it, as the benchmark serves them.
  const dir = new URL('./', new URL(script, `file://${process.cwd()}/`));
  for (const file of Object.values(JSON.parse(await readFile(new URL('data-files.json', dir), 'utf8')))) {
    files[`/v${i}/${file}`] = { type: 'text/javascript', body: await readFile(new URL(file, dir)) };
  }
}
const { server, origin } = await serveFiles(files);
const browser = await launchChromium();

/** Installed before the page's scripts: times the elements' updates through `customElements.define`. */
function hooks() {
  const times = { formUpdates: 0, fieldUpdates: 0, firstByType: {} };
  window.__phases = times;
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    times.defineAt ??= performance.now();
    const proto = constructor.prototype;
    const update = proto.performUpdate;
    if (name === 'intake-field') {
      proto.performUpdate = function (...rest) {
        const start = performance.now();
        const first = !this.hasUpdated;
        try {
          return update.apply(this, rest);
        } finally {
          const ms = performance.now() - start;
          times.fieldUpdates += ms;
          if (first && !this.hidden) times.firstByType[this.field?.type ?? '?'] = (times.firstByType[this.field?.type ?? '?'] ?? 0) + ms;
        }
      };
    }
    if (name === 'intake-form') {
      proto.performUpdate = function (...rest) {
        const start = performance.now();
        const fieldsBefore = times.fieldUpdates;
        try {
          return update.apply(this, rest);
        } finally {
          times.formUpdates += performance.now() - start - (times.fieldUpdates - fieldsBefore);
        }
      };
    }
    return define(name, constructor, options);
  };
}

const pages = ['/plain.html', ...scripts.map((_, i) => `/v${i}.html`)];
const samples = Object.fromEntries(pages.map((page) => [page, []]));
for (let run = 0; run < runs; run++) {
  for (let j = 0; j < pages.length; j++) {
    const url = pages[(j + run) % pages.length];
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setCacheEnabled(false);
    await page.setViewport({ width: 1280, height: 900 });
    if (url !== '/plain.html') await page.evaluateOnNewDocument(hooks);
    await page.goto(origin + url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench !== undefined, { timeout: 60_000 });
    const sample = await page.evaluate(() => ({ ...window.__bench, phases: window.__phases }));
    if (errors.length || sample.fields !== bench.visible.length) throw new Error(`${url}: ${sample.fields} fields of ${bench.visible.length}; ${errors.join('; ')}`);
    samples[url].push(sample);
    await page.close();
  }
}
await browser.close();
server.close();

const meanError = (values) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return `${mean.toFixed(1)} ± ${(sd / Math.sqrt(values.length)).toFixed(1)}`;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const plain = median(samples['/plain.html'].map((s) => s.ready));
console.log(`${formFile ?? `${size}-field form`} (${bench.visible.length} shown), ${runs} interleaved fresh loads each`);
console.log(`plain HTML: navigation → interactive ${ms(plain)} (mean ${meanError(samples['/plain.html'].map((s) => s.ready))})`);
for (const [i, script] of scripts.entries()) {
  const all = samples[`/v${i}.html`];
  const phase = (pick) => median(all.map((s) => pick(s.phases)));
  const ready = median(all.map((s) => s.ready));
  const types = [...new Set(all.flatMap((s) => Object.keys(s.phases.firstByType)))];
  console.log(`\n${script}`);
  console.log(`  navigation → interactive ${ms(ready)} (${(ready / plain).toFixed(2)}x plain; mean ${meanError(all.map((s) => s.ready))})`);
  console.log(`  customElements.define at ${ms(phase((p) => p.defineAt))}; the form's updates ${ms(phase((p) => p.formUpdates))}; the fields' updates ${ms(phase((p) => p.fieldUpdates))}`);
  console.log(`  first update by field type: ${types.map((type) => `${type} ${ms(phase((p) => p.firstByType[type] ?? 0))}`).join(', ')}`);
}
