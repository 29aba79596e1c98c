// A static site and its webhook on one origin, for trying the example sites locally: the built
// files of `root` served the way a company's web server would (with a strict
// Content-Security-Policy), and `hookPath` answered by a receiver made with @intake/receiver that
// re-validates each record against the site's schema and appends it to a JSON-lines file.
// Any static server plus any webhook works as well; see the examples' READMEs.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHandler, jsonlStore } from '@intake/receiver';
import { toNodeListener } from '@intake/receiver/node';

const policy = "default-src 'self'; script-src 'self'; style-src 'self'";
/** Text is sent gzipped to browsers that accept it, as any production web server does: a phone on the booth's Wi-Fi downloads intake.js as 44 KB, not 128 KB. */
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.map']);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.map': 'application/json' };

/**
 * @typedef {object} SameOriginSiteOptions
 * @property {string} root The built site (a directory path ending in a separator).
 * @property {string} schemaFile The form's JSON file, inside `root`.
 * @property {string} hookPath Where the form posts, e.g. `/hooks/contact`.
 * @property {string} dataFile The JSON-lines file the records go to.
 * @property {number} port
 * @property {string} [host]
 */

/**
 * Starts the server; exits with a hint when the site is not built.
 * @param {SameOriginSiteOptions} options
 * @returns {Promise<import('node:http').Server>}
 */
export async function serveSameOriginSite({ root, schemaFile, hookPath, dataFile, port, host }) {
  const schema = await readFile(join(root, schemaFile), 'utf8').catch(() => {
    console.error('dist/ is missing: run `node build.mjs` first.');
    process.exit(1);
  });
  const store = jsonlStore({ path: dataFile });
  await store.open();
  // Same origin only: this very server, whatever name or address the browser used to reach it.
  const hook = toNodeListener(createHandler({ schema, store, allowedOrigins: (origin) => URL.canParse(origin) && new URL(origin).port === String(port) }));

  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      path = '';
    }
    if (path === hookPath) return hook(request, response);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const body = file.startsWith(root) ? await readFile(file).catch(() => undefined) : undefined;
    const headers = { 'content-type': (body && types[extname(file)]) || 'text/plain', 'content-security-policy': policy, vary: 'accept-encoding' };
    if (body && compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      return response.end(gzipSync(body));
    }
    response.writeHead(body ? 200 : 404, headers);
    response.end(body ?? 'Not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE and the like reject instead of crashing (free-port.mjs)
    const listening = () => {
      server.off('error', reject);
      resolve(undefined);
    };
    if (host) server.listen(port, host, listening);
    else server.listen(port, listening);
  });
  return server;
}
