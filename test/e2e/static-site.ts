// A static file server for the built example sites (examples/*/dist), with a real receiver
// (`createHandler` from @intake/receiver + `memoryStore`) mounted on the same origin, and
// optional response headers (a Content-Security-Policy). Not a test file: examples-embed.test.ts
// uses it. Unlike harness.ts (page and webhook on two origins), the webhook here is same-origin,
// as `default-src 'self'` requires.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { IntakeRecord } from '@intake/core';
import { createHandler, memoryStore, type MemoryStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** How to serve one built example. */
export interface StaticSiteOptions {
  /** The folder to serve (`/` is its index.html). */
  readonly root: string;
  /** Headers added to every answer, e.g. `{ 'content-security-policy': "default-src 'self'" }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Where the receiver listens, e.g. `/hooks/contact`. */
  readonly hookPath: string;
  /** The form JSON the receiver re-validates records against. */
  readonly schema: unknown;
}

/** A served example with its receiver. */
export interface StaticSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly store: MemoryStore;
  /** Answers of the store: new records and repeats. */
  readonly puts: { stored: number; repeat: number };
  /** The status of every POST that reached the hook path, in order (`'reset'` when the socket was destroyed). */
  readonly posts: (number | 'reset')[];
  /** `'down'`: the hook destroys every connection (a network error, as a dead backend behind a proxy). */
  hook: 'up' | 'down';
  /** Every path the browser asked for. */
  readonly requested: string[];
  /** Stored records by id. */
  stored(id: string): IntakeRecord[];
  close(): Promise<void>;
}

/** Serves `options.root` on 127.0.0.1 (a free port), the receiver at `options.hookPath`. */
export async function serveStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const store = memoryStore();
  const puts = { stored: 0, repeat: 0 };
  let origin = '';
  const receiver = toNodeListener(
    createHandler({
      schema: options.schema as Record<string, unknown>,
      store: {
        has: (id: string) => store.has(id),
        put: async (record: IntakeRecord) => {
          const result = await store.put(record);
          puts[result] += 1;
          return result;
        },
      },
      // Browsers send Origin on every POST, same-origin ones included.
      allowedOrigins: (candidate) => candidate === origin,
      minFillMs: 0,
    }),
    { onError: (error) => console.error('receiver error', error) },
  );
  const root = normalize(options.root + sep);
  const site: StaticSite = {
    origin: '',
    store,
    puts,
    posts: [],
    hook: 'up',
    requested: [],
    stored: (id) => store.records.filter((record) => record.id === id),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    site.requested.push(path);
    if (path === options.hookPath) {
      if (request.method === 'POST') {
        if (site.hook === 'down') {
          site.posts.push('reset');
          request.resume();
          request.once('end', () => request.socket.destroy());
          return;
        }
        response.once('finish', () => site.posts.push(response.statusCode));
      }
      receiver(request, response);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...options.headers });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain', ...options.headers }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(site, { origin });
}
