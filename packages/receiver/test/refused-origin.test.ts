// A browser posting from an origin the receiver does not allow (issue 14): the refusal is
// readable, nothing is stored, the site owner is told the fix in the console, and the record is
// kept on the device. Against a real local server, with the core's own delivery code.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoryStorage, Outbox, postRecord } from '@intake/core';
import { createHandler, memoryStore } from '../src/index.js';
import { createNodeServer } from '../src/node.js';
import { contact, contactRecord } from './support.js';

const refused = 'https://shop.example.org';
const store = memoryStore();
let server: Server;
let url = '';

/** Node's fetch with the `Origin` header a browser on `refused` sends. */
const fromRefusedOrigin: typeof fetch = (input, init = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), origin: refused } });

beforeAll(async () => {
  server = createNodeServer(createHandler({ schema: contact, store, allowedOrigins: ['https://www.example.com'] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/contact`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a refused origin', () => {
  it('gets a preflight that lets its POST through, and a 403 it can read, with nothing stored', async () => {
    const preflight = await fromRefusedOrigin(url, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(refused);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key');

    const record = await contactRecord();
    const response = await fromRefusedOrigin(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe(refused);
    expect(await response.json()).toEqual({ message: `Origin "${refused}" is not allowed to send records here`, code: 'origin_not_allowed', origin: refused });
    expect(store.records).toHaveLength(0);
  });

  it('postRecord: a permanent refusal with its code, and one console error naming the origin and the fix', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await postRecord(await contactRecord(), { url }, { fetch: fromRefusedOrigin });
      expect(outcome).toMatchObject({ kind: 'rejected', status: 403, code: 'origin_not_allowed' });
      expect(logged).toHaveBeenCalledTimes(1);
      const text = String(logged.mock.calls[0]![0]);
      expect(text).toContain(refused);
      expect(text).toContain('allowedOrigins');
      expect(text).toContain(url);
    } finally {
      logged.mockRestore();
    }
    expect(store.records).toHaveLength(0);
  });

  it('Outbox.send keeps the refused record apart on the device (outbox.rejected()), not lost and not resent', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const outbox = new Outbox({ storage: memoryStorage(), deliver: { fetch: fromRefusedOrigin } });
      const record = await contactRecord();
      const { outcome, queued } = await outbox.send(record, { url, format: 'text' });
      expect(outcome).toMatchObject({ kind: 'rejected', status: 403, code: 'origin_not_allowed', attempts: 1 });
      expect(queued).toBe(false);
      expect(outbox.size).toBe(0);
      expect(outbox.rejected().map((entry) => [entry.record.id, entry.status])).toEqual([[record.id, 403]]);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
    expect(store.records).toHaveLength(0);
  });
});
