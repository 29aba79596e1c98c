/**
 * @intake/receiver/postgres: a {@link RecordStore} on PostgreSQL through node-postgres (`pg`),
 * for several receiver processes or servers sharing one database.
 * @packageDocumentation
 */
import type { IntakeRecord } from '@intake/core';
import pg from 'pg';
import type { PutResult, RecordStore } from './record-store.js';

/** The table the store writes to unless {@link PostgresStoreOptions.table} says otherwise. */
export const defaultPostgresTable = 'intake_records';

/** Options of {@link postgresStore}: a connection string or a pool of your own, plus where to store. */
export type PostgresStoreOptions = PostgresConnection & {
  /** The table, created on first use. A plain SQL identifier (letters, digits, `_`, `$`, at most 63 bytes). Default `intake_records`. */
  readonly table?: string;
  /** The schema the table lives in; it must exist. Default: the connection's `search_path` (usually `public`). */
  readonly schema?: string;
};

/** Either a connection string (the store makes and ends its pool) or a `pg.Pool` you own and end. */
export type PostgresConnection =
  | { readonly connectionString: string; readonly pool?: undefined; readonly max?: number }
  | { readonly pool: pg.Pool; readonly connectionString?: undefined };

/** A record as {@link PostgresStore.records} yields it, with the time the database stored it. */
export interface StoredRecord {
  readonly record: IntakeRecord;
  /** When the row was inserted (the database's clock). */
  readonly receivedAt: Date;
}

/** Which records {@link PostgresStore.records} reads. */
export interface RecordQuery {
  /** Only records of this form id. */
  readonly formId?: string;
  /** Rows read per round trip. Default 500. */
  readonly batchSize?: number;
}

/** A {@link RecordStore} on PostgreSQL, with a reader for exports and a way to close it. */
export interface PostgresStore extends RecordStore {
  /** The table as quoted in SQL, e.g. `"public"."intake_records"`. */
  readonly table: string;
  /** Creates the table and its indexes unless they exist. `has` and `put` call it first anyway; call it at start-up to fail early. Safe to call again. */
  open(): Promise<void>;
  /** Looks a record up by id; `undefined` when none is stored. */
  get(id: string): Promise<IntakeRecord | undefined>;
  /** The stored records in `submittedAt` order (then id), read in batches (keyset pagination, so the table may be large). */
  records(query?: RecordQuery): AsyncIterableIterator<StoredRecord>;
  /** Ends the pool when the store made it (from a connection string); a pool you passed stays open. */
  close(): Promise<void>;
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** Checks a plain identifier (no quoting tricks accepted) and quotes it. */
function quoteIdentifier(kind: string, name: string): string {
  if (typeof name !== 'string' || !identifierPattern.test(name) || new TextEncoder().encode(name).byteLength > 63) {
    throw new TypeError(`postgresStore: ${kind} must be a plain SQL identifier (letters, digits, _ and $, not starting with a digit, at most 63 bytes), got ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

/**
 * Whether a string can be a key in PostgreSQL's `text`: no NUL character, and well-formed UTF-16
 * (node-postgres would turn a lone surrogate into U+FFFD, so two different ids could meet).
 */
function isStorableText(text: string): boolean {
  return !/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Whether every string (and key) in a JSON value is storable text: jsonb refuses `\u0000` and lone surrogates. */
function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isStorableJson);
  return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorableJson(item));
}

/** A 64-bit advisory lock key of the table's name, so creating it is serialized across processes. */
function lockKey(qualified: string): bigint {
  // FNV-1a, 64 bits, folded into a signed bigint as pg_advisory_xact_lock(bigint) takes.
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`intake:${qualified}`)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return BigInt.asIntN(64, hash);
}

/**
 * A {@link RecordStore} on PostgreSQL. Several processes (or servers) can share one table: the
 * primary key on the record id decides which `put` of an id stores it (`INSERT … ON CONFLICT (id)
 * DO NOTHING`; the row count tells stored from repeat), so delivery stays exactly-once across
 * workers. `put` resolves once PostgreSQL has committed the row, which with the default
 * `synchronous_commit = on` means it is on disk.
 *
 * The table (default `intake_records`) is created on first use with `CREATE TABLE IF NOT EXISTS`
 * under an advisory lock, so N workers starting at once do not race. Columns: `id text primary key`,
 * `form_id`, `submitted_at timestamptz`, `dedupe_key`, `record jsonb`, `received_at`; indexes on
 * `(form_id, submitted_at, id)` and `dedupe_key`. The id column is `text`, not `uuid`: the handler
 * rejects ids that are not v4 UUIDs itself (422), and `has` may be asked about any string.
 *
 * @example
 * import { createHandler } from '@intake/receiver';
 * import { postgresStore } from '@intake/receiver/postgres';
 *
 * const store = postgresStore({ connectionString: process.env.DATABASE_URL! });
 * await store.open(); // creates the table, or fails early
 * const handler = createHandler({ schema, store });
 */
export function postgresStore(options: PostgresStoreOptions): PostgresStore {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('postgresStore: pass { connectionString } or { pool }');
  }
  const ownsPool = options.pool === undefined;
  if (ownsPool && (typeof options.connectionString !== 'string' || options.connectionString === '')) {
    throw new TypeError('postgresStore: pass { connectionString: "postgres://user:password@host/database" } or { pool } (a pg.Pool)');
  }
  const tableName = options.table ?? defaultPostgresTable;
  const table = `${options.schema === undefined ? '' : `${quoteIdentifier('schema', options.schema)}.`}${quoteIdentifier('table', tableName)}`;
  const indexPrefix = tableName.slice(0, 40);
  const pool: pg.Pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, ...(options.max ? { max: options.max } : {}) });
  if (ownsPool) {
    // An idle client losing its connection (a database restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
  }
  let closed = false;
  let opening: Promise<void> | undefined;

  const create = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Concurrent CREATE TABLE IF NOT EXISTS can fail on the catalog's unique index (of the row type); one at a time cannot.
      await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(table).toString()]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
        id text PRIMARY KEY,
        form_id text NOT NULL,
        submitted_at timestamptz NOT NULL,
        dedupe_key text,
        record jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
      // An index is created in its table's schema, so its name is not qualified.
      await client.query(`CREATE INDEX IF NOT EXISTS "${indexPrefix}_form_submitted" ON ${table} (form_id, submitted_at, id)`);
      await client.query(`CREATE INDEX IF NOT EXISTS "${indexPrefix}_dedupe_key" ON ${table} (dedupe_key) WHERE dedupe_key IS NOT NULL`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const ready = (): Promise<void> => {
    if (closed) return Promise.reject(new Error(`postgresStore: ${table} is closed`));
    opening ??= create().catch((error: unknown) => {
      opening = undefined; // the next call tries again (the database may be back)
      throw error;
    });
    return opening;
  };

  const get = async (id: string): Promise<IntakeRecord | undefined> => {
    if (typeof id !== 'string' || !isStorableText(id)) return undefined;
    await ready();
    const { rows } = await pool.query<{ record: IntakeRecord }>(`SELECT record FROM ${table} WHERE id = $1`, [id]);
    return rows[0]?.record;
  };

  return {
    table,
    open: ready,
    get,
    async has(id) {
      // An id PostgreSQL cannot hold is not stored: answer false rather than fail the query.
      if (typeof id !== 'string' || !isStorableText(id)) return false;
      await ready();
      const { rowCount } = await pool.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      return (rowCount ?? 0) > 0;
    },
    async put(record) {
      if (!isStorableText(record.id)) {
        throw new TypeError(`postgresStore: the record id ${JSON.stringify(record.id)} cannot be stored (NUL or a lone surrogate); the handler rejects such ids before storing`);
      }
      const submittedAt = new Date(record.submittedAt);
      if (Number.isNaN(submittedAt.getTime())) throw new TypeError(`postgresStore: submittedAt ${JSON.stringify(record.submittedAt)} is not a time`);
      if (!isStorableJson(record)) {
        throw new TypeError('postgresStore: the record holds a NUL character or a lone surrogate, which PostgreSQL jsonb cannot store');
      }
      await ready();
      const { rowCount } = await pool.query(
        `INSERT INTO ${table} (id, form_id, submitted_at, dedupe_key, record) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (id) DO NOTHING`,
        [record.id, record.form.id, submittedAt, record.dedupeKey, JSON.stringify(record)],
      );
      return (rowCount === 1 ? 'stored' : 'repeat') satisfies PutResult;
    },
    async *records(query: RecordQuery = {}) {
      await ready();
      const batchSize = query.batchSize ?? 500;
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new TypeError(`postgresStore: batchSize must be a whole number ≥ 1, got ${String(batchSize)}`);
      let after: { submittedAt: Date; id: string } | undefined;
      for (;;) {
        const params: unknown[] = [];
        const where: string[] = [];
        if (query.formId !== undefined) {
          params.push(query.formId);
          where.push(`form_id = $${params.length}`);
        }
        if (after) {
          params.push(after.submittedAt, after.id);
          where.push(`(submitted_at, id) > ($${params.length - 1}, $${params.length})`);
        }
        params.push(batchSize);
        const { rows } = await pool.query<{ id: string; submitted_at: Date; received_at: Date; record: IntakeRecord }>(
          `SELECT id, submitted_at, received_at, record FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY submitted_at, id LIMIT $${params.length}`,
          params,
        );
        for (const row of rows) yield { record: row.record, receivedAt: row.received_at };
        if (rows.length < batchSize) return;
        const last = rows[rows.length - 1]!;
        after = { submittedAt: last.submitted_at, id: last.id };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await opening?.catch(() => undefined);
      if (ownsPool) await pool.end();
    },
  };
}
