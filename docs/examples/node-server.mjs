// A receiver for the form in ./contact.json on node:http, storing to a JSON-lines file.
//   node node-server.mjs     (PORT, default 8787; DATA_DIR, default ./data; ALLOWED_ORIGINS, comma-separated)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHandler, jsonlStore } from '@intake/receiver';
import { createNodeServer } from '@intake/receiver/node';

const schema = await readFile(new URL('./contact.json', import.meta.url), 'utf8');
const store = jsonlStore({ path: join(process.env.DATA_DIR ?? 'data', 'contact.jsonl') });
// Opening at start-up takes the file's lock (a second process on it fails with EJSONLLOCKED),
// reads the stored ids and repairs a line torn by a crash.
const { records, torn } = await store.open();
if (torn) console.warn(`repaired a torn last line (${torn.repair})`);

const handler = createHandler({
  schema, // an invalid form throws here, listing every problem
  store,
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? 'https://www.example.com').split(','),
});

// Requests must arrive within 30 s (headers within 15 s); clients that give up are counted, not logged.
let aborted = 0;
const server = createNodeServer(handler, { onAbort: () => (aborted += 1) });
server.listen(Number(process.env.PORT ?? 8787), () => {
  console.log(`Intake receiver on http://localhost:${server.address().port} (${records} records stored)`);
});
process.once('SIGTERM', () => server.close(() => store.close()));
