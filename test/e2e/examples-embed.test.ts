// End-to-end: the two script-tag example sites, built by their own build scripts and served as
// static folders with a real receiver on the same origin, in real Chromium.
//
// - examples/website-embed under `default-src 'self'; script-src 'self'; style-src 'self'`: filled
//   with the keyboard alone, delivered, stored normalized, themed by the page, zero violations.
// - examples/qr-landing (under the same policy) at 360 px: prefill and utm from the URL, kiosk mode
//   on a shared tablet, the outbox when the connection drops, and the printable QR code.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { qrOptions } from '../../examples/qr-landing/qr-options.mjs';
import { outboxEntryPrefix } from './harness.js';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { watchIntakeEvents, type IntakeEvents } from './support/intake-events.js';
import { watchPage, type PageProblems } from './support/page-watch.js';
import { serveStaticSite, type StaticSite } from './support/static-site.js';
import { waitFor } from './support/wait-for.js';

const csp = "default-src 'self'; script-src 'self'; style-src 'self'";
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const draftPrefix = 'intake-draft:v1:';

/** The parts of the `qrcode` library this test uses (it is a dependency of examples/qr-landing only). */
interface QrLibrary {
  create(text: string, options: { errorCorrectionLevel: string }): { modules: { size: number; get(row: number, col: number): number } };
  toString(text: string, options: typeof qrOptions): Promise<string>;
}
const qrcode = createRequire(join(examples, 'qr-landing/package.json'))('qrcode') as QrLibrary;

/** Runs an example's own build script into `out`. */
async function buildExample(name: string, out: string, args: string[] = []): Promise<void> {
  await promisify(execFile)(process.execPath, [join(examples, name, 'build.mjs'), '--out', out, ...args]);
}

/** A page watched for problems (CSP violations from the first byte of every document, console errors, failed requests) and Intake events. */
interface Watched extends IntakeEvents {
  readonly page: Page;
  readonly problems: PageProblems;
}

async function watchedPage(target: Browser | BrowserContext): Promise<Watched> {
  const page = await target.newPage();
  const problems = await watchPage(page);
  return { page, problems, ...(await watchIntakeEvents(page)) };
}

/** Navigates and waits until `<intake-form>` has loaded its schema. */
async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (document.querySelector('intake-form') as any)?.controller !== undefined, { timeout: 15_000 });
}

/** The focused element, through shadow roots: `tag name` of the control and the field it belongs to. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return 'none';
    const field = active.closest('intake-field')?.getAttribute('name');
    return field ? `${active.localName} ${field}` : `${active.localName} ${active.getAttribute('part') ?? active.textContent?.trim().slice(0, 20)}`;
  });
}

/** The value of a field's control as shown (`input`, `textarea` or `select` in `intake-field[name]`). */
function shownValue(page: Page, name: string): Promise<string> {
  return page.evaluate((name) => {
    const root = document.querySelector('intake-form')!.shadowRoot!;
    return root.querySelector<HTMLInputElement>(`intake-field[name="${name}"] :is(input, textarea, select)`)!.value;
  }, name);
}

/** The visible text of the form's shadow root plus the slotted success content when shown. */
function formText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const form = document.querySelector('intake-form')!;
    const slot = form.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="success"]');
    const slotted = slot?.assignedElements().map((element) => (element as HTMLElement).innerText) ?? [];
    return [form.shadowRoot!.textContent, ...slotted].join(' ').replace(/\s+/g, ' ').trim();
  });
}

function storageKeys(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)), prefix);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `#0f766e` → `rgb(15, 118, 110)`, as getComputedStyle writes colours. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------------

describe('examples/website-embed under a strict Content-Security-Policy', () => {
  let dir: string;
  let site: StaticSite;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intake-website-embed-'));
    await buildExample('website-embed', dir);
    site = await serveStaticSite({
      root: dir,
      headers: { 'content-security-policy': csp },
      hookPath: '/hooks/contact',
      schema: JSON.parse(await readFile(join(dir, 'contact.json'), 'utf8')),
    });
  }, 60_000);
  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  it('the build copies one page, its assets, the schema and the one script file', async () => {
    const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(/<!--[\s\S]*?-->/g, '');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="intake.js" defer>']);
    expect(html.match(/<intake-form\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle=|<style/);
    const embed = await readFile(fileURLToPath(new URL('../../packages/embed/dist/intake.js', import.meta.url)));
    expect((await readFile(join(dir, 'intake.js'))).equals(embed)).toBe(true);
  });

  it('is filled with the keyboard alone, delivers one normalized record, with zero CSP violations', { timeout: 60_000 }, async () => {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    const { page } = tab;
    await page.setViewport({ width: 1280, height: 900 });
    // The server really sent the policy the test is about.
    const response = await page.goto(`${site.origin}/`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toBe(csp);
    await page.waitForFunction(() => (document.querySelector('intake-form') as any)?.controller !== undefined, { timeout: 15_000 });

    // From the top of the page, Tab until the first field (skip link, header, hero links first).
    for (let presses = 0; (await focused(page)) !== 'input name'; presses += 1) {
      expect(presses, 'the form is reachable with Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('  Grace   Hopper ');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input email');
    await page.keyboard.type('Grace.Hopper@Example.COM');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cobol Logistics');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('select topic');
    await page.keyboard.press('ArrowDown'); // "A quote for a fleet"
    await page.keyboard.press('ArrowDown'); // "A site visit or demo"
    expect(await shownValue(page, 'topic')).toBe('demo');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea message');
    await page.keyboard.type('Three shifts, 40,000 m².');
    await page.keyboard.press('Enter');
    await page.keyboard.type('We move totes by hand today.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input privacy');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button button submit');
    await page.keyboard.press('Enter');

    const [submitted] = await waitFor(() => (tab.submitted().length > 0 ? tab.submitted() : undefined), 15_000, 'intake-submitted');
    expect(submitted!.status).toBe('delivered');
    // The page's own thank-you (slot "success") is what the person sees.
    await waitFor(async () => (await formText(page)).includes('Thank you, we have your message.'), 5_000, 'the success state');

    const record = submitted!.record;
    expect(site.stored(record.id)).toEqual([record]);
    expect(site.posts).toEqual([201]);
    expect(record.form).toEqual({ id: 'northwind-contact', version: 1 });
    expect(record.data).toEqual({
      name: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      company: 'Cobol Logistics',
      topic: 'demo',
      message: 'Three shifts, 40,000 m².\nWe move totes by hand today.',
      privacy: true,
    });
    expect(record.tags).toEqual(['sales']);
    expect(record.consents).toEqual([{ field: 'privacy', version: '2026-01', acceptedAt: expect.any(String) }]);
    expect(record.dedupeKey).toBe(sha256(JSON.stringify(['grace.hopper@example.com'])));
    expect(record.context.url).toBe(`${site.origin}/`);

    // Nothing was blocked and nothing complained, from the first byte of both loads to the thank-you.
    expect(tab.problems.csp).toEqual([]);
    expect(tab.problems.all()).toEqual([]);
    // Only what the page links to was requested: no inline code, no other origin, no stray files.
    expect(new Set(site.requested)).toEqual(new Set(['/', '/site.css', '/intake.js', '/logo.svg', '/contact.json', '/hooks/contact']));
  });

  it('takes its look from the page: --intake-* properties and ::part() rules of site.css apply', { timeout: 30_000 }, async () => {
    const css = await readFile(join(dir, 'site.css'), 'utf8');
    const declared = (name: string) => css.match(new RegExp(`${name}:\\s*(#[0-9a-f]{6}|[0-9]+px)`))?.[1];
    const primary = declared('--intake-color-primary')!;
    const radius = declared('--intake-radius')!;
    expect(primary).toBe('#0f766e'); // not the default #1d4ed8, so a form that ignored the page would fail below
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    await load(tab.page, `${site.origin}/`);
    const look = await tab.page.evaluate(() => {
      const form = document.querySelector('intake-form')!;
      const root = form.shadowRoot!;
      const submit = getComputedStyle(root.querySelector('[part~="submit"]')!);
      const input = getComputedStyle(root.querySelector('intake-field[name="name"] input')!);
      const label = getComputedStyle(root.querySelector('intake-field[name="name"] [part~="label"]')!);
      return {
        property: getComputedStyle(form).getPropertyValue('--intake-color-primary').trim(),
        submitBackground: submit.backgroundColor,
        submitRadius: submit.borderTopLeftRadius,
        inputRadius: input.borderTopLeftRadius,
        labelWeight: label.fontWeight,
        labelFont: label.fontFamily,
        pageFont: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(look).toEqual({
      property: primary,
      submitBackground: rgb(primary), // --intake-color-primary
      submitRadius: '999px', // intake-form.contact-form::part(submit)
      inputRadius: radius, // --intake-radius
      labelWeight: '600', // ::part(label)
      labelFont: look.pageFont, // --intake-font-family: the page's font
      pageFont: look.pageFont,
    });
    expect(look.pageFont).toContain('Avenir Next');
    expect(tab.problems.csp).toEqual([]);
  });

  it('with default-src \'self\', a webhook on another origin is blocked by connect-src: reported, and the record kept on the device', { timeout: 60_000 }, async () => {
    // What the README tells a company: without a connect-src for the webhook's origin, only a
    // same-origin webhook works. The browser refuses the post before it leaves the page.
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    const { page } = tab;
    await load(page, `${site.origin}/`);
    const elsewhere = `${site.origin.replace('127.0.0.1', 'localhost')}/hooks/contact`; // same server, another origin
    const postsBefore = site.posts.length;
    await page.evaluate((endpoint) => {
      const form = document.querySelector('intake-form') as any;
      form.endpoint = endpoint;
      form.values = { name: 'Blocked Post', email: 'blocked@example.com', topic: 'other', message: 'This post never leaves the page.', privacy: true };
      void form.submit();
    }, elsewhere);
    const [queued] = await waitFor(() => (tab.submitted().length > 0 ? tab.submitted() : undefined), 45_000, 'intake-submitted');
    expect(queued!.status).toBe('queued');
    expect(await storageKeys(page, outboxEntryPrefix)).toEqual([`${outboxEntryPrefix}${queued!.record.id}`]);
    expect(site.posts.length).toBe(postsBefore);
    expect(tab.problems.csp.length).toBeGreaterThan(0);
    expect(new Set(tab.problems.csp.map((violation) => `${violation.directive} ${violation.blocked}`))).toEqual(new Set([`connect-src ${elsewhere}`]));
  });

  it('axe finds no violation on the page', { timeout: 30_000 }, async () => {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    await load(tab.page, `${site.origin}/`);
    expect(await axeViolations(tab.page)).toEqual([]);
  });

  it('fits a 360 px phone without sideways scrolling', { timeout: 30_000 }, async () => {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    await tab.page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await load(tab.page, `${site.origin}/`);
    const widths = await tab.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      form: document.querySelector('intake-form')!.getBoundingClientRect().right,
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.form).toBeLessThanOrEqual(360);
    expect(tab.problems.csp).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('examples/qr-landing', () => {
  let dir: string;
  let site: StaticSite;
  let qrUrl: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intake-qr-landing-'));
    site = await serveStaticSite({
      root: dir,
      headers: { 'content-security-policy': csp },
      hookPath: '/hooks/expo-booth',
      schema: JSON.parse(await readFile(join(examples, 'qr-landing/booth.json'), 'utf8')),
    });
    // The printed code leads to the page as served here.
    qrUrl = `${site.origin}/?utm_source=qr&utm_medium=print&utm_campaign=expo2026`;
    await buildExample('qr-landing', dir, ['--url', qrUrl]);
  }, 60_000);
  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    site.hook = 'up';
  });

  async function phone(): Promise<Watched> {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    await tab.page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    return tab;
  }

  async function tapField(page: Page, name: string, control = 'input'): Promise<void> {
    await page.tap(`intake-form >>> intake-field[name="${name}"] ${control}`);
  }

  it('on a 360 px phone: prefill and utm from the QR code URL, a draft while typing, one record', { timeout: 60_000 }, async () => {
    const tab = await phone();
    const { page } = tab;
    await load(page, `${site.origin}/?utm_source=qr&utm_medium=booth&utm_campaign=expo2026&company=Acme%20Logistics&rep=anna`);
    expect(await shownValue(page, 'company')).toBe('Acme Logistics');
    expect(await shownValue(page, 'name')).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.getElementById('connection')!.hidden)).toBe(true);

    await tapField(page, 'name');
    await page.keyboard.type('Lin Wei');
    await tapField(page, 'email');
    await page.keyboard.type('Lin.Wei@Acme.example');
    await tapField(page, 'phone');
    await page.keyboard.type('139 1234 5678');
    await page.tap('intake-form >>> intake-field[name="interests"] input[value="quote"]');
    await page.tap('intake-form >>> intake-field[name="privacy"] input[type="checkbox"]');
    // Not a kiosk: what is typed is kept as a draft on the phone until it is sent.
    await waitFor(async () => (await storageKeys(page, draftPrefix)).length > 0, 5_000, 'a draft to be saved');
    await page.tap('intake-form >>> [part~="submit"]');

    const [submitted] = await waitFor(() => (tab.submitted().length > 0 ? tab.submitted() : undefined), 15_000, 'intake-submitted');
    expect(submitted!.status).toBe('delivered');
    await waitFor(async () => (await formText(page)).includes('Thank you!'), 5_000, 'the thank-you');
    const record = submitted!.record;
    expect(site.stored(record.id)).toEqual([record]);
    expect(record.data).toEqual({
      name: 'Lin Wei',
      company: 'Acme Logistics',
      email: 'lin.wei@acme.example',
      phone: '+8613912345678',
      interests: ['quote'],
      privacy: true,
      event: 'expo-2026',
      rep: 'anna',
    });
    expect(record.tags).toEqual(['hot']);
    expect(record.context.utm).toEqual({ source: 'qr', medium: 'booth', campaign: 'expo2026' });
    expect(await storageKeys(page, draftPrefix)).toEqual([]);
    expect(tab.problems.csp).toEqual([]);
    expect(tab.problems.all()).toEqual([]);
  });

  it('in dark mode (prefers-color-scheme: dark) axe finds no violation, the booth badge included', { timeout: 30_000 }, async () => {
    const tab = await phone();
    const { page } = tab;
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await load(page, `${site.origin}/?utm_source=qr`);
    // The emulation is really on: the page's dark background, not the light one.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(rgb('#0d1616'));
    expect(await axeViolations(page)).toEqual([]);
    // The badge keeps dark text on its amber in both schemes (in dark mode the ink colour turns light).
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.where')!).color)).toBe(rgb('#0b1f20'));
    expect(tab.problems.csp).toEqual([]);
  });

  it('?lang=zh-CN puts the page around the form in Chinese too: <html lang>, title, headings, booth text, footer', { timeout: 30_000 }, async () => {
    const tab = await phone();
    const { page } = tab;
    const pageTexts = () =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        heading: document.querySelector('h1')!.textContent,
        marked: [...document.querySelectorAll<HTMLElement>('[data-text]')].map((element) => `${element.dataset.text}: ${element.textContent!.trim()}`),
      }));
    const han = /\p{Script=Han}/u;

    // Without ?lang the page stays English.
    await load(page, `${site.origin}/`);
    const english = await pageTexts();
    expect(english.lang).toBe('en');
    expect(english.heading).toBe('Robots that move your warehouse');
    expect(english.marked.filter((text) => han.test(text))).toEqual([]);

    await load(page, `${site.origin}/?lang=zh-CN`);
    const chinese = await pageTexts();
    expect(chinese.lang).toBe('zh-CN');
    expect(chinese.title).toMatch(han);
    expect(chinese.heading).toMatch(han);
    // Every text of the page's own (the booth badge, the pitch, the offline notice, the thank-you, the footer) changed, and is Chinese.
    expect(chinese.marked.map((text) => text.split(':')[0])).toEqual(['where', 'heading', 'pitch', 'connection', 'thanksTitle', 'thanksBody', 'footer', 'qrLink']);
    expect(chinese.marked.filter((text) => !han.test(text))).toEqual([]);
    // The form itself is in Chinese.
    expect(await page.evaluate(() => document.querySelector('intake-form')!.getAttribute('locale'))).toBe('zh-CN');
    const text = await formText(page);
    expect(text).toContain('留下您的联系方式');
    expect(text).toContain('姓名');
    expect(await axeViolations(page)).toEqual([]);
    expect(tab.problems.csp).toEqual([]);
    expect(tab.problems.all()).toEqual([]);
  });

  it('?kiosk on a shared tablet: two visitors in a row, a fresh form between them, no draft ever', { timeout: 60_000 }, async () => {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    const { page } = tab;
    await page.setViewport({ width: 800, height: 1280, isMobile: true, hasTouch: true });
    await load(page, `${site.origin}/?kiosk=1&utm_source=booth-tablet&rep=anna`);
    expect(await page.evaluate(() => document.querySelector('intake-form')!.hasAttribute('kiosk'))).toBe(true);
    expect(await page.evaluate(() => (document.querySelector('intake-form') as any).kioskReset)).toBe(1000);

    const visitor = async (name: string, email: string, company?: string) => {
      await tapField(page, 'name');
      await page.keyboard.type(name);
      if (company) {
        await tapField(page, 'company');
        await page.keyboard.type(company);
      }
      await tapField(page, 'email');
      await page.keyboard.type(email);
      await page.tap('intake-form >>> intake-field[name="privacy"] input[type="checkbox"]');
      await sleep(600); // longer than the draft delay of a normal form
      expect(await storageKeys(page, draftPrefix)).toEqual([]);
      await page.tap('intake-form >>> [part~="submit"]');
    };

    await visitor('First Visitor', 'first@example.com', 'First Company');
    await waitFor(() => tab.submitted().length === 1, 15_000, 'the first submission');
    expect(await formText(page)).toContain('A new form opens in');
    // The form resets itself for the next person.
    await page.waitForFunction(() => document.querySelector('intake-form')!.shadowRoot!.querySelector('intake-field[name="name"]'), { timeout: 10_000 });
    expect(await shownValue(page, 'name')).toBe('');
    expect(await shownValue(page, 'company')).toBe('');
    expect(await shownValue(page, 'email')).toBe('');
    expect(await page.evaluate(() => document.querySelector('intake-form')!.shadowRoot!.querySelector<HTMLInputElement>('intake-field[name="privacy"] input')!.checked)).toBe(false);

    await visitor('Second Visitor', 'second@example.com');
    await waitFor(() => tab.submitted().length === 2, 15_000, 'the second submission');
    await page.waitForFunction(() => document.querySelector('intake-form')!.shadowRoot!.querySelector('intake-field[name="name"]'), { timeout: 10_000 });

    const [first, second] = tab.submitted().map((submitted) => submitted.record);
    expect(tab.submitted().map((submitted) => submitted.status)).toEqual(['delivered', 'delivered']);
    expect(first!.id).not.toBe(second!.id);
    expect(site.stored(first!.id)).toEqual([first]);
    expect(site.stored(second!.id)).toEqual([second]);
    expect(first!.data).toEqual({ name: 'First Visitor', company: 'First Company', email: 'first@example.com', privacy: true, event: 'expo-2026', rep: 'anna' });
    // Nothing of the first visitor in the second record; the tablet's own settings (rep, utm) stay.
    expect(second!.data).toEqual({ name: 'Second Visitor', email: 'second@example.com', privacy: true, event: 'expo-2026', rep: 'anna' });
    expect(second!.context.utm).toEqual({ source: 'booth-tablet' });
    expect(await storageKeys(page, draftPrefix)).toEqual([]);
    expect(await storageKeys(page, outboxEntryPrefix)).toEqual([]);
    expect(tab.problems.csp).toEqual([]);
    expect(tab.problems.all()).toEqual([]);
  });

  it('a bad connection: the page says so, the record is saved on the device, then sent exactly once', { timeout: 60_000 }, async () => {
    const tab = await phone();
    const { page } = tab;
    await load(page, `${site.origin}/?utm_source=qr`);
    await tapField(page, 'name');
    await page.keyboard.type('Offline Person');
    await tapField(page, 'email');
    await page.keyboard.type('offline@example.com');
    await page.tap('intake-form >>> intake-field[name="privacy"] input[type="checkbox"]');

    const postsBefore = site.posts.length;
    await page.setOfflineMode(true);
    await waitFor(() => page.evaluate(() => !document.getElementById('connection')!.hidden), 5_000, 'the no-connection notice');
    await page.tap('intake-form >>> [part~="submit"]');
    const [queued] = await waitFor(() => (tab.submitted().length > 0 ? tab.submitted() : undefined), 15_000, 'intake-submitted');
    expect(queued!.status).toBe('queued');
    const { record } = queued!;
    expect(await formText(page)).toContain('Saved on this device');
    expect(await storageKeys(page, outboxEntryPrefix)).toEqual([`${outboxEntryPrefix}${record.id}`]);
    await sleep(300);
    expect(site.posts.length).toBe(postsBefore);

    await page.setOfflineMode(false); // fires `online`: the page hides its notice, the outbox flushes
    await waitFor(() => site.stored(record.id).length > 0, 10_000, 'the queued record to be stored');
    await waitFor(async () => (await storageKeys(page, outboxEntryPrefix)).length === 0, 5_000, 'the outbox to empty');
    await waitFor(async () => (await formText(page)).includes('Thank you!'), 5_000, 'the form to say the record was sent');
    expect(await page.evaluate(() => document.getElementById('connection')!.hidden)).toBe(true);
    await sleep(500);
    expect(site.stored(record.id)).toEqual([record]);
    expect(site.posts.slice(postsBefore)).toEqual([201]);
    expect(record.context.utm).toEqual({ source: 'qr' });
    expect(tab.problems.csp).toEqual([]);
  });

  it('the webhook down at the booth: queued after the retries, sent once when a reload finds it back', { timeout: 90_000 }, async () => {
    const tab = await phone();
    const { page } = tab;
    await load(page, `${site.origin}/?utm_source=qr`);
    site.hook = 'down'; // every POST: connection reset
    const postsBefore = site.posts.length;
    await page.evaluate(() => {
      (document.querySelector('intake-form') as any).values = { name: 'Backend Down', email: 'down@example.com', privacy: true };
    });
    await page.tap('intake-form >>> [part~="submit"]');
    const [queued] = await waitFor(() => (tab.submitted().length > 0 ? tab.submitted() : undefined), 60_000, 'intake-submitted');
    expect(queued!.status).toBe('queued');
    const { record } = queued!;
    expect(site.posts.slice(postsBefore).every((status) => status === 'reset')).toBe(true);
    expect(site.posts.length - postsBefore).toBeGreaterThanOrEqual(2);
    expect(await formText(page)).toContain('Saved on this device');
    expect(site.stored(record.id)).toEqual([]);

    site.hook = 'up';
    await load(page, `${site.origin}/?utm_source=qr`); // any Intake form loading on the origin flushes the outbox
    await waitFor(() => site.stored(record.id).length > 0, 15_000, 'the queued record to be stored');
    await waitFor(async () => (await storageKeys(page, outboxEntryPrefix)).length === 0, 5_000, 'the outbox to empty');
    await sleep(500);
    expect(site.stored(record.id)).toEqual([record]);
    expect(site.posts.slice(postsBefore).filter((status) => status !== 'reset')).toEqual([201]);
  });

  it('the build draws a QR code (SVG) of exactly the given URL, with the qrcode library', async () => {
    const svg = await readFile(join(dir, 'qr.svg'), 'utf8');
    // Made by the library with the example's options, from this URL.
    expect(svg).toBe(await qrcode.toString(qrUrl, qrOptions));

    // And independently: the dark modules drawn in the SVG are the symbol of the URL.
    const symbol = qrcode.create(qrUrl, { errorCorrectionLevel: 'M' }).modules;
    const margin = qrOptions.margin;
    const side = symbol.size + 2 * margin;
    const header = svg.match(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) (\d+)"/);
    expect(header?.slice(1)).toEqual([String(side), String(side)]);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const path = svg.match(/<path stroke="[^"]+" d="([^"]+)"/)?.[1];
    expect(path).toBeDefined();
    const drawn = Array.from({ length: side }, () => new Array<boolean>(side).fill(false));
    let x = 0;
    let y = 0;
    for (const [, command, a, b] of path!.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      const dx = Number(a);
      if (command === 'M') [x, y] = [dx, Number(b)];
      else if (command === 'm') [x, y] = [x + dx, y + Number(b)];
      else {
        for (let i = 0; i < dx; i += 1) drawn[Math.floor(y)]![x + i] = true;
        x += dx;
      }
    }
    const expected = Array.from({ length: side }, (_, row) =>
      Array.from({ length: side }, (_, col) => {
        const r = row - margin;
        const c = col - margin;
        return r >= 0 && c >= 0 && r < symbol.size && c < symbol.size && symbol.get(r, c) === 1;
      }),
    );
    expect(drawn).toEqual(expected);
    // The three finder patterns are where a reader looks for them (a sanity check of the parse).
    for (const [row, col] of [[margin, margin], [margin, side - margin - 7], [side - margin - 7, margin]] as const) {
      expect(drawn[row]!.slice(col, col + 7)).toEqual(new Array(7).fill(true));
    }
  });

  it('qr.html shows the code and the URL on screen, and prints the code alone on the page', { timeout: 30_000 }, async () => {
    context = await browser.createBrowserContext();
    const tab = await watchedPage(context);
    const { page } = tab;
    await page.goto(`${site.origin}/qr.html`, { waitUntil: 'load' });
    const screen = await page.evaluate(() => {
      const image = document.querySelector<HTMLImageElement>('img.qr')!;
      return { loaded: image.complete && image.naturalWidth > 0, alt: image.alt, url: document.querySelector('.url')!.textContent, button: getComputedStyle(document.getElementById('print')!).display };
    });
    expect(screen).toEqual({ loaded: true, alt: `QR code of ${qrUrl}`, url: qrUrl, button: 'inline-block' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      controls: getComputedStyle(document.querySelector('.screen-only')!).display,
      width: document.querySelector('img.qr')!.getBoundingClientRect().width,
    }));
    expect(printed.controls).toBe('none');
    expect(printed.width).toBeCloseTo((12 / 2.54) * 96, 0); // 12 cm
    expect(tab.problems.csp).toEqual([]);
    expect(tab.problems.all()).toEqual([]);
  });
});
