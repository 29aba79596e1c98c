// Serves the built site (dist/) the way a company's web server would: with the strict
// Content-Security-Policy, and the webhook on the same origin (`/hooks/contact`, a receiver made
// with @intake/receiver that re-validates each record against contact.json and appends it to
// data/expo-booth.jsonl). For trying the example locally; any static server plus any webhook works.
//
//   node build.mjs && node serve.mjs        then open http://localhost:8080/
//   PORT=3000 node serve.mjs
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
// Resolved from the Intake workspace (a devDependency of the repository root).
import { createHandler, jsonlStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? 'localhost';
const root = fileURLToPath(new URL('dist/', import.meta.url));
const hookPath = '/hooks/expo-booth';
const policy = "default-src 'self'; script-src 'self'; style-src 'self'";
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.map': 'application/json' };

const schema = await readFile(join(root, 'booth.json'), 'utf8').catch(() => {
  console.error('dist/ is missing: run `node build.mjs` first.');
  process.exit(1);
});
const store = jsonlStore({ path: 'data/expo-booth.jsonl' });
await store.open();
// Same origin only: this very server, whatever name or address the browser used to reach it.
const hook = toNodeListener(createHandler({ schema, store, allowedOrigins: (origin) => URL.canParse(origin) && new URL(origin).port === String(port) }));

createServer(async (request, response) => {
  let path;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  } catch {
    path = '';
  }
  if (path === hookPath) return hook(request, response);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  const body = file.startsWith(root) ? await readFile(file).catch(() => undefined) : undefined;
  response.writeHead(body ? 200 : 404, { 'content-type': (body && types[extname(file)]) || 'text/plain', 'content-security-policy': policy });
  response.end(body ?? 'Not found');
}).listen(port, host, () => console.log(`The booth page on http://${host}:${port}/, its QR code on /qr.html (records: data/expo-booth.jsonl)`));
