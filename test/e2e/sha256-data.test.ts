// End-to-end: the shipped packages/embed/dist/intake.js on a page that is not a secure context
// (plain http on a real host name, mapped to 127.0.0.1), where browsers offer no crypto.subtle.
// The script then loads its SHA-256 (@stablelib/sha256) as a content-hashed data file from beside
// itself, as soon as it runs, under the strict CSP; the record's dedupe key is the one Node's
// OpenSSL gives and the real receiver recomputes. When that file cannot load, a submit says the
// details could not be sent and keeps them; the next submit asks again and the record goes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRecord } from '@intake/core';
import { chromeArgs } from './support/browser.js';
import { closeServer, listen } from './support/listen.js';
import { watchPage } from './support/page-watch.js';
import { startReceiver, type ReceiverServer } from './support/receiver-server.js';
import { waitFor } from './support/wait-for.js';

const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));
const dataFiles = JSON.parse(await readFile(`${dist}data-files.json`, 'utf8')) as { sha256: string };
const host = 'intake-plain-http.test';
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:*";

const schema = {
  id: 'sha256-data',
  dedupe: ['email'],
  fields: [
    { type: 'text', name: 'name', label: 'Name', required: true },
    { type: 'email', name: 'email', label: 'Email', required: true },
  ],
};

let server: ReturnType<typeof createServer>;
let origin: string;
let receiver: ReceiverServer;
let browser: Browser;
/** Requests for the SHA-256 data file that reached the server, by path with query. */
const requests: string[] = [];
/** While set, the data file is not there (404). */
let gone = false;

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://x');
  if (url.pathname === '/form.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain http</title>
<script src="/intake.js"></script></head><body><intake-form endpoint="${receiver.url}"><script type="application/json">${JSON.stringify(schema)}</script></intake-form></body></html>`);
  } else if (url.pathname === '/intake.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    response.end(await readFile(`${dist}intake.js`));
  } else if (url.pathname === `/${dataFiles.sha256}`) {
    requests.push(url.pathname + url.search);
    if (gone) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
      response.end(await readFile(`${dist}${dataFiles.sha256}`));
    }
  } else response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
}

beforeAll(async () => {
  server = createServer((request, response) => void serve(request, response));
  const local = new URL(await listen(server));
  origin = `http://${host}:${local.port}`;
  receiver = await startReceiver(schema, () => origin);
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...chromeArgs, `--host-resolver-rules=MAP ${host} 127.0.0.1`],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  if (server) await closeServer(server);
});

/** Fills the form in the page and submits it; resolves to what the form says after it. */
function fillAndSubmit(page: Page, email: string): Promise<{ record?: IntakeRecord; notice: string }> {
  return page.evaluate(async (email) => {
    const form = document.querySelector('intake-form') as HTMLElement & { values: Record<string, unknown>; submit(): Promise<void>; updateComplete: Promise<unknown> };
    let record: unknown;
    form.addEventListener('intake-submitted', (event) => (record = (event as CustomEvent<{ record: unknown }>).detail.record), { once: true });
    form.values = { name: 'Li Lei', email };
    // A person takes longer than the receiver's spam threshold (1.5 s).
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await form.submit();
    await form.updateComplete;
    const notice = form.shadowRoot!.querySelector('[part="failure"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { record: record as IntakeRecord | undefined, notice };
  }, email);
}

describe('the default script on a page without WebCrypto', () => {
  it('loads its SHA-256 from beside itself as soon as it runs, under the strict CSP, and the dedupe key is right', { timeout: 60_000 }, async () => {
    requests.length = 0;
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(`${origin}/form.html`, { waitUntil: 'load' });
    expect(await page.evaluate(() => ({ secure: isSecureContext, subtle: globalThis.crypto?.subtle !== undefined }))).toEqual({ secure: false, subtle: false });
    // Asked for before anyone has typed or submitted anything.
    await waitFor(() => requests.length === 1, 5_000, 'the SHA-256 data file to be asked for');
    const { record, notice } = await fillAndSubmit(page, 'li.lei@example.com');
    expect(notice).toBe('');
    expect(record?.dedupeKey).toBe(createHash('sha256').update(JSON.stringify(['li.lei@example.com'])).digest('hex'));
    await waitFor(() => receiver.store.has(record!.id), 10_000, 'the record in the receiver');
    expect(requests, 'one request for the file').toEqual([`/${dataFiles.sha256}`]);
    expect(problems.all()).toEqual([]);
    await page.close();
  });

  it('when the file cannot load, a submit says so and keeps the values; the next one loads it and sends', { timeout: 60_000 }, async () => {
    requests.length = 0;
    gone = true;
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(`${origin}/form.html`, { waitUntil: 'load' });
    await waitFor(() => requests.length === 1, 5_000, 'the SHA-256 data file to be asked for');
    const first = await fillAndSubmit(page, 'han.meimei@example.com');
    expect(first.record).toBeUndefined();
    expect(first.notice).toContain('Your details could not be sent');
    expect(first.notice).toContain('Nothing you entered has been lost');
    expect(await page.evaluate(() => (document.querySelector('intake-form') as HTMLElement & { values: Record<string, unknown> }).values['email'])).toBe('han.meimei@example.com');

    gone = false;
    const second = await fillAndSubmit(page, 'han.meimei@example.com');
    expect(second.notice).toBe('');
    expect(second.record?.dedupeKey).toBe(createHash('sha256').update(JSON.stringify(['han.meimei@example.com'])).digest('hex'));
    await waitFor(() => receiver.store.has(second.record!.id), 10_000, 'the record in the receiver');
    expect(requests.slice(1).every((path) => path.startsWith(`/${dataFiles.sha256}?attempt=`)), requests.join(', ')).toBe(true);
    expect(problems.csp).toEqual([]);
    expect(problems.failed.every((line) => line.includes(dataFiles.sha256))).toBe(true);
    await context.close();
  });
});
