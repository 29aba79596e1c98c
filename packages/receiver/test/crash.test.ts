import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRecord, type IntakeRecord } from '@intake/core';
import type { JsonlRecovery } from '../src/index.js';
import { bundleChild, kill, startChild, type Child } from './child-process.js';
import { contactRecord } from './support.js';

const schemaPath = fileURLToPath(new URL('../../core/presets/contact.json', import.meta.url));
let directory = '';
let script = '';
const children: Child[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-crash-'));
  script = await bundleChild(directory);
}, 30_000);
afterAll(async () => {
  await Promise.all(children.map((child) => kill(child.process)));
  await rm(directory, { recursive: true, force: true });
});

function start(env: Record<string, string>, options: { cwd?: string; shellPrefix?: string } = {}): Child {
  const child = startChild(script, { env, ...options });
  children.push(child);
  return child;
}

/** POSTs a record as the browser does (format json); the status, or 0 when the connection failed. */
async function deliver(port: number, record: IntakeRecord, format: 'json' | 'form' = 'json'): Promise<number> {
  const { body, contentType } = encodeRecord(record, format);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/hooks/contact`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'idempotency-key': record.id },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** The ids of a jsonl file, asserting that every line parses. */
async function idsIn(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as IntakeRecord).id);
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('a receiver in a real child process', () => {
  it('keeps every acknowledged record exactly once when SIGKILLed mid-stream and restarted', async () => {
    const storePath = join(directory, 'crash.jsonl');
    const records = await Promise.all(Array.from({ length: 50 }, () => contactRecord()));
    const acknowledged = new Set<string>();

    const first = start({ SCHEMA_PATH: schemaPath, STORE_PATH: storePath });
    const { port } = (await first.first) as { port: number };

    // 20 one after the other: all acknowledged.
    for (const record of records.slice(0, 20)) {
      const status = await deliver(port, record);
      expect(status, first.stderr()).toBe(201);
      acknowledged.add(record.id);
    }
    // 30 more on 6 concurrent connections; SIGKILL once 12 of them are acknowledged, with others in flight.
    let killed: Promise<void> | undefined;
    const statuses = new Map<string, number>();
    const lane = async (lot: readonly IntakeRecord[]) => {
      for (const record of lot) {
        const status = await deliver(port, record, statuses.size % 2 ? 'form' : 'json');
        statuses.set(record.id, status);
        if (status === 201) acknowledged.add(record.id);
        if (acknowledged.size >= 32) killed ??= kill(first.process);
      }
    };
    const rest = records.slice(20);
    await Promise.all(Array.from({ length: 6 }, (_, index) => lane(rest.filter((__, at) => at % 6 === index))));
    await killed;
    expect(first.process.signalCode).toBe('SIGKILL');
    const lost = records.filter((record) => !acknowledged.has(record.id));
    expect(lost.length).toBeGreaterThan(0); // the kill did cut the stream
    expect([...statuses.values()].every((status) => status === 201 || status === 0)).toBe(true);

    // A crash inside write() leaves a torn last line: add one, as the worst case the store must repair.
    const tornBytes = JSON.stringify(lost[0]).slice(0, 97);
    await appendFile(storePath, tornBytes);

    const second = start({ SCHEMA_PATH: schemaPath, STORE_PATH: storePath });
    const { port: port2, recovery } = (await second.first) as { port: number; recovery: JsonlRecovery };
    expect(recovery.torn).toMatchObject({ repair: 'moved', bytes: tornBytes.length });
    expect(recovery.badLines).toEqual([]);
    expect(await readFile(recovery.torn!.movedTo!, 'utf8')).toBe(tornBytes);

    // After the repair the file parses line by line and holds every acknowledged record exactly once.
    const counts = countOf(await idsIn(storePath));
    for (const id of acknowledged) expect(counts.get(id), id).toBe(1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(recovery.records).toBe(counts.size);

    // The browser retries: acknowledged records are repeats; the lost ones are stored now (or
    // were written just before the kill without an answer: then they are repeats too).
    for (const record of records) {
      const status = await deliver(port2, record);
      if (acknowledged.has(record.id)) expect(status).toBe(200);
      else expect([200, 201]).toContain(status);
    }
    const final = countOf(await idsIn(storePath));
    expect(final.size).toBe(50);
    expect([...final.values()].every((count) => count === 1)).toBe(true);
    await kill(second.process, 'SIGTERM');
  });

  it('writes to intake-records.jsonl in the working directory without a store', async () => {
    const cwd = join(directory, 'default-store');
    await mkdir(cwd);
    const child = start({ SCHEMA_PATH: schemaPath }, { cwd });
    const { port } = (await child.first) as { port: number };
    const record = await contactRecord();
    expect(await deliver(port, record)).toBe(201);
    expect(await deliver(port, record, 'form')).toBe(200);
    expect(await readFile(join(cwd, 'intake-records.jsonl'), 'utf8')).toBe(`${JSON.stringify(record)}\n`);
    await kill(child.process, 'SIGTERM');
  });

  it('cuts a partly written line back off when the disk fills up (a real short write, then EFBIG)', async () => {
    const storePath = join(directory, 'full.jsonl');
    const recordsPath = join(directory, 'full-records.json');
    const records = await Promise.all(Array.from({ length: 40 }, () => contactRecord()));
    await writeFile(recordsPath, JSON.stringify(records));
    // `ulimit -f 16` caps files at 8 or 16 KiB (512- or 1024-byte blocks, by shell): about 12 or 24 records.
    const child = start({ MODE: 'put', STORE_PATH: storePath, RECORDS_PATH: recordsPath }, { shellPrefix: 'ulimit -f 16;' });
    const results = (await child.first) as string[];
    const stored = records.filter((_, index) => results[index] === 'stored').map((record) => record.id);
    expect(stored.length).toBeGreaterThan(5);
    expect(results.slice(stored.length).every((result) => result === 'EFBIG')).toBe(true);
    expect((await stat(storePath)).size).toBeLessThanOrEqual(16 * 1024);
    expect(await idsIn(storePath)).toEqual(stored);
  });
});
