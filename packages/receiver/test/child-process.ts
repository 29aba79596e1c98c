import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles test/fixtures/receiver-child.ts (with the receiver's source and @intake/core) into one
 * ES module in `directory`, so a child process runs the code under test without a build step.
 */
export async function bundleChild(directory: string): Promise<string> {
  const outfile = join(directory, 'receiver-child.mjs');
  await build({
    entryPoints: [new URL('./fixtures/receiver-child.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface Child {
  readonly process: ChildProcess;
  /** The first line the child printed, parsed. */
  readonly first: Promise<unknown>;
  /** Everything the child wrote to stderr so far (for failure messages). */
  readonly stderr: () => string;
}

/** Starts `node <script>` (through `sh -c` when `shellPrefix` is given, e.g. `ulimit -f 8;`). */
export function startChild(script: string, options: { env: Record<string, string>; cwd?: string; shellPrefix?: string }): Child {
  const env = { ...process.env, ...options.env };
  const child = options.shellPrefix
    ? spawn('sh', ['-c', `${options.shellPrefix} exec "${process.execPath}" "${script}"`], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [script], { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const first = new Promise<unknown>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end !== -1) resolve(JSON.parse(stdout.slice(0, end)));
    });
    child.once('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before printing a line: ${stderr}`)));
  });
  first.catch(() => undefined);
  return { process: child, first, stderr: () => stderr };
}

/** Kills a child (SIGKILL by default) and waits until it is gone. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
