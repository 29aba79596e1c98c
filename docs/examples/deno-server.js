// A receiver for the form in ./contact.json on Deno, storing records in Deno KV.
//   deno run --allow-net --unstable-kv deno-server.js
// deno.json maps the package: { "imports": { "@intake/receiver": "npm:@intake/receiver@^0.1.0" } }
import { createHandler } from '@intake/receiver';
import form from './contact.json' with { type: 'json' };

const kv = await Deno.openKv();

/** A RecordStore in Deno KV. The atomic check makes `put` exactly-once, across isolates too. */
export const kvStore = {
  async has(id) {
    return (await kv.get(['intake', form.id, id])).versionstamp !== null;
  },
  async put(record) {
    const key = ['intake', form.id, record.id];
    // `versionstamp: null` = only if the key is absent; a failed check commits nothing.
    const { ok } = await kv.atomic().check({ key, versionstamp: null }).set(key, record).commit();
    return ok ? 'stored' : 'repeat';
  },
};

// Deno KV values are at most 64 KiB: the default body limit (64 KiB) keeps records under it.
export const handler = createHandler({ schema: form, store: kvStore, allowedOrigins: ['https://www.example.com'] });

Deno.serve({ port: 8787 }, handler);
