// The peer benchmark, in headless Debian Chromium (never a downloaded browser): the same forms
// rendered by Intake (the shipped packages/embed/dist/intake.js), by a plain hand-written HTML form
// (with a small validation script) and by SurveyJS (survey-core + survey-js-ui, default theme).
//
// Forms: the 30-field crm-lead preset and a generated 200-field form, every field on one page for
// all three; plus, as an extra row, the preset with its 5 steps (Intake) / 5 pages (SurveyJS).
// For each contender and form, on fresh page loads with the cache disabled, the runs interleaved
// (every run loads every page once, in a rotating order) so a busy moment hits all alike:
//   - bytes: the JS and CSS the page loads, gzipped (level 9);
//   - navigation start → interactive form: every field visible on the empty form has its control
//     in the DOM, the first control takes focus, then one animation frame and one task;
//   - one keystroke: an `input` event on the first text field → the contender's updates flushed
//     (one task) and laid out; the model is checked to hold the typed value (median per load);
//   - a full validation of the empty form, as an empty submit: the contender's own submit button
//     clicked (its handler validates, shows every error and focuses the first invalid field) →
//     every required error rendered, laid out;
//   - fixing an error: then, with every error showing, 20 characters typed one by one into the
//     first required email field (else text field without a pattern), each keystroke as above;
//     the total time.
// Medians over the runs; ratios against the plain form.
//
//   node bench/browser-bench.mjs [--runs 9] [--sizes 30,200] [--keys 40] [--no-steps] [--write] [--json]
//                                [--baseline dir] [--accessible-plain]
//
// --baseline adds a 4th contender, "Intake (baseline)": the intake.js (and its data files) in that
// directory, e.g. a copy of main's packages/embed/dist, to compare a change with it in one run.
//
// --accessible-plain adds "plain HTML, accessible": the plain form written by hand with what Intake
// draws for accessibility (required text, help, live error regions, an error summary kept up to
// date; bench/pages/plain-form.ts), as a reference in a table of its own. The targets stay
// against the plain form.
//
// --write replaces the "Peers" section of docs/BENCHMARKS.md; --json prints the results as one
// JSON line (prefixed `BENCH_JSON `) for the smoke test (test/node/peer-bench.test.ts).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, loadPages, median, serveFiles } from './support.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Math.max(1, Number(option('--runs', 9)) || 9);
const sizes = String(option('--sizes', '30,200')).split(',');
const keyCount = Math.max(1, Number(option('--keys', 40)) || 40);
const withSteps = !args.includes('--no-steps') && sizes.includes('30');
const root = new URL('../', import.meta.url);
const baseline = option('--baseline', undefined);
const accessiblePlain = args.includes('--accessible-plain');
const loadAtStart = loadavg()[0];
if (args.includes('--write') && baseline) throw new Error('--write measures the built intake.js alone: leave out --baseline.');
if (args.includes('--write') && runs < 7) throw new Error('--write needs medians of at least 7 runs (--runs 7 or more).');
const path = (relative) => fileURLToPath(new URL(relative, root));

const intakeScript = path('packages/embed/dist/intake.js');
if (!existsSync(intakeScript)) throw new Error(`${intakeScript} is missing: run \`pnpm build\` first.`);

// The pages are built in TypeScript (bench/pages) from the same form definitions.
const { accessiblePlainCss, accessiblePlainScript, benchForms, intakePage, plainPage, plainFormCss, plainFormScript, surveyJsPage } = await loadPages();

const allForms = benchForms();
const formKeys = [...sizes, ...(withSteps ? ['30-steps'] : [])];
for (const key of formKeys) if (!allForms[key]) throw new Error(`unknown form size ${key} (known: 30, 200)`);

// What the server answers: the contenders' files read now (whatever `pnpm build` left there).
const files = {
  '/intake.js': { type: 'text/javascript', body: await readFile(intakeScript) },
  // The data files intake.js loads on demand from beside itself (the phone check), served as a site would.
  ...Object.fromEntries(
    await Promise.all(
      Object.values(JSON.parse(await readFile(path('packages/embed/dist/data-files.json'), 'utf8'))).map(async (file) => [`/${file}`, { type: 'text/javascript', body: await readFile(path(`packages/embed/dist/${file}`)) }]),
    ),
  ),
  '/survey.core.min.js': { type: 'text/javascript', body: await readFile(new URL('./node_modules/survey-core/survey.core.min.js', import.meta.url)) },
  '/survey-js-ui.min.js': { type: 'text/javascript', body: await readFile(new URL('./node_modules/survey-js-ui/survey-js-ui.min.js', import.meta.url)) },
  '/survey-core.min.css': { type: 'text/css', body: await readFile(new URL('./node_modules/survey-core/survey-core.min.css', import.meta.url)) },
  '/plain.js': { type: 'text/javascript', body: Buffer.from(plainFormScript) },
  '/plain.css': { type: 'text/css', body: Buffer.from(plainFormCss) },
  '/a11y.js': { type: 'text/javascript', body: Buffer.from(accessiblePlainScript) },
  '/a11y.css': { type: 'text/css', body: Buffer.from(accessiblePlainCss) },
};
const surveyVersion = JSON.parse(await readFile(new URL('./node_modules/survey-core/package.json', import.meta.url), 'utf8')).version;
const contenders = ['plain', 'intake', 'surveyjs'];
const names = { plain: 'plain HTML', intake: 'Intake', surveyjs: 'SurveyJS', base: 'Intake (baseline)', a11y: 'plain HTML, accessible' };
if (baseline) {
  const dir = (file) => fileURLToPath(new URL(file, new URL(`${baseline.replace(/\/?$/, '/')}`, `file://${process.cwd()}/`)));
  files['/base/intake.js'] = { type: 'text/javascript', body: await readFile(dir('intake.js')) };
  for (const file of Object.values(JSON.parse(await readFile(dir('data-files.json'), 'utf8')))) files[`/base/${file}`] = { type: 'text/javascript', body: await readFile(dir(file)) };
}
const pages = [];
for (const key of formKeys) {
  const bench = allForms[key];
  const html = {
    plain: bench.stepped ? undefined : plainPage(bench, { script: '/plain.js', style: '/plain.css' }),
    intake: intakePage(bench, '/intake.js'),
    surveyjs: surveyJsPage(bench, { core: '/survey.core.min.js', ui: '/survey-js-ui.min.js', style: '/survey-core.min.css' }),
    base: baseline ? intakePage(bench, '/base/intake.js') : undefined,
    a11y: accessiblePlain && !bench.stepped ? plainPage(bench, { script: '/a11y.js', style: '/a11y.css' }, true) : undefined,
  };
  for (const kind of [...contenders, 'base', 'a11y']) {
    if (!html[kind]) continue;
    files[`/${kind}-${key}.html`] = { type: 'text/html; charset=utf-8', body: Buffer.from(html[kind]) };
    pages.push({ kind, key, url: `/${kind}-${key}.html`, bench });
  }
}

const { server, origin } = await serveFiles(files);
const browser = await launchChromium();
const gzip = (body) => gzipSync(body, { level: 9 }).length;

/** One fresh load: time to interactive, the files it loaded, then a keystroke and a validation run. */
async function measure({ url, bench }) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const loaded = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
  try {
    await page.setCacheEnabled(false);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${origin}${url}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench !== undefined, { timeout: 60_000 });
    const ready = await page.evaluate(() => ({ ...window.__bench, isolated: crossOriginIsolated }));
    const sample = { ...ready, loaded: [...new Set(loaded)] };
    if (!bench.stepped) {
      sample.keys = await page.evaluate(keystrokes, keyCount, bench.textField);
      const cdp = await page.target().createCDPSession();
      await cdp.send('Performance.enable');
      const cpu = async (run) => {
        const before = await threadTime(cdp);
        const result = await run();
        return { ...result, cpu: (await threadTime(cdp)) - before };
      };
      sample.validation = await cpu(() => page.evaluate(validation, bench.required.length));
      sample.fix = await cpu(() => page.evaluate(fixError, bench.errorField, bench.form.fields.find((f) => f.name === bench.errorField).type === 'email'));
    }
    if (errors.length) sample.pageErrors = errors;
    return sample;
  } finally {
    await page.close();
  }
}

/**
 * The CPU time the page's main thread has used so far, in ms (Chromium's `ThreadTime` metric).
 * Unlike a clock around the work, it does not count time the thread waited while other processes
 * of this shared machine ran, so it is the "main-thread time" a change is judged by.
 */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ThreadTime').value * 1000;
}

// Runs in the page. The same code for every contender: it only talks to window.__driver.
async function keystrokes(count, name) {
  const driver = window.__driver;
  const input = driver.textControl();
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const type = async (value) => {
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.slice(-1) || null }));
    await task();
    void document.body.offsetHeight;
    return performance.now() - start;
  };
  const renders = driver.formRenders?.() ?? 0;
  const times = [];
  let modelMisses = 0;
  for (let i = 0; i < count; i++) {
    const value = `Acme ${'x'.repeat((i % 7) + 1)}`;
    times.push(await type(value));
    if (driver.value(name) !== value) modelMisses += 1;
  }
  const formRenders = (driver.formRenders?.() ?? renders) - renders;
  await type(''); // back to an empty form for the validation
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], modelMisses, formRenders };
}

// Runs in the page: submits the (empty) form and waits until every expected error is rendered.
async function validation(expected) {
  const driver = window.__driver;
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const start = performance.now();
  driver.validate();
  let ms;
  let errors = 0;
  for (let i = 0; i < 200; i++) {
    await task();
    void document.body.offsetHeight;
    ms = performance.now() - start;
    errors = driver.errors();
    if (errors >= expected) break;
  }
  return { ms, errors, expected };
}

// Runs in the page, after validation(): every error shows. Types 20 characters one by one into the
// field `name` (a valid email address at the end when `email`), each keystroke as in keystrokes();
// the total time, and whether the field showed an error at the start and the model got the text.
async function fixError(name, email) {
  const driver = window.__driver;
  const input = driver.control(name);
  const task = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const text = email ? 'jane.doe@example.com' : 'Acme Trading Company';
  const errorsBefore = driver.errors();
  let total = 0;
  for (let i = 1; i <= text.length; i++) {
    const value = text.slice(0, i);
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value.slice(-1) }));
    await task();
    void document.body.offsetHeight;
    total += performance.now() - start;
  }
  return { ms: total, reached: driver.value(name) === text, fixed: driver.errors() === errorsBefore - 1 };
}

// Interleaved runs, each in a rotated order of the pages.
const samples = Object.fromEntries(pages.map((p) => [p.url, []]));
for (let run = 0; run < runs; run++) {
  const order = pages.map((_, i) => pages[(i + run) % pages.length]);
  for (const p of order) samples[p.url].push(await measure(p));
  process.stderr.write(`run ${run + 1}/${runs} done\n`);
}
const chromium = await browser.version();
await browser.close();
server.close();

// Summaries per page.
const results = {};
for (const p of pages) {
  const all = samples[p.url];
  const first = all[0];
  const bytes = (type) => first.loaded.filter((f) => files[f]?.type === type).reduce((sum, f) => sum + gzip(files[f].body), 0);
  const raw = (type) => first.loaded.filter((f) => files[f]?.type === type).reduce((sum, f) => sum + files[f].body.length, 0);
  results[`${p.kind}-${p.key}`] = {
    kind: p.kind,
    form: p.key,
    expectedFields: p.bench.visible.length,
    fields: median(all.map((s) => s.fields)),
    focusable: all.every((s) => s.focusable),
    isolated: all.every((s) => s.isolated),
    jsGzip: bytes('text/javascript'),
    jsRaw: raw('text/javascript'),
    cssGzip: bytes('text/css'),
    ready: median(all.map((s) => s.ready)),
    readyAll: all.map((s) => +s.ready.toFixed(1)),
    keystroke: median(all.map((s) => s.keys?.median)),
    keystrokeP95: median(all.map((s) => s.keys?.p95)),
    modelMisses: all.reduce((sum, s) => sum + (s.keys?.modelMisses ?? 0), 0),
    formRenders: all.reduce((sum, s) => sum + (s.keys?.formRenders ?? 0), 0),
    validation: median(all.map((s) => s.validation?.ms)),
    validationCpu: median(all.map((s) => s.validation?.cpu)),
    fix: median(all.map((s) => s.fix?.ms)),
    fixCpu: median(all.map((s) => s.fix?.cpu)),
    fixMisses: all.filter((s) => s.fix && !(s.fix.reached && s.fix.fixed)).length,
    errors: median(all.map((s) => s.validation?.errors)),
    expectedErrors: p.bench.stepped ? undefined : p.bench.required.length,
    pageErrors: all.flatMap((s) => s.pageErrors ?? []),
  };
}

// The table.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value === undefined ? '—' : value < 1 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);
const ratio = (value, base) => (value === undefined || base === undefined ? '—' : `${(value / base).toFixed(2)}x`);
const r = (kind, key) => results[`${kind}-${key}`];
const lines = [];
const anyKey = sizes[0];
lines.push(
  `Bytes each page loads (gzip -9; the form definitions and the measuring hook not counted). Intake: \`packages/embed/dist/intake.js\` as built when the run started (${kb(r('intake', anyKey).jsRaw)} raw); SurveyJS: \`survey.core.min.js\` + \`survey-js-ui.min.js\` ${files['/survey.core.min.js'] && '2.5.38'} and the default theme \`survey-core.min.css\`; plain: its hand-written validation script and stylesheet.`,
  '',
  '| | plain HTML | Intake | SurveyJS | Intake ÷ plain | SurveyJS ÷ plain |',
  '|---|---:|---:|---:|---:|---:|',
);
for (const [label, field] of [['JS (gzip)', 'jsGzip'], ['CSS (gzip)', 'cssGzip']]) {
  const [p, i, s] = contenders.map((k) => r(k, anyKey)[field]);
  const size = (bytes) => (bytes === 0 ? '0 (styles inside the JS)' : kb(bytes));
  const part = (value) => (value === 0 ? '—' : ratio(value, p));
  lines.push(`| ${label} | ${size(p)} | ${size(i)} | ${size(s)} | ${part(i)} | ${part(s)} |`);
}
{
  const [p, i, s] = contenders.map((k) => r(k, anyKey).jsGzip + r(k, anyKey).cssGzip);
  lines.push(`| JS + CSS (gzip) | ${kb(p)} | ${kb(i)} | ${kb(s)} | ${ratio(i, p)} | ${ratio(s, p)} |`);
}
lines.push(
  '',
  `Times: medians of ${runs} fresh loads per page (cache disabled), interleaved. Keystroke: median over ${keyCount} keystrokes per load, then the median of those. Validation: an empty submit, each contender's own Send (Complete) button clicked (each validates, shows every error and focuses the first invalid field; Intake also shows its error summary) → all required errors rendered (the count is in brackets). Fix an error: then, every error showing, 20 characters typed one by one into the first required email field (\`jane.doe@example.com\`), else text field without a pattern (\`Acme Trading Company\`; in both forms here: the company name), each keystroke flushed and laid out like the one above; the total. Main-thread CPU time: the CPU the page's main thread used over the same validation or the same 20 keystrokes (Chromium's \`ThreadTime\`; the clock times above also count the time the thread waited for the CPU while other work ran on this 2-core machine).`,
  '',
  `| form | measure | plain HTML |${baseline ? ' Intake (baseline) |' : ''} Intake | SurveyJS |${baseline ? ' baseline ÷ plain |' : ''} Intake ÷ plain | SurveyJS ÷ plain |`,
  `|---|---|---:|${baseline ? '---:|' : ''}---:|---:|${baseline ? '---:|' : ''}---:|---:|`,
);
for (const key of sizes) {
  const [p, i, s] = contenders.map((k) => r(k, key));
  const b = baseline ? r('base', key) : undefined;
  const label = `${key} fields (${p.expectedFields} shown)`;
  const row = (measure, field, count) => {
    const cell = (res) => `${ms(res[field])}${count ? ` (${res[count]})` : ''}`;
    const base = b ? ` ${cell(b)} |` : '';
    const baseRatio = b ? ` ${ratio(b[field], p[field])} |` : '';
    lines.push(`| ${label} | ${measure} | ${cell(p)} |${base} ${cell(i)} | ${cell(s)} |${baseRatio} ${ratio(i[field], p[field])} | ${ratio(s[field], p[field])} |`);
  };
  row('navigation → interactive', 'ready');
  row('one keystroke', 'keystroke');
  row('full validation', 'validation', 'errors');
  row('full validation: main-thread CPU time', 'validationCpu');
  row('fix an error: 20 keystrokes, every error showing', 'fix');
  row('fix an error: main-thread CPU time', 'fixCpu');
}
if (withSteps) {
  const p = r('plain', '30');
  const [i, s] = ['intake', 'surveyjs'].map((k) => r(k, '30-steps'));
  lines.push(
    `| 30 fields in 5 steps (step 1: ${i.expectedFields} shown) | navigation → interactive | (${ms(p.ready)}, all ${p.expectedFields} on one page) | ${ms(i.ready)} | ${ms(s.ready)} | ${ratio(i.ready, p.ready)} | ${ratio(s.ready, p.ready)} |`,
  );
}
if (sizes.includes('200')) {
  const i = r('intake', '200');
  lines.push('', `Intake at 200 fields: keystroke p95 ${ms(i.keystrokeP95)}; whole-form re-renders during the ${keyCount * runs} keystrokes: ${i.formRenders}.`);
}
if (accessiblePlain) {
  lines.push(
    '',
    'Against the plain form written by hand with the same accessibility as Intake (`--accessible-plain`: required text, help texts, live error regions with an "Error:" prefix, an error summary kept up to date):',
    '',
    '| form | measure | plain HTML | plain HTML, accessible | Intake | accessible ÷ plain | Intake ÷ accessible |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const key of sizes) {
    const [p, a, i] = ['plain', 'a11y', 'intake'].map((k) => r(k, key));
    for (const [measure, field] of [['navigation → interactive', 'ready'], ['one keystroke', 'keystroke'], ['full validation: main-thread CPU time', 'validationCpu'], ['fix an error: main-thread CPU time', 'fixCpu']]) {
      lines.push(`| ${key} fields | ${measure} | ${ms(p[field])} | ${ms(a[field])} | ${ms(i[field])} | ${ratio(a[field], p[field])} | ${ratio(i[field], a[field])} |`);
    }
  }
}
const table = lines.join('\n');

// Checks that make a broken page visible instead of a fast number.
const problems = [];
for (const res of Object.values(results)) {
  const name = `${names[res.kind]} ${res.form}`;
  if (res.fields !== res.expectedFields) problems.push(`${name}: ${res.fields} fields rendered, expected ${res.expectedFields}`);
  if (!res.isolated) problems.push(`${name}: the page is not cross-origin isolated (coarse timer)`);
  if (!res.focusable) problems.push(`${name}: the first control did not take focus`);
  if (res.modelMisses) problems.push(`${name}: ${res.modelMisses} keystrokes did not reach the model`);
  if (res.expectedErrors !== undefined && res.errors !== res.expectedErrors) problems.push(`${name}: ${res.errors} errors rendered, expected ${res.expectedErrors}`);
  if (res.fixMisses) problems.push(`${name}: in ${res.fixMisses} loads the typed email did not reach the model or did not clear its error`);
  if (res.pageErrors.length) problems.push(`${name}: page errors: ${res.pageErrors.slice(0, 2).join('; ')}`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${chromium.replace('/', ' ')} (Debian, headless); Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
console.log(table);
const load = `1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (${cpus().length} cores; above that, other work shared the CPU)`;
console.log(`\nMachine: ${machine}. Date: ${date}. Runs: ${runs}. ${load}.`);
if (problems.length) console.log(`\nProblems:\n- ${problems.join('\n- ')}`);
if (args.includes('--json')) console.log(`BENCH_JSON ${JSON.stringify({ runs, sizes, machine, results, problems })}`);

if (args.includes('--write')) {
  const file = new URL('docs/BENCHMARKS.md', root);
  const doc = await readFile(file, 'utf8');
  const start = '<!-- peers-bench:start -->';
  const end = '<!-- peers-bench:end -->';
  const goal = (kind, key) => {
    const i = r('intake', key)[kind];
    const p = r('plain', key)[kind];
    const s = r('surveyjs', key)[kind];
    return `${ratio(i, p)} (${i / p <= 1.3 ? 'within' : 'not within'} 1.3x; ${i < s ? 'faster than' : 'slower than'} SurveyJS)`;
  };
  const goals = sizes.map((key) => `${key} fields: to interactive ${goal('ready', key)}, keystroke ${goal('keystroke', key)}, validation ${goal('validation', key)}, fixing an error ${goal('fix', key)}`);
  const section = [
    start,
    `Measured ${date} with \`pnpm bench\` (\`node bench/browser-bench.mjs --runs ${runs} --write\`). Machine: ${machine}; ${load}.`,
    ...(problems.length ? ['', `**Problems seen in this run:** ${problems.join('; ')}.`] : []),
    '',
    table,
    '',
    `Goal (issue 5: the smallest and fastest of the libraries, within 1.3x of plain HTML): ${goals.join('; ')}. Intake's JS + CSS is ${ratio(r('intake', anyKey).jsGzip + r('intake', anyKey).cssGzip, r('surveyjs', anyKey).jsGzip + r('surveyjs', anyKey).cssGzip)} of SurveyJS's.`,
    end,
  ].join('\n');
  const next = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), () => section) : `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
