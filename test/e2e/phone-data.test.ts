// End-to-end: the default script's phone check (docs/schema.md, "Phone numbers in the script-tag build"). The shipped
// packages/embed/dist/intake.js runs in real Chromium under the strict CSP; it loads the full phone
// engine as a content-hashed data file from beside itself, once, and from then on its verdict and
// E.164 equal libphonenumber-js `max` (the oracle, run here in Node). Without the data file the
// form still works on the built-in lite check, and the record says so.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString as parseMax, getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMin } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import PhoneNumberUtilModule from 'google-libphonenumber';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRecord } from '@intake/core';
import { launchBrowser } from './support/browser.js';
import { closeServer, listen } from './support/listen.js';
import { watchPage, type PageProblems } from './support/page-watch.js';
import { startReceiver, type ReceiverServer } from './support/receiver-server.js';
import { waitFor } from './support/wait-for.js';

const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const dataFiles = JSON.parse(await readFile(`${dist}data-files.json`, 'utf8')) as { phone: string };
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*";

const { PhoneNumberUtil, PhoneNumberType, PhoneNumberFormat } = PhoneNumberUtilModule;
const google = PhoneNumberUtil.getInstance();

/**
 * The example number of every type (fixed line, mobile, toll free, VoIP, ...) that Google's
 * libphonenumber metadata (google-libphonenumber) gives for `country`, as E.164 without the `+`
 * split in calling code and national number. libphonenumber-js ships examples of mobiles only.
 */
function examplesOfEveryType(country: string): { callingCode: string; national: string; formattedNational: string; formattedInternational: string }[] {
  const found = new Map<string, { callingCode: string; national: string; formattedNational: string; formattedInternational: string }>();
  for (const type of Object.values(PhoneNumberType) as PhoneNumberUtilModule.PhoneNumberType[]) {
    const example = google.getExampleNumberForType(country, type);
    if (!example) continue;
    found.set(google.format(example, PhoneNumberFormat.E164), {
      callingCode: String(example.getCountryCode()),
      national: google.getNationalSignificantNumber(example),
      formattedNational: google.format(example, PhoneNumberFormat.NATIONAL),
      formattedInternational: google.format(example, PhoneNumberFormat.INTERNATIONAL),
    });
  }
  return [...found.values()];
}

/** The countries whose verdict must equal libphonenumber-js `max` exactly. */
const listed = ['CN', 'HK', 'MO', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'JP', 'KR', 'IN', 'SG', 'AU'] as const;

const schema = {
  id: 'phone-data',
  fields: [
    { type: 'text', name: 'name', label: 'Name', required: true },
    { type: 'phone', name: 'phone', label: 'Mobile number', defaultCountry: 'CN', required: true },
  ],
};

let server: ReturnType<typeof createServer>;
let origin: string;
let receiver: ReceiverServer;
let browser: Browser;
/** Requests for the phone data file that reached the server. */
let dataRequests = 0;
/** When set, the data file is not there (404), as for a phone that cannot reach it. */
let dataFileGone = false;

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>phone data</title>
<script src="/intake.js"></script></head><body>${body}</body></html>`;
}

const pages: Record<string, () => string> = {
  '/form.html': () =>
    page(`<intake-form endpoint="${receiver.url}"><script type="application/json">${JSON.stringify(schema)}</script></intake-form>
<form id="native"><intake-field type="phone" name="tel" label="Phone" default-country="CN"></intake-field></form>`),
  '/fields.html': () => page('<main id="fields"></main>'),
};

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const html = pages[path];
  if (html) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    response.end(html());
    return;
  }
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  if (path === '/intake.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(await readFile(`${dist}intake.js`));
    return;
  }
  if (path === `/${dataFiles.phone}` && !dataFileGone) {
    dataRequests++;
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    response.end(await readFile(`${dist}${dataFiles.phone}`));
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

beforeAll(async () => {
  server = createServer((request, response) => void serve(request, response));
  origin = await listen(server);
  receiver = await startReceiver(schema, () => origin);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  if (server) await closeServer(server);
});

/** Opens `path` in a new page; `fresh`: in a browser context of its own, with an empty cache. */
async function open(path: string, fresh = false): Promise<{ page: Page; problems: PageProblems }> {
  const page = fresh ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
  const problems = await watchPage(page);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until the page judges with the full engine: 10 digits after 139, which the lite check takes, are refused. */
async function fullEngineIn(page: Page): Promise<void> {
  const stillLite = await page.evaluate(async () => {
    const field = document.createElement('intake-field') as HTMLElement & { value: unknown; normalizedValue: unknown; updateComplete: Promise<unknown> };
    field.setAttribute('type', 'phone');
    field.setAttribute('default-country', 'CN');
    document.body.append(field);
    await field.updateComplete;
    field.value = '139 1234 567';
    for (let i = 0; i < 200 && field.normalizedValue !== undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      field.value = '';
      field.value = '139 1234 567';
    }
    field.remove();
    return field.normalizedValue !== undefined;
  });
  expect(stillLite, 'the full phone engine never arrived').toBe(false);
}

/**
 * Normalizes each `[defaultCountry, typed]` in the page with `<intake-field type="phone">` (with
 * `number-types` when given): E.164, or null when refused.
 */
function judgeInPage(page: Page, cases: readonly (readonly [string, string])[], numberTypes = ''): Promise<(string | null)[]> {
  return page.evaluate(async (cases, numberTypes) => {
    type Field = HTMLElement & { value: unknown; normalizedValue: unknown; updateComplete: Promise<unknown> };
    const fields = new Map<string, Field>();
    const results: (string | null)[] = [];
    for (const [country, typed] of cases) {
      let field = fields.get(country);
      if (!field) {
        field = document.createElement('intake-field') as Field;
        field.setAttribute('type', 'phone');
        field.setAttribute('name', 'p');
        field.setAttribute('default-country', country);
        if (numberTypes) field.setAttribute('number-types', numberTypes);
        document.getElementById('fields')!.append(field);
        await field.updateComplete;
        fields.set(country, field);
      }
      field.value = typed;
      const value = field.normalizedValue;
      results.push(typeof value === 'string' ? value : null);
    }
    document.getElementById('fields')!.replaceChildren();
    return results;
  }, cases as [string, string][], numberTypes);
}

/** The oracle: libphonenumber-js with `max` metadata, read as Intake reads input (`00` starts an international number). */
function oracle(country: string, typed: string, parse = parseMax): string | null {
  const text = typed.normalize('NFKC').trim().replace(/^00/, '+');
  const phone = parse(text, { defaultCountry: country as CountryCode });
  return phone?.isValid() ? phone.number : null;
}

/** A seeded pseudo-random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function digits(next: () => number, length: number, first = ''): string {
  let text = first;
  while (text.length < length) text += String(Math.floor(next() * 10));
  return text;
}

describe('the default script (dist/intake.js) and its phone data file', () => {
  it('loads the data file once, under the strict CSP, and judges with it; a reload takes it from the cache', { timeout: 60_000 }, async () => {
    dataRequests = 0;
    const { page, problems } = await open('/form.html');
    await fullEngineIn(page);
    expect(dataRequests, 'two phone fields on the page, one request').toBe(1);
    const cached: boolean[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(dataFiles.phone)) cached.push(response.fromCache());
    });
    await page.reload({ waitUntil: 'load' });
    await fullEngineIn(page);
    expect(dataRequests, 'the reload asked the server for nothing').toBe(1);
    expect(cached).toEqual([true]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('agrees with libphonenumber-js max on the listed countries and refuses no valid number elsewhere', { timeout: 120_000 }, async () => {
    const { page, problems } = await open('/fields.html');
    await fullEngineIn(page);
    const next = random(20261205);
    type Case = { country: string; typed: string; exact: boolean };
    const cases: Case[] = [];
    for (const country of getCountries()) {
      const exact = (listed as readonly string[]).includes(country);
      const example = getExampleNumber(country, examples);
      if (example) {
        cases.push({ country, typed: example.formatNational(), exact });
        cases.push({ country, typed: example.formatInternational(), exact });
        cases.push({ country, typed: `+${example.countryCallingCode} ${example.nationalNumber}`, exact });
      }
      // Google's example of every type, nationally and internationally.
      for (const example of examplesOfEveryType(country)) {
        cases.push({ country, typed: example.formattedNational, exact });
        cases.push({ country, typed: example.formattedInternational, exact });
        cases.push({ country, typed: `+${example.callingCode} ${example.national}`, exact });
      }
      // Random numbers of plausible lengths (national significant numbers of 6 to 12 digits),
      // typed nationally and internationally.
      const count = exact ? 120 : 6;
      const callingCode = getCountryCallingCode(country);
      for (let i = 0; i < count; i++) {
        const national = digits(next, 6 + Math.floor(next() * 7), exact && i % 3 === 0 && example ? example.nationalNumber[0] : '');
        cases.push({ country, typed: national, exact });
        cases.push({ country, typed: `+${callingCode} ${national}`, exact });
      }
    }
    // China's mobiles of the wrong length (10 and 12 digits starting with 1).
    for (let i = 0; i < 60; i++) cases.push({ country: 'CN', typed: digits(next, i % 2 ? 10 : 12, '1'), exact: true });
    // Territories that share a calling code with a larger country take that country's numbers;
    // national forms that need libphonenumber's prefix rules.
    for (const [country, typed] of [
      ['GG', '+44 20 7086 8226'],
      ['JE', '+44 20 7086 8226'],
      ['CX', '+61 2 9030 2334'],
      ['CC', '+61 2 9030 2334'],
      ['YT', '+33 6 12 34 56 78'],
      ['CA', '310-1234'],
      ['BY', '8 029 491-19-11'],
      ['AR', '011 15-2345-6789'],
    ]) {
      cases.push({ country: country!, typed: typed!, exact: false });
    }

    const actual = await judgeInPage(page, cases.map((c) => [c.country, c.typed] as const));
    const perCountry = new Map<string, { checked: number; valid: number; disagree: number }>();
    const disagreements: string[] = [];
    const falseRejections: string[] = [];
    const looserThanMin: string[] = [];
    cases.forEach((c, i) => {
      const expected = oracle(c.country, c.typed);
      const got = actual[i] ?? null;
      const row = perCountry.get(c.exact ? c.country : 'elsewhere') ?? { checked: 0, valid: 0, disagree: 0 };
      row.checked++;
      if (expected) row.valid++;
      if (c.exact) {
        if (got !== expected) {
          row.disagree++;
          disagreements.push(`${c.country} ${JSON.stringify(c.typed)}: script ${got}, libphonenumber-js max ${expected}`);
        }
      } else {
        if (expected && got !== expected) falseRejections.push(`${c.country} ${JSON.stringify(c.typed)}: script ${got}, max ${expected}`);
        if (got && !oracle(c.country, c.typed, parseMin)) looserThanMin.push(`${c.country} ${JSON.stringify(c.typed)}: script ${got}, min refuses`);
      }
      perCountry.set(c.exact ? c.country : 'elsewhere', row);
    });
    console.log(
      `phone differential (shipped intake.js in Chromium vs libphonenumber-js max):\n${[...perCountry]
        .map(([country, row]) => `  ${country.padEnd(9)} ${String(row.checked).padStart(5)} numbers, ${String(row.valid).padStart(4)} valid, ${row.disagree} disagreements`)
        .join('\n')}`,
    );
    expect(cases.length).toBeGreaterThan(5000);
    expect(disagreements).toEqual([]);
    expect(falseRejections).toEqual([]);
    expect(looserThanMin).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('with number-types="mobile", takes exactly the numbers libphonenumber-js max calls mobile (or fixed line or mobile)', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/fields.html');
    await fullEngineIn(page);
    const cases: [string, string][] = [];
    for (const country of listed) {
      for (const example of examplesOfEveryType(country)) cases.push([country, example.formattedNational], [country, example.formattedInternational]);
    }
    const actual = await judgeInPage(page, cases, 'mobile');
    const disagreements: string[] = [];
    let refusedAsLandlineOrOther = 0;
    cases.forEach(([country, typed], i) => {
      const phone = parseMax(typed, { defaultCountry: country as CountryCode });
      const type = phone?.isValid() ? phone.getType() : undefined;
      const expected = phone?.isValid() && (type === undefined || type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') ? phone.number : null;
      if (phone?.isValid() && !expected) refusedAsLandlineOrOther++;
      if ((actual[i] ?? null) !== expected) disagreements.push(`${country} ${JSON.stringify(typed)} (${type}): script ${actual[i]}, expected ${expected}`);
    });
    console.log(`number-types="mobile": ${cases.length} examples of every type, ${refusedAsLandlineOrOther} valid numbers of another kind refused, ${disagreements.length} disagreements`);
    expect(refusedAsLandlineOrOther).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('without the data file the form still submits, on the lite check, and the record says so', { timeout: 60_000 }, async () => {
    dataFileGone = true;
    try {
      const { page, problems } = await open('/form.html', true);
      await page.waitForFunction(() => document.querySelector('intake-form')?.shadowRoot?.querySelector('intake-field[name="phone"] input[type="tel"]'), { timeout: 15_000 });
      const record = await page.evaluate(async () => {
        const form = document.querySelector('intake-form') as HTMLElement & { values: Record<string, unknown>; submit(): Promise<void> };
        const submitted = new Promise<unknown>((resolve) => form.addEventListener('intake-submitted', (event) => resolve((event as CustomEvent).detail), { once: true }));
        form.values = { name: 'Li Lei', phone: '139 1234 5678' };
        // A person takes longer than the receiver's spam threshold (1.5 s).
        await new Promise((resolve) => setTimeout(resolve, 1600));
        await form.submit();
        return ((await submitted) as { record: unknown }).record;
      });
      const sent = record as IntakeRecord;
      expect(sent.data['phone']).toBe('+8613912345678');
      expect(sent.context.phoneCheck).toBe('lite');
      await waitFor(() => receiver.store.has(sent.id), 10_000, 'the record in the receiver');
      // The missing data file is a 404 the page met, and a warning; nothing else went wrong.
      expect(problems.failed.every((line) => line.includes(dataFiles.phone))).toBe(true);
      expect(problems.failed.length).toBeGreaterThan(0);
      expect(problems.csp).toEqual([]);
      expect(problems.errors).toEqual([]);
      await page.browserContext().close();
    } finally {
      dataFileGone = false;
    }
  });
});
