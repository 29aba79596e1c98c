// Serves the built pages (dist/) with the two endpoints they use:
//
//   POST /signup          the fields page's own backend: answers with the JSON it received
//   POST /hooks/callback  an Intake receiver for callback-form.json (the headless page's records),
//                         stored to ./data/callback.jsonl
//
//   node server.mjs       (PORT, default 8080; DATA_DIR, default ./data)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandler, jsonlStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const here = fileURLToPath(new URL('.', import.meta.url));
const types = { '.svg': 'image/svg+xml', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8' };
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Creates the example's HTTP server (not yet listening).
 * @param {{ root?: string, store?: import('@intake/receiver').RecordStore, minFillMs?: number, log?: boolean }} [options]
 */
export async function createCustomFlowServer(options = {}) {
  const root = resolve(options.root ?? join(here, 'dist'));
  const schema = JSON.parse(await readFile(join(here, 'callback-form.json'), 'utf8'));
  let port = 0;
  const hook = toNodeListener(
    createHandler({
      schema,
      store: options.store ?? jsonlStore({ path: join(process.env.DATA_DIR ?? 'data', 'callback.jsonl') }),
      // The pages are on this server: allow its own local origin (a browser sends Origin on every POST).
      allowedOrigins: (origin) => {
        const url = new URL(origin);
        return localHosts.has(url.hostname) && Number(url.port) === port;
      },
      ...(options.minFillMs === undefined ? {} : { minFillMs: options.minFillMs }),
    }),
  );

  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Bad Request');
    }
    if (path === '/hooks/callback') return hook(request, response);
    if (path === '/signup' && request.method === 'POST') return signup(request, response, options.log ?? true);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path); // join normalizes `..` away
    if (!file.startsWith(root + sep)) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    try {
      send(response, 200, types[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  });
  server.on('listening', () => (port = server.address().port));
  return server;
}

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
}

/** The fields page's backend: a real app would create the account here. */
async function signup(request, response, log) {
  let size = 0;
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > 16_384) return send(response, 413, 'application/json', JSON.stringify({ message: 'Too large' }));
    chunks.push(chunk);
  }
  let received;
  try {
    received = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return send(response, 400, 'application/json', JSON.stringify({ message: 'Expected JSON' }));
  }
  if (log) console.log('POST /signup', received);
  send(response, 201, 'application/json; charset=utf-8', JSON.stringify({ message: 'Account created', received }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { exitOnPortError, onPort, portFrom } = await import('../receiver/free-port.mjs');
  const server = await createCustomFlowServer();
  // PORT unset: 8080, or a free port when 8080 is taken (e.g. by the demo).
  await onPort(portFrom('PORT', 8080), 'PORT', (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve(undefined);
      });
    }),
  ).catch(exitOnPortError);
  const { port } = server.address();
  console.log(`Custom flow example on http://localhost:${port}/ (fields.html, headless.html)`);
}
