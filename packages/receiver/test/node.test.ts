import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord } from '@intake/core';
import { createHandler, memoryStore } from '../src/index.js';
import { toNodeListener } from '../src/node.js';
import { crmLead, crmLeadRecord } from './support.js';

let server: Server;
let port = 0;
let current: (request: Request) => Promise<Response> = async () => new Response('unset');
const errors: unknown[] = [];

beforeAll(async () => {
  server = createServer(toNodeListener((request) => current(request), { onError: (error) => errors.push(error) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Raw {
  status: number;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

/** A request through node:http itself, writing the body in the chunks given (no Content-Length: chunked). */
function send(options: { method?: string; path?: string; headers?: Record<string, string>; chunks?: string[]; delayMs?: number }): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, rawHeaders: response.rawHeaders, body }));
    });
    outgoing.on('error', reject);
    const chunks = [...(options.chunks ?? [])];
    const next = () => {
      const chunk = chunks.shift();
      if (chunk === undefined || outgoing.destroyed) return outgoing.end();
      outgoing.write(chunk);
      setTimeout(next, options.delayMs ?? 0);
    };
    next();
  });
}

describe('toNodeListener', () => {
  it('serves the handler on node:http: 201, then 200 for the repeat, in every format', async () => {
    const store = memoryStore();
    current = createHandler({ schema: crmLead, store, allowedOrigins: ['https://www.example.com'] });
    const record = await crmLeadRecord();
    const json = encodeRecord(record, 'json');
    const headers = { 'content-type': json.contentType, 'idempotency-key': record.id, origin: 'https://www.example.com' };

    const first = await fetch(`http://127.0.0.1:${port}/hooks/crm-lead`, { method: 'POST', headers, body: json.body });
    expect(first.status).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(await first.json()).toEqual({ message: '已保存', id: record.id });

    const form = encodeRecord(record, 'form');
    const repeat = await fetch(`http://127.0.0.1:${port}/hooks/crm-lead`, { method: 'POST', headers: { 'content-type': form.contentType }, body: form.body });
    expect(repeat.status).toBe(200);
    expect(store.records).toEqual([record]);

    const other = await crmLeadRecord();
    const chunked = await send({ headers: { 'content-type': 'text/plain;charset=UTF-8' }, chunks: JSON.stringify(other).match(/[\s\S]{1,200}/g)! });
    expect(chunked.status).toBe(201);
    expect(store.records).toHaveLength(2);
  });

  it('answers 413 to a chunked body over the limit while it streams, and keeps serving', async () => {
    const store = memoryStore();
    current = createHandler({ schema: crmLead, store, maxBodyBytes: 4000 });
    const started = Date.now();
    const response = await send({ headers: { 'content-type': 'application/json' }, chunks: Array.from({ length: 200 }, () => 'x'.repeat(1000)), delayMs: 5 });
    expect(response.status).toBe(413);
    expect(response.headers['connection']).toBe('close');
    expect(Date.now() - started).toBeLessThan(900); // answered at the limit, not after all 200 chunks
    expect(store.records).toHaveLength(0);

    const declared = await send({ headers: { 'content-type': 'application/json', 'content-length': '5000' }, chunks: ['{'] });
    expect(declared.status).toBe(413);

    const record = await crmLeadRecord();
    const after = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    expect(after.status).toBe(201);
  });

  it('answers 500 when the handler throws, reports the error, and keeps serving', async () => {
    errors.length = 0;
    current = async () => {
      throw new Error('boom');
    };
    const failed = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, chunks: ['{}'] });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ message: 'Internal Server Error' });
    expect(errors).toEqual([new Error('boom')]);

    current = async () => new Response('fine');
    expect((await send({ method: 'GET' })).body).toBe('fine');
  });

  it('passes method, URL, headers and body through, and streams the answer back', async () => {
    let seen: { method: string; url: string; header: string | null; body: string } | undefined;
    current = async (request) => {
      seen = { method: request.method, url: request.url, header: request.headers.get('x-custom'), body: await request.text() };
      const encoder = new TextEncoder();
      const parts = ['first,', 'second,', 'third'];
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const part = parts.shift();
          if (part === undefined) return controller.close();
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(encoder.encode(part));
        },
      });
      const headers = new Headers({ 'content-type': 'text/plain' });
      headers.append('set-cookie', 'a=1');
      headers.append('set-cookie', 'b=2');
      return new Response(body, { status: 207, headers });
    };
    const response = await send({ path: '/hooks/contact?x=1', headers: { 'x-custom': 'yes', host: 'hooks.example.com' }, chunks: ['hello ', 'world'] });
    expect(seen).toEqual({ method: 'POST', url: 'http://hooks.example.com/hooks/contact?x=1', header: 'yes', body: 'hello world' });
    expect(response.status).toBe(207);
    expect(response.body).toBe('first,second,third');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);

    const head = await send({ method: 'HEAD' });
    expect(head.status).toBe(207);
    expect(head.body).toBe('');
  });

  it("aborts the request's signal when the client goes away mid-body", async () => {
    let aborted!: () => void;
    const wasAborted = new Promise<void>((resolve) => (aborted = resolve));
    let bodyError: unknown;
    current = async (request) => {
      request.signal.addEventListener('abort', () => aborted());
      try {
        await request.text();
      } catch (error) {
        bodyError = error;
      }
      return new Response('late');
    };
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'POST', headers: { 'content-type': 'application/json' } });
    outgoing.on('error', () => undefined);
    outgoing.write('{"id": "');
    await new Promise((resolve) => setTimeout(resolve, 50));
    outgoing.destroy();
    await wasAborted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bodyError).toBeInstanceOf(Error);
  });
});
