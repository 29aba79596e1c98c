// The static server of the website-embed and qr-landing examples (examples/receiver/same-origin-site.mjs):
// text files gzipped for browsers that accept it, as a production server would, with the strict CSP
// either way; the webhook on the same origin.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './docs-markdown.js';

let dir = '';
let server: Server;
let port = 0;
const script = 'window.intakeExample = "a script of the site";\n'.repeat(200);

/** A raw GET (no automatic decompression), with the headers given. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = `${await mkdtemp(join(tmpdir(), 'intake-same-origin-site-'))}/`;
  await copyFile(resolve(root, 'docs/examples/contact.json'), join(dir, 'contact.json'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Site</title>');
  await writeFile(join(dir, 'site.js'), script);
  const { serveSameOriginSite } = (await import(resolve(root, 'examples/receiver/same-origin-site.mjs'))) as {
    serveSameOriginSite: (options: Record<string, unknown>) => Promise<Server>;
  };
  server = await serveSameOriginSite({ root: dir, schemaFile: 'contact.json', hookPath: '/hooks/contact', dataFile: join(dir, 'records.jsonl'), port: 0, host: '127.0.0.1' });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('the examples\' same-origin site server', () => {
  it('gzips text for a browser that accepts it, and sends it as it is to one that does not', async () => {
    const zipped = await get('/site.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(script);

    const plain = await get('/site.js');
    expect(plain.headers['content-encoding']).toBe(undefined);
    expect(plain.body.toString()).toBe(script);
    for (const answer of [zipped, plain]) {
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self'; style-src 'self'");
    }
  });

  it('serves index.html for a directory, and 404 outside the site', async () => {
    expect((await get('/', { 'accept-encoding': 'gzip' })).status).toBe(200);
    expect((await get('/../package.json', { 'accept-encoding': 'gzip' })).status).toBe(404);
    expect((await get('/missing.js', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe(undefined);
  });
});
