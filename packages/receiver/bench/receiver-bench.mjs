// Receiver throughput: requests per second of real worker processes serving
// toNodeListener(createHandler(...)) on 127.0.0.1, for
//   - jsonlStore, 1 worker (one process per file is its rule);
//   - postgresStore, 1 worker and 4 workers on one table.
// Each run posts N distinct valid records of the contact preset (made beforehand, as the browser
// makes them) with C requests in flight, spread round-robin over the workers, and times from the
// first request to the last answer. Every answer must be 201. Medians of R runs; each run starts
// fresh workers and a fresh file or table. The client runs on the same machine (it takes CPU too).
// Not a test; needs `pnpm build` first (it uses dist/) and a PostgreSQL server.
//
//   node packages/receiver/bench/receiver-bench.mjs [--records 2000] [--concurrency 50] [--runs 3] [--json]
//
// The database: INTAKE_BENCH_DATABASE_URL, else INTAKE_TEST_DATABASE_URL, else
// postgres://intake:intake@127.0.0.1:5432/intake_test. A schema intake_bench_<random> is created
// and dropped.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createIntake, encodeRecord, parseForm } from '@intake/core';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const schemaPath = here('../../core/presets/contact.json');
const databaseUrl = process.env.INTAKE_BENCH_DATABASE_URL ?? process.env.INTAKE_TEST_DATABASE_URL ?? 'postgres://intake:intake@127.0.0.1:5432/intake_test';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? NaN : Number(process.argv[at + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function startWorker(env) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--worker'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, port: JSON.parse(out.slice(0, out.indexOf('\n'))).port });
    });
    child.once('exit', (code) => reject(new Error(`a worker exited (${code}) before listening`)));
  });
}

async function stopWorkers(workers) {
  await Promise.all(
    workers.map(({ child }) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })),
  );
}

async function makeRecords(count) {
  const parsed = parseForm(await readFile(schemaPath, 'utf8'));
  if (!parsed.ok) throw new Error('the contact preset is invalid');
  const records = [];
  for (let index = 0; index < count; index += 1) {
    let now = Date.now() - 30_000;
    const intake = createIntake(parsed.form, { context: { url: 'https://www.example.com/contact', referrer: '' }, now: () => now });
    intake.setValues({ name: `Person ${index}`, email: `person${index}@example.com`, phone: '+14155552671', topic: 'sales', message: 'Please call me back about pricing.', privacy: true });
    now += 30_000;
    records.push(encodeRecord(await intake.toRecord(), 'json'));
  }
  return records;
}

/** Posts every record once, `concurrency` at a time, round-robin over the ports; requests per second. */
async function drive(ports, records, concurrency) {
  let next = 0;
  let failures = 0;
  const lane = async () => {
    while (next < records.length) {
      const index = next++;
      const { body, contentType } = records[index];
      const response = await fetch(`http://127.0.0.1:${ports[index % ports.length]}/hooks/contact`, { method: 'POST', headers: { 'content-type': contentType }, body });
      await response.arrayBuffer();
      if (response.status !== 201) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`${failures} answers were not 201`);
  return records.length / seconds;
}

async function main() {
  const count = option('--records', 2000);
  const concurrency = option('--concurrency', 50);
  const runs = option('--runs', 3);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const schema = `intake_bench_${randomBytes(4).toString('hex')}`;
  await pool.query(`CREATE SCHEMA "${schema}"`);
  const directory = await mkdtemp(join(tmpdir(), 'intake-receiver-bench-'));
  const setups = [
    { name: 'jsonlStore, 1 worker', workers: 1, env: (run) => ({ STORE: 'jsonl', STORE_PATH: join(directory, `run-${run}.jsonl`) }) },
    { name: 'postgresStore, 1 worker', workers: 1, env: (run) => ({ STORE: 'postgres', DB_SCHEMA: schema, DB_TABLE: `one_${run}` }) },
    { name: 'postgresStore, 4 workers', workers: 4, env: (run) => ({ STORE: 'postgres', DB_SCHEMA: schema, DB_TABLE: `four_${run}` }) },
  ];
  const results = Object.fromEntries(setups.map((setup) => [setup.name, []]));
  const loadBefore = loadavg();
  try {
    for (let run = 0; run < runs; run += 1) {
      // Fresh records each run (a stored id would be a repeat, not a write).
      const records = await makeRecords(count);
      for (const setup of setups) {
        const env = setup.env(run);
        if (env.STORE === 'postgres') {
          // Create the table before the workers start, so the run measures writes only.
          const { postgresStore } = await import('../dist/postgres-store.js');
          const store = postgresStore({ pool, schema, table: env.DB_TABLE });
          await store.open();
        }
        const workers = await Promise.all(Array.from({ length: setup.workers }, () => startWorker(env)));
        try {
          const perSecond = await drive(workers.map((worker) => worker.port), records, concurrency);
          results[setup.name].push(perSecond);
          process.stderr.write(`run ${run + 1}/${runs} ${setup.name}: ${perSecond.toFixed(0)} requests/s\n`);
        } finally {
          await stopWorkers(workers);
        }
      }
    }
  } finally {
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
    await rm(directory, { recursive: true, force: true });
  }
  const loadAfter = loadavg();
  const rows = setups.map((setup) => ({ setup: setup.name, median: median(results[setup.name]), runs: results[setup.name] }));
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ count, concurrency, runs, cpus: cpus().length, loadBefore, loadAfter, rows })}\n`);
    return;
  }
  console.log(`${count} records, ${concurrency} in flight, median of ${runs} runs; ${cpus().length} cores; load average ${loadBefore.map((load) => load.toFixed(2)).join(' ')} before, ${loadAfter.map((load) => load.toFixed(2)).join(' ')} after`);
  console.log('| store | requests/s (median) | runs |');
  console.log('|---|---:|---|');
  for (const row of rows) console.log(`| ${row.setup} | ${row.median.toFixed(0)} | ${row.runs.map((value) => value.toFixed(0)).join(', ')} |`);
}

async function worker() {
  // A worker: serve the contact form with the store the environment names; print { port }.
  const { createHandler, jsonlStore } = await import('../dist/index.js');
  const { toNodeListener } = await import('../dist/node.js');
  const { postgresStore } = await import('../dist/postgres-store.js');
  const env = process.env;
  const store = env.STORE === 'jsonl' ? jsonlStore({ path: env.STORE_PATH }) : postgresStore({ connectionString: databaseUrl, schema: env.DB_SCHEMA, table: env.DB_TABLE });
  await store.open();
  const server = createServer(toNodeListener(createHandler({ schema: await readFile(schemaPath, 'utf8'), store })));
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
}

if (process.argv.includes('--worker')) await worker();
else await main();
