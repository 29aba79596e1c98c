/**
 * A random (version 4) UUID. Uses `crypto.getRandomValues`, which, unlike `crypto.randomUUID`,
 * also exists on pages served over plain http (a booth tablet on a local network).
 */
export function uuidV4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether a value is a record id: a version 4 UUID in lower case, as {@link uuidV4} makes it.
 * Upper case is refused: `A1…` and `a1…` would be two ids for one record (docs/receiving.md).
 */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value);
}
