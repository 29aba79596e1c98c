import type { IntakeRecord } from '@intake/core';
import type { PutResult, RecordStore } from './record-store.js';

// Node's modules are loaded on first use, not imported at the top, and through a specifier that
// bundlers do not follow: `@intake/receiver` then loads and bundles for any runtime (workers
// without a file system included) as long as this store is not used there.
type Fs = typeof import('node:fs/promises');
type SyncFs = typeof import('node:fs');
/** What the lock needs of Node's `process` (loaded lazily like the file modules). */
interface ProcessLike {
  readonly pid: number;
  kill(pid: number, signal: number): unknown;
  once(event: 'exit', listener: () => void): unknown;
  off(event: 'exit', listener: () => void): unknown;
}
type PathModule = typeof import('node:path');
type FileHandle = Awaited<ReturnType<Fs['open']>>;

const loadModule = (specifier: string): Promise<unknown> => import(specifier);

/** The file the default store writes to, relative to the working directory. */
export const defaultJsonlPath = 'intake-records.jsonl';

/** Options of {@link jsonlStore}. */
export interface JsonlStoreOptions {
  /**
   * The file, absolute or relative to the working directory when the store opens. Missing
   * directories are created. Default `intake-records.jsonl`.
   */
  readonly path?: string;
}

/** A torn last line found when the store opened, and what was done about it. */
export interface TornTail {
  /** Where the torn line starts in the file, in bytes. */
  readonly offset: number;
  /** Its length in bytes. */
  readonly bytes: number;
  /**
   * `completed`: the line held a whole record and only its newline was missing, so the newline
   * was added. `moved`: the bytes were copied to {@link TornTail.movedTo} and cut off the file.
   */
  readonly repair: 'completed' | 'moved';
  /** Where the torn bytes were moved (`<path>.torn-<timestamp>`). */
  readonly movedTo?: string;
}

/** What {@link JsonlStore.open} found in the file. */
export interface JsonlRecovery {
  /** The absolute path of the file. */
  readonly path: string;
  /** How many distinct record ids the file holds. */
  readonly records: number;
  /** The torn last line left by a crash during a write, if there was one. */
  readonly torn?: TornTail;
  /**
   * Line numbers (from 1) of lines before the last that are not a record, e.g. after a hand edit.
   * They are left exactly as they are: the store never rewrites earlier lines.
   */
  readonly badLines: readonly number[];
}

/** A {@link RecordStore} that appends one JSON line per record to a file. */
export interface JsonlStore extends RecordStore {
  /** The path as given (default `intake-records.jsonl`). */
  readonly path: string;
  /**
   * Opens the file: reads it to learn the stored ids, repairs a torn last line, and keeps a handle
   * for appending. The first `has` or `put` opens it anyway; call `open` at start-up to fail
   * early and to see what was repaired. Safe to call again (it opens once).
   */
  open(): Promise<JsonlRecovery>;
  /** Waits for the writes under way and closes the file. Later calls of `put` reject. */
  close(): Promise<void>;
}

interface Scan {
  readonly exists: boolean;
  readonly ids: Set<string>;
  readonly size: number;
  readonly badLines: number[];
  /** The last line, when it is not a record: unterminated, or terminated but unparseable. */
  readonly torn?: { readonly offset: number; readonly bytes: Uint8Array; readonly id?: string };
}

interface OpenState {
  readonly fs: Fs;
  readonly handle: FileHandle;
  /** The lock file this process holds (`<path>.lock`), and how to let it go. */
  readonly lock: Lock;
  readonly ids: Set<string>;
  readonly recovery: JsonlRecovery;
  /** The file size after the last durable write: where a failed write is cut back to. */
  size: number;
}

const newline = 0x0a;
const chunkBytes = 1 << 20;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The id of a line holding a record, `undefined` when the line is not one, `null` when blank. */
function recordId(line: Uint8Array): string | undefined | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(line);
  } catch {
    return undefined;
  }
  if (text.trim() === '') return null;
  try {
    const value = JSON.parse(text) as unknown;
    const id = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}

/** Reads the file line by line, in chunks (the file may be larger than memory allows at once). */
async function scanFile(fs: Fs, file: string): Promise<Scan> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return { exists: false, ids: new Set(), size: 0, badLines: [] };
    throw error;
  }
  const ids = new Set<string>();
  const badLines: number[] = [];
  const buffer = new Uint8Array(chunkBytes);
  let position = 0;
  let lineStart = 0;
  let lineNumber = 0;
  let carry: Uint8Array[] = [];
  let lastBad: { offset: number; bytes: Uint8Array; end: number } | undefined;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let from = 0;
      for (let at = chunk.indexOf(newline, from); at !== -1; at = chunk.indexOf(newline, from)) {
        const line = concat([...carry, chunk.subarray(from, at)]);
        const end = position + at + 1;
        lineNumber += 1;
        const id = recordId(line);
        if (typeof id === 'string') {
          ids.add(id);
          lastBad = undefined;
        } else if (id === undefined) {
          badLines.push(lineNumber);
          lastBad = { offset: lineStart, bytes: concat([line, new Uint8Array([newline])]), end };
        }
        carry = [];
        from = at + 1;
        lineStart = end;
      }
      if (from < bytesRead) carry.push(chunk.slice(from));
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const size = position;
  if (carry.length > 0) {
    const bytes = concat(carry);
    const id = recordId(bytes);
    return { exists: true, ids, size, badLines, torn: typeof id === 'string' ? { offset: lineStart, bytes, id } : { offset: lineStart, bytes } };
  }
  if (lastBad && lastBad.end === size) {
    badLines.pop();
    return { exists: true, ids, size, badLines, torn: { offset: lastBad.offset, bytes: lastBad.bytes } };
  }
  return { exists: true, ids, size, badLines };
}

/** Makes a new directory entry durable (on Linux a file's creation is not, until its directory is synced). */
async function syncDirectory(fs: Fs, directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or sync a directory; there is nothing more to do there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Copies the torn bytes to a new `<file>.torn-<timestamp>` file, durably, and returns its path. */
async function moveAside(fs: Fs, path: PathModule, file: string, bytes: Uint8Array): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; ; attempt += 1) {
    const target = `${file}.torn-${stamp}${attempt ? `-${attempt}` : ''}`;
    let handle: FileHandle;
    try {
      handle = await fs.open(target, 'wx');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST' && attempt < 100) continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(fs, path.dirname(target));
    return target;
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.byteLength; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

/** The error of a store whose file another live process holds: `code` is `EJSONLLOCKED`. */
export interface JsonlLockedError extends Error {
  readonly code: 'EJSONLLOCKED';
  /** The absolute path of the records file. */
  readonly path: string;
  /** The process holding it. */
  readonly pid: number;
}

interface Lock {
  readonly path: string;
  release(): Promise<void>;
}

function isAlive(process: ProcessLike, pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM'; // alive, only not ours to signal
  }
}

function lockedError(file: string, lock: string, pid: number): JsonlLockedError {
  const error = new Error(
    `jsonlStore: ${file} is in use by process ${pid} (lock file ${lock}). A jsonl file takes one process: ` +
      `stop that process, give each process its own file, or use @intake/receiver/postgres for several workers. ` +
      `If process ${pid} is not an Intake receiver, delete the lock file.`,
  );
  return Object.assign(error, { code: 'EJSONLLOCKED' as const, path: file, pid });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `<file>.lock` for this process: the lock file, holding the pid, appears whole and at once
 * (written aside, then hard-linked into place, which fails if it exists). A lock whose process is
 * dead (a crash, SIGKILL) is taken over; one whose process lives refuses with `EJSONLLOCKED`.
 */
async function acquireLock(fs: Fs, file: string): Promise<Lock> {
  const [syncFs, { default: process }] = (await Promise.all([loadModule('node:fs'), loadModule('node:process')])) as [SyncFs, { default: ProcessLike }];
  const lock = `${file}.lock`;
  const mine = `${process.pid}\n`;
  const aside = `${lock}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(aside, mine, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await fs.link(aside, lock);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST' || attempt >= 5) throw error;
        const held = await fs.readFile(lock, 'utf8').catch((read: unknown) => (isMissing(read) ? undefined : Promise.reject(read)));
        if (held === undefined) continue; // let go meanwhile
        const pid = Number.parseInt(held, 10);
        if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(process, pid)) throw lockedError(file, lock, pid);
        if (pid === process.pid) throw lockedError(file, lock, pid); // another store of this process holds it
        // The holder is dead: take over. Two processes taking over at once may both get here;
        // the one whose pid is in the lock a moment later holds it.
        await fs.unlink(lock).catch((gone: unknown) => (isMissing(gone) ? undefined : Promise.reject(gone)));
        await fs.link(aside, lock).catch(() => undefined);
        await sleep(50);
        const now = await fs.readFile(lock, 'utf8').catch(() => '');
        if (now !== mine) {
          const other = Number.parseInt(now, 10);
          if (Number.isInteger(other) && other > 0 && isAlive(process, other)) throw lockedError(file, lock, other);
          continue;
        }
      }
      break;
    }
  } finally {
    await fs.unlink(aside).catch(() => undefined);
  }
  // A process that exits without closing the store (process.exit) leaves no lock behind; a crash
  // does, and the next opener takes it over.
  const onExit = () => {
    try {
      if (syncFs.readFileSync(lock, 'utf8') === mine) syncFs.unlinkSync(lock);
    } catch {
      // gone already
    }
  };
  process.once('exit', onExit);
  return {
    path: lock,
    async release() {
      process.off('exit', onExit);
      const held = await fs.readFile(lock, 'utf8').catch(() => undefined);
      if (held === mine) await fs.unlink(lock).catch(() => undefined);
    },
  };
}

async function openFile(given: string): Promise<OpenState> {
  const [fs, path] = (await Promise.all([loadModule('node:fs/promises'), loadModule('node:path')])) as [Fs, PathModule];
  const file = path.resolve(given);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const lock = await acquireLock(fs, file);
  try {
    return await openLocked(fs, path, file, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(fs: Fs, path: PathModule, file: string, lock: Lock): Promise<OpenState> {
  const scan = await scanFile(fs, file);
  let torn: TornTail | undefined;
  if (scan.torn && scan.torn.id === undefined) {
    // Save the torn bytes first, then cut them off: the records before them are never touched.
    const movedTo = await moveAside(fs, path, file, scan.torn.bytes);
    const truncate = await fs.open(file, 'r+');
    try {
      await truncate.truncate(scan.torn.offset);
      await truncate.sync();
    } finally {
      await truncate.close();
    }
    torn = { offset: scan.torn.offset, bytes: scan.torn.bytes.byteLength, repair: 'moved', movedTo };
  }
  const handle = await fs.open(file, 'a');
  try {
    if (!scan.exists) await syncDirectory(fs, path.dirname(file));
    let size = (await handle.stat()).size;
    if (scan.torn?.id !== undefined) {
      // A whole record whose newline did not make it: complete the line.
      await writeAll(handle, new Uint8Array([newline]));
      await handle.datasync();
      size += 1;
      scan.ids.add(scan.torn.id);
      torn = { offset: scan.torn.offset, bytes: scan.torn.bytes.byteLength, repair: 'completed' };
    }
    const recovery: JsonlRecovery = { path: file, records: scan.ids.size, badLines: scan.badLines, ...(torn ? { torn } : {}) };
    return { fs, handle, lock, ids: scan.ids, recovery, size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The default {@link RecordStore}: appends each record as one line of JSON to a file
 * (`intake-records.jsonl` in the working directory unless `path` says otherwise).
 *
 * - **Durable:** `put` resolves `'stored'` (and the handler answers 201) only after the line is
 *   written and `fdatasync`ed. Writes are serialized, one `write` of the whole line each.
 * - **Exactly once:** the ids in the file are read when the store opens (so repeats are known
 *   across restarts) and claimed in memory before each write (so concurrent requests with one id
 *   store it once).
 * - **Crash-safe:** a crash mid-write can only leave a torn last line. On opening, a last line
 *   holding a whole record gets its missing newline; any other torn tail is copied to
 *   `<path>.torn-<timestamp>` and cut off. Earlier lines are never rewritten. A write that fails
 *   (a full disk) is cut back off the file before the next one.
 *
 * - **One process per file:** opening takes the lock file `<path>.lock` (holding the pid); a
 *   second process opening the same file fails with an error whose `code` is `EJSONLLOCKED`,
 *   naming the path and the pid holding it. A lock left by a dead process is taken over. `close`
 *   (and a normal exit) lets it go. For several processes or servers use `@intake/receiver/postgres`.
 *
 * @example
 * const store = jsonlStore({ path: './data/crm-lead.jsonl' });
 * console.log(await store.open()); // { path, records: 1204, badLines: [] }
 * const handler = createHandler({ schema, store });
 */
export function jsonlStore(options: JsonlStoreOptions = {}): JsonlStore {
  const given = options.path ?? defaultJsonlPath;
  let opening: Promise<OpenState> | undefined;
  let closed = false;
  let broken: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  const inflight = new Map<string, Promise<void>>();

  const state = (): Promise<OpenState> => {
    if (closed) return Promise.reject(new Error(`jsonlStore: ${given} is closed`));
    opening ??= openFile(given).catch((error: unknown) => {
      opening = undefined; // let the next request try again (e.g. after a permission fix)
      throw error;
    });
    return opening;
  };

  const append = async (open: OpenState, record: IntakeRecord): Promise<void> => {
    if (broken) throw new Error(`jsonlStore: an earlier write to ${given} failed and could not be undone; restart to repair the file`, { cause: broken });
    const line = new TextEncoder().encode(`${JSON.stringify(record)}\n`);
    try {
      await writeAll(open.handle, line);
      await open.handle.datasync();
    } catch (error) {
      // Cut a partly written line back off, so the next record does not land behind it; but only
      // our own line: a file longer than it could have made is left alone (and the store stops).
      try {
        const { size } = await open.handle.stat();
        if (size > open.size + line.byteLength) throw new Error(`jsonlStore: ${given} grew by more than the line written: another process writes to it`);
        if (size > open.size) await open.handle.truncate(open.size);
        await open.handle.datasync();
      } catch (undo) {
        broken = undo;
      }
      throw error;
    }
    open.size += line.byteLength;
    open.ids.add(record.id);
  };

  return {
    path: given,
    async open() {
      return (await state()).recovery;
    },
    async has(id) {
      return (await state()).ids.has(id);
    },
    async put(record) {
      const open = await state();
      // From here to `inflight.set` there is no `await`: the check and the claim are one step.
      if (open.ids.has(record.id)) return 'repeat';
      const pending = inflight.get(record.id);
      if (pending) {
        await pending; // a failed first write fails this one too: the client retries both
        return 'repeat';
      }
      const write = queue.then(() => append(open, record));
      queue = write.catch(() => undefined);
      inflight.set(record.id, write);
      try {
        await write;
      } finally {
        inflight.delete(record.id);
      }
      return 'stored' satisfies PutResult;
    },
    async close() {
      if (closed) return;
      closed = true;
      const current = opening;
      if (!current) return;
      const open = await current.catch(() => undefined);
      await queue;
      await open?.handle.close();
      await open?.lock.release();
    },
  };
}
