// End-to-end: the region field of the shipped packages/embed/dist/intake.js under the strict CSP.
// The region data is not in intake.js: it arrives as one content-hashed data file from beside the
// script when the first region field is drawn, once per page; a person chooses with the keyboard
// and a real receiver stores the record. A broken form loads the texts of schema problems the
// same way.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRecord } from '@intake/core';
import { launchBrowser } from './support/browser.js';
import { closeServer, listen } from './support/listen.js';
import { watchPage, type PageProblems } from './support/page-watch.js';
import { startReceiver, type ReceiverServer } from './support/receiver-server.js';
import { waitFor } from './support/wait-for.js';

const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const dataFiles = JSON.parse(await readFile(`${dist}data-files.json`, 'utf8')) as Record<string, string>;
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*";

const schema = {
  id: 'region-e2e',
  locale: 'zh-CN',
  fields: [
    { type: 'text', name: 'company', label: { en: 'Company', 'zh-CN': '公司名称' }, required: true },
    { type: 'region', name: 'address', label: { en: 'Company address', 'zh-CN': '公司所在地区' }, required: true },
    {
      type: 'cascade', name: 'industry', label: { en: 'Industry', 'zh-CN': '所属行业' }, required: true,
      levelLabels: [{ en: 'Section', 'zh-CN': '门类' }, { en: 'Division', 'zh-CN': '大类' }],
      options: [{ value: 'C', label: '制造业', children: [{ value: '39', label: '计算机、通信和其他电子设备制造业' }] }],
    },
  ],
};

let server: ReturnType<typeof createServer>;
let origin: string;
let receiver: ReceiverServer;
let browser: Browser;
const requests = new Map<string, number>();
/** When set, the region data file is not there (404), as for a phone that cannot reach it. */
let withoutRegionData = false;

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>region data</title>
<script src="/intake.js"></script></head><body>${body}</body></html>`;
}

const pages: Record<string, () => string> = {
  '/form.html': () => page(`<intake-form endpoint="${receiver.url}"><script type="application/json">${JSON.stringify(schema)}</script></intake-form>`),
  '/two.html': () => page(`<form><intake-field type="region" name="a" label="A"></intake-field><intake-field type="region" name="b" label="B" levels="2"></intake-field></form>`),
  '/broken.html': () => page(`<intake-form><script type="application/json">${JSON.stringify({ id: 'broken', fields: [{ type: 'region', name: 'address', levles: 2 }] })}</script></intake-form>`),
};

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const html = pages[path];
  if (html) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    response.end(html());
    return;
  }
  if (path === '/favicon.ico') return void response.writeHead(204).end();
  if (path === '/intake.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(await readFile(`${dist}intake.js`));
    return;
  }
  const file = Object.values(dataFiles).find((name) => path === `/${name}`);
  if (file && !(withoutRegionData && file === dataFiles['region'])) {
    requests.set(file, (requests.get(file) ?? 0) + 1);
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
    response.end(await readFile(`${dist}${file}`));
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

async function open(path: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await (await browser.createBrowserContext()).newPage();
  const problems = await watchPage(page);
  requests.clear();
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

/** Focuses select `level` of field `name` in the form and moves its choice to `label` with arrow keys. */
async function choose(page: Page, name: string, level: number, label: string): Promise<void> {
  const steps = await page.waitForFunction(
    (name, level, label) => {
      const field = document.querySelector('intake-form')!.shadowRoot!.querySelector(`intake-field[name="${name}"]`)!;
      const select = field.querySelectorAll('select')[level] as HTMLSelectElement | undefined;
      if (!select || select.disabled) return false;
      const target = [...select.options].findIndex((option) => option.text === label);
      if (target < 0) return false;
      select.focus();
      return target - select.selectedIndex;
    },
    { timeout: 15_000 },
    name, level, label,
  );
  const count = (await steps.jsonValue()) as number;
  for (let i = 0; i < Math.abs(count); i++) await page.keyboard.press(count > 0 ? 'ArrowDown' : 'ArrowUp');
}

describe('region data file of intake.js', () => {
  it('is not inside intake.js', async () => {
    const script = await readFile(`${dist}intake.js`, 'utf8');
    // 广东省 and 浦东新区, as intake.js (ASCII) would write them.
    expect(script).not.toContain('\\u5E7F\\u4E1C\\u7701');
    expect(script).not.toContain('\\u6D66\\u4E1C\\u65B0\\u533A');
    expect(dataFiles['region']).toMatch(/^intake-region-[0-9a-f]{10}\.js$/);
  });

  it('loads under the strict CSP with one import, and a record chosen with the keyboard reaches the receiver', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/form.html');
    await page.waitForFunction(() => document.querySelector('intake-form')?.shadowRoot?.querySelector('intake-field[name="company"] input'), { timeout: 15_000 });
    await page.evaluate(() => (document.querySelector('intake-form')!.shadowRoot!.querySelector('intake-field[name="company"] input') as HTMLInputElement).focus());
    await page.keyboard.type('上海示例科技');
    await choose(page, 'address', 0, '上海市');
    await choose(page, 'address', 1, '上海市');
    await choose(page, 'address', 2, '浦东新区');
    await choose(page, 'industry', 0, '制造业');
    await choose(page, 'industry', 1, '计算机、通信和其他电子设备制造业');
    // A person takes longer than the receiver's spam threshold (1.5 s).
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const sentPromise = page.evaluate(() => new Promise<unknown>((resolve) => document.querySelector('intake-form')!.addEventListener('intake-submitted', (event) => resolve((event as CustomEvent).detail.record), { once: true })));
    await page.evaluate(() => (document.querySelector('intake-form')!.shadowRoot!.querySelector('[part~="submit"]') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    const sent = (await sentPromise) as IntakeRecord;
    expect(JSON.stringify(sent.data['address'])).toBe(JSON.stringify({ code: '310115', province: '上海市', city: '上海市', district: '浦东新区' }));
    expect(sent.data['industry']).toBe('39');
    await waitFor(() => receiver.store.has(sent.id), 10_000, 'the record in the receiver');
    expect(requests.get(dataFiles['region']!)).toBe(1);
    expect(requests.has(dataFiles['schemaMessages']!)).toBe(false);
    expect(problems.csp).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('is imported once for every region field of a page', { timeout: 30_000 }, async () => {
    const { page, problems } = await open('/two.html');
    await page.waitForFunction(() => [...document.querySelectorAll('intake-field')].every((field) => field.shadowRoot?.querySelector('select:not([disabled])')), { timeout: 15_000 });
    expect(requests.get(dataFiles['region']!)).toBe(1);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('when the data file cannot load, the page stays responsive and the field says so, in both locales', { timeout: 60_000 }, async () => {
    withoutRegionData = true;
    try {
      const { page, problems } = await open('/form.html');
      // Before the fix, each render of the field asked for the failed load again and drew again when it
      // settled: a loop of microtasks that froze the page (this evaluate never returned).
      const said = await page.waitForFunction(() => {
        const select = document.querySelector('intake-form')?.shadowRoot?.querySelector<HTMLSelectElement>('intake-field[name="address"] select');
        return select?.options[0]?.text.includes('地区列表') ? { text: select.options[0].text, disabled: select.disabled, busy: select.getAttribute('aria-busy') } : false;
      }, { timeout: 15_000 });
      expect(await said.jsonValue()).toEqual({ text: '地区列表尚未加载，请稍候或刷新页面', disabled: true, busy: 'false' });
      // A submit says the same on the field and in the summary: not "choose a region", which nobody can.
      const messages = await page.evaluate(async () => {
        const form = document.querySelector('intake-form') as HTMLElement & { validate(): boolean; updateComplete: Promise<unknown> };
        form.validate();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const root = form.shadowRoot!;
        return {
          inline: root.querySelector('intake-field[name="address"] [part~="error"]')?.textContent?.trim(),
          summary: [...root.querySelectorAll('[part~="error-summary"] a')].map((link) => link.textContent?.trim()),
        };
      });
      expect(messages.inline).toContain('地区列表尚未加载，请稍候或刷新页面');
      expect(messages.summary).toContain('地区列表尚未加载，请稍候或刷新页面');
      // The rest of the form works: a person types, and the page answers at once.
      await page.evaluate(() => (document.querySelector('intake-form')!.shadowRoot!.querySelector('intake-field[name="company"] input') as HTMLInputElement).focus());
      await page.keyboard.type('上海示例科技');
      const started = Date.now();
      expect(await page.evaluate(() => (document.querySelector('intake-form') as HTMLElement & { values: Record<string, unknown> }).values['company'])).toBe('上海示例科技');
      expect(Date.now() - started).toBeLessThan(5_000);
      await page.evaluate(() => document.querySelector('intake-form')!.setAttribute('locale', 'en'));
      await page.waitForFunction(() => document.querySelector('intake-form')!.shadowRoot!.querySelector<HTMLSelectElement>('intake-field[name="address"] select')?.options[0]?.text === 'The list of regions has not loaded. Wait a moment or reload the page', { timeout: 5_000 });
      // One try, one warning: the 404 itself and the warning are all that went wrong.
      expect(problems.failed).toEqual([`404 ${origin}/${dataFiles['region']}`]);
      expect(problems.errors).toEqual([]);
      expect(problems.console.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
      expect(problems.csp).toEqual([]);
      await page.close();
    } finally {
      withoutRegionData = false;
    }
  });

  it('a broken form loads the texts of schema problems as a data file and says what is wrong', { timeout: 30_000 }, async () => {
    const { page, problems } = await open('/broken.html');
    const text = await page.waitForFunction(() => {
      const box = document.querySelector('intake-form')?.shadowRoot?.querySelector('[part="schema-error"]');
      return box?.textContent?.includes('levels') ? box.textContent.replace(/\s+/g, ' ') : false;
    }, { timeout: 15_000 });
    // The form names no locale and the elements follow the page's default (en): the message as the
    // core writes it, with its "did you mean", not the bare code shown before the texts arrive.
    expect(await text.jsonValue()).toContain('fields[0].levles: Unknown key "levles" (did you mean "levels"?)');
    expect(requests.get(dataFiles['schemaMessages']!)).toBe(1);
    expect(problems.csp).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });
});
