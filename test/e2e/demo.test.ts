// End-to-end: the main job. Starts `node scripts/demo.mjs` (built beforehand, as `pnpm demo` does)
// on free ports with a temporary data directory, then a person in real Chromium fills the crm-lead
// form through its five steps with the keyboard, sends it, sees it delivered, finds the record in
// the receiver's JSON-lines file and on the inbox page, and switches the page to Chinese. Nothing
// may break the pages' Content-Security-Policy or log a console error along the way.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, ConsoleMessage, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake, parseForm, type IntakeRecord } from '@intake/core';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { watchIntakeEvents, type IntakeEvents } from './support/intake-events.js';
import { watchPage, type PageProblems } from './support/page-watch.js';
import { waitFor } from './support/wait-for.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let demo: ChildProcess | undefined;
let exited: Promise<number | null>;
let output = '';
let pageUrl: string;
let browser: Browser;
let page: Page;
let problems: PageProblems;
let intakeEvents: IntakeEvents;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'intake-demo-'));
  const [demoPort, receiverPort] = [await freePort(), await freePort()];
  demo = spawn(process.execPath, ['scripts/demo.mjs'], {
    cwd: root,
    env: { ...process.env, DEMO_PORT: String(demoPort), RECEIVER_PORT: String(receiverPort), DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => demo!.once('exit', (code) => resolve(code)));
  demo.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  demo.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const match = await waitFor(
    () => {
      if (demo!.exitCode !== null) throw new Error(`scripts/demo.mjs exited early:\n${output}`);
      return /Intake demo: (http:\/\/\S+)/.exec(output);
    },
    20_000,
    "the demo's URL",
  );
  pageUrl = match[1]!;

  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 360, height: 740 });
  problems = await watchPage(page);
  intakeEvents = await watchIntakeEvents(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    demo.kill('SIGTERM');
    const ended = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000))]);
    if (ended === 'timeout') demo.kill('SIGKILL');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A control inside `<intake-form>`'s shadow root. */
const inForm = (selector: string) => `intake-form >>> ${selector}`;
const control = (name: string, inner = '[part~="input"]') => inForm(`intake-field[name="${name}"] ${inner}`);

async function typeInto(name: string, text: string, inner?: string): Promise<void> {
  await page.click(control(name, inner));
  await page.keyboard.type(text);
}

/**
 * Picks an option of a native select the way a keyboard user does: focus it, then type the start
 * of the option's label, or press the down arrow a number of times.
 */
async function chooseOption(name: string, keys: string | number, expected: string, inner?: string): Promise<void> {
  await page.waitForSelector(control(name, inner), { timeout: 5000 });
  await page.focus(control(name, inner));
  if (typeof keys === 'string') await page.keyboard.type(keys);
  else for (let i = 0; i < keys; i += 1) await page.keyboard.press('ArrowDown');
  const value = await page.$eval(control(name, inner), (select) => (select as HTMLSelectElement).value);
  expect(value, `${name} after ${typeof keys === 'string' ? `typing "${keys}"` : `${keys} × ArrowDown`}`).toBe(expected);
}

/** Ticks a checkbox or radio of a field with the space bar. */
async function tick(name: string, value?: string): Promise<void> {
  await page.focus(control(name, value === undefined ? 'input' : `input[value="${value}"]`));
  await page.keyboard.press('Space');
}

async function stepTitle(): Promise<string> {
  return page.$eval('intake-form', (form) => form.shadowRoot?.querySelector('[part~="step-title"]')?.textContent?.trim() ?? '');
}

/** Presses Continue and waits for the next step's title. */
async function continueTo(title: string): Promise<void> {
  await page.click(inForm('button[part~="next"]'));
  await waitFor(async () => (await stepTitle()) === title, 5000, `the step "${title}" (now "${await stepTitle()}")`);
}

async function mainText(): Promise<string> {
  return page.$eval('main', (main) => (main as HTMLElement).innerText);
}

async function expectAxeClean(what: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
}

describe('pnpm demo', () => {
  it('prints one URL, the data directory and the inbox line', () => {
    expect(output.match(/https?:\/\//g), output).toHaveLength(1);
    expect(output).toContain(dataDir);
    expect(output).toMatch(/inbox/i);
  });

  it('serves the pages with a strict CSP, the bundle and the preset, and nothing outside its folder', async () => {
    const response = await fetch(pageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const endpoint = /endpoint="([^"]+)"/.exec(html)?.[1];
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/crm-lead$/);
    const receiverOrigin = new URL(endpoint!).origin;
    expect(response.headers.get('content-security-policy')).toContain(`default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${receiverOrigin}`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/); // no inline script or style

    const served: [string, string][] = [
      ['intake.js', 'text/javascript; charset=utf-8'],
      ['schemas/crm-lead.json', 'application/json; charset=utf-8'],
      ['demo.css', 'text/css; charset=utf-8'],
      ['inbox.html', 'text/html; charset=utf-8'],
    ];
    for (const [path, type] of served) {
      const file = await fetch(new URL(path, pageUrl));
      expect([path, file.status, file.headers.get('content-type')]).toEqual([path, 200, type]);
      await file.arrayBuffer();
    }
    const { port } = new URL(pageUrl);
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/scripts/demo.mjs', '/site-server.mjs', '/nope.html']) {
      expect([path, await rawGet(Number(port), path)]).toEqual([path, 404]);
    }

    // The receiver takes posts only from the demo page, and hands no records out.
    const preflight = (origin: string) =>
      fetch(`${receiverOrigin}/hooks/crm-lead`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight(new URL(pageUrl).origin)).status).toBe(204);
    // Another origin's preflight passes (so its POST can read the 403 that refuses it), but grants it nothing stored.
    expect((await preflight('https://elsewhere.example')).status).toBe(204);
    const refused = await fetch(`${receiverOrigin}/hooks/crm-lead`, { method: 'POST', headers: { origin: 'https://elsewhere.example', 'content-type': 'text/plain' }, body: '{}' });
    expect([refused.status, ((await refused.json()) as { code?: string }).code]).toEqual([403, 'origin_not_allowed']);
    expect((await fetch(`${receiverOrigin}/api/records`)).status).toBe(404);
  });

  it('the page CSS: one small render-blocking stylesheet, a balanced header at 360 px, a visible status accent', { timeout: 30_000 }, async () => {
    // The one stylesheet stays blocking on purpose (see the comment at the top of demo.css): so it must stay small.
    await page.goto(`${pageUrl}?lang=en`, { waitUntil: 'load' });
    const resources = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[]).map((entry) => ({
        path: new URL(entry.name).pathname,
        blocking: entry.renderBlockingStatus,
        encoded: entry.encodedBodySize,
      })),
    );
    expect(resources.filter((resource) => resource.blocking === 'blocking').map((resource) => resource.path)).toEqual(['/demo.css']);
    expect(resources.find((resource) => resource.path === '/demo.css')!.encoded, 'demo.css compressed, in bytes').toBeLessThan(3 * 1024);

    /** The header's boxes (the page is 360 px wide in this file). */
    const header = () =>
      page.evaluate(() => {
        // DOMRect has no own properties to serialize: toJSON() gives a plain object.
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
        const [english, chinese] = [...document.querySelectorAll('.language button')].map((button) => button.getBoundingClientRect().toJSON() as DOMRect);
        const headerBox = box('.site-header');
        const padding = parseFloat(getComputedStyle(document.querySelector('.site-header')!).paddingInlineStart);
        return { brand: box('.brand'), nav: box('.site-header nav'), language: box('.language'), english: english!, chinese: chinese!, left: headerBox.left + padding, right: headerBox.right - padding, scroll: document.documentElement.scrollWidth };
      });
    for (const lang of ['en', 'zh-CN']) {
      await page.goto(`${pageUrl}?lang=${lang}`, { waitUntil: 'load' });
      const at360 = await header();
      expect(at360.scroll, lang).toBeLessThanOrEqual(360);
      // Brand and navigation on the first row; the switch on a row of its own, across it, in two equal halves.
      expect(at360.nav.top, lang).toBeLessThan(at360.brand.bottom);
      expect(at360.language.top, lang).toBeGreaterThanOrEqual(at360.nav.bottom);
      expect(Math.abs(at360.language.left - at360.left), lang).toBeLessThan(1);
      expect(Math.abs(at360.language.right - at360.right), lang).toBeLessThan(1);
      expect(Math.abs(at360.english.width - at360.chinese.width), lang).toBeLessThan(2); // the second button carries the 1 px divider
      expect(at360.english.top, lang).toBe(at360.chinese.top);
    }
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${pageUrl}?lang=en`, { waitUntil: 'load' });
    const at1280 = await header();
    // On a wide screen all three on one row, the switch at the end and no wider than its buttons need.
    expect(at1280.language.top).toBeLessThan(at1280.brand.bottom);
    expect(Math.abs(at1280.language.right - at1280.right)).toBeLessThan(1);
    expect(at1280.language.width).toBeLessThan(250);
    await page.setViewport({ width: 360, height: 740 });

    // The status box's left accent is visible (at least 3:1 against the page and against the box), light and dark, in every state.
    for (const scheme of ['light', 'dark']) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`${pageUrl}?lang=en`, { waitUntil: 'load' });
      const contrasts = await page.evaluate(() => {
        const channels = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [r, g, b] = channels(color).map((value) => {
            const c = value / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const contrast = (a: string, b: string) => {
          const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (light! + 0.05) / (dark! + 0.05);
        };
        const line = document.getElementById('delivery')!;
        const initial = line.dataset.state!;
        const result: Record<string, number> = {};
        for (const state of [initial, 'sending', 'delivered', 'queued', 'rejected']) {
          line.dataset.state = state;
          const style = getComputedStyle(line);
          const accent = style.borderInlineStartColor;
          // The page's background is on :root (the body is transparent).
          result[state] = Math.min(contrast(accent, getComputedStyle(document.documentElement).backgroundColor), contrast(accent, style.backgroundColor));
        }
        line.dataset.state = initial;
        return result;
      });
      for (const [state, ratio] of Object.entries(contrasts)) expect(ratio, `${scheme}, ${state}`).toBeGreaterThanOrEqual(3);
    }
    await page.emulateMediaFeatures([]);
  });

  it('a person fills the crm-lead form with the keyboard and sends it; the receiver stores the record', { timeout: 90_000 }, async () => {
    // The page preloads the schema (<link rel="preload" as="fetch">): one request, used by the form.
    const schemaRequests: string[] = [];
    const preloadWarnings: string[] = [];
    const onRequest = (request: HTTPRequest) => {
      if (new URL(request.url()).pathname === '/schemas/crm-lead.json') schemaRequests.push(request.url());
    };
    const onConsole = (message: ConsoleMessage) => {
      if (/preload/i.test(message.text())) preloadWarnings.push(message.text());
    };
    page.on('request', onRequest);
    page.on('console', onConsole);
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForSelector(control('company'), { timeout: 15_000 });
    expect(await page.$eval('html', (html) => html.lang)).toBe('en');
    expect(await stepTitle()).toBe('Company');
    await expectAxeClean('the form page');

    // Step 1: Company
    await typeInto('company', 'Acme Robotics Ltd');
    await typeInto('website', 'www.acme-robotics.example');
    await chooseOption('industry', 'Manu', 'C');
    await chooseOption('industry', 'Manufacture of comp', '39', 'select[data-level="1"]');
    await chooseOption('companySize', '50', '50-199');
    // The region's names are Chinese in every locale: arrow keys down the lists (广东省, 深圳市, 南山区).
    await page.waitForSelector(control('region', 'select:not([disabled])'), { timeout: 15_000 });
    await chooseOption('region', 19, '440000');
    await chooseOption('region', 3, '440300', 'select[data-level="1"]');
    await chooseOption('region', 3, '440305', 'select[data-level="2"]');
    await continueTo('Contact');

    // Step 2: Contact (a Chinese mobile number as people type it, an email with capitals)
    await typeInto('contactName', 'Ada Lovelace');
    await typeInto('phone', '139 1234 5678');
    await typeInto('email', 'Ada.Lovelace@Example.com');
    await tick('preferredContact', 'email');
    await continueTo('Needs');

    // Step 3: Needs
    await typeInto('coreNeed', 'One place for trade-show and website leads, followed up within a day.');
    await tick('interests', 'demo');
    await tick('interests', 'pricing');
    await tick('urgency', 'immediate');
    await chooseOption('budget', 3, '100k-500k'); // past the placeholder, under ¥50,000 and ¥50,000–100,000
    await typeInto('expectedUsers', '40');
    await continueTo('Source & decision');

    // Step 4: Source & decision (the source detail appears for "Trade show or event")
    await chooseOption('sourceChannel', 'Trade', 'expo');
    await page.waitForSelector(control('sourceDetail'), { timeout: 5000 });
    await typeInto('sourceDetail', 'Canton Fair 2026');
    await tick('isDecisionMaker');
    await page.waitForSelector(control('decisionScope', 'input[value="budget-approval"]'), { timeout: 5000 });
    await tick('decisionScope', 'budget-approval');
    await continueTo('Confirm');

    // Step 5: Confirm
    await tick('privacy');
    page.off('request', onRequest);
    page.off('console', onConsole);
    expect(schemaRequests, 'the schema is fetched once, the preload and the form sharing it').toHaveLength(1);
    expect(preloadWarnings, 'Chromium warns when a preload goes unused').toEqual([]);
    // A person takes longer than the receiver's spam threshold (a fill under 1.5 s is dropped
    // quietly with a 202); puppeteer's keyboard fills all five steps in about 1.8 s, too close.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.click(inForm('button[part~="submit"]'));

    await page.waitForSelector(inForm('[part~="success"]'), { timeout: 30_000 });
    expect(await page.$eval('intake-form', (form) => form.shadowRoot!.querySelector('[part~="success"]')!.textContent)).toContain('Thank you');
    // The thank-you's button has room under the text (demo.css, through ::part(success)).
    const room = await page.$eval('intake-form', (form) => {
      const panel = form.shadowRoot!.querySelector('[part~="success"]')!;
      const texts = [...panel.querySelectorAll('p')];
      return panel.querySelector('button')!.getBoundingClientRect().top - texts[texts.length - 1]!.getBoundingClientRect().bottom;
    });
    expect(room).toBeGreaterThanOrEqual(16);
    await waitFor(() => intakeEvents.submitted().length > 0, 5000, 'the intake-submitted event');
    const { record, status } = intakeEvents.submitted()[0]!;
    expect(status).toBe('delivered');
    const delivery = await page.$eval('#delivery', (line) => line.textContent ?? '');
    expect(delivery).toContain('Delivered');
    expect(delivery).toContain(record.id);

    // The receiver appended exactly that record to its JSON-lines file.
    const lines = (await readFile(join(dataDir, 'crm-lead.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const stored = JSON.parse(lines[0]!) as IntakeRecord;
    expect(stored).toEqual(record);
    expect(stored.form).toEqual({ id: 'crm-lead', version: 1 });
    expect(stored.locale).toBe('en');
    expect(stored.data).toEqual({
      company: 'Acme Robotics Ltd',
      website: 'www.acme-robotics.example',
      industry: '39',
      companySize: '50-199',
      region: { code: '440305', province: '广东省', city: '深圳市', district: '南山区' },
      contactName: 'Ada Lovelace',
      phone: '+8613912345678',
      email: 'ada.lovelace@example.com',
      preferredContact: 'email',
      coreNeed: 'One place for trade-show and website leads, followed up within a day.',
      interests: ['demo', 'pricing'],
      urgency: 'immediate',
      budget: '100k-500k',
      expectedUsers: 40,
      sourceChannel: 'expo',
      sourceDetail: 'Canton Fair 2026',
      isDecisionMaker: true,
      decisionScope: ['budget-approval'],
      privacy: true, // the unticked marketing consent is left out
    });
    expect(stored.tags).toEqual(['high-value', 'urgent', 'expo-lead']);
    expect(stored.dedupeKey).toBe(createHash('sha256').update(JSON.stringify(['+8613912345678', 'ada.lovelace@example.com'])).digest('hex'));
    expect(stored.context.fillMs).toBeGreaterThan(1500);
  });

  it('the inbox lists the record, newest first, and picks up new ones by itself', { timeout: 60_000 }, async () => {
    const { record } = intakeEvents.submitted()[0]!;
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('nav a[href="/inbox.html"]')]);
    await page.waitForSelector('#records li.record', { timeout: 10_000 });
    const first = await page.$eval('#records li.record', (item) => ({ id: (item as HTMLElement).dataset.id, text: (item as HTMLElement).innerText }));
    expect(first.id).toBe(record.id);
    for (const expected of ['Ada Lovelace', 'Acme Robotics Ltd', 'ada.lovelace@example.com', '+8613912345678', 'high-value', 'urgent', 'expo-lead', record.dedupeKey!]) {
      expect(first.text).toContain(expected);
    }
    expect(await page.$eval('#records time', (time) => time.getAttribute('datetime'))).toBe(record.submittedAt);
    await page.click('#records li.record summary');
    expect(JSON.parse(await page.$eval('#records li.record pre', (pre) => pre.textContent ?? ''))).toEqual(record);
    expect(await page.$eval('#inbox-status', (line) => line.textContent)).toBe('1 record received.');
    await expectAxeClean('the inbox page');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await expectAxeClean('the inbox page, dark');
    await page.emulateMediaFeatures([]);

    // A record posted to the receiver from elsewhere (as a browser would) shows up on top, without a reload.
    const html = await (await fetch(pageUrl)).text();
    const endpoint = /endpoint="([^"]+)"/.exec(html)![1]!;
    const parsed = parseForm(JSON.parse(await readFile(join(root, 'packages/core/presets/contact.json'), 'utf8')));
    if (!parsed.ok) throw new Error('the contact preset is invalid');
    let now = Date.now() - 20_000;
    const intake = createIntake(parsed.form, { context: { url: 'https://www.example.com/contact', referrer: '' }, now: () => now });
    intake.setValues({ name: 'Grace Hopper', email: 'grace@example.com', topic: 'sales', message: 'Please call me back about pricing.', privacy: true });
    now += 20_000;
    const second = await intake.toRecord();
    const posted = await fetch(endpoint.replace('/hooks/crm-lead', '/hooks/contact'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': second.id },
      body: JSON.stringify(second),
    });
    expect(posted.status).toBe(201);
    await waitFor(
      () => page.$$eval('#records li.record', (items) => items.map((item) => (item as HTMLElement).dataset.id)).then((ids) => ids.length === 2 && ids[0] === second.id),
      10_000,
      'the inbox to show the new record on top',
    );
    expect(await page.$eval('#inbox-status', (line) => line.textContent)).toBe('2 records received.');
    // The first record's raw JSON stayed open across the refresh.
    expect(await page.$eval(`#records li.record[data-id="${record.id}"] details`, (details) => (details as HTMLDetailsElement).open)).toBe(true);
  });

  it('the inbox offers each form as a CSV download, masked by default, in the page language', { timeout: 30_000 }, async () => {
    // csv-parse is a dev dependency of @intake/receiver: read the download as a spreadsheet would.
    const csvParse = createRequire(join(root, 'packages/receiver/package.json')).resolve('csv-parse/sync');
    const { parse } = (await import(pathToFileURL(csvParse).href)) as { parse: (text: string, options: object) => unknown };
    const { record } = intakeEvents.submitted()[0]!;
    const download = async (form: string) => {
      const href = await page.$eval(`a[data-form="${form}"]`, (link) => (link as HTMLAnchorElement).href);
      expect(await page.$eval(`a[data-form="${form}"]`, (link) => link.hasAttribute('download'))).toBe(true);
      const response = await fetch(href);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      // response.text() would drop the byte order mark: look at the bytes.
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)], 'a UTF-8 byte order mark, for Excel').toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
      const cell = (row: number, label: string) => rows[row]![rows[0]!.indexOf(label)];
      return { href, disposition: response.headers.get('content-disposition'), rows, cell };
    };

    const masked = await download('crm-lead');
    expect(new URL(masked.href).search).toBe('?form=crm-lead&lang=en');
    expect(masked.disposition).toBe('attachment; filename="crm-lead-records.csv"');
    expect(masked.rows).toHaveLength(2);
    expect(masked.rows[0]!.slice(0, 3)).toEqual(['Record ID', 'Submitted at', 'Company name']);
    expect(masked.cell(1, 'Record ID')).toBe(record.id);
    expect(masked.cell(1, 'Company name')).toBe('Acme Robotics Ltd');
    expect(masked.cell(1, 'Contact name')).toBe('A*');
    expect(masked.cell(1, 'Mobile number')).toBe('139****5678');
    expect(masked.cell(1, 'Work email')).toBe('a***@example.com');
    expect(masked.rows.flat().join()).not.toMatch(/Lovelace|13912345678|ada\.lovelace/);
    const contact = await download('contact');
    expect(contact.rows).toHaveLength(2);
    expect(contact.rows[1]!.some((cell) => cell === 'G*')).toBe(true);

    await page.click('#download-unmasked');
    const full = await download('crm-lead');
    expect(new URL(full.href).search).toBe('?form=crm-lead&lang=en&mask=0');
    expect(full.disposition).toBe('attachment; filename="crm-lead-records-unmasked.csv"');
    expect(full.cell(1, 'Contact name')).toBe('Ada Lovelace');
    expect(full.cell(1, 'Mobile number')).toBe('+8613912345678');
    expect(full.cell(1, 'Work email')).toBe('ada.lovelace@example.com');

    await page.click('button[data-locale="zh-CN"]');
    expect(await page.$eval('a[data-form="crm-lead"]', (link) => link.textContent)).toBe('下载 CSV（商务咨询）');
    const chinese = await download('crm-lead');
    expect(new URL(chinese.href).search).toBe('?form=crm-lead&lang=zh-CN&mask=0');
    expect(chinese.rows[0]!.slice(0, 3)).toEqual(['记录编号', '提交时间', '公司名称']);
    expect(chinese.cell(1, '联系人姓名')).toBe('Ada Lovelace');
    await page.click('#download-unmasked');
    expect(new URL((await download('crm-lead')).href).search).toBe('?form=crm-lead&lang=zh-CN');
    await page.click('button[data-locale="en"]');
    expect(await page.$eval('a[data-form="crm-lead"]', (link) => link.textContent)).toBe('Download CSV (business inquiries)');
  });

  it('switches the page and the form to Chinese', { timeout: 30_000 }, async () => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('nav a[href="/"]')]);
    await page.waitForSelector(control('company'), { timeout: 15_000 });
    await page.click('button[data-locale="zh-CN"]');
    await waitFor(
      () => page.$eval('intake-form', (form) => form.shadowRoot?.querySelector('intake-field[name="company"] label')?.textContent?.includes('公司名称') ?? false),
      5000,
      'the Chinese label of the company field',
    );
    expect(await page.$eval('html', (html) => html.lang)).toBe('zh-CN');
    expect(await page.$eval('intake-form', (form) => form.getAttribute('locale'))).toBe('zh-CN');
    expect(await page.$eval('button[data-locale="zh-CN"]', (button) => button.getAttribute('aria-pressed'))).toBe('true');
    expect(await page.$eval('button[data-locale="en"]', (button) => button.getAttribute('aria-pressed'))).toBe('false');
    expect(await stepTitle()).toBe('公司信息');
    expect(await page.$eval(inForm('button[part~="next"]'), (button) => button.textContent?.trim())).toBe('下一步');
    expect(await mainText()).toContain('提交到您自己的接收端的线索表单');
    await expectAxeClean('the form page in Chinese');
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await expectAxeClean('the form page in Chinese, dark');
    await page.emulateMediaFeatures([]);

    // The inbox speaks the language chosen on the form page, and switches too.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('nav a[href="/inbox.html"]')]);
    await page.waitForSelector('#records li.record', { timeout: 10_000 });
    expect(await page.$eval('html', (html) => html.lang)).toBe('zh-CN');
    expect(await page.$eval('h1', (heading) => heading.textContent)).toBe('收件箱');
    await waitFor(() => page.$eval('#inbox-status', (line) => line.textContent === '已收到 2 条记录。'), 5000, 'the Chinese status line');
    const terms = () => page.$eval('#records li.record', (item) => [...item.querySelectorAll('dt, summary')].map((term) => term.textContent));
    expect(await terms()).toEqual(['公司', '邮箱', '电话（E.164）', '标签', '去重键', '原始 JSON']);
    await expectAxeClean('the inbox in Chinese');
    await page.click('button[data-locale="en"]');
    expect(await page.$eval('#inbox-status', (line) => line.textContent)).toBe('2 records received.');
    expect(await terms()).toEqual(['Company', 'Email', 'Phone (E.164)', 'Tags', 'Dedupe key', 'Raw JSON']);
    expect(await page.$eval('html', (html) => html.lang)).toBe('en');
    await page.click('button[data-locale="zh-CN"]');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('nav a[href="/"]')]);
    await page.waitForSelector(control('company'), { timeout: 15_000 });
    await waitFor(async () => (await stepTitle()) === '公司信息', 5000, 'the form page in Chinese again');

    // And back.
    await page.click('button[data-locale="en"]');
    await waitFor(async () => (await stepTitle()) === 'Company', 5000, 'the English step title');
    expect(await page.$eval('html', (html) => html.lang)).toBe('en');
  });

  it('broke no CSP rule, logged no console error and met no failed request', () => {
    expect(problems.csp).toEqual([]);
    expect([...problems.console, ...problems.errors]).toEqual([]);
    expect(problems.failed).toEqual([]);
  });

  it('stops both servers on Ctrl-C (SIGINT) and exits cleanly', { timeout: 20_000 }, async () => {
    const { port } = new URL(pageUrl);
    demo!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Intake demo stopped');
    await expect(rawGet(Number(port), '/')).rejects.toThrow();
  });
});

/** Sends `GET <path>` exactly as written (`fetch` would resolve the dots first) and resolves the status. */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.once('error', reject);
    sent.end();
  });
}
