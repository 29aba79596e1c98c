import type { IntakeRecord } from '../record/record.js';
import type { SubmitOptions } from '../schema/types.js';
import { postRecord, type PostOptions, type PostOutcome } from './post-record.js';

/** Options of {@link deliverRecord}. */
export interface DeliverOptions extends PostOptions {
  /** Immediate attempts before giving up (the caller then keeps the record in its outbox). Default `submit.retries`, else 3. */
  readonly attempts?: number;
  /** The first back-off delay in ms, doubled after each failure. Default 1000. */
  readonly baseDelayMs?: number;
  /** The longest back-off delay, and the longest `Retry-After` honoured in place (longer ones end the attempts). Default 15000. */
  readonly maxDelayMs?: number;
  /** Random numbers in [0, 1) for the jitter (a seeded generator in tests). Default `Math.random`. */
  readonly random?: () => number;
  /** Waits between attempts. Default: a timer that ends early when `signal` aborts. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told about every attempt and its outcome, e.g. to show "retrying…". */
  readonly onAttempt?: (attempt: number, outcome: PostOutcome) => void;
}

/** What {@link deliverRecord} came to. */
export type DeliverOutcome =
  | { readonly kind: 'delivered'; readonly status: number; readonly attempts: number }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string; readonly issues?: readonly unknown[]; readonly code?: string; readonly attempts: number }
  /** Every attempt failed transiently: keep the record and try again later (after `retryAfterMs` if known). */
  | { readonly kind: 'failed'; readonly message: string; readonly attempts: number; readonly retryAfterMs?: number };

/** Default number of immediate attempts (docs/delivery.md). */
export const defaultAttempts = 3;

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/**
 * The delay before attempt `attempt + 1`: exponential back-off with "equal jitter" (half fixed,
 * half random), so many devices coming back online at once do not retry in step. A server's
 * `Retry-After` replaces it when longer.
 */
export function backoffDelay(attempt: number, options: Pick<DeliverOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {}, retryAfterMs?: number): number {
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 15_000;
  const exponential = Math.min(max, base * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * (options.random ?? Math.random)();
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Delivers a record to its webhook at least once, as docs/delivery.md describes: any 2xx is delivered;
 * a 4xx other than 408 and 429 is a rejection, never retried; network errors, timeouts, 408, 429
 * and 5xx are retried with exponential back-off and jitter, honouring `Retry-After`, up to
 * `attempts` times (with the defaults, together well under a minute). When they all fail the
 * outcome is `failed` and the caller keeps the record (the outbox) to send it later; the
 * idempotency key (`record.id`) makes repeats safe.
 *
 * @example
 * const outcome = await deliverRecord(record, form.submit!);
 * if (outcome.kind === 'failed') outbox.add(record);
 */
export async function deliverRecord(record: IntakeRecord, submit: SubmitOptions, options: DeliverOptions = {}): Promise<DeliverOutcome> {
  const attempts = Math.max(1, options.attempts ?? submit.retries ?? defaultAttempts);
  const maxDelay = options.maxDelayMs ?? 15_000;
  const sleep = options.sleep ?? wait;
  let last: Extract<PostOutcome, { kind: 'transient' }> | undefined;
  let made = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    made = attempt;
    const outcome = await postRecord(record, submit, options);
    options.onAttempt?.(attempt, outcome);
    if (outcome.kind === 'delivered') return { kind: 'delivered', status: outcome.status, attempts: attempt };
    if (outcome.kind === 'rejected') return { ...outcome, attempts: attempt };
    last = outcome;
    if (options.signal?.aborted || attempt === attempts) break;
    if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > maxDelay) break; // the server asks for longer: leave it to the outbox
    await sleep(backoffDelay(attempt, options, outcome.retryAfterMs), options.signal);
  }
  return last?.retryAfterMs !== undefined
    ? { kind: 'failed', message: last.message, attempts: made, retryAfterMs: last.retryAfterMs }
    : { kind: 'failed', message: last?.message ?? 'Not delivered', attempts: made };
}
