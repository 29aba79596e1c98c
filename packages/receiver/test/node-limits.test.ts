// The Node adapter under hostile clients (issue 14, items 5 and 6): a 50 MB upload reads its 413,
// a slow body or slow headers are cut off by bounded time limits, and clients that go away are
// counted, not logged.
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, memoryStore } from '../src/index.js';
import { createNodeServer, defaultHeadersTimeoutMs, defaultRequestTimeoutMs } from '../src/node.js';
import { contactRecord, crmLead } from './support.js';

const servers: Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface RawExchange {
  /** Everything the server sent. */
  readonly answer: string;
  /** The error the socket met, if any (EPIPE, ECONNRESET). */
  readonly error?: string;
  /** Whether every byte of the body was handed to the socket. */
  readonly sentAll: boolean;
  readonly ms: number;
}

/**
 * A raw TCP client: the request head, then `bodyBytes` bytes of body in 64 KiB writes (waiting
 * for the socket to drain), or one byte every `trickleMs`. Resolves when the server closes.
 */
function rawPost(port: number, options: { bodyBytes: number; trickleMs?: number; head?: string }): Promise<RawExchange> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let error: string | undefined;
    let sentAll = false;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', (met: NodeJS.ErrnoException) => (error ??= met.code ?? met.message));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, ...(error ? { error } : {}), sentAll, ms: Date.now() - started });
    });
    socket.write(options.head ?? `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${options.bodyBytes}\r\n\r\n`);
    if (options.head !== undefined && options.bodyBytes === 0) return;
    if (options.trickleMs) {
      let sent = 0;
      timer = setInterval(() => {
        if (socket.destroyed || sent >= options.bodyBytes) return clearInterval(timer);
        socket.write('x');
        sent += 1;
      }, options.trickleMs);
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    let left = options.bodyBytes;
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        const piece = left >= chunk.byteLength ? chunk : chunk.subarray(0, left);
        left -= piece.byteLength;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
      if (left === 0) sentAll = true;
    };
    pump();
  });
}

describe('createNodeServer and toNodeListener under hostile clients', () => {
  it('a 50 MB upload reads its 413: the adapter drains the rest of the body instead of resetting the connection', { timeout: 60_000 }, async () => {
    const store = memoryStore();
    const port = await listen(createNodeServer(createHandler({ schema: crmLead, store })));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const exchange = await rawPost(port, { bodyBytes: 50 * 1024 * 1024 });
      expect(exchange.answer.slice(0, 12)).toBe('HTTP/1.1 413');
      expect(exchange.answer).toContain('larger than 65536 bytes');
      expect(exchange.error).toBeUndefined();
      expect(exchange.sentAll).toBe(true);
    }
    expect(store.records).toHaveLength(0);
  });

  it('stops draining at maxDrainBytes, after the answer was sent', async () => {
    const port = await listen(createNodeServer(createHandler({ schema: crmLead, store: memoryStore() }), { maxDrainBytes: 1024 * 1024 }));
    const exchange = await rawPost(port, { bodyBytes: 50 * 1024 * 1024 });
    expect(exchange.answer.slice(0, 12)).toBe('HTTP/1.1 413');
    expect(exchange.sentAll).toBe(false);
  });

  it('bounds a slow body and slow headers by requestTimeout and headersTimeout, and counts the clients it cut off', { timeout: 20_000 }, async () => {
    const server = createNodeServer(createHandler({ schema: crmLead, store: memoryStore() }));
    expect([server.requestTimeout, server.headersTimeout]).toEqual([30_000, 15_000]);
    expect([defaultRequestTimeoutMs, defaultHeadersTimeoutMs]).toEqual([30_000, 15_000]);

    const aborted: string[] = [];
    const errors: unknown[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const port = await listen(
      createNodeServer(createHandler({ schema: crmLead, store: memoryStore() }), {
        requestTimeout: 1500,
        headersTimeout: 1000,
        onAbort: (request) => aborted.push(request.method ?? ''),
        onError: (error) => errors.push(error),
      }),
    );
    // 1 byte every 100 ms of a 1000-byte body: cut off after about 1.5 s, not 100 s.
    const slowBody = await rawPost(port, { bodyBytes: 1000, trickleMs: 100 });
    expect(slowBody.ms).toBeLessThan(5000);
    expect(slowBody.answer).toMatch(/^HTTP\/1\.1 408/);
    // Headers that never end: cut off after about 1 s.
    const slowHeaders = await rawPost(port, { bodyBytes: 0, head: 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' });
    expect(slowHeaders.ms).toBeLessThan(5000);
    expect(aborted).toEqual(['POST']);
    expect(errors).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
  });

  it('counts a client that goes away mid-body through onAbort and logs nothing', async () => {
    const aborted: string[] = [];
    const errors: unknown[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const port = await listen(createNodeServer(createHandler({ schema: crmLead, store: memoryStore() }), { onAbort: (request) => aborted.push(request.url ?? ''), onError: (error) => errors.push(error) }));
    const record = JSON.stringify(await contactRecord());
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(`POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${record.length}\r\n\r\n${record.slice(0, 100)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await vi.waitFor(() => expect(aborted).toEqual(['/hook']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
  });
});
