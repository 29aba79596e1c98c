// A receiver for the form in ./contact.json as a Cloudflare Worker (or any runtime whose module
// exports `default { fetch }`), storing records in a D1 (SQLite) database bound as `DB`:
//
//   CREATE TABLE intake_records (id TEXT PRIMARY KEY, form_id TEXT NOT NULL, record TEXT NOT NULL,
//     received_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
//
// wrangler.toml: [[d1_databases]] binding = "DB" …, and [vars] ALLOWED_ORIGINS = "https://www.example.com"
import { createHandler } from '@intake/receiver';
import form from './contact.json' with { type: 'json' };

/** A RecordStore in a D1 table: the primary key makes `put` exactly-once. */
export function d1Store(db) {
  return {
    async has(id) {
      return (await db.prepare('SELECT 1 FROM intake_records WHERE id = ?1').bind(id).first()) !== null;
    },
    async put(record) {
      const result = await db
        .prepare('INSERT INTO intake_records (id, form_id, record) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO NOTHING')
        .bind(record.id, record.form.id, JSON.stringify(record))
        .run();
      return result.meta.changes === 1 ? 'stored' : 'repeat';
    },
  };
}

let handler; // made once per isolate: checking the form on every request would waste time

export default {
  async fetch(request, env) {
    handler ??= createHandler({ schema: form, store: d1Store(env.DB), allowedOrigins: env.ALLOWED_ORIGINS.split(',') });
    return handler(request);
  },
};
