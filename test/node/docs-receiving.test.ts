// Keeps docs/receiving.md true: the code shown on the page is the code of docs/examples/, and each
// example receives a real record: the Node server in a child process over real HTTP, the Deno and
// worker modules with real `Request` objects (Deno's KV and Cloudflare's D1 are stood in for: a KV
// in memory with Deno's check-and-set semantics, and D1 over the sqlite3 command), the
// framework-neutral function directly, and the Python dedupe key with python3.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { computeDedupeKey, createIntake, parseForm, type Form, type IntakeRecord } from '@intake/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, codeBlocks, readDoc, root } from './docs-markdown.js';

const run = promisify(execFile);
const page = 'docs/receiving.md';
const examples = resolve(root, 'docs/examples');
const origin = 'https://www.example.com';
let form: Form;
let dir = '';

beforeAll(async () => {
  const parsed = parseForm(await readFile(join(examples, 'contact.json'), 'utf8'));
  if (!parsed.ok) throw new Error('docs/examples/contact.json is not a valid form');
  form = parsed.form;
  dir = await mkdtemp(join(tmpdir(), 'intake-docs-receiving-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A valid record of the example form, made the way a browser makes it (filled in 30 s). */
async function makeRecord(values: Record<string, unknown> = {}): Promise<IntakeRecord> {
  let now = Date.now() - 30_000;
  const intake = createIntake(form, { locale: 'zh-CN', context: { url: `${origin}/contact?utm_source=expo`, referrer: '' }, now: () => now });
  intake.setValues({ name: '王伟', email: 'Wang.Wei@Example.com', phone: '139 1234 5678', privacy: true, ...values });
  now += 30_000;
  return intake.toRecord();
}

function post(url: string, record: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify(record) });
}

async function answer(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('docs/receiving.md', () => {
  it('shows each example file exactly as it is', async () => {
    const shown = codeBlocks(readDoc(page)).filter((block) => block.marker?.startsWith('file: '));
    expect(shown.map((block) => block.marker).sort()).toEqual(
      ['contact.json', 'dedupe_key.py', 'deno-server.js', 'node-server.mjs', 'receive-anywhere.mjs', 'worker.js'].map((file) => `file: docs/examples/${file}`),
    );
    for (const block of shown) {
      const file = await readFile(resolve(root, block.marker!.slice('file: '.length)), 'utf8');
      expect(block.code, block.marker).toBe(file.trimEnd());
    }
  });

  it('has no broken links', () => {
    expect(brokenLinks(page)).toEqual([]);
  });

  describe('Node: node-server.mjs in a child process, over HTTP', () => {
    let child: ChildProcess | undefined;
    let base = '';
    const dataDir = () => join(dir, 'node-data');

    beforeAll(async () => {
      child = spawn(process.execPath, [join(examples, 'node-server.mjs')], {
        cwd: dir,
        env: { ...process.env, PORT: '0', DATA_DIR: dataDir(), ALLOWED_ORIGINS: origin },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      base = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 15_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(http:\/\/localhost:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolveUrl(match[1]!);
          }
        };
        child!.stdout!.on('data', onData);
        child!.stderr!.on('data', onData);
        child!.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
      });
    });
    afterAll(async () => {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    });

    it('stores a record once (201, then 200), grants CORS to the allowed origin only, and writes one line', async () => {
      const record = await makeRecord();
      const first = await fetch(post(base, record, { 'idempotency-key': record.id }));
      expect(first.headers.get('access-control-allow-origin')).toBe(origin);
      expect(await answer(first)).toEqual({ status: 201, body: { message: '已保存', id: record.id } });
      expect((await answer(await fetch(post(base, record)))).status).toBe(200);

      const preflight = await fetch(base, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, idempotency-key');
      const stranger = await fetch(post(base, await makeRecord(), { origin: 'https://evil.example' }));
      expect(stranger.status).toBe(403);
      // Changed with issue 14: the refusal is readable by the refused page (it was: no CORS grant), and still stores nothing.
      expect(stranger.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(((await stranger.json()) as { code?: string }).code).toBe('origin_not_allowed');

      const lines = (await readFile(join(dataDir(), 'contact.jsonl'), 'utf8')).trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as IntakeRecord).id)).toEqual([record.id]);
    });

    it('answers 422 with the issues for a tampered record', async () => {
      const record = await makeRecord();
      const tampered = { ...record, data: { ...record.data, email: 'Wang.Wei@Example.com' } };
      const { status, body } = await answer(await fetch(post(base, tampered)));
      expect(status).toBe(422);
      expect((body['issues'] as { code: string }[]).map((issue) => issue.code)).toEqual(['not_normalized', 'dedupe_key_mismatch']);
    });
  });

  describe('Deno: deno-server.js with Deno.serve and Deno KV', () => {
    type Key = readonly unknown[];
    const kvData = new Map<string, { value: unknown; versionstamp: string }>();
    let served: ((request: Request) => Promise<Response>) | undefined;
    let version = 0;

    beforeAll(async () => {
      // Deno's APIs as the example uses them: KV get/atomic().check().set().commit() and Deno.serve.
      const kv = {
        get: async (key: Key) => ({ key, value: kvData.get(JSON.stringify(key))?.value ?? null, versionstamp: kvData.get(JSON.stringify(key))?.versionstamp ?? null }),
        atomic() {
          const checks: { key: Key; versionstamp: string | null }[] = [];
          const sets: [Key, unknown][] = [];
          const operation = {
            check: (check: { key: Key; versionstamp: string | null }) => (checks.push(check), operation),
            set: (key: Key, value: unknown) => (sets.push([key, structuredClone(value)]), operation),
            commit: async () => {
              if (checks.some((check) => (kvData.get(JSON.stringify(check.key))?.versionstamp ?? null) !== check.versionstamp)) return { ok: false };
              const versionstamp = String(++version).padStart(20, '0');
              for (const [key, value] of sets) kvData.set(JSON.stringify(key), { value, versionstamp });
              return { ok: true, versionstamp };
            },
          };
          return operation;
        },
      };
      (globalThis as { Deno?: unknown }).Deno = {
        openKv: async () => kv,
        serve: (_options: unknown, handler: (request: Request) => Promise<Response>) => {
          served = handler;
        },
      };
      await import(pathToFileURL(join(examples, 'deno-server.js')).href);
    });
    afterAll(() => {
      delete (globalThis as { Deno?: unknown }).Deno;
    });

    it('serves the handler: 201, then 200; concurrent posts of one record store it once', async () => {
      expect(served).toBeTypeOf('function');
      const record = await makeRecord();
      expect(await answer(await served!(post('https://hooks.example.com/', record)))).toEqual({ status: 201, body: { message: '已保存', id: record.id } });
      expect((await served!(post('https://hooks.example.com/', record))).status).toBe(200);
      const racing = await makeRecord();
      const statuses = await Promise.all([1, 2, 3].map(async () => (await served!(post('https://hooks.example.com/', racing))).status));
      expect(statuses.sort()).toEqual([200, 200, 201]);
      expect([...kvData.keys()].sort()).toEqual([JSON.stringify(['intake', 'contact', record.id]), JSON.stringify(['intake', 'contact', racing.id])].sort());
      expect(kvData.get(JSON.stringify(['intake', 'contact', record.id]))?.value).toEqual(record);
    });
  });

  describe('worker: worker.js with a D1 database (SQLite through the sqlite3 command)', () => {
    const database = () => join(dir, 'd1.sqlite');
    const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
    /** D1's prepare/bind/first/run, on a real SQLite database. */
    const d1 = {
      prepare: (sql: string) => ({
        bind: (...params: unknown[]) => {
          const statement = sql.replace(/\?(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
          const query = async (text: string) => {
            const { stdout } = await run('sqlite3', ['-json', '-cmd', '.timeout 5000', database(), text]);
            return (stdout.trim() ? JSON.parse(stdout) : []) as Record<string, unknown>[];
          };
          return {
            first: async () => (await query(statement))[0] ?? null,
            run: async () => ({ success: true, meta: { changes: Number((await query(`${statement}; SELECT changes() AS changes;`))[0]!['changes']) } }),
          };
        },
      }),
    };
    let worker: { fetch: (request: Request, env: unknown) => Promise<Response> };

    beforeAll(async () => {
      const source = await readFile(join(examples, 'worker.js'), 'utf8');
      const table = /CREATE TABLE[\s\S]*?;/.exec(source.split('\n').map((line) => line.replace(/^\/\/\s?/, '')).join('\n'))?.[0];
      expect(table).toBeDefined();
      await run('sqlite3', [database(), table!]);
      worker = ((await import(pathToFileURL(join(examples, 'worker.js')).href)) as { default: typeof worker }).default;
    });

    it('stores a record once in the table: 201, then 200; concurrent posts store it once', async () => {
      const env = { DB: d1, ALLOWED_ORIGINS: origin };
      const record = await makeRecord();
      const first = await worker.fetch(post('https://intake.example.workers.dev/', record), env);
      expect(first.headers.get('access-control-allow-origin')).toBe(origin);
      expect(first.status).toBe(201);
      expect((await worker.fetch(post('https://intake.example.workers.dev/', record), env)).status).toBe(200);
      const racing = await makeRecord();
      const statuses = await Promise.all([1, 2].map(async () => (await worker.fetch(post('https://intake.example.workers.dev/', racing), env)).status));
      expect(statuses.sort()).toEqual([200, 201]);
      const { stdout } = await run('sqlite3', ['-json', database(), 'SELECT id, form_id, record FROM intake_records ORDER BY received_at, id']);
      const rows = JSON.parse(stdout) as { id: string; form_id: string; record: string }[];
      expect(rows.map((row) => row.id).sort()).toEqual([record.id, racing.id].sort());
      expect(JSON.parse(rows.find((row) => row.id === record.id)!.record)).toEqual(record);
    });
  });

  describe('without @intake/receiver: receive-anywhere.mjs', () => {
    it('stores once, answers a repeat 200, drops spam 202 and refuses a tampered record 422', async () => {
      const { receive } = (await import(pathToFileURL(join(examples, 'receive-anywhere.mjs')).href)) as {
        receive: (body: string) => Promise<{ status: number; answer: { issues?: { code: string }[] } }>;
      };
      const record = await makeRecord();
      expect((await receive(JSON.stringify(record))).status).toBe(201);
      expect((await receive(JSON.stringify(record))).status).toBe(200);
      const bot = await makeRecord();
      expect((await receive(JSON.stringify({ ...bot, context: { ...bot.context, honeypot: 'x' } }))).status).toBe(202);
      const other = await makeRecord();
      const tampered = await receive(JSON.stringify({ ...other, data: { ...other.data, phone: '139 1234 5678' } }));
      expect(tampered.status).toBe(422);
      expect(tampered.answer.issues?.map((issue) => issue.code)).toEqual(['not_normalized']);
      const rekeyed = await receive(JSON.stringify({ ...other, dedupeKey: '0'.repeat(64) }));
      expect(rekeyed.answer.issues?.map((issue) => issue.code)).toEqual(['dedupe_key_mismatch']);
      expect((await receive('{ not json')).status).toBe(422);
    });
  });

  describe('without @intake/receiver: dedupe_key.py', () => {
    const python = (args: string[], input: string) =>
      new Promise<string>((done, reject) => {
        const child = execFile('python3', [join(examples, 'dedupe_key.py'), ...args], (error, stdout) => (error ? reject(error) : done(stdout.trim())));
        child.stdin!.end(input);
      });

    it('recomputes the dedupe key of a record, non-ASCII text included', async () => {
      const record = await makeRecord();
      expect(await python(['email'], JSON.stringify(record))).toBe(`${record.dedupeKey} matches`);
      const key = await computeDedupeKey({ ...form, dedupe: ['name', 'phone', 'company'] }, record.data);
      expect(await python(['name', 'phone', 'company'], JSON.stringify({ ...record, dedupeKey: key }))).toBe(`${key} matches`);
      expect(await python(['name'], JSON.stringify(record))).toMatch(/DOES NOT MATCH$/);
    });
  });
});
