// The demo site serves intake.js compressed (Brotli or gzip, as the browser accepts), caches files with a
// content hash in their name for a year, and its page has a meta description (examples/demo/site-server.mjs).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './docs-markdown.js';

let server: Server;
let base = '';
let dir = '';
const script = `console.log(${JSON.stringify('intake '.repeat(4000))});\n`;

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'intake-site-'));
  await writeFile(join(dir, 'intake.js'), script);
  await writeFile(join(dir, 'chunk.3f2a9c1b.js'), script);
  const { createSiteServer } = (await import(join(root, 'examples/demo/site-server.mjs'))) as {
    createSiteServer(options: Record<string, unknown>): Server;
  };
  server = createSiteServer({
    publicDir: join(root, 'examples/demo/public'),
    routes: { '/intake.js': join(dir, 'intake.js'), '/chunk.3f2a9c1b.js': join(dir, 'chunk.3f2a9c1b.js') },
    receiverOrigin: () => 'http://127.0.0.1:9',
    records: async () => ({ entries: [] }),
    csv: async () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('the demo site headers', () => {
  it('serves intake.js with Brotli when accepted, and the bytes decompress to the file', async () => {
    const answer = await get('/intake.js', 'gzip, deflate, br');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toBe('accept-encoding');
    expect(answer.body.byteLength).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file', async () => {
    const gzip = await get('/intake.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const plain = await get('/intake.js', 'identity, br;q=0');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches a hashed file for a year, and revalidates an unhashed one', async () => {
    expect((await get('/chunk.3f2a9c1b.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/intake.js', 'br')).headers['cache-control']).toBe('no-cache');
  });

  it('serves the page compressed, with a meta description', async () => {
    const page = await get('/', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toMatch(/<meta name="description" content="[^"]{50,160}">/);
  });
});
