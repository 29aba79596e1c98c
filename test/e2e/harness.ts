// The end-to-end delivery harness: real headless Chromium (puppeteer-core, Debian's chromium,
// never a downloaded browser) against a real local HTTP server that serves a test page and a
// webhook made with `createHandler` from @intake/receiver, behind a fault injector the tests
// steer. Not a test file: the *.test.ts files beside it use it.
//
// The page and the webhook are on two ports of one server process (two origins), so the page
// posts cross-origin as a real embed does: CORS and preflights are part of what is tested.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { IntakeRecord } from '@intake/core';
import type { MemoryStore } from '@intake/receiver';
import type { toNodeListener } from '@intake/receiver/node';
import { watchIntakeEvents, type SeenEvent } from './support/intake-events.js';
import { closeServer, listen } from './support/listen.js';
import { testReceiver } from './support/receiver.js';
import { waitFor } from './support/wait-for.js';

/** The prefix of the outbox's localStorage keys (one per queued record). */
export const outboxEntryPrefix = 'intake-outbox:v1:entry:';

const defineEntry = fileURLToPath(new URL('../../packages/elements/src/define.ts', import.meta.url));

/** Bundles `<intake-form>` and `<intake-field>` (packages/elements/src/define.ts) into one ESM file. */
export async function bundleElements(): Promise<{ dir: string; code: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'intake-e2e-'));
  const outfile = join(dir, 'intake.js');
  await build({
    entryPoints: [defineEntry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['production'],
    outfile,
    logLevel: 'warning',
  });
  return { dir, code: await readFile(outfile) };
}

// ---------------------------------------------------------------------------------------------
// The fault injector

/** What the webhook does with one POST. */
export type Fault =
  /** Hand the request to the real receiver (createHandler + memoryStore). */
  | { readonly kind: 'pass'; readonly delayMs?: number }
  /** Answer this status without calling the receiver; CORS granted unless `cors: false`. */
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string; readonly cors?: boolean }
  /** Read the request, then never answer (until the client gives up). */
  | { readonly kind: 'hang' }
  /** Read the request, then destroy the socket (a reset / a server crash mid-request). */
  | { readonly kind: 'reset' };

/** One request that reached the webhook port. */
export interface HookRequest {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  /** The record id (from `Idempotency-Key` or from the body); undefined for preflights. */
  id: string | undefined;
  readonly arrivedAt: number;
  /** When the answer was written (for `status` faults, just before the write), if one was. */
  answeredAt: number | undefined;
  /** When the exchange ended (answer sent, socket destroyed, or client gone). */
  endedAt: number | undefined;
  fault: Fault['kind'] | 'refused-preflight' | 'preflight';
  /** The status answered, if any. */
  status: number | undefined;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function recordIdOf(contentType: string | undefined, body: string): string | undefined {
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(body).get('id') ?? undefined;
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sits in front of the receiver on the webhook port. Faults come from `queue` first (one per
 * POST, in order), then from `policy`; with neither, requests pass to the receiver. It logs every
 * request and watches that no two requests for one record id are ever in flight together.
 */
export class FaultInjector {
  /** Faults for the next POSTs, in order. */
  readonly queue: Fault[] = [];
  /** Decides the fault of a POST when the queue is empty. */
  policy: ((request: HookRequest) => Fault) | undefined;
  /** Answer CORS preflights (OPTIONS) with 405 and no CORS headers, as many webhooks do. */
  refuseOptions = false;
  /** Every request, in arrival order. */
  readonly log: HookRequest[] = [];
  /** Record ids seen in two requests at once, with the two sequence numbers. */
  readonly overlaps: { id: string; seqs: [number, number] }[] = [];
  /** How many faults (anything but `pass`) were injected. */
  faults = 0;
  readonly #inFlight = new Map<string, HookRequest>();
  readonly #pass: ReturnType<typeof toNodeListener>;
  readonly #origin: () => string;

  constructor(pass: ReturnType<typeof toNodeListener>, pageOrigin: () => string) {
    this.#pass = pass;
    this.#origin = pageOrigin;
  }

  /** Clears the log, the queue, the policy and the counters. */
  reset(): void {
    this.queue.length = 0;
    this.policy = undefined;
    this.refuseOptions = false;
    this.log.length = 0;
    this.overlaps.length = 0;
    this.faults = 0;
  }

  /** POSTs logged for a record id (or all POSTs). */
  posts(id?: string): HookRequest[] {
    return this.log.filter((entry) => entry.method === 'POST' && (id === undefined || entry.id === id));
  }

  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const contentType = request.headers['content-type'];
    const entry: HookRequest = {
      seq: this.log.length + 1,
      method,
      path,
      contentType,
      id: (request.headers['idempotency-key'] as string | undefined) ?? undefined,
      arrivedAt: Date.now(),
      answeredAt: undefined,
      endedAt: undefined,
      fault: 'pass',
      status: undefined,
    };
    this.log.push(entry);
    response.once('finish', () => (entry.answeredAt ??= Date.now()));
    response.once('close', () => {
      entry.endedAt = Date.now();
      entry.status ??= response.headersSent ? response.statusCode : undefined;
      if (entry.id !== undefined && this.#inFlight.get(entry.id) === entry) this.#inFlight.delete(entry.id);
    });

    if (method === 'OPTIONS') {
      if (this.refuseOptions) {
        entry.fault = 'refused-preflight';
        response.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Method Not Allowed');
        return;
      }
      entry.fault = 'preflight';
      this.#pass(request, response);
      return;
    }
    if (method !== 'POST' || path !== '/hook') {
      this.#pass(request, response);
      return;
    }

    const fault = this.queue.shift() ?? this.policy?.(entry) ?? { kind: 'pass' };
    entry.fault = fault.kind;
    if (fault.kind !== 'pass') this.faults += 1;
    // Read the body alongside the receiver (both listeners see every chunk), to learn the record id.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      entry.id ??= recordIdOf(contentType, Buffer.concat(chunks).toString('utf8'));
      if (entry.id === undefined || response.writableEnded || response.destroyed) return;
      const other = this.#inFlight.get(entry.id);
      if (other && other.endedAt === undefined) this.overlaps.push({ id: entry.id, seqs: [other.seq, entry.seq] });
      this.#inFlight.set(entry.id, entry);
    });

    switch (fault.kind) {
      case 'pass':
        if (fault.delayMs) {
          request.pause();
          setTimeout(() => {
            request.resume();
            this.#pass(request, response);
          }, fault.delayMs);
        } else {
          this.#pass(request, response);
        }
        return;
      case 'hang':
        return; // the 'close' listener notes when the client gives up
      case 'reset':
        request.once('end', () => setImmediate(() => request.socket.destroy()));
        return;
      case 'status':
        request.once('end', () => {
          const headers: Record<string, string> = { 'cache-control': 'no-store', ...fault.headers };
          if (fault.cors !== false) {
            headers['access-control-allow-origin'] = this.#origin();
            // Without this a cross-origin page cannot read Retry-After (it is no CORS-safelisted header).
            headers['access-control-expose-headers'] = 'Retry-After';
          }
          if (fault.body !== undefined) headers['content-type'] ??= fault.body.startsWith('{') ? 'application/json' : 'text/plain; charset=utf-8';
          entry.answeredAt = Date.now(); // before the write: the client cannot have the answer any earlier
          response.writeHead(fault.status, headers).end(fault.body ?? '');
        });
        return;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The server: a page port and a webhook port

/** How a test page is made. */
export interface PageOptions {
  /** The form JSON (its `submit.url` is usually `site.hookUrl`). */
  readonly schema: unknown;
  /** Attributes of `<intake-form>`, e.g. `{ kiosk: '', 'kiosk-reset': '50' }`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /**
   * Load `/intake.js` as a classic `<script src>` placed after the form (so the form is upgraded),
   * as the script-tag build `dist/intake.js` is used; default: a module script in the head.
   */
  readonly classicScriptAfterForm?: boolean;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function pageHtml(options: PageOptions): string {
  const attributes = Object.entries(options.attributes ?? {})
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  // `<\/` keeps a `</script>` inside a string from closing the inline schema.
  const schema = JSON.stringify(options.schema, null, 2).replace(/<\//g, '<\\/');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Intake e2e</title>
${options.classicScriptAfterForm ? '' : '<script type="module" src="/intake.js"></script>\n'}</head>
<body>
<intake-form${attributes}>
<script type="application/json">${schema}</script>
</intake-form>
${options.classicScriptAfterForm ? '<script src="/intake.js"></script>\n' : ''}</body>
</html>`;
}

/** A page and webhook server with its receiver, store and fault injector. */
export interface Site {
  /** `http://127.0.0.1:<page port>`: where the test pages are. */
  readonly pageOrigin: string;
  /** `http://127.0.0.1:<hook port>/hook`: the webhook (another origin than the page). */
  readonly hookUrl: string;
  readonly store: MemoryStore;
  /** How often the store answered `stored` and `repeat`. */
  readonly puts: { stored: number; repeat: number };
  readonly hook: FaultInjector;
  /** Registers a page; returns its URL. */
  page(name: string, options: PageOptions): string;
  /** Stored records by id. */
  stored(id: string): IntakeRecord[];
  /** Back to a webhook without faults and zeroed counters (the stored records stay). */
  reset(): void;
  /** Closes the webhook port (connections refused), ending open connections. */
  closeHook(): Promise<void>;
  /** Opens the webhook port again, on the same port number. */
  openHook(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the server: the bundle at `/intake.js`, registered pages at `/<name>.html`, and `/hook`
 * (the receiver for `receiverSchema`, behind the fault injector) on a second port. With
 * `pageHost`, page URLs (and the origin the receiver allows) use that host name instead of
 * 127.0.0.1; the browser must map it (`--host-resolver-rules`).
 */
export async function startSite(bundle: Buffer, receiverSchema: unknown, options: { readonly pageHost?: string } = {}): Promise<Site> {
  const pages = new Map<string, string>();
  let pageOrigin = '';
  // allowedOrigins is the page origin, known once the page port is bound: checked through a predicate.
  const receiver = testReceiver(receiverSchema, () => pageOrigin);
  const hook = new FaultInjector(receiver.listener, () => pageOrigin);

  const pageServer = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/intake.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(bundle);
      return;
    }
    const html = pages.get(path.slice(1).replace(/\.html$/, ''));
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  pageOrigin = await listen(pageServer);
  // Another host name for the same server (mapped to 127.0.0.1 by the browser): a page on it is
  // not a secure context, unlike one on 127.0.0.1 or localhost.
  if (options.pageHost) pageOrigin = `http://${options.pageHost}:${new URL(pageOrigin).port}`;

  let hookServer: Server = createServer(hook.listener);
  const hookOrigin = await listen(hookServer);
  let hookOpen = true;

  return {
    pageOrigin,
    hookUrl: `${hookOrigin}/hook`,
    store: receiver.store,
    puts: receiver.puts,
    hook,
    page(name, options) {
      pages.set(name, pageHtml(options));
      return `${pageOrigin}/${name}.html`;
    },
    stored: receiver.stored,
    reset() {
      hook.reset();
      receiver.puts.stored = 0;
      receiver.puts.repeat = 0;
    },
    async closeHook() {
      if (!hookOpen) return;
      hookOpen = false;
      await closeServer(hookServer);
    },
    async openHook() {
      if (hookOpen) return;
      hookServer = createServer(hook.listener);
      await listen(hookServer, Number(new URL(hookOrigin).port));
      hookOpen = true;
    },
    async close() {
      await Promise.all([closeServer(pageServer), hookOpen ? closeServer(hookServer) : undefined]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser side

/** A page with its Intake events collected in Node, across reloads. */
export interface FormPage {
  readonly page: Page;
  readonly events: SeenEvent[];
  /** The `intake-submitted` details so far. */
  submitted(): { record: IntakeRecord; status: 'delivered' | 'queued' }[];
  /** Waits until `count` events of `type` were seen (in total since the page opened). */
  waitForEvents(type: SeenEvent['type'], count: number, timeoutMs?: number): Promise<SeenEvent[]>;
  /** Navigates to `url` (or reloads) and waits until the form is loaded. */
  load(url?: string): Promise<void>;
  /** Sets the form's raw values (the `values` property) and calls `submit()`. */
  submitValues(values: Record<string, unknown>): Promise<void>;
  /** Sets the form's raw values and starts `submit()` without waiting for the delivery. */
  startSubmit(values: Record<string, unknown>): Promise<void>;
  /** Waits until the form shows its fields again (after a kiosk reset). */
  waitForEditing(timeoutMs?: number): Promise<void>;
  /**
   * Lets time pass for the outbox: every queued record becomes due now (its back-off skipped),
   * then `online` is dispatched so the page flushes. The rewrite happens under the outbox's own
   * flush lock (Web Locks), so it never races a flush of any tab.
   */
  nudgeOutbox(): Promise<void>;
  /** The localStorage keys of queued records. */
  outboxKeys(): Promise<string[]>;
  /** The visible text of the form's outcome / notice areas. */
  formText(): Promise<string>;
}

/** Opens a page in `context` (or the browser's default context) and loads `url`. */
export async function openFormPage(browser: Browser | BrowserContext, url: string): Promise<FormPage> {
  const page = await browser.newPage();
  const { events, submitted } = await watchIntakeEvents(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const formPage: FormPage = {
    page,
    events,
    submitted,
    async waitForEvents(type, count, timeoutMs = 15_000) {
      return waitFor(
        () => {
          const seen = events.filter((event) => event.type === type);
          return seen.length >= count ? seen : undefined;
        },
        timeoutMs,
        `${count} ${type} event(s) (page errors: ${errors.join('; ') || 'none'})`,
        10,
      );
    },
    async load(next) {
      if (next === undefined) await page.reload({ waitUntil: 'load' });
      else await page.goto(next, { waitUntil: 'load' });
      await page.waitForFunction(() => (document.querySelector('intake-form') as any)?.controller !== undefined, { timeout: 15_000 });
    },
    async submitValues(values) {
      await page.evaluate(async (values) => {
        const form = document.querySelector('intake-form') as any;
        form.values = values;
        await form.submit();
      }, values);
    },
    async startSubmit(values) {
      await page.evaluate((values) => {
        const form = document.querySelector('intake-form') as any;
        form.values = values;
        void form.submit();
      }, values);
    },
    async waitForEditing(timeoutMs = 10_000) {
      await page.waitForFunction(
        () => {
          const form = document.querySelector('intake-form') as any;
          return form?.shadowRoot?.querySelector('form[part~="base"] intake-field') && !form.shadowRoot.querySelector('[part~="success"]');
        },
        { timeout: timeoutMs, polling: 10 },
      );
    },
    async nudgeOutbox() {
      await page.evaluate(async (prefix) => {
        await navigator.locks.request('intake-outbox:v1:flush', async () => {
          for (const key of Object.keys(localStorage).filter((found) => found.startsWith(prefix))) {
            const entry = JSON.parse(localStorage.getItem(key)!);
            if (entry.nextAttemptAt > Date.now()) localStorage.setItem(key, JSON.stringify({ ...entry, nextAttemptAt: Date.now() }));
          }
        });
        dispatchEvent(new Event('online'));
      }, outboxEntryPrefix);
    },
    outboxKeys: () => page.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)), outboxEntryPrefix),
    formText: () => page.evaluate(() => (document.querySelector('intake-form') as any).shadowRoot.textContent.replace(/\s+/g, ' ').trim()),
  };
  await formPage.load(url);
  return formPage;
}

/** Removes a temporary directory made by {@link bundleElements}. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
