import type { FieldValue } from '../normalize/normalize-field.js';
import type { Form } from '../schema/types.js';
import { loadSha256 } from './sha256-fallback.js';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The text that is hashed into a dedupe key: `JSON.stringify(dedupe.map(f => data[f] ?? null))`.
 * A receiver can rebuild it from a record to recompute the key.
 */
export function dedupeSource(dedupe: readonly string[], data: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(dedupe.map((name) => (Object.prototype.hasOwnProperty.call(data, name) ? (data[name] ?? null) : null)));
}

/**
 * The record's `dedupeKey`: lower-case hex SHA-256 of {@link dedupeSource}, or `null` when the
 * form has no `dedupe`. Uses WebCrypto; pages on plain http (no `crypto.subtle`) load
 * @stablelib/sha256 on demand (./sha256-fallback.ts), which gives the same digest.
 *
 * @example
 * await computeDedupeKey(form, { phone: '+8613912345678' }); // '5e1f…' (64 hex digits)
 */
export async function computeDedupeKey(form: Form, data: Readonly<Record<string, FieldValue | undefined>>): Promise<string | null> {
  if (!form.dedupe) return null;
  const bytes = new TextEncoder().encode(dedupeSource(form.dedupe, data));
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return hex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  const sha256 = await loadSha256();
  return hex(sha256(bytes));
}
