// Serving a built folder (an example's dist) to the browser, with extra headers such as a
// Content-Security-Policy.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Extra headers of an answer, by its content type. */
export type HeadersFor = (contentType: string) => Readonly<Record<string, string>>;

/** A listener serving the files of `root` (GET and HEAD; `/` is index.html; 404 outside it). */
export function staticFiles(root: string, headersFor: HeadersFor = () => ({})) {
  const base = normalize(root + sep);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    const notFound = () => response.writeHead(404, { 'content-type': 'text/plain', ...headersFor('text/plain') }).end('not found');
    if (!file.startsWith(base) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      notFound();
      return;
    }
    readFile(file).then((body) => {
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headersFor(type) });
      response.end(request.method === 'HEAD' ? undefined : body);
    }, notFound);
  };
}
