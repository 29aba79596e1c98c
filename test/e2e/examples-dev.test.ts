// The developer examples, built (`pnpm build`) and driven end to end in real Chromium:
// - examples/custom-flow, served by its own server.mjs (static dist/ + POST /signup + a real
//   receiver at /hooks/callback): the fields page (native validation, normalized FormData) and
//   the headless page (errors, conditional fields, delivery through the core's Outbox);
// - examples/react (Vite + React 19), served as static files under a strict CSP, posting to a
//   real receiver on another origin.
// Every page must load without console errors, uncaught errors or CSP violations.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from '@intake/receiver';
import { createCustomFlowServer } from '../../examples/custom-flow/server.mjs';
import { axeViolations } from './support/axe.js';
import { launchBrowser } from './support/browser.js';
import { closeServer, listen } from './support/listen.js';
import { watchPage, type PageProblems } from './support/page-watch.js';
import { startReceiver, type ReceiverServer } from './support/receiver-server.js';
import { staticFiles } from './support/static-server.js';
import { waitFor } from './support/wait-for.js';

const customFlowDist = fileURLToPath(new URL('../../examples/custom-flow/dist/', import.meta.url));
const reactDist = fileURLToPath(new URL('../../examples/react/dist/', import.meta.url));
const contactPreset = fileURLToPath(new URL('../../packages/core/presets/contact.json', import.meta.url));

let browser: Browser;

beforeAll(async () => {
  for (const dist of [customFlowDist, reactDist]) {
    if (!existsSync(`${dist}index.html`)) throw new Error(`${dist} is missing: run \`pnpm build\` first`);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a fresh page (own browser context: no storage shared with other tests) watched for problems. */
async function openPage(): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  return { page, problems: await watchPage(page) };
}

/** Replaces the text of an input (also one inside a shadow root) by typing `text`. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await page.waitForSelector(selector);
  await input!.focus();
  await input!.evaluate((element) => (element as HTMLInputElement).select());
  await page.keyboard.type(text);
}

describe('examples/custom-flow', () => {
  let server: Server;
  let origin: string;
  const store = memoryStore();
  const signups: number[] = [];

  beforeAll(async () => {
    server = await createCustomFlowServer({ root: customFlowDist, store, minFillMs: 0, log: false });
    server.on('request', (request) => {
      if (request.method === 'POST' && request.url === '/signup') signups.push(Date.now());
    });
    origin = await listen(server);
  });

  afterAll(async () => {
    await closeServer(server);
  });

  it('fields page: native validation stops an invalid submit and focuses the invalid field; a valid one sends the normalized FormData', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${origin}/fields.html`, { waitUntil: 'load' });
    await page.waitForSelector('intake-field[name="phone"] >>> input[type="tel"]');

    await page.type('intake-field[name="name"] >>> input', '  Jane   Doe ');
    await page.type('intake-field[name="email"] >>> input', 'jane@');
    await page.click('#signup button[type="submit"]');

    // reportValidity(): the email field is the first invalid one; it has the focus and shows why.
    const invalid = await page.evaluate(() => {
      const host = document.activeElement as HTMLElement & { shadowRoot: ShadowRoot };
      const control = host.shadowRoot.activeElement as HTMLInputElement | null;
      const describedBy = control?.getAttribute('aria-describedby') ?? '';
      return {
        focused: host.getAttribute('name'),
        control: control?.getAttribute('part'),
        matchesInvalid: host.matches(':invalid'),
        ariaInvalid: control?.getAttribute('aria-invalid'),
        message: describedBy
          .split(' ')
          .map((id) => host.shadowRoot.getElementById(id)?.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
        status: document.querySelector('#status')!.textContent,
        summaryTitle: document.querySelector('#problems:not([hidden]) h2')?.textContent,
        summary: [...document.querySelectorAll('#problems li a')].map((link) => [link.getAttribute('href'), link.textContent]),
      };
    });
    expect(invalid).toEqual({
      focused: 'email',
      control: 'input',
      matchesInvalid: true,
      ariaInvalid: 'true',
      message: expect.stringContaining('Enter an email address in the correct format'),
      status: '',
      // The page's own summary lists every invalid field, each linking to it (reportValidity() speaks of the first only).
      summaryTitle: 'There are 3 problems',
      summary: [
        ['#field-email', expect.stringContaining('Enter an email address in the correct format')],
        ['#field-plan', 'Select plan'],
        ['#field-terms', 'You must agree to continue'],
      ],
    });
    expect(signups).toHaveLength(0);
    expect(await axeViolations(page), 'axe, fields page with an error shown').toEqual([]);
    await page.click('#problems li:nth-child(2) a');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'a summary link moves to its field').toBe('plan');

    await retype(page, 'intake-field[name="email"] >>> input', 'Jane.Doe@Example.COM');
    await page.type('intake-field[name="phone"] >>> input[type="tel"]', '(415) 555-2671');
    await (await page.$('intake-field[name="plan"] >>> select'))!.select('team');
    await page.click('intake-field[name="interests"] >>> input[value="api"]');
    await page.click('intake-field[name="interests"] >>> input[value="demo"]');
    await page.type('#promo', 'expo26'); // the plain <input>: its pattern wants capitals
    await page.click('#signup button[type="submit"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('promo');
    expect(signups).toHaveLength(0);

    await retype(page, '#promo', 'EXPO26');
    await page.click('#signup button[type="submit"]');
    // The consent is still unticked: it is the one invalid field left.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('terms');
    await page.click('intake-field[name="terms"] >>> input[type="checkbox"]');
    await page.click('#signup button[type="submit"]');

    const result = await waitFor(() => page.$eval('#result', (element) => element.textContent), 10_000, 'the server answer');
    expect(JSON.parse(result)).toEqual({
      message: 'Account created',
      received: {
        name: 'Jane Doe',
        email: 'jane.doe@example.com',
        phone: '+14155552671',
        plan: 'team',
        interests: ['demo', 'api'], // option order, not click order
        promo: 'EXPO26',
        terms: 'true',
      },
    });
    expect(signups).toHaveLength(1);
    expect(await page.$eval('#status', (element) => element.textContent)).toBe('Account created.');

    // The fields reset with the form: only the plain input's empty string is left in FormData.
    await page.click('#signup button[type="reset"]');
    await waitFor(() => page.$eval('#signup', (form) => JSON.stringify([...new FormData(form as HTMLFormElement)]) === '[["promo",""]]'), 5_000, 'an empty FormData after reset');

    expect(problems.all()).toEqual([]);
    await page.browserContext().close();
  });

  it('headless page: errors from the core with aria-describedby, a conditional field, one record delivered to the receiver', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${origin}/headless.html`, { waitUntil: 'load' });
    await page.waitForSelector('#field-name');
    const hidden = (name: string) => page.$eval(`#field-${name}`, (element) => (element.closest('.field') as HTMLElement).hidden);
    const aria = (selector: string) =>
      page.$eval(selector, (element) => {
        const ids = element.getAttribute('aria-describedby') ?? '';
        return {
          invalid: element.getAttribute('aria-invalid'),
          describedBy: ids,
          text: ids
            .split(' ')
            .filter(Boolean)
            .map((id) => document.getElementById(id)!.textContent)
            .join(' | '),
        };
      });
    expect([await hidden('phone'), await hidden('bestTime'), await hidden('email')]).toEqual([true, true, true]);

    // An empty submit: every visible field says what is missing; the first one gets the focus.
    await page.click('#callback button[type="submit"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
    expect(await page.$eval('#status', (element) => element.textContent)).toBe('Please correct the 3 fields marked in red.');
    expect(store.records).toHaveLength(0);
    expect(await aria('#field-name')).toEqual({ invalid: 'true', describedBy: 'field-name-error', text: 'Enter name' });
    expect(await aria('fieldset.field')).toEqual({ invalid: 'true', describedBy: 'field-contactBy-error', text: 'Select preferred contact' });
    expect(await aria('#field-privacy')).toEqual({ invalid: 'true', describedBy: 'field-privacy-error', text: 'You must agree to continue' });
    expect(await axeViolations(page), 'axe, headless page with errors shown').toEqual([]);

    await page.keyboard.type('Ada Lovelace');
    expect(await aria('#field-name')).toEqual({ invalid: 'false', describedBy: '', text: '' });

    // Choosing "By phone" shows the phone fields (visibleWhen), not the email one.
    await page.click('#field-contactBy-phone');
    expect([await hidden('phone'), await hidden('bestTime'), await hidden('email')]).toEqual([false, false, true]);
    expect((await aria('fieldset.field')).invalid).toBe('false');

    // No error while typing a field the first time; once the person leaves it, the error shows.
    await page.type('#field-phone', '415 555 267');
    expect(await aria('#field-phone')).toEqual({ invalid: 'false', describedBy: 'field-phone-help', text: expect.stringContaining('country code') });
    await page.keyboard.press('Tab');
    const phoneError = await aria('#field-phone');
    expect(phoneError.invalid).toBe('true');
    expect(phoneError.describedBy).toBe('field-phone-help field-phone-error');
    expect(phoneError.text).toMatch(/country code\. \| Enter a valid phone number/);

    await retype(page, '#field-phone', '(415) 555-2671');
    expect(await aria('#field-phone')).toEqual({ invalid: 'false', describedBy: 'field-phone-help', text: expect.stringContaining('country code') });
    await (await page.$('#field-bestTime'))!.select('evening');
    await page.click('#field-privacy');
    await page.click('#callback button[type="submit"]');

    await waitFor(() => page.$eval('#status', (element) => element.textContent?.startsWith('Thank you')), 15_000, 'the delivered status');
    expect(store.records).toHaveLength(1);
    const record = store.records[0]!;
    expect(record.form).toEqual({ id: 'callback', version: 1 });
    expect(record.data).toEqual({ name: 'Ada Lovelace', contactBy: 'phone', phone: '+14155552671', bestTime: 'evening', privacy: true });
    expect(record.consents).toEqual([{ field: 'privacy', version: '2026-01', acceptedAt: expect.any(String) }]);
    expect(record.dedupeKey).toMatch(/^[0-9a-f]{64}$/);
    const receipt = JSON.parse(await page.$eval('#receipt', (element) => element.textContent!));
    expect(receipt.id).toBe(record.id);
    // Sent, so nothing waits in the outbox; the form is fresh again, the phone field hidden.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:')))).toEqual([]);
    expect(await hidden('phone')).toBe(true);

    expect(problems.all()).toEqual([]);
    await page.browserContext().close();
  });
});

describe('examples/react', () => {
  let server: Server;
  let origin = '';
  let receiver: ReceiverServer;

  beforeAll(async () => {
    receiver = await startReceiver(JSON.parse(await readFile(contactPreset, 'utf8')), () => origin);
    // The built app under a strict CSP: React, the elements and the core need nothing inline.
    const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${receiver.origin}`;
    server = createServer(staticFiles(reactDist, (type): Record<string, string> => (type.startsWith('text/html') ? { 'content-security-policy': csp } : {})));
    origin = await listen(server);
  });

  afterAll(async () => {
    await closeServer(server);
    await receiver.close();
  });

  it('renders <intake-form> from a property, switches its locale from React state, and shows the submitted record', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${origin}/index.html?endpoint=${encodeURIComponent(receiver.url)}`, { waitUntil: 'load' });
    await page.waitForSelector('intake-form >>> input[name="name"]');
    const label = () => page.$eval('intake-form >>> input[name="name"]', (input) => (input as HTMLInputElement).labels![0]!.textContent!.trim());

    // The schema arrived as a property (an object), not as an attribute.
    expect(
      await page.$eval('intake-form', (element) => ({
        attribute: element.getAttribute('schema'),
        id: (element as unknown as { schema: { id: string } }).schema.id,
        locale: element.getAttribute('locale'),
      })),
    ).toEqual({ attribute: null, id: 'contact', locale: 'en' });
    expect(await label()).toMatch(/^Name/);

    await page.click('button[lang="zh-CN"]');
    await waitFor(async () => (await label()).startsWith('姓名'), 5_000, 'the Chinese label');
    expect(await page.$eval('h1', (element) => element.textContent)).toBe('在 React 19 中使用 Intake');
    expect(await page.$eval('intake-form', (element) => element.getAttribute('locale'))).toBe('zh-CN');
    expect(await page.$eval('intake-form >>> [part~="submit"]', (element) => element.textContent!.trim())).not.toMatch(/[A-Za-z]/);
    expect(await axeViolations(page), 'axe, React page in Chinese').toEqual([]);

    await page.type('intake-form >>> input[name="name"]', '李雷');
    await page.type('intake-form >>> input[name="email"]', 'Li.Lei@Example.com');
    await page.click('intake-form >>> input[name="topic"][value="sales"]');
    await page.type('intake-form >>> textarea[name="message"]', '请在下周给我回电话，谢谢。');
    await page.click('intake-form >>> input[name="privacy"]');
    // intake-change reached React through the `onintake-change` prop.
    await waitFor(async () => (await page.$eval('#last-change', (element) => element.textContent)) === 'privacy: true', 5_000, 'the last change in React state');

    await page.click('intake-form >>> [part~="submit"]');
    const id = await waitFor(() => page.$('#record-id').then((element) => element?.evaluate((node) => node.textContent)), 15_000, 'the record in React output');
    expect(await page.$eval('#record-status', (element) => element.textContent)).toContain('已送达');
    expect(await page.$eval('#record-data', (element) => element.textContent)).toContain('li.lei@example.com');

    const stored = receiver.store.records.filter((record) => record.id === id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.locale).toBe('zh-CN');
    expect(stored[0]!.data).toEqual({ name: '李雷', email: 'li.lei@example.com', topic: 'sales', message: '请在下周给我回电话，谢谢。', privacy: true });
    expect(stored[0]!.tags).toEqual(['sales-inquiry']);
    expect(receiver.posts.map((post) => post.status)).toEqual([201]);

    expect(problems.all()).toEqual([]);
    await page.browserContext().close();
  });
});
