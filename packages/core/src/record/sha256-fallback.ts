/** A synchronous SHA-256 of some bytes. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

/**
 * SHA-256 for pages without WebCrypto (plain http on a real host name is not a secure context, so
 * `crypto.subtle` is missing there): @stablelib/sha256, which gives the same digest. It is loaded
 * on demand, as its own chunk for bundler users, because almost every page has WebCrypto
 * (docs/schema.md, "Data loaded on demand"). The script-tag build replaces this module with one
 * that imports the same code as a content-hashed file from beside `intake.js`, and starts that load
 * as soon as the script runs on a page without WebCrypto.
 */
export function loadSha256(): Promise<Sha256> {
  return import('@stablelib/sha256').then((module) => module.hash);
}
