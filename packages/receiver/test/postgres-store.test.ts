import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRecord } from '@intake/core';
import { createHandler } from '../src/index.js';
import { postgresStore, type PostgresStore } from '../src/postgres-store.js';
import { createTestSchema, databaseUrl, dropTestSchema, testPool } from './postgres-support.js';
import { answerOf, contactRecord, crmLeadJson, crmLeadRecord, post, tamper } from './support.js';

let pool: pg.Pool;
let schema = '';
const stores: PostgresStore[] = [];
let tableCount = 0;

beforeAll(async () => {
  pool = await testPool(20);
  schema = await createTestSchema(pool, 'intake_store_test');
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  if (pool) {
    if (schema) await dropTestSchema(pool, schema);
    await pool.end();
  }
});

/** A store on a fresh table of the test schema (through the shared pool unless told otherwise). */
function freshStore(options: { connectionString?: boolean; table?: string } = {}): PostgresStore {
  const table = options.table ?? `records_${(tableCount += 1)}`;
  const store = options.connectionString ? postgresStore({ connectionString: databaseUrl, schema, table }) : postgresStore({ pool, schema, table });
  stores.push(store);
  return store;
}

async function tableExists(table: string): Promise<boolean> {
  const { rows } = await pool.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`"${schema}"."${table}"`]);
  return rows[0]!.found !== null;
}

async function rowsOf(store: PostgresStore, id: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${store.table} WHERE id = $1`, [id]);
  return Number(rows[0]!.count);
}

describe('postgresStore', () => {
  it('creates its table and indexes on first use, not before', async () => {
    const store = freshStore({ table: 'first_use' });
    expect(store.table).toBe(`"${schema}"."first_use"`);
    expect(await tableExists('first_use')).toBe(false);
    expect(await store.has((await contactRecord()).id)).toBe(false);
    expect(await tableExists('first_use')).toBe(true);
    const { rows } = await pool.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname', [schema, 'first_use']);
    expect(rows.map((row) => row.indexname)).toEqual(['first_use_dedupe_key', 'first_use_form_submitted', 'first_use_pkey']);
    const columns = await pool.query<{ column_name: string; data_type: string }>(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [schema, 'first_use'],
    );
    expect(columns.rows).toEqual([
      { column_name: 'id', data_type: 'text' },
      { column_name: 'form_id', data_type: 'text' },
      { column_name: 'submitted_at', data_type: 'timestamp with time zone' },
      { column_name: 'dedupe_key', data_type: 'text' },
      { column_name: 'record', data_type: 'jsonb' },
      { column_name: 'received_at', data_type: 'timestamp with time zone' },
    ]);
  });

  it('creates the table once when many stores (own connections) open it at the same moment', async () => {
    const racers = Array.from({ length: 8 }, () => freshStore({ connectionString: true, table: 'opened_at_once' }));
    const results = await Promise.allSettled(racers.map((store) => store.open()));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await tableExists('opened_at_once')).toBe(true);
  });

  it('tells a new record from a repeat, and stores the record as given', async () => {
    const store = freshStore();
    const record = await crmLeadRecord();
    expect(await store.has(record.id)).toBe(false);
    expect(await store.put(record)).toBe('stored');
    expect(await store.put(record)).toBe('repeat');
    expect(await store.put({ ...record, locale: 'en' })).toBe('repeat');
    expect(await store.has(record.id)).toBe(true);
    expect(await store.get(record.id)).toEqual(record);
    expect(await rowsOf(store, record.id)).toBe(1);
    const { rows } = await pool.query(`SELECT form_id, dedupe_key, submitted_at FROM ${store.table}`);
    expect(rows).toEqual([{ form_id: 'crm-lead', dedupe_key: record.dedupeKey, submitted_at: new Date(record.submittedAt) }]);
  });

  it('stores one id once when many connections put it at the same moment', async () => {
    const table = 'raced';
    const racers = Array.from({ length: 6 }, () => freshStore({ connectionString: true, table }));
    await racers[0]!.open();
    const record = await contactRecord();
    // 6 pools × 5 puts each: 30 INSERTs of one id on up to 30 connections.
    const results = await Promise.all(racers.flatMap((store) => Array.from({ length: 5 }, () => store.put(record))));
    expect(results.filter((result) => result === 'stored')).toHaveLength(1);
    expect(results.filter((result) => result === 'repeat')).toHaveLength(29);
    expect(await rowsOf(racers[0]!, record.id)).toBe(1);
  });

  it('answers has() false for ids that are not UUIDs or that PostgreSQL text cannot hold, without a query error', async () => {
    const store = freshStore();
    for (const id of ['', 'not-a-uuid', "x'; DROP TABLE records; --", '\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '𝒳'.repeat(5000)]) {
      expect(await store.has(id), JSON.stringify(id.slice(0, 20))).toBe(false);
      expect(await store.get(id)).toBeUndefined();
    }
    // Any well-formed text is a key: the handler, not the store, insists on v4 UUIDs.
    const odd = { ...(await contactRecord()), id: "x'; DROP TABLE records; --" };
    expect(await store.put(odd)).toBe('stored');
    expect(await store.has(odd.id)).toBe(true);
    expect(await store.get(odd.id)).toEqual(odd);
  });

  it('refuses a record jsonb cannot hold (a NUL or a lone surrogate) with an error, storing nothing', async () => {
    const store = freshStore();
    const record = await contactRecord();
    await expect(store.put({ ...record, data: { ...record.data, message: 'a\u0000b' } })).rejects.toThrow(/NUL/);
    await expect(store.put({ ...record, data: { ...record.data, message: 'a\uD800b' } })).rejects.toThrow(/lone surrogate/);
    await expect(store.put({ ...record, id: 'a\u0000' })).rejects.toThrow(/cannot be stored/);
    expect(await store.has(record.id)).toBe(false);
    expect(await store.put(record)).toBe('stored');
  });

  it('checks and quotes the table and schema names', async () => {
    for (const table of ['bad-name', 'x"; DROP TABLE y; --', '1abc', '', 'a'.repeat(64), 'ü']) {
      expect(() => postgresStore({ pool, table }), table).toThrow(/plain SQL identifier/);
    }
    expect(() => postgresStore({ pool, schema: 'public.x' })).toThrow(/schema must be a plain SQL identifier/);
    expect(() => postgresStore({} as never)).toThrow(/connectionString/);
    // Mixed case survives quoting: the table is "MixedCase", not mixedcase.
    const store = freshStore({ table: 'MixedCase' });
    await store.put(await contactRecord());
    expect(await tableExists('MixedCase')).toBe(true);
  });

  it('with { connectionString } ends its own pool on close; with { pool } leaves it open', async () => {
    const own = freshStore({ connectionString: true, table: 'closing' });
    const record = await contactRecord();
    expect(await own.put(record)).toBe('stored');
    await own.close();
    await expect(own.has(record.id)).rejects.toThrow(/closed/);

    const shared = freshStore({ table: 'closing' });
    expect(await shared.has(record.id)).toBe(true);
    await shared.close();
    await expect(shared.put(record)).rejects.toThrow(/closed/);
    expect((await pool.query('SELECT count(*)::int AS n FROM ' + shared.table)).rows[0]).toEqual({ n: 1 });
  });

  it('reads records of one form in submittedAt order, in batches', async () => {
    const store = freshStore();
    const base = await contactRecord();
    const times = ['2026-11-23T08:15:07.000Z', '2026-11-23T08:15:01.000Z', '2026-11-23T08:15:05.000Z', '2026-11-23T08:15:01.000Z', '2026-11-23T08:15:03.000Z'];
    const made: IntakeRecord[] = [];
    for (const submittedAt of times) {
      const record = { ...(await contactRecord()), submittedAt };
      made.push(record);
      await store.put(record);
    }
    await store.put({ ...(await crmLeadRecord()) });
    const read: IntakeRecord[] = [];
    for await (const { record, receivedAt } of store.records({ formId: base.form.id, batchSize: 2 })) {
      read.push(record);
      expect(receivedAt).toBeInstanceOf(Date);
    }
    const expected = [...made].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
    expect(read.map((record) => record.id)).toEqual(expected.map((record) => record.id));
    let all = 0;
    for await (const _ of store.records()) all += 1;
    expect(all).toBe(6);
  });

  it('serves the handler end to end: 201, then 200 for the retry, 422 (never 500) for a bad id', async () => {
    const store = freshStore();
    const errors: unknown[] = [];
    const handler = createHandler({ schema: crmLeadJson, store, onError: (error) => errors.push(error) });
    const record = await crmLeadRecord();
    const first = await handler(post(record));
    expect(first.status).toBe(201);
    expect(await answerOf(first)).toMatchObject({ id: record.id });
    expect((await handler(post(record, 'form'))).status).toBe(200);
    expect((await handler(post(record, 'text'))).status).toBe(200);
    expect(await store.get(record.id)).toEqual(record);
    for (const id of ['not-a-uuid', 'a\u0000b', '\uD800', '']) {
      const response = await handler(post(tamper(await crmLeadRecord(), (copy) => (copy.id = id)), 'text'));
      expect(response.status, JSON.stringify(id)).toBe(422);
    }
    expect(errors).toEqual([]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM ${store.table}`)).rows[0]).toEqual({ n: 1 });
  });
});
