/**
 * @intake/receiver/node: serves a Fetch-standard handler on `node:http`.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A `node:http` request listener, as `createServer` (and Express, Connect, Fastify's `raw`) take. */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Called with an error thrown by the handler (answered 500) or met while writing the answer. Default `console.error`. */
  readonly onError?: (error: unknown) => void;
}

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

async function writeResponse(answer: Response, request: IncomingMessage, response: ServerResponse): Promise<void> {
  response.statusCode = answer.status;
  if (answer.statusText) response.statusMessage = answer.statusText;
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
  // An answer given before the whole body arrived (413, 403): close the connection after it
  // rather than read the rest of a body nobody wants.
  if (!request.complete) response.setHeader('connection', 'close');
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

  return (request, response) => {
    const abort = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) abort.abort();
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
        await writeResponse(answer, request, response);
      } catch (error) {
        onError(error);
        response.destroy();
      }
    };
    void serve().finally(() => body?.discard());
  };
}
