// A real webhook for one form on its own port (another origin than the pages), at `/hook`.
import { createServer } from 'node:http';
import type { MemoryStore } from '@intake/receiver';
import { closeServer, listen } from './listen.js';
import { testReceiver } from './receiver.js';

export interface ReceiverServer {
  readonly url: string;
  readonly origin: string;
  readonly store: MemoryStore;
  /** POSTs that reached it, with their answers. */
  readonly posts: { status: number }[];
  close(): Promise<void>;
}

/** Starts the receiver for `schema`, taking posts from `pageOrigin()` only. */
export async function startReceiver(schema: unknown, pageOrigin: () => string): Promise<ReceiverServer> {
  const receiver = testReceiver(schema, pageOrigin);
  const posts: { status: number }[] = [];
  const server = createServer((request, response) => {
    if (request.method === 'POST') response.once('finish', () => posts.push({ status: response.statusCode }));
    receiver.listener(request, response);
  });
  const origin = await listen(server);
  return { url: `${origin}/hook`, origin, store: receiver.store, posts, close: () => closeServer(server) };
}
