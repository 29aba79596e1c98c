// The demo's static server (node:http): the pages in ./public, the embed bundle, the crm-lead
// preset, GET /api/records for the inbox page and GET /api/records.csv for its download. Pages get a strict Content-Security-Policy
// (no inline scripts or styles, posts only to this origin and the receiver's).
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Pages with a short name of their own. */
const aliases = { '/': '/index.html', '/inbox': '/inbox.html' };

/** The placeholder in the pages that becomes the receiver's origin (e.g. in `endpoint`). */
export const receiverOriginPlaceholder = '%RECEIVER_ORIGIN%';

/**
 * The Content-Security-Policy of the demo pages.
 * @param {string} receiverOrigin
 */
export function contentSecurityPolicy(receiverOrigin) {
  return `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${receiverOrigin}; base-uri 'none'; frame-ancestors 'none'`;
}

/** @param {string} value */
function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * @typedef {object} SiteOptions
 * @property {string} publicDir The directory of the pages, styles and scripts.
 * @property {Readonly<Record<string, string>>} routes Extra files by URL path, e.g. `{ '/intake.js': '…/dist/intake.js' }`.
 * @property {() => string} receiverOrigin The receiver's origin, for the pages' CSP and `endpoint`.
 * @property {() => Promise<unknown>} records The body of GET /api/records.
 * @property {(query: CsvQuery) => Promise<CsvDownload | undefined>} [csv] The file of GET /api/records.csv; `undefined` for an unknown form (404).
 * @property {(error: unknown) => void} [onError]
 */

/**
 * @typedef {object} CsvQuery What GET /api/records.csv asks for.
 * @property {string} form The form id (`?form=`, default `crm-lead`).
 * @property {'en' | 'zh-CN'} locale The language of the labels (`?lang=`, default `en`).
 * @property {boolean} mask Whether personal data is masked: always, unless `?mask=0`.
 */

/**
 * @typedef {object} CsvDownload
 * @property {string} filename An ASCII file name, e.g. `crm-lead-records.csv`.
 * @property {string} body The CSV text (with its byte order mark).
 */

/**
 * A node:http server for the demo site (not listening yet).
 * @param {SiteOptions} options
 */
export function createSiteServer(options) {
  const publicDir = resolve(options.publicDir);
  const onError = options.onError ?? ((error) => console.error(error));

  /** @param {import('node:http').ServerResponse} response @param {number} status @param {string} message */
  const fail = (response, status, message, headers = {}) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
    response.end(`${message}\n`);
  };

  /** The file a URL path names: a route, or a regular file inside publicDir (never outside it). */
  const locate = async (pathname) => {
    const path = aliases[pathname] ?? pathname;
    if (Object.hasOwn(options.routes, path)) return options.routes[path];
    const file = resolve(publicDir, `.${path}`);
    if (!file.startsWith(publicDir + sep)) return undefined;
    try {
      return (await stat(file)).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  };

  return createServer(async (request, response) => {
    try {
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') return fail(response, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      } catch {
        return fail(response, 400, 'Bad Request');
      }
      if (pathname.includes('\0') || pathname.includes('\\')) return fail(response, 400, 'Bad Request');

      if (pathname === '/api/records') {
        const body = JSON.stringify(await options.records());
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        return response.end(method === 'HEAD' ? undefined : body);
      }

      if (pathname === '/api/records.csv' && options.csv) {
        const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
        const download = await options.csv({
          form: query.get('form') ?? 'crm-lead',
          locale: query.get('lang') === 'zh-CN' ? 'zh-CN' : 'en',
          mask: query.get('mask') !== '0',
        });
        if (!download) return fail(response, 404, 'Not Found');
        const body = Buffer.from(download.body, 'utf8');
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${download.filename.replace(/[^\w.-]/g, '_')}"`,
          'content-length': body.byteLength,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return response.end(method === 'HEAD' ? undefined : body);
      }

      const file = await locate(pathname);
      const type = file && contentTypes[extname(file)];
      if (!file || !type) return fail(response, 404, 'Not Found');
      let body = await readFile(file);
      const headers = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (extname(file) === '.html') {
        const origin = options.receiverOrigin();
        body = Buffer.from(body.toString('utf8').replaceAll(receiverOriginPlaceholder, escapeAttribute(origin)));
        Object.assign(headers, { 'content-security-policy': contentSecurityPolicy(origin), 'referrer-policy': 'same-origin' });
      }
      // A file whose name carries a content hash never changes under that name: cache it for a year.
      if (hashedName.test(basename(file))) headers['cache-control'] = 'public, max-age=31536000, immutable';
      const encoding = compressible.has(extname(file)) ? chooseEncoding(request.headers['accept-encoding']) : undefined;
      if (compressible.has(extname(file))) headers.vary = 'accept-encoding';
      if (encoding) {
        body = extname(file) === '.html' ? compress(body, encoding) : await compressedFile(file, body, encoding);
        headers['content-encoding'] = encoding;
      }
      response.writeHead(200, { ...headers, 'content-length': body.byteLength });
      response.end(method === 'HEAD' ? undefined : body);
    } catch (error) {
      onError(error);
      if (!response.headersSent) fail(response, 500, 'Internal Server Error');
      else response.destroy();
    }
  });
}

/** Names like `intake.3f2a9c1b.js` or the embed's data files `intake-phone-10fe73e6ab.js`: a content hash before the extension. */
const hashedName = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;
/** Text types worth compressing (the bundle is 130 KB raw, about 44 KB gzipped). */
const compressible = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.map', '.txt']);

/**
 * The encoding to answer in: Brotli when the browser accepts it, else gzip, else none.
 * @param {string | undefined} accept the `Accept-Encoding` header
 * @returns {'br' | 'gzip' | undefined}
 */
export function chooseEncoding(accept = '') {
  const accepted = new Map(
    accept.split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return [name.trim(), q === undefined ? 1 : Number(q)];
    }),
  );
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

/** @param {Buffer} body @param {'br' | 'gzip'} encoding */
function compress(body, encoding) {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
    : gzipSync(body, { level: 9 });
}

/** Compressed files by path, size, modification time and encoding: compressed once, not per request. */
const compressedCache = new Map();

/** @param {string} file @param {Buffer} body @param {'br' | 'gzip'} encoding */
async function compressedFile(file, body, encoding) {
  const { mtimeMs, size } = await stat(file);
  const key = `${encoding}\0${size}\0${mtimeMs}\0${file}`;
  let compressed = compressedCache.get(key);
  if (!compressed) {
    compressed = compress(body, encoding);
    compressedCache.set(key, compressed);
  }
  return compressed;
}
