import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNumber, parseNumber, type NumberRules } from './normalize-number.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


const toFullWidth = (text: string) => text.replace(/[0-9+\-.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parseNumber', () => {
  it('reads plain decimal numbers', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('-42')).toBe(-42);
    expect(parseNumber('+42')).toBe(42);
    expect(parseNumber('3.25')).toBe(3.25);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('007')).toBe(7);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('2.5E-2')).toBe(0.025);
  });

  it('reads full-width digits, signs and points', () => {
    expect(parseNumber('１２３')).toBe(123);
    expect(parseNumber('－１２．５')).toBe(-12.5);
    expect(parseNumber('＋１，２００')).toBe(1200);
  });

  it('reads thousands separators only where they group by three', () => {
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('1,000,000')).toBe(1_000_000);
    expect(parseNumber('12,345.67')).toBe(12345.67);
    expect(parseNumber('-1,000')).toBe(-1000);
    expect(parseNumber('１，０００，０００')).toBe(1_000_000);
    expect(parseNumber('1,00')).toBeUndefined();
    expect(parseNumber('1,5')).toBeUndefined(); // a decimal comma is ambiguous: refused, never read as 15
    expect(parseNumber('1000,000')).toBeUndefined();
    expect(parseNumber(',100')).toBeUndefined();
    expect(parseNumber('1,000,')).toBeUndefined();
    expect(parseNumber('1,000.000,5')).toBeUndefined();
  });

  it('ignores spaces, including narrow no-break and ideographic spaces', () => {
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('1 000 000')).toBe(1_000_000);
    expect(parseNumber('1\u202F000')).toBe(1000);
    expect(parseNumber('１\u3000０００')).toBe(1000);
  });

  it('reads minus signs other than the hyphen', () => {
    expect(parseNumber('\u22125')).toBe(-5);
    expect(parseNumber('\u20135')).toBe(-5);
  });

  it('refuses what is not a finite decimal number', () => {
    for (const text of ['', 'abc', '12abc', '0x10', '0b11', '1e', 'e5', '--1', '+-1', '1-', '1.2.3', '.', 'Infinity', '-Infinity', 'NaN', '1e400', '9'.repeat(400), '½', '١٢٣', '一百']) {
      expect(parseNumber(text), text).toBeUndefined();
    }
  });
});

describe('normalizeNumber', () => {
  it('gives a JSON number for a number or a string', () => {
    expect(normalizeNumber(42)).toEqual({ ok: true, value: 42 });
    expect(normalizeNumber('42')).toEqual({ ok: true, value: 42 });
    expect(normalizeNumber('１,２００', { integer: true })).toEqual({ ok: true, value: 1200 });
    expect(normalizeNumber(' -0.5 ')).toEqual({ ok: true, value: -0.5 });
  });

  it('turns -0 into 0', () => {
    expect(Object.is((normalizeNumber(-0) as { value: number }).value, 0)).toBe(true);
    expect(Object.is((normalizeNumber('-0') as { value: number }).value, 0)).toBe(true);
    expect(Object.is((normalizeNumber('-0.0', { min: 0 }) as { value: number }).value, 0)).toBe(true);
  });

  it('refuses NaN and the infinities, as numbers or text', () => {
    for (const raw of [Number.NaN, Infinity, -Infinity, 'NaN', 'Infinity', '-Infinity', '1e999']) {
      expect(normalizeNumber(raw), String(raw)).toEqual({ ok: false, code: 'invalid_number' });
    }
  });

  it('refuses text that is not a number', () => {
    for (const raw of ['abc', '12 apples', '1,5', '0x1A', '$100', '100%']) {
      expect(normalizeNumber(raw), raw).toEqual({ ok: false, code: 'invalid_number' });
    }
  });

  it('reads nothing and blank text as empty', () => {
    for (const raw of [undefined, null, '', '   ', '\u3000']) {
      expect(normalizeNumber(raw), JSON.stringify(raw)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses values that are neither numbers nor strings', () => {
    for (const raw of [true, false, {}, [1], 1n, new Date(0)]) {
      expect(normalizeNumber(raw)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });

  it('refuses a fraction where a whole number is asked for', () => {
    expect(normalizeNumber('2.5', { integer: true })).toEqual({ ok: false, code: 'not_integer' });
    expect(normalizeNumber(2.5, { integer: true })).toEqual({ ok: false, code: 'not_integer' });
    expect(normalizeNumber('2.0', { integer: true })).toEqual({ ok: true, value: 2 });
    expect(normalizeNumber('1e3', { integer: true })).toEqual({ ok: true, value: 1000 });
  });

  it('checks min and max, both inclusive', () => {
    const rules: NumberRules = { min: 1, max: 10 };
    expect(normalizeNumber('0.99', rules)).toEqual({ ok: false, code: 'number_too_small', params: { min: 1 } });
    expect(normalizeNumber('1', rules)).toEqual({ ok: true, value: 1 });
    expect(normalizeNumber('10', rules)).toEqual({ ok: true, value: 10 });
    expect(normalizeNumber('10.01', rules)).toEqual({ ok: false, code: 'number_too_big', params: { max: 10 } });
    expect(normalizeNumber('-5', { max: -10 })).toEqual({ ok: false, code: 'number_too_big', params: { max: -10 } });
    expect(normalizeNumber('1,000,000', { max: 999_999 })).toMatchObject({ ok: false, code: 'number_too_big' });
  });

  it('checks step from min, or from 0 without a min', () => {
    expect(normalizeNumber('15', { step: 5 })).toEqual({ ok: true, value: 15 });
    expect(normalizeNumber('16', { step: 5 })).toEqual({ ok: false, code: 'step_mismatch', params: { step: 5 } });
    expect(normalizeNumber('-15', { step: 5 })).toEqual({ ok: true, value: -15 });
    expect(normalizeNumber('3', { min: 1, step: 2 })).toEqual({ ok: true, value: 3 });
    expect(normalizeNumber('4', { min: 1, step: 2 })).toEqual({ ok: false, code: 'step_mismatch', params: { step: 2 } });
  });

  it('tolerates binary rounding in decimal steps', () => {
    expect(normalizeNumber(0.1 + 0.2, { step: 0.1 })).toEqual({ ok: true, value: 0.1 + 0.2 });
    expect(normalizeNumber('19.99', { step: 0.01 })).toEqual({ ok: true, value: 19.99 });
    expect(normalizeNumber('1.15', { min: 0.05, step: 0.1 })).toEqual({ ok: true, value: 1.15 });
    expect(normalizeNumber('19.995', { step: 0.01 })).toMatchObject({ ok: false, code: 'step_mismatch' });
  });

  it('checks integer, then min, then max, then step', () => {
    expect(normalizeNumber('0.5', { integer: true, min: 1 })).toMatchObject({ code: 'not_integer' });
    expect(normalizeNumber('-1', { min: 0, step: 2 })).toMatchObject({ code: 'number_too_small' });
    expect(normalizeNumber('11', { max: 10, step: 2 })).toMatchObject({ code: 'number_too_big' });
  });
});

describe('number properties', () => {
  const rules: fc.Arbitrary<NumberRules> = fc
    .record(
      {
        min: fc.integer({ min: -1000, max: 1000 }),
        max: fc.integer({ min: -1000, max: 1000 }),
        step: fc.constantFrom(1, 2, 5, 0.5, 0.1, 0.01, 0.25, 3),
        integer: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((r) => (r.min !== undefined && r.max !== undefined && r.min > r.max ? { ...r, min: r.max, max: r.min } : r));
  const numberText = fc.oneof(
    fc.double().map(String),
    fc.integer().map((n) => n.toLocaleString('en-US')),
    fc.integer({ min: 0, max: 1e9 }).map((n) => toFullWidth(n.toLocaleString('en-US'))),
    fc.stringMatching(/^[+\-]?\d{0,6}(?:\.\d{0,4})?(?:[eE][+\-]?\d{1,3})?$/),
    fc.string({ unit: fc.constantFrom(...'0123456789,.-+e ', ...'０１２３４５６７８９，．－＋　') }),
  );

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), numberText, fc.string({ unit: 'binary' })), rules, (raw, numberRules) => {
        expectWellFormed(normalizeNumber(raw, numberRules));
      }),
    );
  });

  it('gives a finite number, never -0, within the rules', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), numberText), rules, (raw, numberRules) => {
        const result = normalizeNumber(raw, numberRules);
        if (!result.ok || result.value === undefined) return;
        const value = result.value;
        expect(typeof value).toBe('number');
        expect(Number.isFinite(value)).toBe(true);
        expect(Object.is(value, -0)).toBe(false);
        if (numberRules.integer) expect(Number.isInteger(value)).toBe(true);
        if (numberRules.min !== undefined) expect(value).toBeGreaterThanOrEqual(numberRules.min);
        if (numberRules.max !== undefined) expect(value).toBeLessThanOrEqual(numberRules.max);
      }),
    );
  });

  it('is idempotent under the same rules, from the number and from its text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), numberText), rules, (raw, numberRules) => {
        const first = normalizeNumber(raw, numberRules);
        if (!first.ok || first.value === undefined) return;
        expect(normalizeNumber(first.value, numberRules)).toEqual(first);
        expect(normalizeNumber(String(first.value), numberRules)).toEqual(first);
      }),
    );
  });

  it('reads the text of any finite number back to that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(normalizeNumber(String(n))).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('reads an integer the same with thousands separators, full-width digits and spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString('en-US');
        expect(normalizeNumber(grouped)).toEqual({ ok: true, value: n === 0 ? 0 : n });
        expect(normalizeNumber(toFullWidth(grouped))).toEqual({ ok: true, value: n === 0 ? 0 : n });
        expect(normalizeNumber(` ${grouped.replace(/,/g, ' ')}\u3000`)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('accepts exactly the multiples of step counted from min', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 20 }), (min, k, step) => {
        const result = normalizeNumber(min + k, { min: min - 1000, step });
        expect(result.ok).toBe((k + 1000) % step === 0);
      }),
    );
  });
});
