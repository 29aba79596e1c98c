import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { crmLeadJson, crmLeadRecord, post } from './support.js';

it('bundles for a runtime without Node modules (browser platform) and works from that bundle', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'intake-portable-'));
  try {
    const outfile = join(directory, 'receiver.mjs');
    // Fails if anything in the main entry's module graph imports a node: module.
    await build({ entryPoints: [new URL('../src/index.ts', import.meta.url).pathname], bundle: true, platform: 'browser', format: 'esm', outfile, logLevel: 'silent' });
    expect(await readFile(outfile, 'utf8')).not.toMatch(/from ["']node:/);
    const bundled = (await import(pathToFileURL(outfile).href)) as typeof import('../src/index.js');
    const store = bundled.memoryStore();
    const handler = bundled.createHandler({ schema: crmLeadJson, store });
    const record = await crmLeadRecord();
    expect((await handler(post(record, 'form'))).status).toBe(201);
    expect(store.records).toEqual([record]);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
