import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBoolean, normalizeConsent, normalizeHidden } from './normalize-boolean.js';
import { cleanText } from './clean-text.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


const notBooleans = ['true', 'false', 'on', 'yes', '1', '', 1, 0, Number.NaN, {}, [], [true], new Boolean(true), 1n];

describe('normalizeBoolean', () => {
  it('gives true and false', () => {
    expect(normalizeBoolean(true)).toEqual({ ok: true, value: true });
    expect(normalizeBoolean(false)).toEqual({ ok: true, value: false });
  });

  it('reads nothing as empty, not as false', () => {
    expect(normalizeBoolean(undefined)).toEqual({ ok: true, value: undefined });
    expect(normalizeBoolean(null)).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a boolean, including its text and 0/1', () => {
    for (const raw of notBooleans) expect(normalizeBoolean(raw), String(raw)).toEqual({ ok: false, code: 'invalid_type' });
  });
});

describe('normalizeConsent', () => {
  it('gives true when ticked', () => {
    expect(normalizeConsent(true)).toEqual({ ok: true, value: true });
  });

  it('reads unticked and nothing as empty, so a required consent can be refused', () => {
    for (const raw of [false, undefined, null]) expect(normalizeConsent(raw)).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a boolean', () => {
    for (const raw of notBooleans) expect(normalizeConsent(raw), String(raw)).toEqual({ ok: false, code: 'invalid_type' });
  });
});

describe('normalizeHidden', () => {
  it('keeps a string exactly as it is', () => {
    for (const raw of ['utm-campaign-42', ' spaced ', 'Cafe\u0301', 'a\nb', '你好', '👍']) {
      expect(normalizeHidden(raw), raw).toEqual({ ok: true, value: raw });
    }
  });

  it('makes CRLF, CR, VT, FF and NEL a line feed, so no control character but tab and line feed stays', () => {
    expect(normalizeHidden('a\r\nb\rc\u000Bd\u000Ce\u0085f\tg\nh')).toEqual({ ok: true, value: 'a\nb\nc\nd\ne\nf\tg\nh' });
    expect(normalizeHidden('\r\n')).toEqual({ ok: true, value: '\n' });
    expect(normalizeHidden('a\r\u0000\nb')).toEqual({ ok: true, value: 'a\nb' });
  });

  it('turns numbers and booleans into strings', () => {
    expect(normalizeHidden(42)).toEqual({ ok: true, value: '42' });
    expect(normalizeHidden(-1.5)).toEqual({ ok: true, value: '-1.5' });
    expect(normalizeHidden(0)).toEqual({ ok: true, value: '0' });
    expect(normalizeHidden(true)).toEqual({ ok: true, value: 'true' });
    expect(normalizeHidden(false)).toEqual({ ok: true, value: 'false' });
  });

  it('reads nothing and the empty string as empty', () => {
    for (const raw of [undefined, null, '']) expect(normalizeHidden(raw)).toEqual({ ok: true, value: undefined });
  });

  it('refuses objects, arrays and other types', () => {
    for (const raw of [{}, ['a'], { toString: () => 'a' }, 1n, Symbol('a'), () => 'a', new Date(0)]) {
      expect(normalizeHidden(raw)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });
});

describe('boolean, consent and hidden properties', () => {
  const input = fc.oneof(fc.anything(), fc.boolean(), fc.string({ unit: 'binary' }), fc.double());

  it('never throw, whatever the input', () => {
    fc.assert(
      fc.property(input, (raw) => {
        expectWellFormed(normalizeBoolean(raw));
        expectWellFormed(normalizeConsent(raw));
        expectWellFormed(normalizeHidden(raw));
      }),
    );
  });

  it('boolean gives exactly the boolean it was given, and is idempotent', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const result = normalizeBoolean(raw);
        if (typeof raw === 'boolean') expect(result).toEqual({ ok: true, value: raw });
        else if (raw === undefined || raw === null) expect(result).toEqual({ ok: true, value: undefined });
        else expect(result).toEqual({ ok: false, code: 'invalid_type' });
        if (result.ok && result.value !== undefined) expect(normalizeBoolean(result.value)).toEqual(result);
      }),
    );
  });

  it('consent gives only true, and is idempotent', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const result = normalizeConsent(raw);
        if (result.ok && result.value !== undefined) {
          expect(result.value).toBe(true);
          expect(normalizeConsent(result.value)).toEqual(result);
        }
      }),
    );
  });

  it('hidden gives a non-empty string, and is idempotent', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const result = normalizeHidden(raw);
        if (result.ok && result.value !== undefined) {
          expect(typeof result.value).toBe('string');
          expect(result.value).not.toBe('');
          if (typeof raw === 'string') expect(result.value).toBe(cleanText(raw).replace(/\r\n?|[\u000B\u000C\u0085]/g, '\n'));
          expect(normalizeHidden(result.value)).toEqual(result);
        }
      }),
    );
  });
});
