// A receiver for the preset forms of @intake/core on node:http, as a module: `server.mjs` is its
// command line, and `scripts/demo.mjs` (`pnpm demo`) starts it beside the demo pages.
//
//   POST /hooks/crm-lead   stores to <dataDir>/crm-lead.jsonl
//   POST /hooks/contact    stores to <dataDir>/contact.jsonl
//
// It exposes no way to read records back: what it stores stays in its files.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandler, jsonlStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

/** The preset forms this receiver has a hook for. */
export const presetForms = /** @type {const} */ (['crm-lead', 'contact']);

/**
 * The JSON-lines file that a preset's records go to.
 * @param {string} dataDir
 * @param {string} form
 */
export function recordsFile(dataDir, form) {
  return resolve(dataDir, `${form}.jsonl`);
}

/**
 * Parses the `ALLOWED_ORIGINS` form of the origin list: `*`, or origins separated by commas.
 * @param {string} text
 * @returns {'*' | string[]}
 */
export function parseAllowedOrigins(text) {
  const trimmed = text.trim();
  return trimmed === '*' ? '*' : trimmed.split(',').map((origin) => origin.trim()).filter(Boolean);
}

/**
 * @typedef {object} ReceiverOptions
 * @property {number} [port] Port to listen on (default 8787; 0 picks a free one).
 * @property {string} [host] Address to listen on (default: every interface, as node:http does).
 * @property {string} [dataDir] Directory of the JSON-lines files (default `data`, relative to the working directory).
 * @property {import('@intake/receiver').AllowedOrigins} [allowedOrigins] Origins of the pages that post (default `'*'`, for local development only).
 * @property {number} [minFillMs] Faster fills are dropped as spam (the handler's default, 1500 ms, unless set).
 * @property {(line: string) => void} [log] Where start-up lines go (default `console.log`; warnings always go to `console.warn`).
 */

/**
 * @typedef {object} RunningReceiver
 * @property {import('node:http').Server} server
 * @property {string} url `http://<host>:<port>`, without a trailing slash.
 * @property {number} port
 * @property {string} dataDir The absolute data directory.
 * @property {Record<string, string>} files The JSON-lines file of each form.
 * @property {() => Promise<void>} close Stops taking requests, lets writes under way finish, closes the files.
 */

/**
 * Opens the stores (repairing a line torn by an earlier crash) and starts listening.
 * Rejects when the port cannot be bound (`error.code === 'EADDRINUSE'` when it is taken).
 * @param {ReceiverOptions} [options]
 * @returns {Promise<RunningReceiver>}
 */
export async function startReceiver(options = {}) {
  const { port = 8787, host, dataDir = 'data', allowedOrigins = '*', minFillMs, log = console.log } = options;
  const routes = new Map();
  const stores = [];
  /** @type {Record<string, string>} */
  const files = {};
  const closeStores = () => Promise.all(stores.map((store) => store.close()));
  try {
    for (const name of presetForms) {
      const schema = await readFile(fileURLToPath(import.meta.resolve(`@intake/core/presets/${name}.json`)), 'utf8');
      const store = jsonlStore({ path: recordsFile(dataDir, name) });
      stores.push(store);
      // Open at start-up: reads the known ids and repairs a line torn by an earlier crash.
      const recovery = await store.open();
      if (recovery.torn) console.warn(`${recovery.path}: repaired a torn last line (${recovery.torn.repair})`, recovery.torn.movedTo ?? '');
      if (recovery.badLines.length) console.warn(`${recovery.path}: lines ${recovery.badLines.join(', ')} are not records (left as they are)`);
      files[name] = recovery.path;
      const handler = createHandler({ schema, store, allowedOrigins, ...(minFillMs === undefined ? {} : { minFillMs }) });
      routes.set(`/hooks/${name}`, toNodeListener(handler));
      log(`POST /hooks/${name}  ->  ${recovery.path} (${recovery.records} records)`);
    }
  } catch (error) {
    await closeStores();
    throw error;
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const listener = routes.get(path);
    if (listener) return listener(request, response);
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ message: `No hook at ${path}; use ${[...routes.keys()].join(' or ')}` }));
  });

  try {
    await new Promise((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, host, () => {
        server.off('error', rejectListen);
        resolveListen(undefined);
      });
    });
  } catch (error) {
    await closeStores();
    throw error;
  }

  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = host === undefined || host === '::' || host === '0.0.0.0' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  let closing;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    dataDir: resolve(dataDir),
    files,
    close() {
      closing ??= new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeIdleConnections();
        // A browser may hold a keep-alive connection open: end what is left once answers are out.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }).then(closeStores).then(() => undefined);
      return closing;
    },
  };
}
