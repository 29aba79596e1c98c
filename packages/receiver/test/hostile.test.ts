// Hostile input (issue 14): one table of requests an attacker (or a broken client) sends, run
// against the jsonl store and the PostgreSQL store. None may answer 5xx, none may store anything,
// and the receiver must answer a normal request at once afterwards. Then the items of issue 14
// that are about the record, each as a test that failed before its fix.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord, type IntakeRecord } from '@intake/core';
import { createHandler, jsonlStore, type IntakeHandler, type RecordStore } from '../src/index.js';
import { postgresStore } from '../src/postgres-store.js';
import { createTestSchema, dropTestSchema, testPool } from './postgres-support.js';
import { answerOf, contact, contactRecord, tamper } from './support.js';

type Json = Record<string, any>;

interface Case {
  readonly name: string;
  readonly request: () => Request;
  /** The status it must get (never a 5xx, never 201). */
  readonly status: number;
}

const url = 'https://hooks.example.com/intake';
const encoder = new TextEncoder();

function raw(body: BodyInit | null, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(url, { method, headers, ...(body === null ? {} : { body }) });
}
const json = (body: unknown, headers: Record<string, string> = {}) =>
  raw(typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', ...headers });
const formBody = (text: string, headers: Record<string, string> = {}) => raw(text, { 'content-type': 'application/x-www-form-urlencoded', ...headers });

/** JSON text of an array nested `depth` deep (built as text: JSON.stringify itself overflows at a few thousand levels). */
function nested(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** A record's JSON with an extra `context` key holding `value` (JSON text). */
function withContextKey(record: IntakeRecord, key: string, value: string): string {
  return JSON.stringify(record).replace('"context":{', `"context":{${JSON.stringify(key)}:${value},`);
}

/** The table: at least 100 hostile requests, each made from `base` (a valid contact record). */
function hostileCases(base: IntakeRecord): Case[] {
  const text = JSON.stringify(base);
  const changed = (change: (copy: Json) => void) => json(tamper(base, change));
  const replaced = (from: string, to: string) => () => json(text.replace(from, to));
  const asForm = encodeRecord(base, 'form').body as string;
  const cases: Case[] = [];
  const add = (name: string, request: () => Request, status: number) => cases.push({ name, request, status });

  // Transport: what the body is and how it is labelled.
  // (Bytes, not text: a Request given text adds `text/plain` by itself.)
  const bytes = encoder.encode(text);
  for (const type of ['text/html', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'image/png', '', 'application/jsonx', 'text/plain; charset=utf-16', 'constructor', '__proto__', 'toString']) {
    add(`content type "${type}"`, () => raw(bytes, type ? { 'content-type': type } : {}), 415);
  }
  const badJson = ['', '{', '}', '{"id":', '[1,2', 'nul', 'undefined', "{'id':1}", '{"a":1,}', 'NaN', '{"a":01}', '\u0000', '{"a":"\u0001"}', '{"a" 1}', `${'['.repeat(5000)}`];
  badJson.forEach((body, index) => add(`bad JSON #${index + 1}`, () => json(body), 422));
  for (const value of ['null', '1', '"record"', '[]', 'true', '[{"id":1}]', '-0', '1e400']) add(`JSON ${value.slice(0, 12)} instead of a record`, () => json(value), 422);
  const badBytes = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x7b, 0x22, 0xfe, 0x22, 0x7d]];
  badBytes.forEach((bytes, index) => add(`invalid UTF-8 #${index + 1}`, () => raw(new Uint8Array(bytes), { 'content-type': 'application/json' }), 422));
  add('a declared Content-Length over the limit', () => raw(text, { 'content-type': 'application/json', 'content-length': '999999999' }), 413);
  add('a body over the limit', () => json(`{"pad":"${'x'.repeat(70_000)}"}`), 413);
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) add(`method ${method}`, () => raw(method === 'GET' ? null : text, { 'content-type': 'application/json' }, method), 405);
  add('an origin nobody allowed', () => json(base, { origin: 'https://evil.example' }), 403);
  add('Idempotency-Key of another record', () => json(base, { 'idempotency-key': '00000000-0000-4000-8000-000000000000' }), 422);

  // Outside text used as a lookup key.
  for (const language of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', `${'x'.repeat(5000)}`, '*', 'zh-CN;q=constructor']) {
    add(`Accept-Language: ${language.slice(0, 20)} with body {}`, () => json('{}', { 'accept-language': language }), 422);
  }
  for (const locale of ['toString', 'constructor', '__proto__', 'isPrototypeOf']) {
    add(`"locale":"${locale}" and an invalid field`, () => json(tamper(base, (copy) => ((copy['locale'] = locale), (copy['data']['email'] = 'nope')))), 422);
  }

  // The id: it reaches the store only as a lower-case v4 UUID.
  const ids = [base.id.toUpperCase(), '', 'not-a-uuid', "'; DROP TABLE intake_records; --", `${base.id}\u0000`, 'x'.repeat(10_000), '../../etc/passwd', '00000000-0000-0000-0000-000000000000', `${base.id.slice(0, -1)}G`, '\ud800'];
  ids.forEach((id, index) => add(`id variant #${index + 1}`, () => changed((copy) => (copy['id'] = id)), 422));
  for (const id of [1, null, {}, [], true]) add(`id ${JSON.stringify(id)}`, () => changed((copy) => (copy['id'] = id)), 422);

  // Keys that reach prototypes, text no store keeps, nesting no stack survives.
  add('data.__proto__', replaced('"data":{', '"data":{"__proto__":{"admin":true},'), 422);
  add('top-level __proto__', replaced('{"id"', '{"__proto__":{"admin":true},"id"'), 422);
  add('context.__proto__', replaced('"context":{', '"context":{"__proto__":{"x":"1"},'), 422);
  add('context.utm.__proto__', replaced('"utm":{', '"utm":{"__proto__":{"x":"1"},'), 422);
  add('data.constructor', () => changed((copy) => (copy['data']['constructor'] = 'x')), 422);
  for (const value of [5, null, {}, ['a'], true]) add(`utm value ${JSON.stringify(value)}`, () => changed((copy) => (copy['context']['utm']['source'] = value)), 422);
  add('utm as an array', () => changed((copy) => (copy['context']['utm'] = ['a'])), 422);
  for (const [where, set] of [
    ['data.name', (copy: Json, value: string) => (copy['data']['name'] = value)],
    ['data.message', (copy: Json, value: string) => (copy['data']['message'] = value)],
    ['context.url', (copy: Json, value: string) => (copy['context']['url'] = value)],
    ['context.captcha (extra key)', (copy: Json, value: string) => (copy['context']['captcha'] = value)],
    ['context.extra.deeper (extra key)', (copy: Json, value: string) => (copy['context']['extra'] = { deeper: [value] })],
    ['tags[0]', (copy: Json, value: string) => (copy['tags'] = [value])],
    ['locale', (copy: Json, value: string) => (copy['locale'] = value)],
  ] as const) {
    add(`NUL in ${where}`, () => changed((copy) => set(copy, 'a\u0000b')), 422);
    add(`lone surrogate in ${where}`, () => changed((copy) => set(copy, 'a\udc00b')), 422);
  }
  add('NUL in an extra context key name', () => changed((copy) => (copy['context']['a\u0000'] = 'b')), 422);
  for (const depth of [33, 100, 4130, 20_000]) {
    add(`extra context key nested ${depth} deep`, () => json(withContextKey(base, 'deep', nested(depth))), 422);
    add(`data value nested ${depth} deep`, () => json(JSON.stringify(tamper(base, (copy) => (copy['data']['message'] = '@deep@'))).replace('"@deep@"', nested(depth))), 422);
  }
  add('an object nested 10,000 deep as the whole body', () => json(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`), 422);

  // Everything else a client can get wrong in a record.
  const shape: [string, (copy: Json) => void][] = [
    ['no data', (copy) => delete copy['data']],
    ['data as an array', (copy) => (copy['data'] = [])],
    ['data as a string', (copy) => (copy['data'] = 'x')],
    ['unknown data key', (copy) => (copy['data']['admin'] = true)],
    ['8,000 unknown data keys', (copy) => { for (let index = 0; index < 8000; index += 1) copy['data'][index.toString(36)] = 0; }],
    ['an unknown top-level key', (copy) => (copy['extra'] = 1)],
    ['another form id', (copy) => (copy['form']['id'] = 'crm-lead')],
    ['form as a string', (copy) => (copy['form'] = 'contact')],
    ['submittedAt not a date', (copy) => (copy['submittedAt'] = 'yesterday')],
    ['submittedAt as a number', (copy) => (copy['submittedAt'] = 1)],
    ['submittedAt 2026-13-45', (copy) => (copy['submittedAt'] = '2026-13-45T00:00:00Z')],
    ['tags not in the schema', (copy) => (copy['tags'] = ['vip'])],
    ['tags as a string', (copy) => (copy['tags'] = 'vip')],
    ['consents removed', (copy) => (copy['consents'] = [])],
    ['consent of an unknown field', (copy) => copy['consents'].push({ field: 'marketing', acceptedAt: base.submittedAt })],
    ['consent as a string', (copy) => (copy['consents'] = ['privacy'])],
    ['dedupeKey upper case', (copy) => (copy['dedupeKey'] = String(copy['dedupeKey']).toUpperCase())],
    ['dedupeKey of other data', (copy) => (copy['dedupeKey'] = 'a'.repeat(64))],
    ['dedupeKey as a number', (copy) => (copy['dedupeKey'] = 1)],
    ['a required field removed', (copy) => delete copy['data']['email']],
    ['email not normalized', (copy) => (copy['data']['email'] = 'JANE.DOE@EXAMPLE.COM')],
    ['a value of the wrong type', (copy) => (copy['data']['name'] = 42)],
    ['an option not in the list', (copy) => (copy['data']['topic'] = 'bribes')],
    ['a text over its maxLength', (copy) => (copy['data']['name'] = 'x'.repeat(5000))],
    ['consent false', (copy) => (copy['data']['privacy'] = false)],
    ['no context', (copy) => delete copy['context']],
    ['fillMs as a string', (copy) => (copy['context']['fillMs'] = '5000')],
    ['context.url as a number', (copy) => (copy['context']['url'] = 1)],
  ];
  for (const [name, change] of shape) add(name, () => changed(change), 422);

  // The form format (application/x-www-form-urlencoded).
  const formCases: [string, string][] = [
    ['%FF in a value', asForm.replace(/data\.name=[^&]*/, 'data.name=%FF')],
    ['an overlong NUL (%C0%80) in a value', asForm.replace(/data\.name=[^&]*/, 'data.name=%C0%80')],
    ['a UTF-8 surrogate (%ED%A0%80) in a value', asForm.replace(/data\.name=[^&]*/, 'data.name=%ED%A0%80')],
    ['%00 in a value', asForm.replace(/data\.name=[^&]*/, 'data.name=a%00b')],
    ['%FF in a key', `${asForm}&data.%FF=1`],
    ['data.__proto__.admin', `${asForm}&data.__proto__.admin=true`],
    ['__proto__.admin', `${asForm}&__proto__.admin=true`],
    ['constructor.prototype.admin', `${asForm}&constructor.prototype.admin=true`],
    ['context.utm.__proto__', `${asForm}&context.utm.__proto__=x`],
    ['context nested 100 deep', `${asForm}&context.${'a.'.repeat(100)}b=1`],
    ['context nested 5,000 deep', `${asForm}&context.${'a.'.repeat(5000)}b=1`],
    ['consents.999.field', `${asForm}&consents.999.field=privacy`],
    ['a repeated id', `${asForm}&id=${base.id}`],
    ['an upper-case id', asForm.replace(`id=${base.id}`, `id=${base.id.toUpperCase()}`)],
    ['3,000 unknown fields', `${asForm}${Array.from({ length: 3000 }, (_, index) => `&data.f${index}=1`).join('')}`],
    ['only garbage', '&&&===&&%%%'],
  ];
  for (const [name, body] of formCases) add(`form: ${name}`, () => formBody(body), 422);

  // Spam is answered 202 and dropped (nothing stored), however the rest looks.
  add('a filled honeypot', () => changed((copy) => (copy['context']['honeypot'] = 'http://spam.example')), 202);
  add('filled in 10 ms', () => changed((copy) => (copy['context']['fillMs'] = 10)), 202);
  add('filled in negative time', () => changed((copy) => (copy['context']['fillMs'] = -5)), 202);
  return cases;
}

interface StoreUnderTest {
  readonly name: string;
  create(): Promise<{ store: RecordStore; count: () => Promise<number>; close: () => Promise<void> }>;
}

let directory = '';
let pool: pg.Pool | undefined;
let schema = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-hostile-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  if (pool) {
    if (schema) await dropTestSchema(pool, schema);
    await pool.end();
  }
});

const stores: StoreUnderTest[] = [
  {
    name: 'jsonl',
    async create() {
      const path = join(directory, `hostile-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
      const store = jsonlStore({ path });
      await store.open();
      return {
        store,
        count: async () => (await readFile(path, 'utf8')).split('\n').filter(Boolean).length,
        close: () => store.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async create() {
      pool ??= await testPool(10);
      schema ||= await createTestSchema(pool, 'intake_hostile_test');
      const table = `hostile_${Math.random().toString(36).slice(2, 8)}`;
      const store = postgresStore({ pool, schema, table });
      await store.open();
      return {
        store,
        count: async () => Number((await pool!.query<{ count: string }>(`SELECT count(*) AS count FROM ${store.table}`)).rows[0]!.count),
        close: () => store.close(),
      };
    },
  },
];

describe.each(stores)('hostile requests, $name store', (under) => {
  it('none of 100+ hostile requests answers 5xx or stores anything, and a normal request is answered at once after them', { timeout: 120_000 }, async () => {
    const { store, count, close } = await under.create();
    const errors: unknown[] = [];
    const handler = createHandler({ schema: contact, store, onError: (error) => errors.push(error) });
    try {
      const base = await contactRecord();
      const cases = hostileCases(base);
      expect(cases.length).toBeGreaterThanOrEqual(100);
      const outcomes: [string, number][] = [];
      for (let start = 0; start < cases.length; start += 8) {
        const batch = cases.slice(start, start + 8);
        outcomes.push(...(await Promise.all(batch.map(async (one) => [one.name, (await handler(one.request())).status] as [string, number]))));
      }
      expect(outcomes).toEqual(cases.map((one) => [one.name, one.status]));
      expect(errors).toEqual([]);
      expect(await count()).toBe(0);

      const started = performance.now();
      const normal = await handler(json(await contactRecord()));
      expect(normal.status).toBe(201);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await count()).toBe(1);
    } finally {
      await close();
    }
  });

  it('random bytes as a body, in each media type, never get a 5xx or a 201', { timeout: 60_000 }, async () => {
    const { store, count, close } = await under.create();
    const handler = createHandler({ schema: contact, store, onError: () => undefined });
    try {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (bytes, type) => {
          const response = await handler(raw(bytes, { 'content-type': type }));
          expect(response.status).toBeLessThan(500);
          expect(response.status).not.toBe(201);
        }),
        { numRuns: 150 },
      );
      expect(await count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('a record with NUL in an extra context key answers 422, not a store error (PostgreSQL refuses \\u0000)', async () => {
    const { store, count, close } = await under.create();
    const errors: unknown[] = [];
    const handler = createHandler({ schema: contact, store, onError: (error) => errors.push(error) });
    try {
      const response = await handler(json(tamper(await contactRecord(), (copy) => (copy['context']['captcha'] = 'a\u0000b'))));
      expect(response.status).toBe(422);
      expect((await answerOf(response)).issues!.map((issue) => issue.code)).toEqual(['invalid_text']);
      expect(errors).toEqual([]);
      expect(await count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('a valid record with an extra context key nested 4,130 deep answers 422, not 500', async () => {
    const { store, count, close } = await under.create();
    const errors: unknown[] = [];
    const handler = createHandler({ schema: contact, store, onError: (error) => errors.push(error) });
    try {
      const response = await handler(json(withContextKey(await contactRecord(), 'deep', nested(4130))));
      expect(response.status).toBe(422);
      expect((await answerOf(response)).issues!.map((issue) => issue.code)).toEqual(['too_deep']);
      expect(errors).toEqual([]);
      expect(await count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('an upper-case copy of a stored id is refused, not stored again', async () => {
    const { store, count, close } = await under.create();
    const handler = createHandler({ schema: contact, store });
    try {
      const record = await contactRecord();
      expect((await handler(json(record))).status).toBe(201);
      const upper = await handler(json(tamper(record, (copy) => (copy['id'] = record.id.toUpperCase()))));
      expect(upper.status).toBe(422);
      expect((await answerOf(upper)).issues!.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['invalid_id id']);
      expect(await count()).toBe(1);
    } finally {
      await close();
    }
  });
});

describe('hostile requests, item by item', () => {
  let handler: IntakeHandler;
  beforeAll(async () => {
    const path = join(directory, 'items.jsonl');
    handler = createHandler({ schema: contact, store: jsonlStore({ path }) });
  });

  it('Accept-Language: constructor, __proto__ or toString with body {} answers 422 in English, not 500', async () => {
    for (const language of ['constructor', '__proto__', 'toString']) {
      const response = await handler(json('{}', { 'accept-language': language }));
      expect(response.status).toBe(422);
      const answer = await answerOf(response);
      expect(answer.message).toBe('The record is invalid');
      expect(answer.issues!.every((issue) => typeof issue.message === 'string' && !issue.message.includes('undefined'))).toBe(true);
    }
  });

  it('"locale":"toString" with an invalid field answers 422 with English messages', async () => {
    const response = await handler(json(tamper(await contactRecord(), (copy) => ((copy['locale'] = 'toString'), (copy['data']['name'] = 42)))));
    expect(response.status).toBe(422);
    const answer = await answerOf(response);
    expect(answer.issues!.map((issue) => issue.code)).toContain('invalid_type');
  });

  it('8,000 unknown data keys in one 63 KB body: linear time, at most 50 issues and a small answer', async () => {
    const record = tamper(await contactRecord(), (copy) => {
      for (let index = 0; index < 8000; index += 1) copy['data'][index.toString(36)] = 0;
    });
    const body = JSON.stringify(record);
    expect(body.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    const response = await handler(json(body));
    const text = await response.text();
    const ms = performance.now() - started;
    expect(response.status).toBe(422);
    const answer = JSON.parse(text) as { issues: unknown[]; issueCount: number };
    expect(answer.issues).toHaveLength(50);
    expect(answer.issueCount).toBe(8000);
    expect(text.length).toBeLessThan(10_000); // was 900 KB
    expect(ms).toBeLessThan(250); // was about 400 ms
  });

  it('100,000 form fields (with a large maxBodyBytes) take well under a second of event loop, not 34 s', { timeout: 20_000 }, async () => {
    const large = createHandler({ schema: contact, store: jsonlStore({ path: join(directory, 'large.jsonl') }), maxBodyBytes: 16 * 1024 * 1024 });
    const params = new URLSearchParams(encodeRecord(await contactRecord(), 'form').body as string);
    for (let index = 0; index < 100_000; index += 1) params.append(`data.f${index}`, 'v');
    const started = performance.now();
    const response = await large(formBody(params.toString()));
    const text = await response.text();
    expect(response.status).toBe(422);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(text.length).toBeLessThan(10_000);
  });

  it('%FF in a form-encoded value answers 422 invalid_encoding instead of storing U+FFFD', async () => {
    const body = (encodeRecord(await contactRecord(), 'form').body as string).replace(/data\.name=[^&]*/, 'data.name=Jane%FF');
    const response = await handler(formBody(body));
    expect(response.status).toBe(422);
    expect((await answerOf(response)).issues!.map((issue) => issue.code)).toEqual(['invalid_encoding']);
  });

  it('__proto__ and values that are not text inside context.utm are refused', async () => {
    const record = await contactRecord();
    const proto = await handler(json(JSON.stringify(record).replace('"utm":{', '"utm":{"__proto__":{"x":"1"},')));
    expect(proto.status).toBe(422);
    expect((await answerOf(proto)).issues!.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['forbidden_key context.utm.__proto__']);
    const number = await handler(json(tamper(record, (copy) => (copy['context']['utm']['campaign'] = 2026))));
    expect(number.status).toBe(422);
  });
});
