import type { IntakeRecord } from '../record/record.js';
import type { SubmitOptions } from '../schema/types.js';
import { encodeRecord } from './encode-record.js';

/** What one delivery attempt came to. */
export type PostOutcome =
  /** Any 2xx. */
  | { readonly kind: 'delivered'; readonly status: number }
  /**
   * A 4xx other than 408 and 429: the webhook refuses this record; sending it again will not help.
   * `code` is the answer's own, e.g. `origin_not_allowed` from `@intake/receiver`.
   */
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string; readonly issues?: readonly unknown[]; readonly code?: string }
  /** A network error, a timeout, 408, 429 or 5xx: worth trying again, after `retryAfterMs` if the server said so. */
  | { readonly kind: 'transient'; readonly status?: number; readonly message: string; readonly retryAfterMs?: number };

/** Options of {@link postRecord}. */
export interface PostOptions {
  /** The `fetch` to use (default the global one). */
  readonly fetch?: typeof fetch;
  /** Reshapes the payload for a webhook that expects its own format (default: the record as it is). */
  readonly beforeSend?: (record: IntakeRecord) => unknown;
  /** Aborts the attempt from outside (e.g. the page is closing). */
  readonly signal?: AbortSignal;
}

/** Default `submit.timeoutMs`. */
export const defaultTimeoutMs = 10_000;

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function serverMessage(response: Response): Promise<{ message: string; issues?: readonly unknown[]; code?: string; origin?: string }> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // an unreadable body: fall back to the status
  }
  try {
    const json = JSON.parse(text) as { message?: unknown; issues?: unknown; code?: unknown; origin?: unknown };
    const message = typeof json.message === 'string' ? json.message : '';
    const issues = Array.isArray(json.issues) ? json.issues : undefined;
    const extra = {
      ...(typeof json.code === 'string' ? { code: json.code } : {}),
      ...(typeof json.origin === 'string' ? { origin: json.origin } : {}),
    };
    if (message || issues) return issues ? { message: message || `HTTP ${response.status}`, issues, ...extra } : { message, ...extra };
  } catch {
    // not JSON: a short text body is the message
  }
  const short = text.trim();
  return { message: short && short.length <= 500 && !short.startsWith('<') ? short : `HTTP ${response.status} ${response.statusText}`.trim() };
}

/**
 * Makes one delivery attempt of a record to `submit.url` (docs/delivery.md) and classifies the answer.
 * Never throws for network problems: they come back as `transient`. The `json` format sends
 * `Idempotency-Key: <record.id>`; `text` and `form` are "simple" requests that need no CORS
 * preflight. A response the browser cannot read (CORS) counts as a network error.
 */
export async function postRecord(record: IntakeRecord, submit: SubmitOptions, options: PostOptions = {}): Promise<PostOutcome> {
  const format = submit.format ?? 'json';
  const payload = options.beforeSend ? options.beforeSend(record) : record;
  const { body, contentType } = encodeRecord(payload, format);
  const headers: Record<string, string> = { ...submit.headers, 'content-type': contentType };
  if (format === 'json') headers['idempotency-key'] = record.id;
  const timeout = new AbortController();
  const timeoutMs = submit.timeoutMs ?? defaultTimeoutMs;
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const abort = () => timeout.abort();
  options.signal?.addEventListener('abort', abort);
  try {
    const doFetch = options.fetch ?? fetch;
    // No `keepalive`: Chromium does not cancel a keepalive request when its signal aborts, so a timed-out
    // attempt would stay open beside its retry (and hung ones would pile up). A record survives the page
    // going away in the outbox instead (`Outbox.send`).
    const response = await doFetch(submit.url, { method: 'POST', headers, body, signal: timeout.signal, credentials: 'omit' });
    if (response.ok) {
      // Read the answer to its end rather than cancelling it: a cancelled body shows in DevTools as a
      // failed (ERR_ABORTED) request although the record was delivered (docs/delivery.md). The timeout
      // still bounds a server that never finishes; the record counts as delivered either way.
      try {
        await response.arrayBuffer();
      } catch {
        // the status already said delivered; an unfinished body changes nothing
      }
      return { kind: 'delivered', status: response.status };
    }
    const { message, issues, code, origin } = await serverMessage(response);
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      if (code === 'origin_not_allowed') {
        // The site owner's mistake, not the visitor's: say in the console what to change.
        console.error(
          `Intake: ${submit.url} refuses records from the origin ${origin ?? 'of this page'}. Add "${origin ?? '<this origin>'}" to the receiver's allowedOrigins ` +
            `(createHandler({ allowedOrigins: [...] })). The record is kept on this device (outbox.rejected()); see docs/receiving.md.`,
        );
      }
      const rejected = issues ? { kind: 'rejected' as const, status: response.status, message, issues } : { kind: 'rejected' as const, status: response.status, message };
      return code === undefined ? rejected : { ...rejected, code };
    }
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return retryAfterMs === undefined
      ? { kind: 'transient', status: response.status, message }
      : { kind: 'transient', status: response.status, message, retryAfterMs };
  } catch (error) {
    const timedOut = timeout.signal.aborted && !options.signal?.aborted;
    return { kind: 'transient', message: timedOut ? `No answer within ${timeoutMs} ms` : (error as Error).message || 'Network error' };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}
