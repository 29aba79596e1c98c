// Helpers of examples-dev.test.ts: a static server for a built example folder, a real receiver
// (createHandler + memoryStore) on its own port, and a watch on a page's console errors, uncaught
// errors and Content-Security-Policy violations. Not a test file.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Page } from 'puppeteer-core';
import { createHandler, memoryStore, type MemoryStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** Listens on a free port of 127.0.0.1; returns the origin. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server and its open connections. */
export function close(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** Serves the files of `root` (GET only), with extra response headers on HTML (e.g. a CSP). */
export function staticServer(root: string, htmlHeaders: () => Readonly<Record<string, string>> = () => ({})): Server {
  const base = resolve(root);
  return createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(base, path.endsWith('/') ? `${path}index.html` : path);
    if (request.method !== 'GET' || !file.startsWith(base + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(type.startsWith('text/html') ? htmlHeaders() : {}) }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
}

/** A real webhook for one form on its own port (another origin than the pages). */
export interface Receiver {
  readonly url: string;
  readonly origin: string;
  readonly store: MemoryStore;
  /** POSTs that reached it, with their answers. */
  readonly posts: { status: number }[];
  close(): Promise<void>;
}

/** Starts `createHandler({ schema, store: memoryStore() })` allowing `pageOrigin()`, at `/hook`. */
export async function startReceiver(schema: unknown, pageOrigin: () => string): Promise<Receiver> {
  const store = memoryStore();
  const posts: { status: number }[] = [];
  const listener = toNodeListener(
    createHandler({ schema: schema as Record<string, unknown>, store, allowedOrigins: (origin) => origin === pageOrigin(), minFillMs: 0 }),
  );
  const server = createServer((request, response) => {
    if (request.method === 'POST') response.once('finish', () => posts.push({ status: response.statusCode }));
    listener(request, response);
  });
  const origin = await listen(server);
  return { url: `${origin}/hook`, origin, store, posts, close: () => close(server) };
}

/** What went wrong on a page: console errors, uncaught errors, CSP violations. */
export interface PageProblems {
  readonly console: string[];
  readonly errors: string[];
  readonly csp: string[];
  all(): string[];
}

/** Starts watching `page` (call before the first navigation). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = {
    console: [],
    errors: [],
    csp: [],
    all: () => [...problems.console.map((m) => `console: ${m}`), ...problems.errors.map((m) => `error: ${m}`), ...problems.csp.map((m) => `csp: ${m}`)],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(`${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  await page.exposeFunction('__cspViolation', (text: string) => problems.csp.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return problems;
}

/** axe-core, as @open-wc/testing (chai-a11y-axe) brings it for the browser tests. */
async function axeSource(): Promise<string> {
  const fromOpenWc = createRequire(createRequire(import.meta.url).resolve('@open-wc/testing'));
  const fromChaiAxe = createRequire(fromOpenWc.resolve('chai-a11y-axe'));
  return readFile(fromChaiAxe.resolve('axe-core/axe.min.js'), 'utf8');
}

/**
 * Runs axe-core on the page as it is now and returns its violations, one readable line each.
 * It is evaluated through DevTools, which a page's CSP does not govern, so no violation is caused.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}
