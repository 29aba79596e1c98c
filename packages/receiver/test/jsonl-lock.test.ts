// Two processes on one jsonl file (issue 14, item 4): the second one refuses to start, a lock left
// by a killed process is taken over, and nothing another process wrote is ever cut off.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord, type IntakeRecord } from '@intake/core';
import { jsonlStore, type JsonlLockedError } from '../src/index.js';
import { bundleChild, kill, startChild, type Child } from './child-process.js';
import { contactRecord } from './support.js';

const schemaPath = fileURLToPath(new URL('../../core/presets/contact.json', import.meta.url));
let directory = '';
let script = '';
const children: Child[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-lock-'));
  script = await bundleChild(directory);
}, 30_000);
afterAll(async () => {
  await Promise.all(children.map((child) => kill(child.process)));
  await rm(directory, { recursive: true, force: true });
});

function serve(storePath: string): Child {
  const child = startChild(script, { env: { SCHEMA_PATH: schemaPath, STORE_PATH: storePath } });
  children.push(child);
  return child;
}

async function deliver(port: number, record: IntakeRecord): Promise<number> {
  const { body, contentType } = encodeRecord(record, 'json');
  const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': contentType, 'idempotency-key': record.id }, body });
  await response.arrayBuffer();
  return response.status;
}

async function idsIn(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as IntakeRecord).id);
}

describe('jsonlStore: one process per file', () => {
  it('refuses a second process with EJSONLLOCKED naming the path and the pid, takes over the lock of a killed one, and keeps every record', { timeout: 60_000 }, async () => {
    const path = join(directory, 'shared.jsonl');
    const first = serve(path);
    const { port } = (await first.first) as { port: number };
    const records = await Promise.all(Array.from({ length: 30 }, () => contactRecord()));
    const statuses = await Promise.all(records.map((record) => deliver(port, record)));
    expect(statuses.every((status) => status === 201)).toBe(true);

    // A second worker on the same file does not start: it would store repeats and could cut
    // records off the file.
    const second = serve(path);
    await expect(second.first).rejects.toThrow(/EJSONLLOCKED/);
    expect(second.stderr()).toContain(path);
    expect(second.stderr()).toContain(`process ${first.process.pid}`);

    // So does a store in this process, with an error that says who holds the file.
    const here = jsonlStore({ path });
    const refused = (await here.open().then(
      () => undefined,
      (error: unknown) => error,
    )) as JsonlLockedError;
    expect(refused).toBeInstanceOf(Error);
    expect(refused.code).toBe('EJSONLLOCKED');
    expect(refused.path).toBe(path);
    expect(refused.pid).toBe(first.process.pid);
    expect(refused.message).toContain(`${path}.lock`);
    await here.close();
    expect(await readFile(`${path}.lock`, 'utf8')).toBe(`${first.process.pid}\n`);

    // The holder is killed (no chance to let go): the next store takes the stale lock over.
    await kill(first.process);
    const next = jsonlStore({ path });
    expect((await next.open()).records).toBe(30);
    expect(await readFile(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    const more = await contactRecord();
    expect(await next.put(more)).toBe('stored');
    expect(await next.put(records[0]!)).toBe('repeat');
    await next.close();
    const ids = await idsIn(path);
    expect(ids).toHaveLength(31);
    expect(ids[30]).toBe(more.id);
    expect(new Set(ids.slice(0, 30))).toEqual(new Set(records.map((record) => record.id)));
    // close lets the lock go.
    expect((await readdir(directory)).filter((name) => name.startsWith(basename(path)))).toEqual([basename(path)]);
  });

  it('takes over a lock whose process is gone and lets it go on close, so a restart works', async () => {
    const path = join(directory, 'stale.jsonl');
    await writeFile(`${path}.lock`, '999999999\n');
    const store = jsonlStore({ path });
    expect((await store.open()).records).toBe(0);
    expect(await store.put(await contactRecord())).toBe('stored');
    await store.close();
    const again = jsonlStore({ path });
    expect((await again.open()).records).toBe(1);
    await again.close();
  });

  it('refuses two open stores on one file in one process, and opens again once the first is closed', async () => {
    const path = join(directory, 'twice.jsonl');
    const one = jsonlStore({ path });
    await one.open();
    await expect(jsonlStore({ path }).open()).rejects.toMatchObject({ code: 'EJSONLLOCKED', pid: process.pid });
    await one.close();
    const two = jsonlStore({ path });
    await expect(two.open()).resolves.toMatchObject({ records: 0 });
    await two.close();
  });
});
