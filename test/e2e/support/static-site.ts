// A built example site served as static files, with a real receiver mounted on the same origin
// (as `default-src 'self'` requires) that can be switched down. Unlike harness.ts (page and
// webhook on two origins, fault injection), the webhook here is same-origin.
import { createServer } from 'node:http';
import type { IntakeRecord } from '@intake/core';
import type { MemoryStore } from '@intake/receiver';
import { closeServer, listen } from './listen.js';
import { testReceiver } from './receiver.js';
import { staticFiles } from './static-server.js';

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
  let origin = '';
  const receiver = testReceiver(options.schema, () => origin);
  const files = staticFiles(options.root, () => options.headers ?? {});
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    site.requested.push(path);
    if (path !== options.hookPath) return files(request, response);
    if (request.method === 'POST') {
      if (site.hook === 'down') {
        site.posts.push('reset');
        request.resume();
        request.once('end', () => request.socket.destroy());
        return;
      }
      response.once('finish', () => site.posts.push(response.statusCode));
    }
    receiver.listener(request, response);
  });
  origin = await listen(server);
  const site: StaticSite = { origin, store: receiver.store, puts: receiver.puts, posts: [], hook: 'up', requested: [], stored: receiver.stored, close: () => closeServer(server) };
  return site;
}
