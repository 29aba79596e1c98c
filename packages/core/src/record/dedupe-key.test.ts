import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseForm } from '../parse-form.js';
import { computeDedupeKey, dedupeSource } from './dedupe-key.js';

const parsed = parseForm({
  id: 'f',
  dedupe: ['phone', 'email'],
  fields: [
    { type: 'phone', name: 'phone', defaultCountry: 'CN' },
    { type: 'email', name: 'email' },
  ],
});
if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
const data = { phone: '+8613912345678', email: 'li.lei@example.com' };
let expected = '';
beforeAll(async () => {
  // WebCrypto's own digest of the source, as a receiver would compute it.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('["+8613912345678","li.lei@example.com"]'));
  expected = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
});

describe('computeDedupeKey', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the SHA-256 of the dedupe source, with WebCrypto', async () => {
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(dedupeSource(parsed.form.dedupe!, data)).toBe('["+8613912345678","li.lei@example.com"]');
    expect(await computeDedupeKey(parsed.form, data)).toBe(expected);
  });

  it('gives the same key without WebCrypto (a page on plain http), from @stablelib/sha256', async () => {
    vi.stubGlobal('crypto', {});
    expect(globalThis.crypto.subtle).toBe(undefined);
    expect(await computeDedupeKey(parsed.form, data)).toBe(expected);
  });

  it('gives node:crypto\'s digest without WebCrypto for sources around the 64-byte block edges and in Chinese', async () => {
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

  it('is null for a form without dedupe', async () => {
    const plain = parseForm({ id: 'g', fields: [{ type: 'text', name: 'company' }] });
    if (!plain.ok) throw new Error('does not parse');
    expect(await computeDedupeKey(plain.form, { company: 'Acme' })).toBe(null);
  });
});
