#!/usr/bin/env node
// Builds Intake's "mixed" libphonenumber-js metadata: each country's entry comes from
// `metadata.max.json` for the countries in MAX_COUNTRIES (expanded to every country that shares
// their calling code), and from `metadata.min.json` for every other country. Writes
// src/normalize/phone-metadata.data.ts. See docs/phone-metadata.md.
//
//   node packages/core/scripts/build-phone-metadata.mjs          (from the repo root) write the file
//   node packages/core/scripts/build-phone-metadata.mjs --check  exit 1 if the file is stale
//
// Why mixing is valid (libphonenumber-js 1.13.16, source/metadata.js): the two files have the same
// `version` (4), `country_calling_codes` and `nonGeographic`. A country's `min` entry is its `max`
// entry without the `types` slot (index 11), with trailing empty slots dropped. The library reads
// `types` only through the numbering plan of the one country it selected (`NumberingPlan.types()`
// and `hasTypes()`), and `isValid()` decides per country: `hasTypes()` true means per-type patterns,
// false means the general national pattern only. The script asserts these invariants and refuses to
// write anything if a future library version breaks them.
//
// It also writes src/normalize/phone-engine-lite.data.ts, the per-country table of the `lite` phone
// engine (phone-engine-lite.ts, used by the script-tag build): calling code order, national prefix,
// national number lengths, leading digits for countries sharing a calling code, the general national
// number pattern and the digit grouping of the country's example mobile. See docs/phone-metadata.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(coreDir, 'package.json'));

/** Countries whose validation precision matters most to Intake's users; `max` entries for these. */
export const MAX_COUNTRIES = ['CN', 'HK', 'MO', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'JP', 'KR', 'IN', 'SG', 'AU'];

export const OUTPUT = resolve(coreDir, 'src/normalize/phone-metadata.data.ts');
export const LITE_OUTPUT = resolve(coreDir, 'src/normalize/phone-engine-lite.data.ts');

const TYPES = 11; // index of `types` in a country entry (metadata version 4)

export function loadMetadata() {
  const read = (file) => JSON.parse(readFileSync(require.resolve(`libphonenumber-js/${file}`), 'utf8'));
  return {
    min: read('metadata.min.json'),
    max: read('metadata.max.json'),
    libraryVersion: require('libphonenumber-js/package.json').version,
  };
}

/** Throws unless `min` and `max` differ only in per-country `types`, so entries can be mixed. */
export function assertMixable(min, max) {
  const fail = (what) => {
    throw new Error(`metadata.min.json and metadata.max.json cannot be mixed: ${what}`);
  };
  if (min.version !== 4 || max.version !== 4) fail(`version ${min.version} / ${max.version}, expected 4 / 4`);
  if (!isDeepStrictEqual(min.country_calling_codes, max.country_calling_codes)) fail('country_calling_codes differ');
  if (!isDeepStrictEqual(min.nonGeographic, max.nonGeographic)) fail('nonGeographic differs');
  if (!isDeepStrictEqual(Object.keys(min.countries), Object.keys(max.countries))) fail('country lists differ');
  for (const [country, maxEntry] of Object.entries(max.countries)) {
    const minEntry = min.countries[country];
    for (let i = 0; i < Math.max(minEntry.length, maxEntry.length); i++) {
      // An absent trailing slot in `min` and a `0` in `max` both mean "not set" to the library.
      if (i === TYPES) {
        if (minEntry[i] && !isDeepStrictEqual(minEntry[i], maxEntry[i])) fail(`${country}: types differ`);
      } else if (!isDeepStrictEqual(minEntry[i] ?? 0, maxEntry[i] ?? 0)) {
        fail(`${country}: slot ${i} differs`);
      }
    }
  }
}

/** `countries` plus every country sharing a calling code with one of them, sorted. */
export function expandToCallingCodeGroups(countries, metadata) {
  const result = new Set();
  for (const country of countries) {
    const entry = metadata.countries[country];
    if (!entry) throw new Error(`Unknown country: ${country}`);
    for (const member of metadata.country_calling_codes[entry[0]]) result.add(member);
  }
  return [...result].sort();
}

export function mixMetadata(min, max, countries = MAX_COUNTRIES) {
  assertMixable(min, max);
  const fromMax = expandToCallingCodeGroups(countries, max);
  const mixed = {
    version: max.version,
    country_calling_codes: max.country_calling_codes,
    countries: Object.fromEntries(
      Object.keys(max.countries).map((c) => [c, (fromMax.includes(c) ? max : min).countries[c]]),
    ),
    nonGeographic: max.nonGeographic,
  };
  return { metadata: mixed, fromMax };
}

export function renderDataFile(metadata) {
  const callingCodes = Object.entries(metadata.countries).map(([country, entry]) => `${country}${entry[0]}`);
  const mainCountries = Object.entries(metadata.country_calling_codes)
    .filter(([, countries]) => countries.length > 1)
    .map(([code, countries]) => `${code}${countries[0]}`);
  return [
    '// Generated by scripts/build-phone-metadata.mjs — do not edit.',
    '// The metadata as JSON text, parsed on first use by phone-metadata.ts: a page that shows no',
    '// phone field never pays for it, and JSON.parse is much faster than a 100 KB object literal.',
    `const metadataJson: string = ${JSON.stringify(JSON.stringify(metadata))};`,
    'export default metadataJson;',
    '',
    '// Every country of the metadata, in its order, with its calling code (`CN86`): what a country',
    '// selector and the schema check need, without parsing the metadata.',
    `export const countryCallingCodes: string = ${JSON.stringify(callingCodes.join(' '))};`,
    '',
    "// The main country of each calling code that several share (`1US`, `44GB`): libphonenumber's",
    '// first, which a phone input shows while a number typed after `+1` could still be any of them.',
    `export const mainCountries: string = ${JSON.stringify(mainCountries.join(' '))};`,
    '',
  ].join('\n');
}

/**
 * The rows of the lite engine's table, one per country and per non-geographic calling code, ordered
 * by calling code group with each group's main country first (as in `country_calling_codes`):
 * `[key, nationalPrefix, lengths, leadingDigits, pattern]`.
 * - `key`: the country (`CN`), or the calling code of a non-geographic entity (`800`).
 * - `lengths`: the national significant number lengths some number type of the `max` metadata
 *   allows, one base-36 digit each (`b` = 11). Local-only lengths (CA's 7) are left out.
 * - `leadingDigits`: the metadata's pattern telling countries of a shared calling code apart; for
 *   NANP countries without one (CA), the area codes the `max` metadata gives that country.
 * - `pattern`: the general national number pattern (what `min` metadata validates with).
 */
export function liteRows(max, examples, { parsePhoneNumberFromString, getExampleNumber }) {
  const rows = [];
  const lengthsOf = (entry) => {
    const all = new Set();
    for (const type of entry[11] || []) if (type) for (const n of type[1] || entry[3]) all.add(n);
    return [...(all.size ? all : entry[3])].sort((a, b) => a - b).map((n) => n.toString(36)).join('');
  };
  for (const [callingCode, members] of Object.entries(max.country_calling_codes)) {
    for (const country of members) {
      if (country === '001') continue;
      const entry = max.countries[country];
      let leadingDigits = entry[10] || '';
      if (callingCode === '1' && country !== members[0] && !leadingDigits) {
        const areaCodes = [];
        for (let area = 200; area < 1000; area++) {
          const owner = ['2345678', '5550123', '9876543']
            .map((rest) => parsePhoneNumberFromString(`+1${area}${rest}`, max))
            .find((phone) => phone?.isValid())?.country;
          if (owner === country) areaCodes.push(area);
        }
        leadingDigits = areaCodes.join('|');
      }
      rows.push([country, entry[5] || '', lengthsOf(entry), leadingDigits, entry[2]]);
    }
  }
  for (const [callingCode, entry] of Object.entries(max.nonGeographic)) {
    rows.push([callingCode, entry[5] || '', lengthsOf(entry), '', entry[2]]);
  }
  return rows;
}

export function renderLiteDataFile(rows, libraryVersion) {
  for (const row of rows) {
    if (row.some((field) => /[\s]/.test(field))) throw new Error(`A lite table field holds white space: ${row.join(' ')}`);
  }
  return [
    '// Generated by scripts/build-phone-metadata.mjs — do not edit.',
    `// The lite phone engine's table (phone-engine-lite.ts), from libphonenumber-js ${libraryVersion} \`max\` metadata.`,
    '// One line per country and non-geographic calling code, main country of a shared calling code first;',
    '// fields separated by one space: key, nationalPrefix, lengths (base 36), leadingDigits, pattern.',
    `const litePhoneData: string = ${JSON.stringify(rows.map((row) => row.join(' ')).join('\n'))};`,
    'export default litePhoneData;',
    '',
  ].join('\n');
}

/** The file contents this script would write, from the installed libphonenumber-js. */
export async function generate(countries = MAX_COUNTRIES) {
  const { min, max, libraryVersion } = loadMetadata();
  const { metadata, fromMax } = mixMetadata(min, max, countries);
  const library = await import('libphonenumber-js/core');
  const examples = JSON.parse(readFileSync(require.resolve('libphonenumber-js/examples.mobile.json'), 'utf8'));
  const liteText = renderLiteDataFile(liteRows(max, examples, library), libraryVersion);
  return { text: renderDataFile(metadata), liteText, metadata, fromMax, libraryVersion };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text, liteText, fromMax, libraryVersion } = await generate();
  const outputs = [
    [OUTPUT, text],
    [LITE_OUTPUT, liteText],
  ];
  if (process.argv.includes('--check')) {
    for (const [file, expected] of outputs) {
      const shown = relative(process.cwd(), file);
      let current;
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== expected) {
        console.error(`${shown} is ${current === undefined ? 'missing' : 'out of date'}. Run: node packages/core/scripts/build-phone-metadata.mjs`);
        process.exit(1);
      }
      console.log(`${shown} is up to date (libphonenumber-js ${libraryVersion}).`);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`Wrote ${relative(process.cwd(), OUTPUT)}: ${Buffer.byteLength(text)} B, libphonenumber-js ${libraryVersion}, max entries for ${fromMax.length} countries: ${fromMax.join(' ')}.`);
    writeFileSync(LITE_OUTPUT, liteText);
    console.log(`Wrote ${relative(process.cwd(), LITE_OUTPUT)}: ${Buffer.byteLength(liteText)} B.`);
  }
}
