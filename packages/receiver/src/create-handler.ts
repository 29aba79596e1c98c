import { regionData } from '@intake/core/region-data';
import { checkRecord, currentRegionData, useRegionData, fillTemplate, formatSchemaIssues, isRecordId, parseForm, type Form, type IntakeRecord, type Issue, type Path, type RecordIssue } from '@intake/core';
import { canonicalRecord } from './canonical-record.js';
import { defaultAllowedHeaders, originPolicy, preflightMaxAgeSeconds, type AllowedOrigins } from './cors.js';
import { decodeFormRecord } from './decode-form-record.js';
import { jsonlStore } from './jsonl-store.js';
import { bodyFormat } from './media-type.js';
import { receiverMessages, type ReceiverIssueCode, type ReceiverMessages } from './messages.js';
import { readBody } from './read-body.js';
import type { RecordStore } from './record-store.js';

/** A Fetch-standard request handler: runs on Node (through `toNodeListener`), Deno, Bun and workers. */
export type IntakeHandler = (request: Request) => Promise<Response>;

/** Options of {@link createHandler}. */
export interface HandlerOptions {
  /**
   * The form whose records this endpoint receives: its JSON (an object or JSON text) or a form
   * already checked by `parseForm`. An invalid schema throws when the handler is created.
   */
  readonly schema: Form | string | Readonly<Record<string, unknown>>;
  /** Where records go. Default `jsonlStore()`: the file `intake-records.jsonl` in the working directory. */
  readonly store?: RecordStore;
  /**
   * Browser origins allowed to post (and granted CORS): `'*'`, a list such as
   * `['https://www.example.com']`, or a predicate. Requests without an `Origin` header (servers,
   * curl) are always allowed. Default `[]`: no browser origin.
   */
  readonly allowedOrigins?: AllowedOrigins;
  /** The largest body accepted, in bytes; larger ones get 413. Default 65536 (64 KiB). */
  readonly maxBodyBytes?: number;
  /** Records filled in faster than this many milliseconds are dropped as spam (202). Default 1500; 0 turns the check off. */
  readonly minFillMs?: number;
  /**
   * Request headers browsers may send besides `content-type` and `idempotency-key`, e.g. those
   * the form adds through `submit.headers` (`['authorization']`).
   */
  readonly allowedHeaders?: readonly string[];
  /** Called with errors of the store (the request is answered 500). Default `console.error`. */
  readonly onError?: (error: unknown) => void;
}

/** A problem the receiver reports in a 422 answer: the issues of `checkRecord` and its own. */
export type ReceiverIssue = RecordIssue | Issue<ReceiverIssueCode>;

/** The body of every answer of the handler: `{ message }`, plus `id` or `issues` where they apply. */
export interface HandlerAnswer {
  readonly message: string;
  readonly id?: string;
  /** At most 50 issues (`checkRecord`'s `maxIssues`). */
  readonly issues?: readonly ReceiverIssue[];
  /** How many issues were found, when that is more than `issues` holds. */
  readonly issueCount?: number;
  /** A machine-readable reason: `origin_not_allowed` on the 403 to a browser origin not in `allowedOrigins`. */
  readonly code?: string;
  /** The refused origin, with `code: 'origin_not_allowed'`. */
  readonly origin?: string;
}

/** How long a browser may cache the preflight of an origin that is refused: short, so adding it to `allowedOrigins` takes effect soon. */
const refusedPreflightMaxAgeSeconds = 60;

/** The default of {@link HandlerOptions.maxBodyBytes}. */
export const defaultMaxBodyBytes = 64 * 1024;
/** The default of {@link HandlerOptions.minFillMs} (docs/delivery.md). */
export const defaultMinFillMs = 1500;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`createHandler: ${name} must be a number ≥ 0, got ${String(value)}`);
  }
  return value;
}

function resolveForm(schema: unknown): Form {
  if (schema === undefined || schema === null) {
    throw new TypeError('createHandler: pass the form as `schema` (its JSON, or the form from parseForm)');
  }
  const parsed = parseForm(schema);
  if (!parsed.ok) {
    throw new Error(`createHandler: the schema is not a valid Intake form:\n${formatSchemaIssues(parsed.issues)}`);
  }
  return parsed.form;
}

/** The first language of `Accept-Language`, for answers given before the record is read. */
function requestLocale(request: Request): string | undefined {
  return request.headers.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim() || undefined;
}

/** `%XX` escapes that do not decode to UTF-8 (`%FF`): URLSearchParams would turn them into U+FFFD silently. */
function hasBadEscapes(text: string): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const run of text.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []) {
    const bytes = new Uint8Array(run.length / 3);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = parseInt(run.slice(index * 3 + 1, index * 3 + 3), 16);
    try {
      decoder.decode(bytes);
    } catch {
      return true;
    }
  }
  return false;
}

function issue(messages: ReceiverMessages, code: ReceiverIssueCode, path: Path, params: Record<string, string | number> = {}): Issue<ReceiverIssueCode> {
  return { code, path, message: fillTemplate(messages.issues[code], params), ...(Object.keys(params).length ? { params } : {}) };
}

/**
 * Creates the webhook endpoint of docs/receiving.md for one form: a Fetch-standard
 * `(request) => Promise<Response>`.
 *
 * The handler is transport only: origin, size, media type, decoding, spam and store; the record
 * itself is judged by the core's `checkRecord` (docs/receiving.md). For a POST it checks, in
 * order: the origin (403 `{ message, code: 'origin_not_allowed', origin }`, readable by that
 * origin so its page does not take it for a network error), the content type (415:
 * `application/json`, `text/plain` with the same JSON, or `application/x-www-form-urlencoded`),
 * the size (413, by `Content-Length` and by counting the bytes read), the body (422 for bytes
 * that are not UTF-8, a `%XX` escape that does not decode, bad JSON or an `Idempotency-Key` that
 * is not the record id), spam (202 and nothing stored for a filled honeypot or a fill faster
 * than `minFillMs`), a repeat of a stored id (200; only a lower-case v4 UUID is looked up), the
 * record with `checkRecord` (422 `{ message, issues, issueCount? }`, at most 50 issues), and
 * finally stores it (201, or 200 when a concurrent request stored it first). It answers CORS
 * preflights, grants CORS on every answer to allowed origins (errors included, so the form can
 * show the reason), and answers 405 to methods other than POST and OPTIONS.
 *
 * Messages are in the record's locale (English or Chinese), else in the request's
 * `Accept-Language`. A record is stored with its keys in one canonical order, so it is stored the
 * same whichever format it came in.
 *
 * @example
 * // Deno.serve(handler), Bun.serve({ fetch: handler }), or on Node:
 * import { createHandler, jsonlStore } from '@intake/receiver';
 * import { createNodeServer } from '@intake/receiver/node';
 * import form from './crm-lead.json' with { type: 'json' };
 *
 * const handler = createHandler({ schema: form, store: jsonlStore({ path: 'data/crm-lead.jsonl' }), allowedOrigins: ['https://www.example.com'] });
 * createNodeServer(handler).listen(8787);
 */
export function createHandler(options: HandlerOptions): IntakeHandler {
  if (!isObject(options)) throw new TypeError('createHandler: pass an options object, e.g. createHandler({ schema })');
  // A receiver always checks region values: codes and names against the full data set.
  if (!currentRegionData()) useRegionData(regionData);
  const form = resolveForm(options.schema);
  const store = options.store ?? jsonlStore();
  if (typeof store.has !== 'function' || typeof store.put !== 'function') {
    throw new TypeError('createHandler: store must implement has(id) and put(record) (see RecordStore)');
  }
  const maxBodyBytes = checkNumber('maxBodyBytes', options.maxBodyBytes, defaultMaxBodyBytes);
  const minFillMs = checkNumber('minFillMs', options.minFillMs, defaultMinFillMs);
  const isAllowed = originPolicy(options.allowedOrigins ?? []);
  const allowHeaders = [...new Set([...defaultAllowedHeaders, ...(options.allowedHeaders ?? []).map((name) => name.toLowerCase())])].join(', ');
  const onError = options.onError ?? ((error: unknown) => console.error('@intake/receiver:', error));

  return async function handle(request: Request): Promise<Response> {
    const origin = request.headers.get('origin');
    const granted = origin !== null && isAllowed(origin);
    // A refused origin may still read its refusal: otherwise the page sees a network error and
    // believes it is offline (docs/receiving.md). It is granted nothing else: no record is read.
    const readable = origin !== null;
    const answer = (status: number, body: HandlerAnswer | null, headers: Record<string, string> = {}): Response => {
      const all = new Headers(headers);
      all.set('vary', 'Origin');
      all.set('cache-control', 'no-store');
      if (readable) all.set('access-control-allow-origin', origin);
      if (body === null) return new Response(null, { status, headers: all });
      all.set('content-type', 'application/json; charset=utf-8');
      return new Response(JSON.stringify(body), { status, headers: all });
    };
    let messages = receiverMessages(requestLocale(request));

    if (request.method === 'OPTIONS') {
      const preflight: Record<string, string> = { allow: 'POST, OPTIONS' };
      if (readable) {
        preflight['access-control-allow-methods'] = 'POST';
        // A refused origin's POST must get through the preflight to be answered its 403: let it
        // send the headers it asks for (they are never used, the body is not even read).
        preflight['access-control-allow-headers'] = granted ? allowHeaders : (request.headers.get('access-control-request-headers') ?? allowHeaders);
        preflight['access-control-max-age'] = String(granted ? preflightMaxAgeSeconds : refusedPreflightMaxAgeSeconds);
      }
      return answer(204, null, preflight);
    }
    if (origin !== null && !granted) {
      request.body?.cancel().catch(() => undefined);
      return answer(403, { message: fillTemplate(messages.originNotAllowed, { origin }), code: 'origin_not_allowed', origin });
    }
    if (request.method !== 'POST') {
      request.body?.cancel().catch(() => undefined);
      return answer(405, { message: fillTemplate(messages.methodNotAllowed, { method: request.method }) }, { allow: 'POST, OPTIONS' });
    }

    const contentType = request.headers.get('content-type');
    const format = bodyFormat(contentType);
    if (!format) {
      request.body?.cancel().catch(() => undefined);
      return answer(415, { message: fillTemplate(messages.unsupportedType, { type: contentType ?? '' }) }, { accept: 'application/json, text/plain, application/x-www-form-urlencoded' });
    }
    let body: Awaited<ReturnType<typeof readBody>>;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch {
      // The client went away mid-body (or the server's request timeout ended it): nobody reads this.
      return answer(400, { message: messages.invalidRecord });
    }
    if (!body.ok) return answer(413, { message: fillTemplate(messages.tooLarge, { max: maxBodyBytes }) });

    const invalid = (issues: readonly ReceiverIssue[]) => answer(422, { message: messages.invalidRecord, issues });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    } catch {
      return invalid([issue(messages, 'invalid_encoding', [])]);
    }
    let received: unknown;
    if (format === 'form') {
      if (hasBadEscapes(text)) return invalid([issue(messages, 'invalid_encoding', [])]);
      // A raw line break cannot be part of a url-encoded value: it is a tool's trailing newline (curl -d @file).
      received = decodeFormRecord(form, new URLSearchParams(text.replace(/[\r\n]+$/, '')));
    } else {
      try {
        received = JSON.parse(text) as unknown;
      } catch (error) {
        return invalid([issue(messages, 'invalid_json', [], { detail: (error as Error).message })]);
      }
    }
    if (!isObject(received)) return invalid([issue(messages, 'invalid_type', [])]);
    const locale = typeof received['locale'] === 'string' ? received['locale'] : requestLocale(request);
    messages = receiverMessages(locale);

    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null && idempotencyKey !== received['id']) {
      return invalid([issue(messages, 'idempotency_key_mismatch', ['id'], { key: idempotencyKey })]);
    }

    // Spam is dropped before anything else is looked at: a bot learns nothing and costs no store call.
    const context = isObject(received['context']) ? received['context'] : {};
    const fillMs = context['fillMs'];
    if (context['honeypot'] !== undefined || (typeof fillMs === 'number' && fillMs < minFillMs)) {
      return answer(202, { message: messages.accepted });
    }

    const id = received['id'];
    try {
      // A retry of a stored record is a success even if the form has changed since. Only a
      // well-formed id is looked up: nothing else reaches the store (docs/receiving.md).
      if (isRecordId(id) && (await store.has(id))) return answer(200, { message: messages.repeat, id });
    } catch (error) {
      onError(error);
      return answer(500, { message: messages.storeFailed });
    }

    // The core judges the record (docs/receiving.md): the handler only carries it.
    const check = await checkRecord(received, form, locale ? { locale } : {});
    if (!check.ok) {
      return answer(422, { message: messages.invalidRecord, issues: check.issues, ...(check.issueCount > check.issues.length ? { issueCount: check.issueCount } : {}) });
    }

    const record = canonicalRecord(form, received as unknown as IntakeRecord);
    try {
      const result = await store.put(record);
      return result === 'stored' ? answer(201, { message: messages.stored, id: record.id }) : answer(200, { message: messages.repeat, id: record.id });
    } catch (error) {
      onError(error);
      return answer(500, { message: messages.storeFailed });
    }
  };
}
