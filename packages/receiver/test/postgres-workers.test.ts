import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeRecord, type IntakeRecord } from '@intake/core';
import { kill, startChild, type Child } from './child-process.js';
import { createTestSchema, databaseUrl, dropTestSchema, testPool } from './postgres-support.js';
import { contactRecord } from './support.js';

const schemaPath = fileURLToPath(new URL('../../core/presets/contact.json', import.meta.url));
const table = 'records';
let directory = '';
let script = '';
let pool: pg.Pool;
let schema = '';
const children: Child[] = [];

beforeAll(async () => {
  pool = await testPool(2);
  schema = await createTestSchema(pool, 'intake_workers_test');
  directory = await mkdtemp(join(tmpdir(), 'intake-pg-workers-'));
  script = join(directory, 'postgres-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/postgres-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    external: ['pg-native'], // pg's optional native binding, loaded only when asked for
    // pg is CommonJS: give the bundle a require of its own.
    banner: { js: "import { createRequire as __intakeRequire } from 'node:module'; const require = __intakeRequire(import.meta.url);" },
    logLevel: 'silent',
  });
}, 30_000);
afterAll(async () => {
  await Promise.all(children.map((child) => kill(child.process)));
  if (directory) await rm(directory, { recursive: true, force: true });
  if (pool) {
    if (schema) await dropTestSchema(pool, schema);
    await pool.end();
  }
});

interface Worker {
  child: Child;
  port: number;
  alive: boolean;
}

async function startWorker(): Promise<Worker> {
  const child = startChild(script, { env: { DATABASE_URL: databaseUrl, DB_SCHEMA: schema, DB_TABLE: table, SCHEMA_PATH: schemaPath } });
  children.push(child);
  const { port } = (await child.first) as { port: number };
  return { child, port, alive: true };
}

/** POSTs a record as the browser does; the status, or 0 when the connection failed (a killed worker). */
async function deliver(port: number, record: IntakeRecord): Promise<number> {
  const { body, contentType } = encodeRecord(record, 'json');
  try {
    const response = await fetch(`http://127.0.0.1:${port}/hooks/contact`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'idempotency-key': record.id },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

it('stores every acknowledged record exactly once across 4 worker processes, one SIGKILLed mid-run and restarted', async () => {
  const total = 2000;
  const inFlight = 50;
  const workers = await Promise.all(Array.from({ length: 4 }, startWorker));
  const records = await Promise.all(Array.from({ length: total }, () => contactRecord()));

  /** Every answer per record id, in order, across both sends and their retries. */
  const answers = new Map<string, number[]>(records.map((record) => [record.id, []]));
  let failedConnections = 0;
  let acknowledged = 0;
  let killing: Promise<void> | undefined;
  const killedPorts: number[] = [];

  const killAndRestart = async (index: number) => {
    const victim = workers[index]!;
    await kill(victim.child.process); // SIGKILL, with requests in flight
    victim.alive = false;
    killedPorts.push(victim.port);
    await new Promise((resolve) => setTimeout(resolve, 300)); // requests to it fail meanwhile
    workers[index] = await startWorker();
  };

  const pick = (avoid?: number): Worker => {
    // Random workers, the killed one included until it is replaced: its requests fail and are retried.
    for (;;) {
      const worker = workers[Math.floor(Math.random() * workers.length)]!;
      if (worker.port !== avoid || workers.length === 1) return worker;
    }
  };

  /** One send: retried against another worker until some worker answers 2xx. */
  const send = async (record: IntakeRecord, first: Worker) => {
    let worker = first;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const status = await deliver(worker.port, record);
      answers.get(record.id)!.push(status);
      if (status >= 200 && status < 300) {
        acknowledged += 1;
        if (acknowledged >= total * 0.6 && !killing) killing = killAndRestart(1);
        return;
      }
      if (status === 0) failedConnections += 1;
      worker = pick(worker.port);
    }
  };

  // Each record sent twice at once, to two different random workers; 25 lanes × 2 = 50 requests in flight.
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const record = records[next++]!;
      const a = pick();
      await Promise.all([send(record, a), send(record, pick(a.port))]);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: inFlight / 2 }, lane));
  await killing;
  const seconds = (Date.now() - started) / 1000;

  expect(killedPorts).toHaveLength(1);
  expect(failedConnections, 'the kill cut requests in flight or refused new ones').toBeGreaterThan(0);
  // Every send ended in a 2xx; statuses are only 201, 200 and failed connections.
  for (const record of records) {
    const statuses = answers.get(record.id)!;
    expect(statuses.filter((status) => status === 200 || status === 201).length, record.id).toBe(2);
    expect(statuses.every((status) => status === 0 || status === 200 || status === 201), `${record.id}: ${statuses.join()}`).toBe(true);
    // At most one 201 per id (none when the worker that stored it was killed before answering).
    expect(statuses.filter((status) => status === 201).length, record.id).toBeLessThanOrEqual(1);
  }
  const created = records.filter((record) => answers.get(record.id)!.includes(201)).length;
  expect(created).toBeGreaterThan(total - inFlight);

  const { rows } = await pool.query<{ id: string; record: IntakeRecord; copies: number }>(
    `SELECT id, record, (SELECT count(*)::int FROM "${schema}"."${table}" t2 WHERE t2.id = t.id) AS copies FROM "${schema}"."${table}" t`,
  );
  expect(rows).toHaveLength(total);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const record of records) {
    expect(byId.get(record.id)?.copies, record.id).toBe(1);
    expect(byId.get(record.id)?.record).toEqual(record);
  }
  console.info(`multi-worker: ${total} records × 2 sends in ${seconds.toFixed(1)} s, ${failedConnections} failed connections retried`);
}, 90_000);
