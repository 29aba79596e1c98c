import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDedupeKey, encodeRecord, type IntakeRecord } from '@intake/core';
import { createHandler, jsonlStore, memoryStore, type RecordStore } from '../src/index.js';
import { answerOf, contact, contactRecord, crmLead, crmLeadJson, crmLeadRecord, post, tamper, type Format } from './support.js';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-handler-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

function setup(options: Partial<Parameters<typeof createHandler>[0]> = {}) {
  const store = memoryStore();
  const handler = createHandler({ schema: crmLead, store, ...options });
  return { store, handler };
}

describe('createHandler', () => {
  it('stores a valid record once: 201, then 200 for the repeat', async () => {
    const { store, handler } = setup();
    const record = await crmLeadRecord();

    const first = await handler(post(record));
    expect(first.status).toBe(201);
    expect(await answerOf(first)).toEqual({ message: '已保存', id: record.id });
    expect(store.records).toEqual([record]);

    const repeat = await handler(post(record));
    expect(repeat.status).toBe(200);
    expect((await answerOf(repeat)).id).toBe(record.id);
    expect(store.records).toHaveLength(1);
  });

  it('answers a repeat with 200 even after the form changed so the record no longer validates', async () => {
    const store = memoryStore();
    const record = await contactRecord();
    expect((await createHandler({ schema: contact, store })(post(record))).status).toBe(201);
    const stricter = { ...contact, fields: contact.fields.map((field) => (field.name === 'company' ? { ...field, required: true } : field)) };
    const again = await createHandler({ schema: stricter, store })(post(record));
    expect(again.status).toBe(200);
    expect(store.records).toHaveLength(1);
  });

  it.each<Format>(['json', 'text', 'form'])('rebuilds every field type from the %s format', async (format) => {
    const { store, handler } = setup();
    const record = await crmLeadRecord();
    const response = await handler(post(record, format));
    expect(response.status).toBe(201);
    expect(store.records[0]).toEqual(record);
    // Typed as the schema says, not strings.
    expect(store.records[0]!.data['expectedUsers']).toBe(50);
    expect(store.records[0]!.data['isDecisionMaker']).toBe(true);
    expect(store.records[0]!.data['interests']).toEqual(['demo', 'pricing']);
  });

  it('stores a record byte for byte the same whichever format it came in', async () => {
    const record = await crmLeadRecord();
    const lines: string[] = [];
    for (const format of ['json', 'text', 'form'] as const) {
      const path = join(directory, `formats-${format}.jsonl`);
      const store = jsonlStore({ path });
      const response = await createHandler({ schema: crmLead, store })(post(record, format));
      expect(response.status).toBe(201);
      await store.close();
      lines.push(await readFile(path, 'utf8'));
    }
    expect(lines[0]).toBe(`${JSON.stringify(record)}\n`);
    expect(lines[1]).toBe(lines[0]);
    expect(lines[2]).toBe(lines[0]);
  });

  it('rebuilds a single checkbox value as an array and an empty dedupe key as null from the form format', async () => {
    const noDedupe = { ...contact, dedupe: undefined };
    const store = memoryStore();
    const record = tamper(await contactRecord(), (copy) => (copy['dedupeKey'] = null));
    const response = await createHandler({ schema: noDedupe, store })(post(record, 'form'));
    expect(response.status).toBe(201);
    expect(store.records[0]!.dedupeKey).toBeNull();

    const { store: crmStore, handler } = setup();
    const one = await crmLeadRecord();
    const single = tamper(one, (copy) => {
      copy['data'].interests = ['trial'];
    });
    // Re-validation recomputes nothing that depends on interests, so the record stays valid.
    const answer = await handler(post(single, 'form'));
    expect(answer.status).toBe(201);
    expect(crmStore.records[0]!.data['interests']).toEqual(['trial']);
  });

  it('ignores the trailing newline a tool adds to a url-encoded body', async () => {
    const { store, handler } = setup();
    const record = await crmLeadRecord();
    const body = `${encodeRecord(record, 'form').body}\n`;
    const response = await handler(new Request('https://hooks.example.com/intake', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
    expect(response.status).toBe(201);
    expect(store.records).toEqual([record]);
  });

  describe('refuses tampered records with 422 and the issues', () => {
    const cases: [string, (copy: Record<string, any>) => void, string, (string | number)[]][] = [
      ['a bad phone', (copy) => (copy['data'].phone = '+86139'), 'invalid_phone', ['data', 'phone']],
      ['a phone that is not normalized', (copy) => (copy['data'].phone = '139 1234 5678'), 'not_normalized', ['data', 'phone']],
      ['an unknown field', (copy) => (copy['data'].favouriteColour = 'blue'), 'unknown_field', ['data', 'favouriteColour']],
      ['a field named __proto__', (copy) => Object.defineProperty(copy['data'], '__proto__', { value: 'x', enumerable: true }), 'unknown_field', ['data', '__proto__']],
      ['a field hidden by its condition', (copy) => (copy['data'].decisionMaker = 'Li Na'), 'hidden_field', ['data', 'decisionMaker']],
      ['wrong tags', (copy) => (copy['tags'] = ['high-value']), 'tags_mismatch', ['tags']],
      ['a missing required field', (copy) => delete copy['data'].company, 'required', ['data', 'company']],
      ['an option that does not exist', (copy) => (copy['data'].industry = 'Z'), 'invalid_option', ['data', 'industry']],
      ['a date after the max of crm-lead', (copy) => (copy['data'].firstContactDate = '2036-01-01'), 'date_too_late', ['data', 'firstContactDate']],
      ['a year typed into the wrong segment of a date input', (copy) => (copy['data'].firstContactDate = '6315-02-02'), 'date_too_late', ['data', 'firstContactDate']],
      ['another form', (copy) => (copy['form'].id = 'contact'), 'form_mismatch', ['form', 'id']],
      ['an id that is not a v4 UUID', (copy) => (copy['id'] = 'not-a-uuid'), 'invalid_id', ['id']],
    ];
    it.each(cases)('%s', async (_, change, code, path) => {
      const { store, handler } = setup();
      const bad = tamper(await crmLeadRecord({ locale: 'en' }), change);
      const response = await handler(post(bad));
      expect(response.status).toBe(422);
      const body = await answerOf(response);
      expect(body.message).toBe('The record is invalid');
      expect(body.issues).toContainEqual(expect.objectContaining({ code, path }));
      expect(store.records).toHaveLength(0);
    });

    it('a dedupe key that does not match the data', async () => {
      const { store, handler } = setup();
      const record = await crmLeadRecord({ locale: 'en' });
      const forged = tamper(record, (copy) => (copy['dedupeKey'] = 'a'.repeat(64)));
      const response = await handler(post(forged));
      expect(response.status).toBe(422);
      const issues = (await answerOf(response)).issues!;
      expect(issues).toEqual([expect.objectContaining({ code: 'dedupe_key_mismatch', path: ['dedupeKey'] })]);
      expect(issues[0]!.message).toContain(record.dedupeKey);
      expect(store.records).toHaveLength(0);
    });

    it('a dedupe key kept while the data changed', async () => {
      const { store, handler } = setup();
      const record = await crmLeadRecord({ locale: 'en' });
      const changed = tamper(record, (copy) => (copy['data'].email = 'someone.else@example.com'));
      const response = await handler(post(changed));
      expect(response.status).toBe(422);
      const expected = await computeDedupeKey(crmLead, changed['data']);
      expect((await answerOf(response)).issues).toContainEqual(expect.objectContaining({ code: 'dedupe_key_mismatch', params: { expected } }));
      expect(store.records).toHaveLength(0);
    });

    it('a bad value sent in the form format', async () => {
      const { store, handler } = setup();
      const bad = tamper(await crmLeadRecord({ locale: 'en' }), (copy) => (copy['data'].expectedUsers = 'fifty'));
      const response = await handler(post(bad, 'form'));
      expect(response.status).toBe(422);
      expect((await answerOf(response)).issues).toContainEqual(expect.objectContaining({ path: ['data', 'expectedUsers'] }));
      expect(store.records).toHaveLength(0);
    });

    it('in the record’s language', async () => {
      const { handler } = setup();
      const bad = tamper(await crmLeadRecord(), (copy) => (copy['data'].phone = '+86139'));
      const body = await answerOf(await handler(post(bad)));
      expect(body.message).toBe('提交的记录无效');
      expect(body.issues![0]!.message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('refuses bad JSON, a body that is not a record, bad UTF-8 and a mismatched Idempotency-Key with 422', async () => {
    const { store, handler } = setup();
    const request = (body: BodyInit, headers: Record<string, string> = {}) =>
      new Request('https://hooks.example.com/intake', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    const badJson = await handler(request('{"id": '));
    expect(badJson.status).toBe(422);
    expect((await answerOf(badJson)).issues).toEqual([expect.objectContaining({ code: 'invalid_json', path: [] })]);

    const array = await handler(request('[1, 2]'));
    expect(array.status).toBe(422);
    expect((await answerOf(array)).issues).toEqual([expect.objectContaining({ code: 'invalid_type' })]);

    const latin1 = await handler(request(new Uint8Array([0x7b, 0xe9, 0x7d])));
    expect(latin1.status).toBe(422);
    expect((await answerOf(latin1)).issues).toEqual([expect.objectContaining({ code: 'invalid_encoding' })]);

    const record = await crmLeadRecord();
    const mismatch = await handler(post(record, 'json', { headers: { 'idempotency-key': '00000000-0000-4000-8000-000000000000' } }));
    expect(mismatch.status).toBe(422);
    expect((await answerOf(mismatch)).issues).toEqual([expect.objectContaining({ code: 'idempotency_key_mismatch', path: ['id'] })]);
    expect(store.records).toHaveLength(0);
  });

  describe('size limit', () => {
    function streamOf(chunks: number, chunkBytes: number) {
      let pulled = 0;
      let cancelled = false;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled === chunks) return controller.close();
          pulled += 1;
          controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      });
      return { stream, pulled: () => pulled, cancelled: () => cancelled };
    }

    it('answers 413 for a declared Content-Length over the limit without reading the body', async () => {
      const { store, handler } = setup({ maxBodyBytes: 1000 });
      const body = streamOf(10, 500);
      const request = new Request('https://hooks.example.com/intake', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      const response = await handler(request);
      expect(response.status).toBe(413);
      expect((await answerOf(response)).message).toContain('1000');
      expect(body.pulled()).toBeLessThanOrEqual(1);
      expect(store.records).toHaveLength(0);
    });

    it('answers 413 for a body without Content-Length (chunked) as soon as it passes the limit', async () => {
      const { handler } = setup({ maxBodyBytes: 1000 });
      const body = streamOf(1000, 300);
      const request = new Request('https://hooks.example.com/intake', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      expect(request.headers.has('content-length')).toBe(false);
      const response = await handler(request);
      expect(response.status).toBe(413);
      expect(body.pulled()).toBeLessThan(10); // stopped at the limit, not after 300 KB
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(body.cancelled()).toBe(true);
    });

    it('counts the bytes even when Content-Length lies', async () => {
      const { handler } = setup({ maxBodyBytes: 1000 });
      const body = streamOf(20, 300);
      const request = new Request('https://hooks.example.com/intake', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '10' },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      expect((await handler(request)).status).toBe(413);
    });

    it('accepts a body of exactly maxBodyBytes and refuses one byte more', async () => {
      const record = await crmLeadRecord();
      const size = new TextEncoder().encode(JSON.stringify(record)).byteLength;
      const exact = setup({ maxBodyBytes: size });
      expect((await exact.handler(post(record))).status).toBe(201);
      const under = setup({ maxBodyBytes: size - 1 });
      expect((await under.handler(post(record))).status).toBe(413);
      expect(under.store.records).toHaveLength(0);
    });
  });

  it('answers 415 to content types other than the three formats', async () => {
    const { handler } = setup();
    const record = await crmLeadRecord();
    for (const type of ['application/xml', 'multipart/form-data; boundary=x', 'text/plain; charset=iso-8859-1', '']) {
      const request = new Request('https://hooks.example.com/intake', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: JSON.stringify(record) });
      if (!type) request.headers.delete('content-type');
      const response = await handler(request);
      expect(response.status, type).toBe(415);
    }
    const upperCase = new Request('https://hooks.example.com/intake', { method: 'POST', headers: { 'content-type': 'Application/JSON; Charset="UTF-8"' }, body: JSON.stringify(record) });
    expect((await handler(upperCase)).status).toBe(201);
  });

  it('answers 405 with Allow to methods other than POST and OPTIONS', async () => {
    const { handler } = setup();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await handler(new Request('https://hooks.example.com/intake', { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    }
  });

  describe('origins and CORS', () => {
    const allowed = 'https://www.example.com';
    const preflight = (origin: string) =>
      new Request('https://hooks.example.com/intake', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });

    // Changed with issue 14 (a refused origin must not look offline): the preflight lets the POST
    // through, and the POST's 403 is readable by the page. It was: 403 and no CORS grant on both.
    it('refuses a disallowed origin with a 403 the page can read, after a preflight that lets the POST through', async () => {
      const { store, handler } = setup({ allowedOrigins: [allowed] });
      const record = await crmLeadRecord();
      const answer = await handler(preflight('https://evil.example'));
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(answer.headers.get('access-control-max-age')).toBe('60');
      const response = await handler(post(record, 'json', { headers: { origin: 'https://evil.example' } }));
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(await response.json()).toEqual({ message: 'Origin "https://evil.example" is not allowed to send records here', code: 'origin_not_allowed', origin: 'https://evil.example' });
      expect(store.records).toHaveLength(0);
    });

    it('grants an allowed origin on preflight', async () => {
      const { handler } = setup({ allowedOrigins: [allowed, 'http://localhost:5173'] });
      const response = await handler(preflight(allowed));
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST');
      expect(response.headers.get('access-control-allow-headers')).toBe('content-type, idempotency-key');
      expect(response.headers.get('access-control-max-age')).toBe('7200');
      expect(response.headers.get('vary')).toBe('Origin');
    });

    it('grants an allowed origin on every answer, errors included, so the form can read the reason', async () => {
      const { store, handler } = setup({ allowedOrigins: [allowed] });
      const record = await crmLeadRecord();
      const withOrigin = (payload: unknown, format: Format = 'text') => post(payload, format, { headers: { origin: allowed } });

      const stored = await handler(withOrigin(record));
      expect(stored.status).toBe(201);
      expect(stored.headers.get('access-control-allow-origin')).toBe(allowed);
      const invalid = await handler(withOrigin(tamper(await crmLeadRecord(), (copy) => (copy['tags'] = [])), 'form'));
      expect(invalid.status).toBe(422);
      expect(invalid.headers.get('access-control-allow-origin')).toBe(allowed);
      const tooLarge = await createHandler({ schema: crmLead, store, allowedOrigins: [allowed], maxBodyBytes: 10 })(withOrigin(record));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(store.records).toHaveLength(1);
    });

    it("allows any origin with '*' and with a predicate, and requests without Origin always", async () => {
      const record = await crmLeadRecord();
      const any = setup({ allowedOrigins: '*' });
      const anyAnswer = await any.handler(post(record, 'text', { headers: { origin: 'https://anywhere.example' } }));
      expect(anyAnswer.status).toBe(201);
      expect(anyAnswer.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');

      const subdomains = setup({ allowedOrigins: (origin) => /^https:\/\/[a-z]+\.example\.com$/.test(origin) });
      expect((await subdomains.handler(preflight('https://shop.example.com'))).status).toBe(204);
      expect((await subdomains.handler(post(record, 'text', { headers: { origin: 'https://example.org' } }))).status).toBe(403);

      const none = setup();
      const server = await none.handler(post(record));
      expect(server.status).toBe(201);
      expect(server.headers.has('access-control-allow-origin')).toBe(false);
      expect((await none.handler(post(record, 'json', { headers: { origin: allowed } }))).status).toBe(403);
    });

    it('throws at creation for an allowedOrigins entry that is not an origin', () => {
      for (const entry of ['www.example.com', 'https://www.example.com/forms']) {
        expect(() => createHandler({ schema: crmLead, store: memoryStore(), allowedOrigins: [entry] })).toThrow(/scheme:\/\/host/);
      }
    });
  });

  describe('spam', () => {
    it('drops a filled honeypot with 202 and stores nothing', async () => {
      const { store, handler } = setup();
      const bot = await crmLeadRecord({ honeypot: 'http://spam.example' });
      expect(bot.context.honeypot).toBe('http://spam.example');
      for (const format of ['json', 'form'] as const) {
        const response = await handler(post(bot, format));
        expect(response.status).toBe(202);
      }
      expect(store.records).toHaveLength(0);
    });

    it('drops fills faster than minFillMs with 202 and stores nothing', async () => {
      const { store, handler } = setup();
      const fast = await crmLeadRecord({ fillMs: 1499 });
      expect((await handler(post(fast))).status).toBe(202);
      expect((await handler(post(fast, 'form'))).status).toBe(202);
      expect(store.records).toHaveLength(0);
      const human = await crmLeadRecord({ fillMs: 1500 });
      expect((await handler(post(human))).status).toBe(201);
      expect(store.records).toHaveLength(1);
    });

    it('honours a custom minFillMs', async () => {
      const { store, handler } = setup({ minFillMs: 10_000 });
      expect((await handler(post(await crmLeadRecord({ fillMs: 9000 })))).status).toBe(202);
      const relaxed = createHandler({ schema: crmLead, store, minFillMs: 0 });
      expect((await relaxed(post(await crmLeadRecord({ fillMs: 10 })))).status).toBe(201);
      expect(store.records).toHaveLength(1);
    });
  });

  it('stores concurrent posts of one record once', async () => {
    const memory = setup();
    const path = join(directory, 'concurrent.jsonl');
    const file = jsonlStore({ path });
    const onFile = createHandler({ schema: crmLead, store: file });
    const record = await crmLeadRecord();
    for (const handler of [memory.handler, onFile]) {
      const formats: Format[] = ['json', 'text', 'form'];
      const statuses = await Promise.all(Array.from({ length: 12 }, (_, index) => handler(post(record, formats[index % 3])).then((response) => response.status)));
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(11);
    }
    expect(memory.store.records).toHaveLength(1);
    await file.close();
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toEqual([JSON.stringify(record)]);
  });

  it('answers 500 and reports the error when the store fails, so the browser retries', async () => {
    const errors: unknown[] = [];
    const failing: RecordStore = {
      has: async () => false,
      put: async () => {
        throw new Error('disk full');
      },
    };
    const handler = createHandler({ schema: crmLead, store: failing, onError: (error) => errors.push(error) });
    const response = await handler(post(await crmLeadRecord()));
    expect(response.status).toBe(500);
    expect(errors).toEqual([new Error('disk full')]);
  });

  it('takes the schema as JSON text or as an object, and throws a readable error for an invalid one', async () => {
    const record: IntakeRecord = await crmLeadRecord();
    expect((await createHandler({ schema: crmLeadJson, store: memoryStore() })(post(record))).status).toBe(201);
    expect((await createHandler({ schema: JSON.parse(crmLeadJson) as Record<string, unknown>, store: memoryStore() })(post(record))).status).toBe(201);
    expect(() => createHandler({ schema: { id: 'x', fields: [{ name: 'email', type: 'email', requierd: true }] }, store: memoryStore() })).toThrow(
      /not a valid Intake form:\n.*fields\[0\]\.requierd.*did you mean "required"/,
    );
    expect(() => createHandler({ schema: crmLead, store: memoryStore(), maxBodyBytes: -1 })).toThrow(/maxBodyBytes/);
  });
});
