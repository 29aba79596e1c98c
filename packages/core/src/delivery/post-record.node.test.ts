import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord } from './encode-record.js';
import { parseRetryAfter, postRecord } from './post-record.js';
import type { IntakeRecord } from '../record/record.js';

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base = '';
const received: Received[] = [];
let reply: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => response.writeHead(201).end();

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', headers: request.headers, body });
      reply(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  reply = (_, response) => response.writeHead(201).end();
});

const record: IntakeRecord = {
  id: '2b0c7a4e-1f0a-4c3b-9d2e-5a6b7c8d9e0f',
  form: { id: 'crm-lead', version: 3 },
  submittedAt: '2026-11-23T08:15:02.123Z',
  locale: 'zh-CN',
  data: { company: 'Acme & Söhne', phone: '+8613912345678', interests: ['demo', 'pricing'], budget: 250000, isDecisionMaker: true },
  tags: ['high-value'],
  consents: [{ field: 'privacy', version: '2026-01', acceptedAt: '2026-11-23T08:15:00.000Z' }],
  dedupeKey: null,
  context: { url: 'https://example.com/', referrer: '', utm: { source: 'expo' }, fillMs: 48210 },
};

describe('encodeRecord', () => {
  it('flattens the form format as docs/delivery.md says', () => {
    const params = new URLSearchParams(encodeRecord(record, 'form').body);
    expect(params.get('data.phone')).toBe('+8613912345678');
    expect(params.getAll('data.interests')).toEqual(['demo', 'pricing']);
    expect(params.get('consents.0.version')).toBe('2026-01');
    expect(params.get('data.budget')).toBe('250000');
    expect(params.get('data.isDecisionMaker')).toBe('true');
    expect(params.get('form.version')).toBe('3');
    expect(params.get('data.company')).toBe('Acme & Söhne');
  });
});

describe('postRecord (against a real local HTTP server)', () => {
  it('posts JSON with the idempotency key and extra headers', async () => {
    const outcome = await postRecord(record, { url: `${base}/hook`, headers: { authorization: 'Bearer t' } });
    expect(outcome).toEqual({ kind: 'delivered', status: 201 });
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.headers['idempotency-key']).toBe(record.id);
    expect(received[0]!.headers['authorization']).toBe('Bearer t');
    expect(JSON.parse(received[0]!.body)).toEqual(record);
  });

  it('posts text and form formats', async () => {
    await postRecord(record, { url: base, format: 'text' });
    expect(received[0]!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(received[0]!.body)).toEqual(record);
    await postRecord(record, { url: base, format: 'form' });
    expect(received[1]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(received[1]!.body).get('id')).toBe(record.id);
  });

  it('lets beforeSend reshape the payload', async () => {
    await postRecord(record, { url: base }, { beforeSend: (r) => ({ msgtype: 'text', text: { content: `New lead: ${String(r.data['company'])}` } }) });
    expect(JSON.parse(received[0]!.body)).toEqual({ msgtype: 'text', text: { content: 'New lead: Acme & Söhne' } });
  });

  it('classifies a 422 as a rejection with the server message and issues', async () => {
    reply = (_, response) => response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid phone', issues: [{ path: ['data', 'phone'] }] }));
    expect(await postRecord(record, { url: base })).toEqual({ kind: 'rejected', status: 422, message: 'Invalid phone', issues: [{ path: ['data', 'phone'] }] });
    reply = (_, response) => response.writeHead(403).end('Origin not allowed');
    expect(await postRecord(record, { url: base })).toEqual({ kind: 'rejected', status: 403, message: 'Origin not allowed' });
  });

  it('classifies 5xx, 408 and 429 as transient, with Retry-After', async () => {
    reply = (_, response) => response.writeHead(503, { 'retry-after': '7' }).end();
    expect(await postRecord(record, { url: base })).toMatchObject({ kind: 'transient', status: 503, retryAfterMs: 7000 });
    reply = (_, response) => response.writeHead(429).end();
    expect(await postRecord(record, { url: base })).toMatchObject({ kind: 'transient', status: 429 });
    reply = (_, response) => response.writeHead(408).end();
    expect(await postRecord(record, { url: base })).toMatchObject({ kind: 'transient', status: 408 });
  });

  it('times out a hanging server', async () => {
    reply = () => undefined; // never answers
    const started = Date.now();
    const outcome = await postRecord(record, { url: base, timeoutMs: 300 });
    expect(outcome).toEqual({ kind: 'transient', message: 'No answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reads a 2xx answer to its end instead of cancelling it', async () => {
    let finished: boolean | undefined;
    const closed = new Promise<void>((resolve) => {
      reply = (_, response) => {
        response.on('close', () => {
          finished = response.writableFinished;
          resolve();
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"ok":true,');
        // the rest of the body comes later: a client that cancels has closed the socket by then
        setTimeout(() => response.end(`"padding":"${'x'.repeat(200_000)}"}`), 150);
      };
    });
    const outcome = await postRecord(record, { url: base });
    expect(outcome).toEqual({ kind: 'delivered', status: 200 });
    await closed;
    expect(finished).toBe(true);
  });

  it('still counts a 2xx whose body never ends as delivered, within the timeout', async () => {
    reply = (_, response) => {
      response.writeHead(200);
      response.write('partial');
    };
    const started = Date.now();
    expect(await postRecord(record, { url: base, timeoutMs: 300 })).toEqual({ kind: 'delivered', status: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a refused connection as transient', async () => {
    const outcome = await postRecord(record, { url: 'http://127.0.0.1:9/hook', timeoutMs: 2000 });
    expect(outcome.kind).toBe('transient');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
