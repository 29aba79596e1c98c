import { defaultOutboxPrefix, memoryStorage, Outbox, webStorage } from '@intake/core';

/** How often a page with a form open retries the records waiting on the device. */
export const flushIntervalMs = 30_000;

/** The prefix of the outbox's keys in `localStorage` (the core's default; other tabs' changes are watched by it). */
export const outboxPrefix = defaultOutboxPrefix;

let outbox: Outbox | undefined;
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;
/** The listeners of {@link watchOutbox}: the outbox tells them of its changes once it exists. */
const watchers = new Set<() => void>();

/**
 * The outbox of this origin: `localStorage` where the device allows it, else memory. Made on first
 * use (a submission, or the first flush once the page is idle), not while a form loads: choosing
 * its storage writes a probe to `localStorage`.
 */
export function sharedOutbox(): Outbox {
  if (!outbox) {
    outbox = new Outbox({ storage: webStorage() ?? memoryStorage(), prefix: outboxPrefix });
    outbox.subscribe(() => {
      for (const watcher of [...watchers]) watcher();
    });
  }
  return outbox;
}

function flush(): void {
  if (globalThis.navigator?.onLine === false) return;
  void sharedOutbox().flush();
}

function onVisible(): void {
  if (document.visibilityState === 'visible') flush();
}

/**
 * Flushes once the page is idle (within a second): reading the outbox from `localStorage` and
 * starting deliveries is work the person does not wait for, and it would otherwise run before
 * the form first renders.
 */
function flushWhenIdle(): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(flushIfUsed, { timeout: 1000 });
  else setTimeout(flushIfUsed, 50);
}

function flushIfUsed(): void {
  if (users > 0) flush();
}

/**
 * Starts flushing the outbox while at least one form is on the page: as soon as the page is idle
 * (any Intake form loading on the origin sends what earlier visits left), when the browser comes
 * back online, when the page becomes visible again, and every {@link flushIntervalMs}. Returns
 * the function that stops it for this form.
 */
export function keepOutboxFlowing(): () => void {
  users += 1;
  if (users === 1) {
    addEventListener('online', flush);
    document.addEventListener('visibilitychange', onVisible);
    timer = setInterval(flush, flushIntervalMs);
    flushWhenIdle();
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    users -= 1;
    if (users === 0) {
      removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    }
  };
}

/**
 * Calls `listener` whenever the outbox may have changed: through this page's outbox, or in
 * another tab or window of the origin (a `storage` event: that tab sent or gave up a record this
 * page is showing as queued). Returns the function that stops watching.
 */
export function watchOutbox(listener: () => void): () => void {
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key.startsWith(outboxPrefix)) listener();
  };
  // A listener of its own each time, so one function watching twice is told twice, as with `subscribe`.
  const watcher = () => listener();
  watchers.add(watcher);
  addEventListener('storage', onStorage);
  return () => {
    watchers.delete(watcher);
    removeEventListener('storage', onStorage);
  };
}
