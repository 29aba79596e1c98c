// The demo's receiver takes posts from the React example's dev server when both run on this machine
// (examples/react/README.md), and still refuses other origins; SIGTERM stops the demo and its servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './docs-markdown.js';

let demo: ChildProcess;
let dataDir = '';
let receiverPort = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'intake-demo-'));
  demo = spawn(process.execPath, [join(root, 'scripts/demo.mjs')], {
    env: { ...process.env, DEMO_PORT: '0', RECEIVER_PORT: '0', DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  receiverPort = await new Promise<number>((resolve, reject) => {
    let out = '';
    demo.stdout!.on('data', (chunk) => {
      out += chunk;
      const port = /Receiver on port (\d+)/.exec(out)?.[1];
      if (port && out.includes('Intake demo:')) resolve(Number(port));
    });
    demo.on('exit', (code) => reject(new Error(`the demo exited with ${code}`)));
  });
});

afterAll(async () => {
  if (demo.exitCode === null) demo.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function post(origin: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`http://127.0.0.1:${receiverPort}/hooks/contact`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return { status: response.status, code: body.code };
}

describe('the demo next to the React example', () => {
  it("takes posts from the React dev server's origin and refuses another one", async () => {
    const react = await post('http://localhost:5173');
    expect(react.code).not.toBe('origin_not_allowed');
    expect(react.status).not.toBe(403);
    const other = await post('https://elsewhere.example');
    expect(other.code).toBe('origin_not_allowed');
  });

  it('stops its site and receiver on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => demo.on('exit', resolve));
    demo.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${receiverPort}/hooks/contact`, { method: 'OPTIONS' })).rejects.toThrow();
  });
});
