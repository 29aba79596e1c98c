import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay, deliverRecord } from './deliver-record.js';
import type { IntakeRecord } from '../record/record.js';
import { sampleRecord } from '../test-support/sample-record.js';

/** A webhook on a real local HTTP server that answers from a script of faults, then stores records by id. */
let server: Server;
let url = '';
let script: ((request: IncomingMessage, response: ServerResponse) => boolean)[] = [];
const stored = new Map<string, unknown>();
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests += 1;
      const fault = script.shift();
      if (fault && fault(request, response)) return;
      const record = JSON.parse(body) as IntakeRecord;
      const repeat = stored.has(record.id);
      stored.set(record.id, record);
      response.writeHead(repeat ? 200 : 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  script = [];
  stored.clear();
  requests = 0;
});

const status = (code: number, headers: Record<string, string> = {}) => (_: IncomingMessage, response: ServerResponse) => {
  response.writeHead(code, headers).end(code === 422 ? JSON.stringify({ message: 'Phone is not valid' }) : '');
  return true;
};
const hang = () => () => true; // never answers
const reset = () => (request: IncomingMessage) => {
  request.socket.destroy();
  return true;
};


const fast = { baseDelayMs: 20, maxDelayMs: 2000, random: () => 0.5 };

describe('deliverRecord (against a real local HTTP server with faults)', () => {
  it('503 twice then 201: delivered on the third attempt, stored once', async () => {
    script = [status(503), status(503)];
    const attempts: string[] = [];
    const outcome = await deliverRecord(sampleRecord(), { url }, { ...fast, onAttempt: (n, o) => attempts.push(`${n}:${o.kind}`) });
    expect(outcome).toEqual({ kind: 'delivered', status: 201, attempts: 3 });
    expect(attempts).toEqual(['1:transient', '2:transient', '3:delivered']);
    expect(stored.size).toBe(1);
  });

  it('honours Retry-After on a 429', async () => {
    script = [status(429, { 'retry-after': '1' })];
    const started = Date.now();
    const outcome = await deliverRecord(sampleRecord(), { url }, fast);
    expect(outcome.kind).toBe('delivered');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('times out a hanging server and retries', async () => {
    script = [hang()];
    const outcome = await deliverRecord(sampleRecord(), { url, timeoutMs: 300 }, fast);
    expect(outcome).toEqual({ kind: 'delivered', status: 201, attempts: 2 });
  });

  it('retries after a reset connection; a repeat of the same record is stored once', async () => {
    script = [reset()];
    const same = sampleRecord();
    expect((await deliverRecord(same, { url }, fast)).kind).toBe('delivered');
    expect(await deliverRecord(same, { url }, fast)).toEqual({ kind: 'delivered', status: 200, attempts: 1 });
    expect(stored.size).toBe(1);
  });

  it('does not retry a rejection', async () => {
    script = [status(422)];
    expect(await deliverRecord(sampleRecord(), { url }, fast)).toEqual({ kind: 'rejected', status: 422, message: 'Phone is not valid', attempts: 1 });
    expect(requests).toBe(1);
  });

  it('gives up after the immediate attempts (submit.retries), so the caller can keep the record', async () => {
    script = [status(500), status(502), status(503), status(504)];
    const outcome = await deliverRecord(sampleRecord(), { url, retries: 3 }, fast);
    expect(outcome).toMatchObject({ kind: 'failed', attempts: 3 });
    expect(requests).toBe(3);
    expect(stored.size).toBe(0);
  });

  it('stops early when the server asks to wait longer than it is worth waiting now', async () => {
    script = [status(503, { 'retry-after': '120' })];
    expect(await deliverRecord(sampleRecord(), { url }, fast)).toMatchObject({ kind: 'failed', attempts: 1, retryAfterMs: 120_000 });
  });
});

describe('backoffDelay', () => {
  it('doubles up to the maximum, with jitter between half and the whole delay', () => {
    expect(backoffDelay(1, { baseDelayMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { baseDelayMs: 1000, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(3, { baseDelayMs: 1000, random: () => 0.5 })).toBe(3000);
    expect(backoffDelay(10, { baseDelayMs: 1000, maxDelayMs: 15_000, random: () => 1 })).toBe(15_000);
    expect(backoffDelay(1, { baseDelayMs: 1000, random: () => 0 }, 4000)).toBe(4000);
  });

  it('keeps three default attempts well under a minute', () => {
    const worst = backoffDelay(1, { random: () => 1 }) + backoffDelay(2, { random: () => 1 });
    expect(worst + 3 * 10_000).toBeLessThan(60_000);
  });
});
