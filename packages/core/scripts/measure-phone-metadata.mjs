#!/usr/bin/env node
// Measures the libphonenumber-js metadata variants ("min", "mobile", "max", and Intake's "mixed":
// max entries for the countries in build-phone-metadata.mjs, min entries for the rest) Intake could
// ship: bundle size (esbuild, minified ESM for the browser, gzip level 9) against validation
// accuracy for CN, US, GB, DE, JP and IN numbers. Then checks "mixed" number by number: it must
// give max's results for the countries taken from max and min's results for all other countries.
// Prints Markdown to stdout; exits 1 if that check fails or anything throws.
//
//   node packages/core/scripts/measure-phone-metadata.mjs            (from the repo root)
//   node packages/core/scripts/measure-phone-metadata.mjs --details  (adds a per-number table)
//
// Accuracy is measured by importing the very bundle that was sized, so the numbers describe
// exactly what would ship. Reference truth: the `max` metadata's `isValid()` verdict. The hand
// label of each test number (what its author intended) is shown where it disagrees with `max`.
import { build, version as esbuildVersion } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { generate, MAX_COUNTRIES, OUTPUT as mixedDataFile } from './build-phone-metadata.mjs';

const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(coreDir, 'package.json'));
const lpnVersion = require('libphonenumber-js/package.json').version;
const { getExampleNumber, getCountryCallingCode, parsePhoneNumberFromString } = await import(
  require.resolve('libphonenumber-js/core')
);
const examples = require('libphonenumber-js/examples.mobile.json');
const maxMetadata = require('libphonenumber-js/max/metadata');
// "mixed" is generated in memory, exactly as build-phone-metadata.mjs would write it.
const mixed = await generate();

const VARIANTS = ['min', 'mobile', 'max', 'mixed'];
const COUNTRIES = ['CN', 'US', 'GB', 'DE', 'JP', 'IN'];

// ---------------------------------------------------------------------------------------------
// 1. Bundle size. The entry mirrors what Intake uses: normalizePhone (NFKC, 00 -> +, parse,
//    isValid, E.164), AsYouType, getCountries and getCountryCallingCode.
// ---------------------------------------------------------------------------------------------
const entry = (metadataImport) => `
import { parsePhoneNumberFromString, AsYouType, getCountries, getCountryCallingCode } from 'libphonenumber-js/core';
${metadataImport}
export function normalize(raw, defaultCountry) {
  let text = raw.normalize('NFKC').trim();
  if (text.startsWith('00')) text = '+' + text.slice(2);
  const phone = parsePhoneNumberFromString(text, { defaultCountry }, metadata);
  return phone && phone.isValid() ? phone.number : undefined;
}
export function asYouType(text, country) { return new AsYouType(country, metadata).input(text); }
export function countries() { return getCountries(metadata).map((c) => [c, getCountryCallingCode(c, metadata)]); }
`;

// Serves generated phone-metadata.data.ts source text as `virtual:mixed-metadata` (TypeScript loader).
const mixedPlugin = (text) => ({
  name: 'mixed-metadata',
  setup(b) {
    b.onResolve({ filter: /^virtual:mixed-metadata$/ }, (args) => ({ path: args.path, namespace: 'mixed' }));
    b.onLoad({ filter: /.*/, namespace: 'mixed' }, () => ({
      contents: text,
      loader: 'ts',
      resolveDir: dirname(mixedDataFile),
    }));
  },
});

async function bundle(source, mixedText = mixed.text) {
  const result = await build({
    stdin: { contents: source, resolveDir: coreDir, loader: 'js', sourcefile: 'entry.js' },
    plugins: [mixedPlugin(mixedText)],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const bytes = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }).length;
  return { code, bytes, gzip };
}

const bundles = {};
for (const v of VARIANTS) {
  // The mixed data file holds the metadata as JSON text, parsed on first use (as phone-metadata.ts does).
  const importLine = v === 'mixed'
    ? `import metadataJson from 'virtual:mixed-metadata'; const metadata = JSON.parse(metadataJson);`
    : `import metadata from 'libphonenumber-js/${v}/metadata';`;
  bundles[v] = await bundle(entry(importLine));
}
// What each calling-code group taken from max costs inside "mixed": the bundle rebuilt without it.
const groupCosts = [];
for (const cc of [...new Set(mixed.fromMax.map((c) => maxMetadata.countries[c][0]))]) {
  const group = maxMetadata.country_calling_codes[cc];
  const without = await generate(MAX_COUNTRIES.filter((c) => !group.includes(c)));
  const b = await bundle(entry(`import metadataJson from 'virtual:mixed-metadata'; const metadata = JSON.parse(metadataJson);`), without.text);
  groupCosts.push({ cc, group, gzip: bundles.mixed.gzip - b.gzip });
}
// Library code alone (metadata replaced by an empty stub), to split code from data.
const codeOnly = await bundle(
  entry('const metadata = { version: 4, country_calling_codes: {}, countries: {}, nonGeographic: {} };'),
);

// ---------------------------------------------------------------------------------------------
// 2. Test set. `label` is what the author of the case intended; `src` says where it comes from:
//    "lib"  = getExampleNumber() with libphonenumber-js/examples.mobile.json (one per country),
//    "hand" = written for this script (realistic shapes; several are public institutional lines).
// ---------------------------------------------------------------------------------------------
const V = 'valid';
const I = 'invalid';
const hand = {
  CN: [
    [V, '139 1234 5678', 'mobile 139'],
    [V, '138 0013 8000', 'mobile 138 (China Mobile service line)'],
    [V, '150 1234 5678', 'mobile 150'],
    [V, '186 1234 5678', 'mobile 186'],
    [V, '177 1234 5678', 'mobile 177'],
    [V, '199 1234 5678', 'mobile 199'],
    [V, '166 1234 5678', 'mobile 166'],
    [V, '+86 147 1234 5678', 'mobile 147, international form'],
    [V, '010-6234 5678', 'Beijing landline'],
    [V, '021-6345 6789', 'Shanghai landline'],
    [V, '020-8345 6789', 'Guangzhou landline'],
    [V, '0755-2654 3210', 'Shenzhen landline'],
    [V, '0571-8765 4321', 'Hangzhou landline'],
    [V, '0086 28 8512 3456', 'Chengdu landline, 00 international form'],
    [V, '400-810-8888', '400 service number'],
    [V, '１３９－１２３４－５６７８', 'mobile 139, full-width (NFKC)'],
    [I, '12345678901', '11 digits, 12x prefix unassigned'],
    [I, '120 1234 5678', '11 digits, 120 unassigned'],
    [I, '100 1234 5678', '11 digits, 100 unassigned'],
    [I, '110 1234 5678', '11 digits, 110 is an emergency code'],
    [I, '140 1234 5678', '11 digits, 140 not a mobile range'],
    [I, '111 1111 1111', 'repeated digit'],
    [I, '139 1234 567', 'mobile, one digit short'],
    [I, '139 1234 56789', 'mobile, one digit long'],
    [I, '010-123 4567', 'Beijing, 7-digit subscriber (needs 8)'],
    [I, '0755-123 4567', 'Shenzhen, 7-digit subscriber (needs 8)'],
  ],
  US: [
    [V, '(212) 456-7890', 'New York'],
    [V, '650-253-0000', 'Mountain View (Google main line)'],
    [V, '202-456-1111', 'Washington DC (White House line)'],
    [V, '312-744-5000', 'Chicago (city hall line)'],
    [V, '617-253-1000', 'Cambridge MA (MIT main line)'],
    [V, '415-555-2671', 'San Francisco, 555 exchange outside 01XX'],
    [V, '+1 212 736 3100', 'New York, international form'],
    [V, '1-800-275-2273', 'toll-free 800 with trunk 1'],
    [I, '212-555-0100', 'fictional 555-01XX range (policy-invalid)'],
    [I, '310-555-0199', 'fictional 555-01XX range (policy-invalid)'],
    [I, '012-345-6789', 'area code starts with 0'],
    [I, '123-456-7890', 'area code starts with 1'],
    [I, '212-055-1234', 'exchange starts with 0'],
    [I, '212-155-1234', 'exchange starts with 1'],
    [I, '555-555-5555', 'area code 555 not assigned'],
    [I, '377-555-1234', 'area code 377 not assigned'],
    [I, '212-555-012', '9 digits'],
    [I, '212-555-01234', '11 digits without trunk 1'],
  ],
  GB: [
    [V, '07123 456789', 'mobile 071'],
    [V, '07812 345678', 'mobile 078'],
    [V, '07501 234567', 'mobile 075'],
    [V, '07911 123456', 'mobile 079'],
    [V, '020 7219 3000', 'London (Houses of Parliament line)'],
    [V, '020 3123 4567', 'London 0203'],
    [V, '020 8123 4567', 'London 0208'],
    [V, '0161 234 5000', 'Manchester'],
    [V, '0121 303 9944', 'Birmingham'],
    [V, '0131 200 2000', 'Edinburgh'],
    [V, '+44 7400 123456', 'mobile, international form'],
    [V, '0800 123 4567', 'freephone'],
    [V, '0300 123 4567', 'non-geographic 03'],
    [I, '07400 12345', 'mobile, one digit short'],
    [I, '07400 1234567', 'mobile, one digit long'],
    [I, '07700 900123', 'Ofcom drama range (fictional)'],
    [I, '020 7946 0123', 'Ofcom drama range, London (fictional)'],
    [I, '06123 456789', '06 unallocated'],
    [I, '04123 456789', '04 unallocated'],
    [I, '020 1234 5678', 'London, subscriber starts with 1'],
    [I, '0161 496 0000', 'Ofcom drama range, Manchester (fictional)'],
  ],
  DE: [
    [V, '01511 2345678', 'mobile 0151'],
    [V, '0160 1234567', 'mobile 0160'],
    [V, '0162 1234567', 'mobile 0162'],
    [V, '0170 1234567', 'mobile 0170'],
    [V, '0171 12345678', 'mobile 0171'],
    [V, '0176 12345678', 'mobile 0176'],
    [V, '+49 176 12345678', 'mobile, international form'],
    [V, '030 12345678', 'Berlin'],
    [V, '030 901820', 'Berlin, short subscriber'],
    [V, '089 1234567', 'Munich'],
    [V, '040 428280', 'Hamburg'],
    [V, '069 21201', 'Frankfurt, short subscriber'],
    [V, '0800 1234567', 'freephone'],
    [I, '0151 1234', 'mobile, far too short'],
    [I, '0170 123456789012', 'mobile, far too long'],
    [I, '0140 1234567', '014 unassigned'],
    [I, '0190 123456', '0190 premium range (retired)'],
    [I, '0111 1234567', '011 unassigned'],
    [I, '0161 2345678', '0161 not a mobile range'],
    [I, '0100 123456', '0100 carrier-selection prefix'],
    [I, '01555 1234567', '0155 with wrong length'],
  ],
  JP: [
    [V, '080-1234-5678', 'mobile 080'],
    [V, '070-1234-5678', 'mobile 070'],
    [V, '03-1234-5678', 'Tokyo'],
    [V, '03-5321-1111', 'Tokyo (metropolitan government line)'],
    [V, '06-6941-0351', 'Osaka'],
    [V, '011-211-2111', 'Sapporo'],
    [V, '+81 90 1234 5678', 'mobile, international form'],
    [V, '0120-123-456', 'freephone'],
    [V, '050-1234-5678', 'IP phone 050'],
    [I, '090-1234-567', 'mobile, one digit short'],
    [I, '090-1234-56789', 'mobile, one digit long'],
    [I, '000-123-4567', '000 not a prefix'],
    [I, '03-0123-4567', 'Tokyo, subscriber starts with 0'],
    [I, '040-1234-5678', '040 unassigned, 11 digits'],
    [I, '03-1234-567', 'Tokyo, one digit short'],
  ],
  IN: [
    [V, '98765 43210', 'mobile 9'],
    [V, '98123 45678', 'mobile 9'],
    [V, '70123 45678', 'mobile 7'],
    [V, '63501 23456', 'mobile 6'],
    [V, '88001 23456', 'mobile 8'],
    [V, '098765 43210', 'mobile with national prefix 0'],
    [V, '+91 98765 43210', 'mobile, international form'],
    [V, '011 2345 6789', 'Delhi'],
    [V, '022 2262 1234', 'Mumbai'],
    [V, '080 2222 1234', 'Bengaluru'],
    [V, '1800 123 4567', 'toll-free'],
    [I, '98765 4321', 'mobile, one digit short'],
    [I, '98765 432100', 'mobile, one digit long'],
    [I, '55555 55555', '5 is not a mobile start'],
    [I, '41234 56789', '41 is not an allocated area'],
    [I, '011 1234 5678', 'Delhi, subscriber starts with 1'],
    [I, '011 123 4567', 'Delhi, one digit short'],
    [I, '012 3456 789', '01 + 9 digits'],
  ],
};

const cases = [];
for (const country of COUNTRIES) {
  const example = getExampleNumber(country, examples, maxMetadata);
  cases.push({ country, input: example.formatNational(), label: V, src: 'lib', note: 'examples.mobile.json' });
  for (const [label, input, note] of hand[country]) cases.push({ country, input, label, src: 'hand', note });
}

// Reference truth and number type from the `max` metadata, through the same normalizer steps.
for (const c of cases) {
  let text = c.input.normalize('NFKC').trim();
  if (text.startsWith('00')) text = '+' + text.slice(2);
  const phone = parsePhoneNumberFromString(text, { defaultCountry: c.country }, maxMetadata);
  c.truth = phone && phone.isValid() ? V : I;
  c.type = c.truth === V ? phone.getType() : '-';
}

// ---------------------------------------------------------------------------------------------
// 3. Run every case through each variant's bundle.
// ---------------------------------------------------------------------------------------------
const mods = {};
for (const v of VARIANTS) {
  mods[v] = await import(`data:text/javascript;base64,${Buffer.from(bundles[v].code).toString('base64')}`);
}
for (const c of cases) {
  c.result = {};
  c.typed = {};
  for (const v of VARIANTS) {
    c.result[v] = mods[v].normalize(c.input, c.country);
    c.typed[v] = mods[v].asYouType(c.input.normalize('NFKC'), c.country);
  }
}

// ---------------------------------------------------------------------------------------------
// 3b. "mixed" must behave exactly like max for the countries taken from max and like min for all
//     others. Besides the cases above, a broad set covers every country: its examples.mobile.json
//     number and mutations of it (digit dropped or added, first or second digit replaced, last
//     digits replaced), each typed nationally (defaultCountry = that country) and internationally
//     (`+<calling code>`, no defaultCountry). Compared: normalize() (verdict and E.164 output) and
//     AsYouType output. Anything that throws counts as a failure.
// ---------------------------------------------------------------------------------------------
const run = (fn) => {
  try {
    return fn();
  } catch (error) {
    return `THROWS: ${error.message}`;
  }
};
const broad = [];
for (const country of Object.keys(maxMetadata.countries)) {
  const national = getExampleNumber(country, examples, maxMetadata).nationalNumber;
  const forms = new Set([national, national.slice(0, -1), national.slice(0, -2), `${national}0`, `${national}00`]);
  for (let d = 0; d <= 9; d++) {
    forms.add(`${d}${national.slice(1)}`);
    forms.add(`${national[0]}${d}${national.slice(2)}`);
    forms.add(`${national.slice(0, -2)}${d}${d}`);
  }
  const cc = getCountryCallingCode(country, maxMetadata);
  for (const digits of forms) {
    if (digits.length === 0) continue;
    broad.push({ country, input: digits, defaultCountry: country });
    broad.push({ country, input: `+${cc}${digits}`, defaultCountry: undefined });
  }
}
const expectedVariant = (country) => (mixed.fromMax.includes(country) ? 'max' : 'min');
const equivalence = { max: { n: 0, minDiffers: 0, fail: [] }, min: { n: 0, maxDiffers: 0, fail: [] } };
const compare = (c, results, typed) => {
  const want = expectedVariant(c.country);
  const e = equivalence[want];
  e.n++;
  if (want === 'max' && (results.min !== results.max || typed.min !== typed.max)) e.minDiffers++;
  if (want === 'min' && (results.min !== results.max || typed.min !== typed.max)) e.maxDiffers++;
  const thrown = [results.mixed, typed.mixed].some((r) => typeof r === 'string' && r.startsWith('THROWS'));
  if (thrown || results.mixed !== results[want] || typed.mixed !== typed[want]) {
    e.fail.push(`${c.country} \`${c.input}\`: mixed ${results.mixed} / ${typed.mixed}, ${want} ${results[want]} / ${typed[want]}`);
  }
};
for (const c of cases) compare(c, c.result, c.typed);
for (const c of broad) {
  const results = {};
  const typed = {};
  for (const v of ['min', 'max', 'mixed']) {
    results[v] = run(() => mods[v].normalize(c.input, c.defaultCountry));
    typed[v] = run(() => mods[v].asYouType(c.input, c.defaultCountry));
  }
  compare(c, results, typed);
}
const countryLists = Object.fromEntries(['min', 'max', 'mixed'].map((v) => [v, JSON.stringify(mods[v].countries())]));
const countriesSame = countryLists.mixed === countryLists.max && countryLists.mixed === countryLists.min;
const equivalent = equivalence.max.fail.length === 0 && equivalence.min.fail.length === 0 && countriesSame;
let onDisk;
try {
  onDisk = readFileSync(mixedDataFile, 'utf8') === mixed.text ? 'up to date' : 'OUT OF DATE';
} catch {
  onDisk = 'not generated';
}

// ---------------------------------------------------------------------------------------------
// 4. Report.
// ---------------------------------------------------------------------------------------------
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (num, den) => (den === 0 ? 'n/a' : `${Math.round((100 * num) / den)}% (${num}/${den})`);
const out = [];
const log = (s = '') => out.push(s);

log('## Bundle size');
log();
log(`libphonenumber-js ${lpnVersion}, esbuild ${esbuildVersion} (bundle, minify, format=esm, platform=browser), gzip level 9 (node:zlib).`);
log(`Machine: ${os.type()} ${os.release()}, Node ${process.version}, ${os.cpus().length} cores.`);
log();
log('| variant | minified | gzip | gzip vs min |');
log('|---|---:|---:|---:|');
for (const v of VARIANTS) {
  const d = bundles[v].gzip - bundles.min.gzip;
  log(`| ${v} | ${bundles[v].bytes} B (${kb(bundles[v].bytes)}) | ${bundles[v].gzip} B (${kb(bundles[v].gzip)}) | ${d === 0 ? '-' : `+${kb(d)}`} |`);
}
log(`| (library code, empty metadata) | ${codeOnly.bytes} B (${kb(codeOnly.bytes)}) | ${codeOnly.gzip} B (${kb(codeOnly.gzip)}) | |`);
log();
log(`"mixed" = max entries for ${mixed.fromMax.length} countries (${MAX_COUNTRIES.join(', ')} and every country sharing their calling codes), min entries for the other ${Object.keys(maxMetadata.countries).length - mixed.fromMax.length}. Generated in memory by build-phone-metadata.mjs; the file on disk (${mixedDataFile.slice(coreDir.length + 1)}) is ${onDisk}.`);
log();
log('gzip each calling-code group adds to "mixed" (bundle rebuilt without it):');
log();
log('| calling code | countries | gzip |');
log('|---|---|---:|');
for (const g of [...groupCosts].sort((a, b) => b.gzip - a.gzip)) {
  log(`| +${g.cc} | ${g.group.length > 6 ? `${g.group.slice(0, 3).join(', ')} and ${g.group.length - 3} more` : g.group.join(', ')} | ${g.gzip} B (${kb(g.gzip)}) |`);
}
log();

log('## Accuracy per country (reference truth: `max` metadata `isValid()`)');
log();
log('"valid accepted" = share of max-valid numbers the variant accepts; "invalid rejected" = share of max-invalid numbers it rejects.');
log();
log(`| country | cases (valid/invalid) | ${VARIANTS.map((v) => `${v}: valid accepted | ${v}: invalid rejected`).join(' | ')} |`);
log(`|---|---|${VARIANTS.map(() => '---|---|').join('')}`);
const rows = [...COUNTRIES, 'all'];
for (const country of rows) {
  const cs = cases.filter((c) => country === 'all' || c.country === country);
  const valid = cs.filter((c) => c.truth === V);
  const invalid = cs.filter((c) => c.truth === I);
  const cells = VARIANTS.flatMap((v) => [
    pct(valid.filter((c) => c.result[v] !== undefined).length, valid.length),
    pct(invalid.filter((c) => c.result[v] === undefined).length, invalid.length),
  ]);
  const name = country === 'all' ? '**all**' : country;
  log(`| ${name} | ${valid.length}/${invalid.length} | ${cells.join(' | ')} |`);
}
log();

log('## Valid numbers accepted, by number type (max `getType()`), all six countries');
log();
log(`| type | cases | ${VARIANTS.join(' | ')} |`);
log(`|---|---:|${VARIANTS.map(() => '---|').join('')}`);
const types = [...new Set(cases.filter((c) => c.truth === V).map((c) => c.type))].sort();
for (const t of types) {
  const cs = cases.filter((c) => c.truth === V && c.type === t);
  log(`| ${t} | ${cs.length} | ${VARIANTS.map((v) => pct(cs.filter((c) => c.result[v] !== undefined).length, cs.length)).join(' | ')} |`);
}
log();

log('## Output agreement with max');
log();
for (const v of VARIANTS.filter((x) => x !== 'max')) {
  const accepted = cases.filter((c) => c.truth === V && c.result[v] !== undefined);
  const sameE164 = accepted.filter((c) => c.result[v] === c.result.max).length;
  const sameTyped = cases.filter((c) => c.typed[v] === c.typed.max).length;
  log(`- ${v}: E.164 identical to max for ${sameE164}/${accepted.length} accepted valid numbers; AsYouType output identical to max for ${sameTyped}/${cases.length} inputs; getCountries: ${mods[v].countries().length} countries (max: ${mods.max.countries().length}).`);
}
log();

log('## mixed vs its source variants');
log();
log(`Inputs: the ${cases.length} cases above plus ${broad.length} broad inputs (every country's examples.mobile.json number and mutations, national and international form). Compared: verdict, E.164 output, AsYouType output.`);
log();
log(`- Countries taken from max: ${equivalence.max.n} inputs; min differs from max on ${equivalence.max.minDiffers} of them; mixed differs from max on ${equivalence.max.fail.length}.`);
log(`- Other countries: ${equivalence.min.n} inputs; max differs from min on ${equivalence.min.maxDiffers} of them; mixed differs from min on ${equivalence.min.fail.length}.`);
log(`- getCountries with calling codes: ${countriesSame ? 'identical in min, max and mixed' : 'DIFFERS'} (${mods.mixed.countries().length} countries).`);
log(`- Verdict: ${equivalent ? 'PASS, mixing is valid for this library version.' : 'FAIL, do not ship mixed metadata.'}`);
for (const f of [...equivalence.max.fail, ...equivalence.min.fail].slice(0, 50)) log(`  - ${f}`);
log();

log('## Invalid numbers (per max) that a smaller variant accepts');
log();
for (const v of VARIANTS.filter((x) => x !== 'max')) {
  for (const country of COUNTRIES) {
    const missed = cases.filter((c) => c.country === country && c.truth === I && c.result[v] !== undefined);
    if (missed.length > 0) log(`- ${v}, ${country}: ${missed.map((c) => `\`${c.input}\` (${c.note})`).join('; ')}`);
  }
}
log();

const verdict = (r) => (r === undefined ? 'reject' : 'accept');
if (process.argv.includes('--details')) {
  log('## Every number');
  log();
  log('| country | input | src | hand label | max (truth) | max type | min | mobile | mixed | note |');
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const c of cases) {
    log(`| ${c.country} | \`${c.input}\` | ${c.src} | ${c.label} | ${verdict(c.result.max)} | ${c.type} | ${verdict(c.result.min)} | ${verdict(c.result.mobile)} | ${verdict(c.result.mixed)} | ${c.note} |`);
  }
  log();
}

log('## Hand labels that max contradicts (max verdict used as truth above)');
log();
const contradicted = cases.filter((c) => c.label !== c.truth);
if (contradicted.length === 0) log('None.');
for (const c of contradicted) {
  log(`- ${c.country} \`${c.input}\` (${c.note}): hand label ${c.label}, max says ${c.truth}${c.truth === V ? ` (${c.type})` : ''}.`);
}
log();
log(`Test set: ${cases.length} numbers, ${cases.filter((c) => c.src === 'lib').length} from the library (getExampleNumber + examples.mobile.json), ${cases.filter((c) => c.src === 'hand').length} hand-written.`);

process.stdout.write(`${out.join('\n')}\n`);
if (!equivalent) process.exitCode = 1;
