#!/usr/bin/env node
// The size budget of the script-tag files, run after `vite build` by this package's `build`
// script (so `pnpm build`, hence `pnpm test` and CI, fail when a file is over its budget).
//
//   node packages/embed/scripts/size.mjs            check dist/, print the tables, exit 1 if over
//   node packages/embed/scripts/size.mjs --markdown the same tables as Markdown (for the README)
//
// What each dependency costs is read from the files vite wrote: each file's source map attributes
// every byte of the minified output to a source module; modules are grouped (lit, our core, our
// elements, ...). For each group: its minified bytes, and its gzip cost measured by gzipping the
// whole file with that group's bytes cut out ("the file without it"), which is what leaving it out
// would save. gzip level 9 (node:zlib), 1 KB = 1024 B.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const KB = 1024;

/** Budgets in gzip bytes; `null`: measured, not budgeted. */
const files = [
  { file: 'intake.js', budget: 45 * KB, what: 'IIFE, lite phone engine (the script tag)' },
  { file: 'intake.full.js', budget: 80 * KB, what: 'IIFE, full phone engine (libphonenumber-js)' },
  { file: 'intake.mjs', budget: null, what: 'ES module, lite phone engine' },
  { file: 'intake.full.mjs', budget: null, what: 'ES module, full phone engine' },
];

/** Source groups, first match wins; `path` is the source path from the map. */
const groups = [
  ['phone data: lite table', (path) => path.includes('/normalize/phone-engine-lite.data.')],
  ['phone data: full metadata (lite: only the calling-code list)', (path) => path.includes('/normalize/phone-metadata.data.')],
  ['libphonenumber-js code', (path) => path.includes('/libphonenumber-js/')],
  ['lit', (path) => /\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)],
  ['zod', (path) => path.includes('/zod/')],
  ['@stablelib/sha256', (path) => path.includes('/@stablelib/')],
  ['@intake/core', (path) => path.includes('/core/dist/') || path.includes('/core/src/')],
  ['@intake/elements', (path) => path.includes('/elements/dist/') || path.includes('/elements/src/')],
  ['@intake/embed', (path) => path.includes('/embed/src/')],
];
const other = 'other (bundle wrapper, unmapped)';

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map `mappings` segment (base64 VLQ) into its numbers. */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The output text split into pieces, each with the group of the source it maps to. */
function attribute(code, map) {
  const groupOfSource = map.sources.map((path) => groups.find(([, test]) => test(path))?.[0] ?? other);
  const lines = code.split('\n');
  const mappings = map.mappings.split(';');
  const pieces = [];
  let source = 0;
  // A mapping covers the output up to the next one, across line ends: a template literal
  // spanning lines (the lite phone table) belongs to the module it came from.
  let current = other;
  lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) pieces.push({ group: current, text: '\n' });
    const starts = [];
    let column = 0;
    for (const segment of (mappings[lineIndex] ?? '').split(',')) {
      if (segment === '') continue;
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) source += sourceDelta;
      starts.push({ column, group: sourceDelta === undefined ? other : groupOfSource[source] });
    }
    if (starts.length === 0 || starts[0].column > 0) starts.unshift({ column: 0, group: current });
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].column : line.length;
      pieces.push({ group: start.group, text: line.slice(start.column, end) });
    });
    current = starts[starts.length - 1].group;
  });
  return pieces;
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function measure({ file, budget, what }) {
  const code = readFileSync(resolve(dist, file), 'utf8');
  const map = JSON.parse(readFileSync(resolve(dist, `${file}.map`), 'utf8'));
  const pieces = attribute(code, map);
  if (pieces.map((piece) => piece.text).join('') !== code) {
    throw new Error(`${file}: the source map does not cover the file the way size.mjs reads it`);
  }
  const total = gzip(code);
  const parts = new Map();
  for (const piece of pieces) {
    const part = parts.get(piece.group) ?? { bytes: 0 };
    part.bytes += Buffer.byteLength(piece.text);
    parts.set(piece.group, part);
  }
  for (const [group, part] of parts) {
    part.gzipCost = total - gzip(pieces.filter((piece) => piece.group !== group).map((piece) => piece.text).join(''));
  }
  return { file, what, budget, raw: Buffer.byteLength(code), gzip: total, parts };
}

const results = files.map(measure);
const markdown = process.argv.includes('--markdown');
const table = (head, rows) => {
  if (markdown) {
    return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

const over = results.filter((r) => r.budget !== null && r.gzip > r.budget);
console.log(`@intake/embed bundle size (gzip -9, node:zlib; 1 KB = 1024 B)\n`);
console.log(
  table(
    ['file', 'minified', 'gzip', 'budget', 'status', 'what'],
    results.map((r) => [
      r.file,
      kb(r.raw),
      kb(r.gzip),
      r.budget === null ? '-' : kb(r.budget),
      r.budget === null ? '-' : r.gzip > r.budget ? `OVER by ${kb(r.gzip - r.budget)} (${r.gzip - r.budget} B)` : `ok, ${kb(r.budget - r.gzip)} left`,
      r.what,
    ]),
  ),
);
console.log(`\nWhat each part costs in the IIFEs ("gzip cost" = the file's gzip size minus that of the file with the part cut out)\n`);
const iifes = results.filter((r) => r.file.endsWith('.js'));
const names = [...groups.map(([name]) => name), other].filter((name) => iifes.some((r) => r.parts.has(name)));
console.log(
  table(
    ['part', ...iifes.flatMap((r) => [`${r.file} minified`, `${r.file} gzip cost`])],
    names.map((name) => [
      name,
      ...iifes.flatMap((r) => {
        const part = r.parts.get(name);
        return part ? [kb(part.bytes), kb(part.gzipCost)] : ['-', '-'];
      }),
    ]),
  ),
);
// The data files intake.js loads on demand (scripts/build-data-files.mjs), and what a phone
// downloads for a form with a phone field, such as the crm-lead preset: the script, then the
// phone data file once (the schema and the page itself not counted).
const dataFiles = JSON.parse(readFileSync(resolve(dist, 'data-files.json'), 'utf8'));
const data = Object.entries(dataFiles).map(([name, file]) => {
  const code = readFileSync(resolve(dist, file));
  return { name, file, raw: code.byteLength, gzip: gzip(code), brotli: brotliCompressSync(code, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length };
});
const script = results.find((r) => r.file === 'intake.js');
const phone = data.find((d) => d.name === 'phone');
const loadedWhen = {
  phone: 'the first phone field is drawn',
  region: 'the first region field is drawn',
  schemaMessages: 'a form or field definition is broken',
  sha256: 'at once, on a page without WebCrypto',
};
console.log(`\nData files intake.js loads on demand from beside itself\n`);
console.log(
  table(
    ['file', 'minified', 'gzip', 'brotli', 'loaded when'],
    [
      ...data.map((d) => [d.file, kb(d.raw), kb(d.gzip), kb(d.brotli), loadedWhen[d.name] ?? '-']),
      ['a phone field form in all (intake.js + phone data)', kb(script.raw + phone.raw), kb(script.gzip + phone.gzip), '-', 'the form works on intake.js alone'],
    ],
  ),
);
if (over.length > 0) {
  console.error(`\nOver budget: ${over.map((r) => `${r.file} is ${kb(r.gzip)} gzip, budget ${kb(r.budget)}, over by ${kb(r.gzip - r.budget)}`).join('; ')}.`);
  const zod = over.filter((r) => r.parts.has('zod'));
  if (zod.length > 0) console.error(`zod is still in ${zod.map((r) => r.file).join(', ')} (${zod.map((r) => `${kb(r.parts.get('zod').gzipCost)} gzip`).join(', ')}).`);
  process.exitCode = 1;
}
