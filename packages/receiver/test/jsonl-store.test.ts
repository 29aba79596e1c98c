import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeRecord } from '@intake/core';
import { jsonlStore } from '../src/index.js';
import { contactRecord, crmLeadRecord } from './support.js';

let directory = '';
let count = 0;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-jsonl-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

const nextPath = () => join(directory, `records-${++count}.jsonl`);
const lineOf = (record: IntakeRecord) => `${JSON.stringify(record)}\n`;
const records = (n: number) => Promise.all(Array.from({ length: n }, () => contactRecord()));

/** Every line parses, and the ids in the file. */
async function idsIn(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as IntakeRecord).id);
}

describe('jsonlStore', () => {
  it('appends one line per record and knows its ids after a restart', async () => {
    const path = nextPath();
    const [a, b] = await records(2);
    const store = jsonlStore({ path });
    expect(await store.put(a!)).toBe('stored');
    expect(await store.put(b!)).toBe('stored');
    expect(await store.put(a!)).toBe('repeat');
    expect(await store.has(a!.id)).toBe(true);
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(lineOf(a!) + lineOf(b!));

    const reopened = jsonlStore({ path });
    expect(await reopened.open()).toEqual({ path, records: 2, badLines: [] });
    expect(await reopened.has(b!.id)).toBe(true);
    expect(await reopened.put(b!)).toBe('repeat');
    await reopened.close();
    expect(await idsIn(path)).toEqual([a!.id, b!.id]);
  });

  it('creates missing directories, and writes intake-records.jsonl by default', async () => {
    const path = join(directory, 'a', 'b', 'records.jsonl');
    const store = jsonlStore({ path });
    const [record] = await records(1);
    expect(await store.put(record!)).toBe('stored');
    await store.close();
    expect(await idsIn(path)).toEqual([record!.id]);
    expect(jsonlStore().path).toBe('intake-records.jsonl');
  });

  it('moves a torn last line aside and cuts it off, leaving earlier records untouched', async () => {
    const path = nextPath();
    const [a, b, c] = await records(3);
    const good = lineOf(a!) + lineOf(b!);
    const torn = lineOf(c!).slice(0, 123);
    await writeFile(path, good + torn);

    const store = jsonlStore({ path });
    const recovery = await store.open();
    expect(recovery.records).toBe(2);
    expect(recovery.torn).toMatchObject({ offset: Buffer.byteLength(good), bytes: Buffer.byteLength(torn), repair: 'moved' });
    expect(recovery.torn!.movedTo).toMatch(/records-\d+\.jsonl\.torn-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(recovery.torn!.movedTo!, 'utf8')).toBe(torn);
    expect(await readFile(path, 'utf8')).toBe(good);

    // The record whose write was torn was never acknowledged: its retry stores it.
    expect(await store.put(c!)).toBe('stored');
    expect(await store.put(a!)).toBe('repeat');
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(good + lineOf(c!));
  });

  it('moves aside a last line that ends in a newline but does not parse (blocks of zeros after a power cut)', async () => {
    const path = nextPath();
    const [a] = await records(1);
    await writeFile(path, Buffer.concat([Buffer.from(lineOf(a!)), Buffer.alloc(4096), Buffer.from('\n')]));
    const store = jsonlStore({ path });
    const recovery = await store.open();
    expect(recovery.torn).toMatchObject({ bytes: 4097, repair: 'moved' });
    expect(recovery.badLines).toEqual([]);
    expect(await readFile(recovery.torn!.movedTo!)).toEqual(Buffer.concat([Buffer.alloc(4096), Buffer.from('\n')]));
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(lineOf(a!));
  });

  it('completes a last line that holds a whole record but lost its newline', async () => {
    const path = nextPath();
    const [a, b, c] = await records(3);
    await writeFile(path, lineOf(a!) + JSON.stringify(b));
    const store = jsonlStore({ path });
    const recovery = await store.open();
    expect(recovery.torn).toEqual({ offset: Buffer.byteLength(lineOf(a!)), bytes: Buffer.byteLength(JSON.stringify(b)), repair: 'completed' });
    expect(recovery.records).toBe(2);
    expect(await store.put(b!)).toBe('repeat');
    expect(await store.put(c!)).toBe('stored');
    await store.close();
    expect(await idsIn(path)).toEqual([a!.id, b!.id, c!.id]);
  });

  it('never rewrites a bad line before the last one: reports it and keeps it', async () => {
    const path = nextPath();
    const [a, b] = await records(2);
    const original = `${lineOf(a!)}not a record\n\n${lineOf(b!)}`;
    await writeFile(path, original);
    const store = jsonlStore({ path });
    const recovery = await store.open();
    expect(recovery).toMatchObject({ records: 2, badLines: [2] });
    expect(recovery.torn).toBeUndefined();
    await store.close();
    expect(await readFile(path, 'utf8')).toBe(original);
    expect((await readdir(directory)).filter((name) => name.startsWith(path.split('/').pop()!))).toHaveLength(1);
  });

  it('stores concurrent puts of one id once and concurrent different records whole, one per line', async () => {
    const path = nextPath();
    const store = jsonlStore({ path });
    const same = await crmLeadRecord();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.put(same)));
    expect(results.filter((result) => result === 'stored')).toHaveLength(1);

    const many = await records(40);
    const stored = await Promise.all(many.map((record) => store.put(record)));
    expect(stored.every((result) => result === 'stored')).toBe(true);
    await store.close();
    const ids = await idsIn(path);
    expect(ids).toHaveLength(41);
    expect(new Set(ids)).toEqual(new Set([same.id, ...many.map((record) => record.id)]));
  });

  it('reads a file larger than its read chunk', async () => {
    const path = nextPath();
    const [a] = await records(1);
    const line = lineOf(a!);
    const big = Array.from({ length: Math.ceil((1.5 * 1024 * 1024) / line.length) }, (_, index) => line.replace(a!.id, `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
    await writeFile(path, `${big.join('')}{"id":"torn`);
    const store = jsonlStore({ path });
    const recovery = await store.open();
    expect(recovery.records).toBe(big.length);
    expect(recovery.torn).toMatchObject({ repair: 'moved', bytes: 11 });
    expect(await store.has('00000000-0000-4000-8000-000000000007')).toBe(true);
    await store.close();
  });

  it('refuses puts after close', async () => {
    const store = jsonlStore({ path: nextPath() });
    const [record] = await records(1);
    await store.put(record!);
    await store.close();
    await expect(store.put(record!)).rejects.toThrow(/closed/);
  });
});
