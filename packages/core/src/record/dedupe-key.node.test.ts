import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseForm } from '../parse-form.js';
import { computeDedupeKey, dedupeSource } from './dedupe-key.js';

// The fallback SHA-256 (@stablelib/sha256, for pages without WebCrypto) against Node's OpenSSL.
describe('computeDedupeKey without WebCrypto', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the digest of node:crypto for sources around the 64-byte block edges and in Chinese', async () => {
    vi.stubGlobal('crypto', {});
    const form = parseForm({ id: 'g', dedupe: ['company'], fields: [{ type: 'text', name: 'company' }] });
    if (!form.ok) throw new Error('does not parse');
    // The source is `["<company>"]`: 4 bytes around the value, so these lengths cross 55/56/64/119/120 bytes.
    const values = [0, 1, 51, 52, 53, 59, 60, 61, 115, 116, 117, 500].map((n) => 'a'.repeat(n));
    values.push('上海浦东新区张江高科技园区', '😀'.repeat(40));
    for (const company of values) {
      const source = dedupeSource(['company'], { company });
      expect(await computeDedupeKey(form.form, { company }), company).toBe(createHash('sha256').update(source, 'utf8').digest('hex'));
    }
  });
});
