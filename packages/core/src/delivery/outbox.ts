import type { IntakeRecord } from '../record/record.js';
import type { SubmitOptions } from '../schema/types.js';
import { backoffDelay, deliverRecord, type DeliverOptions, type DeliverOutcome } from './deliver-record.js';

/** A record waiting on this device to be delivered. */
export interface OutboxEntry {
  readonly record: IntakeRecord;
  /** Where and how to send it (the form's `submit`, with `endpoint` applied). */
  readonly submit: SubmitOptions;
  /** When it was queued (ms since the epoch). */
  readonly queuedAt: number;
  /** What `beforeSend` made of the record for a webhook with its own format, if anything (functions cannot be stored). */
  readonly payload?: unknown;
  /** Delivery attempts made from the outbox so far. */
  readonly attempts: number;
  /** Not before this time (ms since the epoch). */
  readonly nextAttemptAt: number;
  readonly lastError?: string;
}

/** A record the webhook refused after it had been queued: kept, never resent, for someone to look at. */
export interface RejectedEntry extends OutboxEntry {
  readonly rejectedAt: number;
  readonly status: number;
  readonly message: string;
}

/**
 * Where the outbox keeps its entries: one key per record, so two tabs adding records at the same
 * time never overwrite each other. `localStorage` fits (see {@link webStorage}); so does a Map.
 */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): readonly string[];
}

/** Runs `task` only if no other tab of the origin holds the claim; resolves `false` when it did not run. */
export type ClaimRunner = (name: string, task: () => Promise<void>) => Promise<boolean>;

/** The default key prefix of an {@link Outbox}: the one every Intake form of an origin shares. */
export const defaultOutboxPrefix = 'intake-outbox:v1:';

/** Options of {@link Outbox}. */
export interface OutboxOptions {
  readonly storage: OutboxStorage;
  /** The cross-tab claim; default: Web Locks where they exist, else a lease in `storage`. */
  readonly claim?: ClaimRunner;
  /** At most this many records are kept; when full, `add` refuses the new record (the old ones are never dropped). Default 200. */
  readonly maxEntries?: number;
  /** Options of each delivery attempt (fetch, beforeSend, back-off). */
  readonly deliver?: Omit<DeliverOptions, 'attempts'>;
  /** The clock. Default `Date.now`. */
  readonly now?: () => number;
  /** The key prefix, one outbox per prefix. Default `intake-outbox:v1:`. */
  readonly prefix?: string;
}

/** What a flush did. */
export interface FlushResult {
  readonly delivered: readonly string[];
  readonly rejected: readonly string[];
  readonly waiting: number;
  /** `false` when another tab was already flushing. */
  readonly ran: boolean;
}

/** What {@link Outbox.send} came to: the delivery outcome, and whether the record is kept in the outbox. */
export interface SendResult {
  readonly outcome: DeliverOutcome;
  /** `true` when the record waits in the outbox (every attempt failed and it could be stored). */
  readonly queued: boolean;
}

/** The longest wait between two outbox attempts of one record. */
const maxRetryDelayMs = 5 * 60_000;

/** The part of the Web Storage API (`localStorage`) the outbox uses. */
export interface WebStorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * An adapter of the Web Storage API (`localStorage`) as {@link OutboxStorage}; `undefined` where
 * there is none (or it is blocked, e.g. by privacy settings).
 */
export function webStorage(storage: WebStorageLike | undefined = (globalThis as { localStorage?: WebStorageLike }).localStorage): OutboxStorage | undefined {
  try {
    if (!storage) return undefined;
    const probe = '__intake_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
  } catch {
    return undefined;
  }
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, value),
    removeItem: (key) => storage.removeItem(key),
    keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null),
  };
}

/** A storage in memory (tests, servers, or where the device offers none). */
export function memoryStorage(): OutboxStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

/**
 * The default cross-tab claim: Web Locks (`navigator.locks`, secure contexts) where available;
 * elsewhere a lease written to the storage, taken only when absent or expired and read back after a
 * short pause so two tabs racing for it cannot both win.
 */
export function defaultClaim(storage: OutboxStorage, prefix: string, now: () => number): ClaimRunner {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks) {
    return async (name, task) => {
      let ran = false;
      await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return;
        ran = true;
        await task();
      });
      return ran;
    };
  }
  const owner = Math.random().toString(36).slice(2);
  return async (name, task) => {
    const key = `${prefix}lease:${name}`;
    const lease = JSON.parse(storage.getItem(key) ?? 'null') as { owner: string; until: number } | null;
    // A lease held by this same instance counts too: a flush must not run twice at once in one tab either.
    if (lease && lease.until > now()) return false;
    storage.setItem(key, JSON.stringify({ owner, until: now() + 60_000 }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const held = JSON.parse(storage.getItem(key) ?? 'null') as { owner: string } | null;
    if (held?.owner !== owner) return false;
    try {
      await task();
    } finally {
      storage.removeItem(key);
    }
    return true;
  };
}

/**
 * The on-device outbox of records that could not be delivered yet (docs/delivery.md). It survives reloads
 * and closed tabs (its storage is the device's), sends each record at most once at a time across
 * tabs (a claim around every flush), retries with back-off, keeps records the webhook later
 * rejects apart instead of dropping them, and is bounded: when full it refuses new records rather
 * than dropping old ones. Call `flush()` when the browser comes back online, when a form loads,
 * and periodically (the elements do).
 *
 * @example
 * const outbox = new Outbox({ storage: webStorage() ?? memoryStorage() });
 * if ((await deliverRecord(record, submit)).kind === 'failed') outbox.add(record, submit);
 * addEventListener('online', () => outbox.flush());
 */
export class Outbox {
  readonly #storage: OutboxStorage;
  readonly #claim: ClaimRunner;
  readonly #max: number;
  readonly #deliver: Omit<DeliverOptions, 'attempts'>;
  readonly #now: () => number;
  readonly #prefix: string;
  readonly #listeners = new Set<() => void>();

  constructor(options: OutboxOptions) {
    this.#storage = options.storage;
    this.#max = options.maxEntries ?? 200;
    this.#deliver = options.deliver ?? {};
    this.#now = options.now ?? Date.now;
    this.#prefix = options.prefix ?? defaultOutboxPrefix;
    this.#claim = options.claim ?? defaultClaim(this.#storage, this.#prefix, this.#now);
  }

  /** The records waiting, oldest first. */
  entries(): OutboxEntry[] {
    return this.#read('entry:').sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** The records the webhook rejected after they were queued, oldest first. */
  rejected(): RejectedEntry[] {
    return (this.#read('rejected:') as RejectedEntry[]).sort((a, b) => a.rejectedAt - b.rejectedAt);
  }

  /** How many records wait. */
  get size(): number {
    return this.#keys('entry:').length;
  }

  /**
   * Queues a record (with the `payload` to send instead, when `beforeSend` reshaped it). Returns `false`, keeping nothing, when the outbox is full or the device's
   * storage refuses it (the caller must then tell the person, who still has the form).
   */
  add(record: IntakeRecord, submit: SubmitOptions, payload?: unknown): boolean {
    const key = `${this.#prefix}entry:${record.id}`;
    if (this.#storage.getItem(key) === null && this.size >= this.#max) return false;
    const base = { record, submit, queuedAt: this.#now(), attempts: 0, nextAttemptAt: this.#now() };
    const entry: OutboxEntry = payload === undefined ? base : { ...base, payload };
    try {
      this.#storage.setItem(key, JSON.stringify(entry));
    } catch {
      return false; // quota exceeded
    }
    this.#emit();
    return true;
  }

  /**
   * Delivers a new record now, with the in-place retries of {@link deliverRecord}, and keeps it in
   * the outbox while it does: a page closed, reloaded or crashed during the attempts loses
   * nothing, since the next flush (of any tab, or of the next visit) sends it. The record is
   * claimed while the attempts run, so no flush sends it at the same time. It is removed once
   * delivered or rejected; when every attempt failed it stays, not before the server's
   * `Retry-After`, and the result says `queued`. Should the outbox be full, or its storage
   * refuse the record, it is still sent, only not kept (`queued: false`).
   *
   * @example
   * const { outcome, queued } = await outbox.send(record, form.submit!);
   * if (outcome.kind === 'failed') show(queued ? 'Saved on this device' : 'Could not be sent');
   */
  async send(record: IntakeRecord, submit: SubmitOptions, options: Omit<DeliverOptions, 'beforeSend'> & { readonly payload?: unknown } = {}): Promise<SendResult> {
    const { payload, ...rest } = options;
    const deliver: DeliverOptions = payload === undefined ? { ...this.#deliver, ...rest } : { ...this.#deliver, ...rest, beforeSend: () => payload };
    const key = `${this.#prefix}entry:${record.id}`;
    let outcome: DeliverOutcome | undefined;
    let kept = false;
    const claimed = await this.#claim(`${this.#prefix}record:${record.id}`, async () => {
      kept = this.add(record, submit, payload);
      outcome = await deliverRecord(record, submit, deliver);
      if (!kept) return;
      if (outcome.kind === 'rejected' && outcome.code === 'origin_not_allowed') {
        // The receiver refuses the page's origin, not the record: keep it apart, as a record
        // rejected later is kept (docs/delivery.md), until the owner fixes allowedOrigins.
        const entry = this.#entry(key);
        if (entry) {
          const dead: RejectedEntry = { ...entry, rejectedAt: this.#now(), status: outcome.status, message: outcome.message };
          try {
            this.#storage.setItem(`${this.#prefix}rejected:${record.id}`, JSON.stringify(dead));
          } catch {
            return; // no room to keep it apart: it stays in the outbox
          }
        }
      }
      if (outcome.kind !== 'failed') {
        this.#storage.removeItem(key);
        this.#emit();
        return;
      }
      const entry = this.#entry(key);
      if (!entry) return;
      const next: OutboxEntry = { ...entry, nextAttemptAt: this.#now() + Math.min(maxRetryDelayMs, outcome.retryAfterMs ?? 0), lastError: outcome.message };
      try {
        this.#storage.setItem(key, JSON.stringify(next));
      } catch {
        // the entry stays as it was: due now
      }
    });
    if (!claimed || !outcome) {
      // Someone else holds this id (it cannot be new): send without keeping, as a last resort.
      return { outcome: await deliverRecord(record, submit, deliver), queued: false };
    }
    return { outcome, queued: kept && outcome.kind === 'failed' };
  }

  /** Calls `listener` after any change made through this instance. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Tries to deliver every record that is due (one attempt each), under the cross-tab claim.
   * Delivered records are removed; rejected ones move to `rejected()`; the others wait longer.
   */
  async flush(options: { readonly force?: boolean } = {}): Promise<FlushResult> {
    const delivered: string[] = [];
    const rejected: string[] = [];
    const ran = await this.#claim(`${this.#prefix}flush`, async () => {
      for (const queued of this.entries()) {
        if (!options.force && queued.nextAttemptAt > this.#now()) continue;
        // Claimed one by one as well: a form of any tab may be sending this record right now (`send`).
        await this.#claim(`${this.#prefix}record:${queued.record.id}`, () => this.#attempt(queued.record.id, options.force === true, delivered, rejected));
      }
    });
    if (delivered.length > 0 || rejected.length > 0) this.#emit();
    return { delivered, rejected, waiting: this.size, ran };
  }

  /** One outbox attempt of the record `id`, read afresh: it may have been delivered or rescheduled meanwhile. */
  async #attempt(id: string, force: boolean, delivered: string[], rejected: string[]): Promise<void> {
    const key = `${this.#prefix}entry:${id}`;
    const entry = this.#entry(key);
    if (!entry || (!force && entry.nextAttemptAt > this.#now())) return;
    const payload = entry.payload;
    const deliver = payload === undefined ? this.#deliver : { ...this.#deliver, beforeSend: () => payload };
    const outcome = await deliverRecord(entry.record, entry.submit, { ...deliver, attempts: 1 });
    if (outcome.kind === 'delivered') {
      this.#storage.removeItem(key);
      delivered.push(id);
    } else if (outcome.kind === 'rejected') {
      const dead: RejectedEntry = { ...entry, rejectedAt: this.#now(), status: outcome.status, message: outcome.message };
      try {
        this.#storage.setItem(`${this.#prefix}rejected:${id}`, JSON.stringify(dead));
      } catch {
        return; // no room to keep it apart: it stays in the outbox, where it will be tried again
      }
      this.#storage.removeItem(key);
      rejected.push(id);
    } else {
      const attempts = entry.attempts + 1;
      const delay = Math.min(maxRetryDelayMs, backoffDelay(attempts, { ...this.#deliver, maxDelayMs: maxRetryDelayMs }, outcome.retryAfterMs));
      const next: OutboxEntry = { ...entry, attempts, nextAttemptAt: this.#now() + delay, lastError: outcome.message };
      try {
        this.#storage.setItem(key, JSON.stringify(next));
      } catch {
        // the old entry stays as it was
      }
    }
  }

  /** The entry stored under `key`, if any (and readable). */
  #entry(key: string): OutboxEntry | undefined {
    try {
      const entry = JSON.parse(this.#storage.getItem(key) ?? 'null') as OutboxEntry | null;
      return entry && entry.record && entry.submit ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  #keys(kind: string): string[] {
    const prefix = `${this.#prefix}${kind}`;
    return this.#storage.keys().filter((key) => key.startsWith(prefix));
  }

  #read(kind: string): OutboxEntry[] {
    // A damaged entry is left where it is, for inspection.
    return this.#keys(kind).flatMap((key) => this.#entry(key) ?? []);
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
