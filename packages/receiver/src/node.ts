/**
 * @intake/receiver/node: serves a Fetch-standard handler on `node:http`.
 * @packageDocumentation
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A `node:http` request listener, as `createServer` (and Express, Connect, Fastify's `raw`) take. */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Called with an error thrown by the handler (answered 500) or met while writing the answer. Default `console.error`. */
  readonly onError?: (error: unknown) => void;
  /**
   * Called, instead of `onError`, for each request whose client went away (or was timed out by the
   * server) before its answer was sent: count them, they are not errors of yours. Default: nothing.
   */
  readonly onAbort?: (request: IncomingMessage) => void;
  /**
   * After an answer given before the whole body arrived (413, 403, 415), how many more bytes of the
   * body are read and dropped so the client, still sending, can read that answer (closing at once
   * makes it see a broken connection, which browsers retry). Default 100 MiB.
   */
  readonly maxDrainBytes?: number;
  /** How long the rest of such a body is read, in milliseconds, before the connection is closed. Default 10 000. */
  readonly drainTimeoutMs?: number;
}

/** Options of {@link createNodeServer}: those of {@link toNodeListener} and the server's time limits. */
export interface NodeServerOptions extends NodeListenerOptions {
  /** The longest a client may take to send a whole request (headers and body), in ms. Default 30 000. */
  readonly requestTimeout?: number;
  /** The longest a client may take to send the request headers, in ms. Default 15 000. */
  readonly headersTimeout?: number;
}

/** The default of {@link NodeServerOptions.requestTimeout}. */
export const defaultRequestTimeoutMs = 30_000;
/** The default of {@link NodeServerOptions.headersTimeout}. */
export const defaultHeadersTimeoutMs = 15_000;

/** How much of the request body is read ahead of the handler, in bytes. */
const bodyHighWaterMark = 64 * 1024;

/**
 * A web stream of the request body that follows the handler's pace (the socket is paused while
 * the handler does not read). `discard` stops it and drops the rest, once the answer is sent.
 */
function bodyStream(request: IncomingMessage): { stream: ReadableStream<Uint8Array>; discard: () => void } {
  let done = false;
  const discard = () => {
    if (done) return;
    done = true;
    request.resume(); // flowing with nobody enqueueing: the rest is dropped
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on('data', (chunk: Uint8Array) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) request.pause();
        });
        request.once('end', () => {
          if (done) return;
          done = true;
          controller.close();
        });
        request.once('error', (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
        request.once('close', () => {
          if (done) return;
          done = true;
          controller.error(new Error('The client closed the connection before the request body was complete'));
        });
      },
      pull() {
        if (!done) request.resume();
      },
      cancel() {
        discard();
      },
    },
    { highWaterMark: bodyHighWaterMark, size: (chunk) => chunk.byteLength },
  );
  return { stream, discard };
}

function requestUrl(request: IncomingMessage): string {
  const scheme = (request.socket as TLSSocket).encrypted ? 'https' : 'http';
  try {
    return new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(request.url?.startsWith('/') ? request.url : '/', `${scheme}://localhost`).href;
  }
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!;
    if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers
    try {
      headers.append(name, raw[index + 1]!);
    } catch {
      // a header value the Fetch standard refuses: leave it out
    }
  }
  return headers;
}

function waitForDrain(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.once('drain', done);
    response.once('close', done);
  });
}

/** Reads and drops the rest of a request body, up to `maxBytes` or `timeoutMs`; resolves when done. */
function drain(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let bytes = 0;
    const finish = () => {
      clearTimeout(timer);
      request.off('data', count);
      request.off('end', finish);
      request.off('close', finish);
      resolve();
    };
    const count = (chunk: Uint8Array) => {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    request.on('data', count);
    request.once('end', finish);
    request.once('close', finish);
    request.resume();
  });
}

async function writeResponse(answer: Response, request: IncomingMessage, response: ServerResponse, limits: { maxDrainBytes: number; drainTimeoutMs: number }): Promise<void> {
  if (response.destroyed) {
    answer.body?.cancel().catch(() => undefined);
    return;
  }
  response.statusCode = answer.status;
  if (answer.statusText) response.statusMessage = answer.statusText;
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
  // An answer given before the whole body arrived (413, 403): sent whole at once (its length
  // known), then the rest of the body is read and dropped, within limits, before the connection
  // closes. Closing at once would reset a connection the client is still writing to, and it would
  // see a network error instead of the answer.
  if (!request.complete) {
    response.setHeader('connection', 'close');
    const bytes = request.method === 'HEAD' || !answer.body ? new Uint8Array(0) : new Uint8Array(await answer.arrayBuffer());
    response.setHeader('content-length', String(bytes.byteLength));
    response.write(bytes);
    await drain(request, limits.maxDrainBytes, limits.drainTimeoutMs);
    response.end();
    return;
  }
  if (!answer.body || request.method === 'HEAD') {
    answer.body?.cancel().catch(() => undefined);
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) {
        await reader.cancel();
        return;
      }
      if (!response.write(value)) await waitForDrain(response);
    }
    response.end();
  } catch (error) {
    reader.cancel(error).catch(() => undefined);
    throw error;
  }
}

/**
 * Turns a Fetch-standard handler (such as the one `createHandler` returns) into a `node:http`
 * request listener. The request body is streamed to the handler (so its size limit holds while
 * reading), the answer's body is streamed back with back-pressure, and the request's `signal`
 * aborts when the client goes away. An error thrown by the handler is answered 500 and reported
 * to `onError`; the server keeps running.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createHandler } from '@intake/receiver';
 * import { toNodeListener } from '@intake/receiver/node';
 *
 * createServer(toNodeListener(createHandler({ schema }))).listen(8787);
 */
export function toNodeListener(
  handler: (request: Request) => Response | Promise<Response>,
  options: NodeListenerOptions = {},
): NodeRequestListener {
  const onError = options.onError ?? ((error: unknown) => console.error('@intake/receiver/node:', error));
  const limits = { maxDrainBytes: options.maxDrainBytes ?? 100 * 1024 * 1024, drainTimeoutMs: options.drainTimeoutMs ?? 10_000 };

  return (request, response) => {
    const abort = new AbortController();
    response.once('close', () => {
      if (response.writableFinished) return;
      abort.abort();
      options.onAbort?.(request);
    });
    const method = request.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD' && (request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined);
    const body = hasBody ? bodyStream(request) : undefined;

    const serve = async () => {
      let answer: Response;
      try {
        const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(request), signal: abort.signal };
        if (body) {
          init.body = body.stream;
          init.duplex = 'half';
        }
        answer = await handler(new Request(requestUrl(request), init));
      } catch (error) {
        if (abort.signal.aborted) return; // the client is gone: counted by onAbort, not an error
        onError(error);
        if (response.headersSent) {
          response.destroy();
          return;
        }
        if (!request.complete) response.setHeader('connection', 'close');
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end(JSON.stringify({ message: 'Internal Server Error' }));
        return;
      }
      try {
        await writeResponse(answer, request, response, limits);
      } catch (error) {
        if (!abort.signal.aborted) onError(error);
        response.destroy();
      }
    };
    void serve().finally(() => body?.discard());
  };
}

/**
 * A `node:http` server for a handler, with time limits for hostile clients: a request must be
 * sent whole within `requestTimeout` (default 30 s) and its headers within `headersTimeout`
 * (default 15 s), instead of Node's 300 s; the server then answers 408 and closes the connection.
 * Clients that go away are passed to `onAbort` (count them), not logged as errors. The server is
 * returned unstarted: call `listen`.
 *
 * @example
 * import { createHandler } from '@intake/receiver';
 * import { createNodeServer } from '@intake/receiver/node';
 *
 * let aborted = 0;
 * createNodeServer(createHandler({ schema }), { onAbort: () => (aborted += 1) }).listen(8787);
 */
export function createNodeServer(handler: (request: Request) => Response | Promise<Response>, options: NodeServerOptions = {}): Server {
  const requestTimeout = options.requestTimeout ?? defaultRequestTimeoutMs;
  const headersTimeout = Math.min(options.headersTimeout ?? defaultHeadersTimeoutMs, requestTimeout || Number.POSITIVE_INFINITY);
  // Node checks the time limits every `connectionsCheckingInterval` (30 s by default): check
  // often enough that a limit of a few seconds holds.
  const connectionsCheckingInterval = Math.max(250, Math.min(2000, Math.floor(Math.min(requestTimeout || 2000, headersTimeout) / 4)));
  return createServer({ requestTimeout, headersTimeout, connectionsCheckingInterval }, toNodeListener(handler, options));
}
