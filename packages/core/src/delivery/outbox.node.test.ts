import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage, Outbox, type ClaimRunner, type OutboxStorage } from './outbox.js';
import type { IntakeRecord } from '../record/record.js';
import { sampleRecord } from '../test-support/sample-record.js';

let server: Server;
let url = '';
let answer: (request: IncomingMessage, response: ServerResponse, id: string) => void;
const stored = new Map<string, number>();
let inFlight = 0;
let maxInFlightPerRecord = 0;
const flying = new Map<string, number>();
let lastBody = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      lastBody = body;
      const id = (JSON.parse(body) as IntakeRecord).id;
      inFlight += 1;
      flying.set(id, (flying.get(id) ?? 0) + 1);
      maxInFlightPerRecord = Math.max(maxInFlightPerRecord, flying.get(id)!);
      setTimeout(() => {
        inFlight -= 1;
        flying.set(id, flying.get(id)! - 1);
        answer(request, response, id);
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  stored.clear();
  flying.clear();
  maxInFlightPerRecord = 0;
  answer = (_, response, id) => {
    stored.set(id, (stored.get(id) ?? 0) + 1);
    response.writeHead(201).end();
  };
});


/** One claim shared by several Outbox instances: the "tabs" of one origin (Web Locks in a browser). */
function sharedClaim(): ClaimRunner {
  const held = new Set<string>();
  return async (name, task) => {
    if (held.has(name)) return false;
    held.add(name);
    try {
      await task();
    } finally {
      held.delete(name);
    }
    return true;
  };
}

describe('Outbox', () => {
  it('keeps records across instances (a reload) and delivers them on flush', async () => {
    const storage = memoryStorage();
    const first = new Outbox({ storage });
    const a = sampleRecord();
    const b = sampleRecord();
    expect(first.add(a, { url })).toBe(true);
    expect(first.add(b, { url })).toBe(true);
    const afterReload = new Outbox({ storage });
    expect(afterReload.entries().map((entry) => entry.record.id)).toEqual([a.id, b.id]);
    const result = await afterReload.flush();
    expect(result).toEqual({ delivered: [a.id, b.id], rejected: [], waiting: 0, ran: true });
    expect([...stored.keys()]).toEqual([a.id, b.id]);
  });

  it('waits with back-off after a failure, then delivers', async () => {
    let now = 1_000_000;
    const outbox = new Outbox({ storage: memoryStorage(), now: () => now, deliver: { random: () => 0.5 } });
    const a = sampleRecord();
    outbox.add(a, { url });
    answer = (_, response) => response.writeHead(503).end();
    expect(await outbox.flush()).toMatchObject({ delivered: [], waiting: 1 });
    const waiting = outbox.entries()[0]!;
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toBe('HTTP 503 Service Unavailable');
    expect(waiting.nextAttemptAt).toBeGreaterThan(now);
    answer = (_, response, id) => (stored.set(id, 1), response.writeHead(201).end());
    expect(await outbox.flush()).toMatchObject({ delivered: [], waiting: 1 }); // not due yet
    now = waiting.nextAttemptAt;
    expect(await outbox.flush()).toMatchObject({ delivered: [a.id], waiting: 0 });
  });

  it('moves a record the webhook rejects later apart, and never resends it', async () => {
    const outbox = new Outbox({ storage: memoryStorage() });
    const a = sampleRecord();
    outbox.add(a, { url });
    answer = (_, response) => response.writeHead(422, { 'content-type': 'application/json' }).end('{"message":"Form retired"}');
    expect(await outbox.flush()).toMatchObject({ rejected: [a.id], waiting: 0 });
    expect(outbox.rejected()).toMatchObject([{ record: { id: a.id }, status: 422, message: 'Form retired' }]);
    expect((await outbox.flush()).rejected).toEqual([]);
  });

  it('sends the stored payload of a webhook with its own format (beforeSend) instead of the record', async () => {
    const outbox = new Outbox({ storage: memoryStorage() });
    const a = sampleRecord();
    outbox.add(a, { url }, { id: a.id, msgtype: 'text', text: { content: 'New lead' } });
    expect(outbox.entries()[0]!.payload).toEqual({ id: a.id, msgtype: 'text', text: { content: 'New lead' } });
    expect((await outbox.flush()).delivered).toEqual([a.id]);
    expect(JSON.parse(lastBody)).toEqual({ id: a.id, msgtype: 'text', text: { content: 'New lead' } });
  });

  it('is bounded: when full it refuses new records and keeps the old ones', () => {
    const outbox = new Outbox({ storage: memoryStorage(), maxEntries: 2 });
    const records = [sampleRecord(), sampleRecord(), sampleRecord()];
    expect(records.map((r) => outbox.add(r, { url }))).toEqual([true, true, false]);
    expect(outbox.entries().map((entry) => entry.record.id)).toEqual([records[0]!.id, records[1]!.id]);
  });

  it('refuses, rather than loses, a record the storage cannot hold', () => {
    const full: OutboxStorage = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(new Outbox({ storage: full }).add(sampleRecord(), { url })).toBe(false);
  });

  it('two tabs flushing one outbox send each record once, never two at a time', async () => {
    const storage = memoryStorage();
    const claim = sharedClaim();
    const tabA = new Outbox({ storage, claim });
    const tabB = new Outbox({ storage, claim });
    const records = Array.from({ length: 10 }, () => sampleRecord());
    records.forEach((r, i) => (i % 2 ? tabA : tabB).add(r, { url }));
    const [a, b] = await Promise.all([tabA.flush(), tabB.flush()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(stored.size).toBe(10);
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
    expect(maxInFlightPerRecord).toBe(1);
  });

  it('the storage lease (no Web Locks) also lets only one tab flush at a time', async () => {
    const storage = memoryStorage();
    const tabA = new Outbox({ storage });
    const tabB = new Outbox({ storage });
    for (let i = 0; i < 6; i++) tabA.add(sampleRecord(), { url });
    const results = await Promise.all([tabA.flush(), tabB.flush()]);
    expect(results.filter((result) => result.ran)).toHaveLength(1);
    expect(stored.size).toBe(6);
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
  });

  it('send keeps the record in the outbox while it is being sent, and removes it once delivered', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox({ storage });
    const a = sampleRecord();
    let keptDuringSend: string[] = [];
    answer = (_, response, id) => {
      keptDuringSend = new Outbox({ storage }).entries().map((entry) => entry.record.id); // what a reload would find
      stored.set(id, 1);
      response.writeHead(201).end();
    };
    expect(await outbox.send(a, { url })).toEqual({ outcome: { kind: 'delivered', status: 201, attempts: 1 }, queued: false });
    expect(keptDuringSend).toEqual([a.id]);
    expect(outbox.size).toBe(0);
  });

  it('send leaves a record every attempt failed for in the outbox, not due before Retry-After', async () => {
    let now = 1_000_000;
    const outbox = new Outbox({ storage: memoryStorage(), now: () => now });
    const a = sampleRecord();
    answer = (_, response) => response.writeHead(503, { 'retry-after': '120' }).end();
    const { outcome, queued } = await outbox.send(a, { url, retries: 3 });
    expect(outcome).toMatchObject({ kind: 'failed', attempts: 1, retryAfterMs: 120_000 });
    expect(queued).toBe(true);
    expect(outbox.entries()).toMatchObject([{ record: { id: a.id }, nextAttemptAt: now + 120_000, lastError: 'HTTP 503 Service Unavailable' }]);
    expect((await outbox.flush()).delivered).toEqual([]); // not due
    expect(stored.size).toBe(0);
    now += 120_000;
    answer = (_, response, id) => (stored.set(id, 1), response.writeHead(201).end());
    expect((await outbox.flush()).delivered).toEqual([a.id]);
  });

  it('send removes a rejected record: the person sees the rejection, nothing is queued', async () => {
    const outbox = new Outbox({ storage: memoryStorage() });
    answer = (_, response) => response.writeHead(422, { 'content-type': 'application/json' }).end('{"message":"Already registered"}');
    const { outcome, queued } = await outbox.send(sampleRecord(), { url });
    expect(outcome).toMatchObject({ kind: 'rejected', status: 422, message: 'Already registered' });
    expect(queued).toBe(false);
    expect(outbox.size).toBe(0);
    expect(outbox.rejected()).toEqual([]);
  });

  it('a flush (of any tab) does not send a record a form is sending at the same time', async () => {
    const storage = memoryStorage();
    const claim = sharedClaim();
    const form = new Outbox({ storage, claim });
    const otherTab = new Outbox({ storage, claim });
    const a = sampleRecord();
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (release = resolve));
    answer = (_, response, id) => void answered.then(() => (stored.set(id, (stored.get(id) ?? 0) + 1), response.writeHead(201).end()));
    const sending = form.send(a, { url });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the request is with the webhook
    expect(otherTab.size).toBe(1);
    const flushed = await otherTab.flush();
    expect(flushed).toMatchObject({ delivered: [], ran: true });
    release();
    expect((await sending).outcome.kind).toBe('delivered');
    expect(stored.get(a.id)).toBe(1);
    expect(maxInFlightPerRecord).toBe(1);
  });

  it('send still sends, unkept, when the outbox is full', async () => {
    const outbox = new Outbox({ storage: memoryStorage(), maxEntries: 1 });
    outbox.add(sampleRecord(), { url });
    answer = (_, response) => response.writeHead(503).end();
    const { outcome, queued } = await outbox.send(sampleRecord(), { url, retries: 1 });
    expect(outcome.kind).toBe('failed');
    expect(queued).toBe(false);
    expect(outbox.size).toBe(1);
  });

  it('survives a damaged entry in storage without losing the others', async () => {
    const storage = memoryStorage();
    const outbox = new Outbox({ storage });
    outbox.add(sampleRecord(), { url });
    storage.setItem('intake-outbox:v1:entry:broken', '{not json');
    expect(outbox.entries()).toHaveLength(1);
    expect((await outbox.flush()).delivered).toHaveLength(1);
    expect(storage.getItem('intake-outbox:v1:entry:broken')).toBe('{not json');
  });
});
