import type { IntakeRecord } from '@intake/core';

/** What {@link RecordStore.put} did: wrote the record, or found one with its id already stored. */
export type PutResult = 'stored' | 'repeat';

/**
 * Where a receiver keeps records: a file, a database, a queue. Plug in your own by implementing
 * these two methods; the handler calls nothing else.
 *
 * A store makes delivery exactly-once: records are identified by `record.id` (a v4 UUID the browser
 * creates once per submission and resends on every retry).
 *
 * Rules an implementation must follow:
 * - `put` is **atomic** with respect to its own repeat check: when several requests carry the same
 *   id at once (a retry racing the original), exactly one `put` resolves `'stored'` and the
 *   others `'repeat'`. In a database, let a unique key decide (`INSERT … ON CONFLICT DO NOTHING`,
 *   then look at the row count); in memory, check and claim the id without an `await` in between.
 * - `put` resolves `'stored'` only once the record is **durable** (committed, synced): the handler
 *   answers 201 right after, and the browser forgets the record when it sees a 2xx.
 * - `put` rejects when it could not store the record; the handler then answers 500, which the
 *   browser retries later (the record stays in its outbox).
 * - `has` is a fast pre-check so a retry of a stored record answers 200 at once, even if the form's
 *   schema has changed since. It may answer `false` for a record still being written.
 *
 * @example
 * // PostgreSQL with node-postgres: the primary key makes `put` atomic across processes too.
 * const pgStore: RecordStore = {
 *   async has(id) {
 *     const { rowCount } = await pool.query('SELECT 1 FROM intake_records WHERE id = $1', [id]);
 *     return rowCount > 0;
 *   },
 *   async put(record) {
 *     const { rowCount } = await pool.query(
 *       'INSERT INTO intake_records (id, form_id, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
 *       [record.id, record.form.id, record],
 *     );
 *     return rowCount === 1 ? 'stored' : 'repeat';
 *   },
 * };
 */
export interface RecordStore {
  /** Whether a record with this id is stored. */
  has(id: string): Promise<boolean>;
  /**
   * Stores the record unless one with the same `id` is stored (or being stored); resolves once it
   * is durable. Atomic with respect to the repeat check: of concurrent puts of one id exactly one
   * resolves `'stored'`.
   */
  put(record: IntakeRecord): Promise<PutResult>;
}

/** A {@link RecordStore} that keeps records in memory, with the records it holds. */
export interface MemoryStore extends RecordStore {
  /** The stored records, in the order they were stored. */
  readonly records: readonly IntakeRecord[];
}

/**
 * A {@link RecordStore} in memory: for tests, demos and as a model for your own store. Records
 * are lost when the process ends.
 *
 * @example
 * const store = memoryStore();
 * const handler = createHandler({ schema, store });
 * // … after a request
 * store.records.length; // 1
 */
export function memoryStore(): MemoryStore {
  const records: IntakeRecord[] = [];
  const ids = new Set<string>();
  return {
    records,
    has: async (id) => ids.has(id),
    // No `await` between the check and the claim: concurrent puts of one id cannot both store it.
    put: async (record) => {
      if (ids.has(record.id)) return 'repeat';
      ids.add(record.id);
      records.push(record);
      return 'stored';
    },
  };
}
