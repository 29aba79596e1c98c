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

  it('is null for a form without dedupe', async () => {
    const plain = parseForm({ id: 'g', fields: [{ type: 'text', name: 'company' }] });
    if (!plain.ok) throw new Error('does not parse');
    expect(await computeDedupeKey(plain.form, { company: 'Acme' })).toBe(null);
  });
});
