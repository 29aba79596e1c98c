/** What {@link readBody} read: the whole body, or the news that it is over the limit. */
export type ReadBodyResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: 'too_large' };

/**
 * Reads a request body up to `maxBytes`, counting the bytes as they arrive: a client whose
 * `Content-Length` lies, or who sends no length at all (chunked), still cannot make the receiver
 * hold more than `maxBytes + one chunk`. A declared length over the limit is refused before
 * reading anything.
 */
export async function readBody(request: Request, maxBytes: number): Promise<ReadBodyResult> {
  const declared = request.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too_large' };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
