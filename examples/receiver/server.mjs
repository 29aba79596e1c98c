// A receiver for the preset forms of @intake/core, on node:http.
//
//   POST /hooks/crm-lead   stores to ./data/crm-lead.jsonl
//   POST /hooks/contact    stores to ./data/contact.jsonl
//
// Environment: PORT (default 8787), ALLOWED_ORIGINS (comma-separated origins such as
// "https://www.example.com,http://localhost:5173", or "*"; default "*" for local development),
// DATA_DIR (default ./data, relative to the working directory).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandler, jsonlStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const port = Number(process.env.PORT ?? 8787);
const dataDir = process.env.DATA_DIR ?? 'data';
const origins = (process.env.ALLOWED_ORIGINS ?? '*').trim();
const allowedOrigins = origins === '*' ? '*' : origins.split(',').map((origin) => origin.trim()).filter(Boolean);
const forms = ['crm-lead', 'contact'];

const routes = new Map();
const stores = [];
for (const name of forms) {
  const schema = await readFile(fileURLToPath(import.meta.resolve(`@intake/core/presets/${name}.json`)), 'utf8');
  const store = jsonlStore({ path: join(dataDir, `${name}.jsonl`) });
  // Open at start-up: reads the known ids and repairs a line torn by an earlier crash.
  const recovery = await store.open();
  if (recovery.torn) console.warn(`${recovery.path}: repaired a torn last line (${recovery.torn.repair})`, recovery.torn.movedTo ?? '');
  if (recovery.badLines.length) console.warn(`${recovery.path}: lines ${recovery.badLines.join(', ')} are not records (left as they are)`);
  stores.push(store);
  routes.set(`/hooks/${name}`, toNodeListener(createHandler({ schema, store, allowedOrigins })));
  console.log(`POST /hooks/${name}  ->  ${recovery.path} (${recovery.records} records)`);
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const listener = routes.get(path);
  if (listener) return listener(request, response);
  response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ message: `No hook at ${path}; use ${[...routes.keys()].join(' or ')}` }));
});

server.listen(port, () => {
  console.log(`Intake receiver on http://localhost:${port} (allowed origins: ${JSON.stringify(allowedOrigins)})`);
});

// Stop taking requests, let the writes under way finish, then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    Promise.all(stores.map((store) => store.close())).then(() => process.exit(0));
  });
}
