import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize-email.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


const invalid = { ok: false, code: 'invalid_email' };

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail(' Li.Lei@Example.COM ')).toEqual({ ok: true, value: 'li.lei@example.com' });
    expect(normalizeEmail('\u3000ANN@EXAMPLE.ORG\n')).toEqual({ ok: true, value: 'ann@example.org' });
  });

  it('applies NFKC, so full-width input works', () => {
    expect(normalizeEmail(' Li.Lei＠Example.COM ')).toEqual({ ok: true, value: 'li.lei@example.com' });
    expect(normalizeEmail('ｌｉｌｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual({ ok: true, value: 'lilei@example.com' });
    expect(normalizeEmail('ＬＩＬＥＩ＠ＱＱ．ＣＯＭ')).toEqual({ ok: true, value: 'lilei@qq.com' });
    expect(normalizeEmail('\uFB01nance@example.com')).toEqual({ ok: true, value: 'finance@example.com' });
  });

  it('is stable when lower-casing leaves a letter and a mark that compose (H + U+0331)', () => {
    // 'H\u0331' has no precomposed form; lower-cased it is 'h\u0331', which NFKC composes to 'ẖ'.
    const first = normalizeEmail('H\u0331@example.com');
    expect(first).toEqual({ ok: true, value: '\u1E96@example.com' });
    expect(normalizeEmail('h\u0331@example.com')).toEqual(first);
    // İ with a mark below: lower-cased to i + U+0307 + mark, which NFKC reorders.
    const dotted = normalizeEmail('\u0130\u0316@example.com');
    expect(dotted).toEqual({ ok: true, value: 'i\u0316\u0307@example.com' });
    expect(normalizeEmail((dotted as { value: string }).value)).toEqual(dotted);
  });

  it('accepts common real addresses', () => {
    for (const email of [
      'ann@example.com',
      'ann.lee+crm@example.co.uk',
      'first_last-1@sub.mail.example.com',
      "o'brien@example.ie",
      'x@example.museum',
      '1234567@qq.com',
      'user@xn--fsqu00a.xn--fiqs8s',
    ]) {
      expect(normalizeEmail(email), email).toEqual({ ok: true, value: email });
    }
  });

  it('accepts internationalized addresses in any script', () => {
    expect(normalizeEmail('张三@例子.中国')).toEqual({ ok: true, value: '张三@例子.中国' });
    expect(normalizeEmail('ÜSER@BÜCHER.DE')).toEqual({ ok: true, value: 'üser@bücher.de' });
    expect(normalizeEmail('Δοκιμή@Παράδειγμα.ΔΟΚΙΜΉ')).toEqual({ ok: true, value: 'δοκιμή@παράδειγμα.δοκιμή' });
  });

  it('refuses implausible addresses', () => {
    for (const email of [
      'plainaddress',
      '@example.com',
      'ann@',
      'ann@example',
      'ann@@example.com',
      'ann@bob@example.com',
      'ann lee@example.com',
      'ann@exam ple.com',
      '.ann@example.com',
      'ann.@example.com',
      'ann..lee@example.com',
      'ann@.example.com',
      'ann@example..com',
      'ann@example.com.',
      'ann@-example.com',
      'ann@example-.com',
      'ann@example.c',
      'ann@example.123',
      'ann@exa_mple.com',
      '"ann"@example.com',
      'ann(comment)@example.com',
      'ann,bob@example.com',
      'ann;bob@example.com',
      'ann<bob>@example.com',
      'ann[1]@example.com',
      'ann\\x@example.com',
      'ann:x@example.com',
      'ann@[192.168.0.1]',
      'ann@192.168.0.1',
      'mailto:ann@example.com',
      'Ann <ann@example.com>',
    ]) {
      expect(normalizeEmail(email), email).toEqual(invalid);
    }
  });

  it('refuses control characters in the local part', () => {
    expect(normalizeEmail('ann\u0000@example.com')).toEqual(invalid);
    expect(normalizeEmail('an\u0008n@example.com')).toEqual(invalid);
    expect(normalizeEmail('ann\u0085@example.com')).toEqual(invalid);
  });

  it('limits the local part to 64 characters, labels to 63 and the address to 254', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@example.com`)).toMatchObject({ ok: true });
    expect(normalizeEmail(`${'a'.repeat(65)}@example.com`)).toEqual(invalid);
    expect(normalizeEmail(`ann@${'b'.repeat(63)}.com`)).toMatchObject({ ok: true });
    expect(normalizeEmail(`ann@${'b'.repeat(64)}.com`)).toEqual(invalid);
    const host = (last: number) => [63, 63, 63, last].map((n) => 'c'.repeat(n)).join('.') + '.com';
    expect(`ann@${host(54)}`).toHaveLength(254);
    expect(normalizeEmail(`ann@${host(54)}`)).toMatchObject({ ok: true });
    expect(normalizeEmail(`ann@${host(55)}`)).toEqual(invalid);
  });

  it('reads nothing and blank input as empty', () => {
    for (const raw of [undefined, null, '', '   ', '\u3000', '\n']) {
      expect(normalizeEmail(raw), JSON.stringify(raw)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses values that are not strings', () => {
    for (const raw of [1, true, {}, ['ann@example.com'], new Date(0)]) {
      expect(normalizeEmail(raw)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });
});

describe('email properties', () => {
  const label = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/),
    fc.constantFrom('Example', 'ＥＸＡＭＰＬＥ', 'bücher', 'БЮРО', 'ΣΊΣΥΦΟΣ', 'İstanbul', 'STRASSE', 'ẞtraße', '例子', 'ǅungla'),
  );
  const tld = fc.constantFrom('com', 'COM', 'de', 'ｃｏｍ', '中国', 'ΕΛ', 'xn--fiqs8s', 'рф');
  const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, top]) => [...labels, top].join('.'));
  // The local part is almost anything: the hard cases for NFKC and case mapping live here.
  const localPart = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.string({
      unit: fc.constantFrom('H', 'I', 'İ', 'Σ', 'ẞ', 'ǅ', 'K', 'Ω', '\u0331', '\u0316', '\u0307', '\u0301', '\u0345', 'a', '.', '+'),
      minLength: 1,
      maxLength: 8,
    }),
  );
  const address = fc
    .tuple(localPart, fc.constantFrom('@', '＠'), domain, fc.constantFrom('', ' ', '\u3000'))
    .map(([user, at, host, pad]) => `${pad}${user}${at}${host}${pad}`);

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), address), (raw) => {
        expectWellFormed(normalizeEmail(raw));
      }),
    );
  });

  it('accepts some of the generated addresses (so the next properties test something)', () => {
    const accepted = fc.sample(address, { numRuns: 300, seed: 42 }).filter((raw) => normalizeEmail(raw).ok);
    expect(accepted.length).toBeGreaterThan(100);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(address, fc.string({ unit: 'binary' })), (raw) => {
        const first = normalizeEmail(raw);
        if (first.ok && first.value !== undefined) expect(normalizeEmail(first.value)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a lower-case, NFKC, trimmed address with one @ and a dotted domain', () => {
    fc.assert(
      fc.property(address, (raw) => {
        const result = normalizeEmail(raw);
        if (!result.ok || result.value === undefined) return;
        const value = result.value;
        expect(value.toLowerCase()).toBe(value);
        expect(value.normalize('NFKC')).toBe(value);
        expect(value).not.toMatch(/\s/);
        expect(value.split('@')).toHaveLength(2);
        expect(value).toMatch(/^[^@]+@[^@.]+(?:\.[^@.]+)+$/);
      }),
    );
  });

  it('does not depend on case or full-width forms of the input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,10}@[a-z0-9]{1,10}\.[a-z]{2,5}$/), (raw) => {
        const expected = normalizeEmail(raw);
        const fullWidth = raw.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(normalizeEmail(raw.toUpperCase())).toEqual(expected);
        expect(normalizeEmail(fullWidth)).toEqual(expected);
      }),
    );
  });
});
