// The example servers choose a free port when their default one is taken (e.g. by `pnpm demo`), and
// say which variable to set when a port the person chose is taken (examples/receiver/free-port.mjs).
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './docs-markdown.js';

type Choice = { port: number; fixed: boolean };
const { onPort, portFrom, PortError } = (await import(join(root, 'examples/receiver/free-port.mjs'))) as {
  portFrom(name: string, fallback: number, env?: Record<string, string | undefined>): Choice;
  onPort<T>(choice: Choice, name: string, start: (port: number) => Promise<T>, log?: (line: string) => void): Promise<T>;
  PortError: new (message: string) => Error;
};

let taken: Server;
let takenPort = 0;
let cwd = ''; // the servers write data/ under their working directory

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'intake-ports-'));
  taken = createServer();
  takenPort = await listen(taken, 0);
});
afterAll(async () => {
  await new Promise<void>((resolve) => taken.close(() => resolve()));
  await rm(cwd, { recursive: true, force: true });
});

describe('port choice of the example servers', () => {
  it('reads the variable, with the default when unset, and refuses what is not a port', () => {
    expect(portFrom('PORT', 8080, {})).toEqual({ port: 8080, fixed: false });
    expect(portFrom('PORT', 8080, { PORT: '3000' })).toEqual({ port: 3000, fixed: true });
    expect(() => portFrom('PORT', 8080, { PORT: 'eighty' })).toThrow(PortError);
  });

  it('moves to a free port when the default port is taken', async () => {
    const server = createServer();
    const lines: string[] = [];
    const port: number = await onPort({ port: takenPort, fixed: false }, 'PORT', (p: number) => listen(server, p), (line: string) => lines.push(line));
    try {
      expect(port).not.toBe(takenPort);
      expect(port).toBeGreaterThan(0);
      expect(lines.join('\n')).toMatch(/in use.*Set PORT/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('names the variable when a port the person chose is taken', async () => {
    await expect(onPort({ port: takenPort, fixed: true }, 'PORT', (p: number) => listen(createServer(), p))).rejects.toThrow(
      new RegExp(`PORT=${takenPort}: the port is in use`),
    );
  });

  it('the qr-landing server exits with a one-line message, not an EADDRINUSE stack trace', async () => {
    const child = spawn(process.execPath, [join(root, 'examples/qr-landing/serve.mjs')], {
      env: { ...process.env, PORT: String(takenPort), HOST: '127.0.0.1' },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`PORT=${takenPort}: the port is in use. Pick another one, or PORT=0 for any free port.`);
  });

  it('the website-embed server prints the URL of the port it chose', async () => {
    const child = spawn(process.execPath, [join(root, 'examples/website-embed/serve.mjs')], {
      env: { ...process.env, PORT: '0' },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const port = Number(/http:\/\/localhost:(\d+)\//.exec(line)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(port).not.toBe(takenPort);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
