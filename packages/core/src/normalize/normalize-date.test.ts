import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDateMax, defaultDateMin, isRealDate, normalizeDate, parseDate, type DateRules } from './normalize-date.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


const toFullWidth = (text: string) => text.replace(/[0-9\-/.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Whether the calendar of `Date` (proleptic Gregorian) has this day: an oracle independent of isRealDate. */
function dateHasDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const invalidDate = (example = '2026-01-31') => ({ ok: false, code: 'invalid_date', params: { example } });

describe('normalizeDate', () => {
  it('keeps YYYY-MM-DD', () => {
    expect(normalizeDate('2026-11-23')).toEqual({ ok: true, value: '2026-11-23' });
    expect(normalizeDate(' 2026-01-05\n')).toEqual({ ok: true, value: '2026-01-05' });
  });

  it('reads the common written forms and pads month and day', () => {
    for (const typed of ['2026/1/5', '2026-1-5', '2026.1.5', '2026/01/05', '2026年1月5日', '2026年01月05日', '2026年1月5', '2026 年 1 月 5 日', '2026 / 1 / 5']) {
      expect(normalizeDate(typed), typed).toEqual({ ok: true, value: '2026-01-05' });
    }
  });

  it('reads full-width digits and separators', () => {
    expect(normalizeDate('２０２６年１月５日')).toEqual({ ok: true, value: '2026-01-05' });
    expect(normalizeDate('２０２６－１１－２３')).toEqual({ ok: true, value: '2026-11-23' });
    expect(normalizeDate('２０２６／１／５')).toEqual({ ok: true, value: '2026-01-05' });
    expect(normalizeDate('２０２６．１２．３１')).toEqual({ ok: true, value: '2026-12-31' });
  });

  it('knows 29 February only in leap years', () => {
    expect(normalizeDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(normalizeDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(normalizeDate('2028年2月29日')).toEqual({ ok: true, value: '2028-02-29' });
    expect(normalizeDate('2026-02-29')).toEqual(invalidDate());
    expect(normalizeDate('1900-02-29')).toEqual(invalidDate());
    expect(normalizeDate('2100-02-29')).toEqual(invalidDate());
    expect(normalizeDate('2024-02-30')).toEqual(invalidDate());
  });

  it('refuses days and months that do not exist', () => {
    for (const typed of ['2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31']) {
      expect(normalizeDate(typed), typed).toEqual(invalidDate());
    }
    expect(normalizeDate('2026-12-31')).toMatchObject({ ok: true });
    expect(normalizeDate('2026-04-30')).toMatchObject({ ok: true });
  });

  it('refuses other shapes, with an example', () => {
    for (const typed of ['26-01-05', '01/05/2026', '5/1/2026', '20260105', '2026-01', '2026-001-05', '2026-01-005', '2026-01-05T00:00', '2026-01-05Z', '+2026-01-05', 'tomorrow', '2026年1月', '二〇二六年一月五日', '2026-01/05x']) {
      expect(normalizeDate(typed), typed).toEqual(invalidDate());
    }
  });

  it('checks min and max, both inclusive', () => {
    const rules: DateRules = { min: '2026-01-01', max: '2026-12-31' };
    expect(normalizeDate('2025-12-31', rules)).toEqual({ ok: false, code: 'date_too_early', params: { min: '2026-01-01' } });
    expect(normalizeDate('2026/1/1', rules)).toEqual({ ok: true, value: '2026-01-01' });
    expect(normalizeDate('2026年12月31日', rules)).toEqual({ ok: true, value: '2026-12-31' });
    expect(normalizeDate('2027-01-01', rules)).toEqual({ ok: false, code: 'date_too_late', params: { max: '2026-12-31' } });
    // Compared as dates after padding, not as the typed text: '2026/9/1' is before '2026-10-01'.
    expect(normalizeDate('2026/9/1', { min: '2026-10-01' })).toMatchObject({ ok: false, code: 'date_too_early' });
  });

  it('keeps dates from 1900-01-01 to 2100-12-31 when the field sets no bounds', () => {
    expect([defaultDateMin, defaultDateMax]).toEqual(['1900-01-01', '2100-12-31']);
    expect(normalizeDate('1900-01-01')).toEqual({ ok: true, value: '1900-01-01' });
    expect(normalizeDate('2100/12/31')).toEqual({ ok: true, value: '2100-12-31' });
    expect(normalizeDate('1899-12-31')).toEqual({ ok: false, code: 'date_too_early', params: { min: '1900-01-01' } });
    expect(normalizeDate('2101-01-01')).toEqual({ ok: false, code: 'date_too_late', params: { max: '2100-12-31' } });
    // What a date input held after `2026/3/15`, `2026-03-15` and `3/15/26` were typed into it
    // (month first): each is refused with the bound it crosses, never kept as another date.
    expect(normalizeDate('6315-02-02')).toEqual({ ok: false, code: 'date_too_late', params: { max: '2100-12-31' } });
    expect(normalizeDate('0315-02-02')).toEqual({ ok: false, code: 'date_too_early', params: { min: '1900-01-01' } });
    expect(normalizeDate('0026-03-15')).toEqual({ ok: false, code: 'date_too_early', params: { min: '1900-01-01' } });
  });

  it('lets min or max replace the default bound of its side only', () => {
    expect(normalizeDate('1850-06-01', { min: '1800-01-01' })).toEqual({ ok: true, value: '1850-06-01' });
    expect(normalizeDate('2101-01-01', { min: '1800-01-01' })).toMatchObject({ ok: false, code: 'date_too_late', params: { max: '2100-12-31' } });
    expect(normalizeDate('2150-06-01', { max: '2200-12-31' })).toEqual({ ok: true, value: '2150-06-01' });
    expect(normalizeDate('1899-12-31', { max: '2200-12-31' })).toMatchObject({ ok: false, code: 'date_too_early', params: { min: '1900-01-01' } });
    expect(normalizeDate('2030-01-01', { min: undefined, max: undefined })).toEqual({ ok: true, value: '2030-01-01' });
  });

  it('gives min as the example of a refused date when there is one', () => {
    expect(normalizeDate('soon', { min: '2027-03-01' })).toEqual(invalidDate('2027-03-01'));
  });

  it('reads nothing and blank text as empty', () => {
    for (const raw of [undefined, null, '', '  ', '\u3000']) {
      expect(normalizeDate(raw), JSON.stringify(raw)).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses values that are not strings, Date objects included', () => {
    for (const raw of [new Date(0), 20260105, true, {}, ['2026-01-05']]) {
      expect(normalizeDate(raw)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });
});

describe('parseDate and isRealDate', () => {
  it('parseDate gives YYYY-MM-DD or undefined', () => {
    expect(parseDate('2026/1/5')).toBe('2026-01-05');
    expect(parseDate('0001-01-01')).toBe('0001-01-01');
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
  });

  it('isRealDate follows the Gregorian leap-year rule', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2026, 0, 1)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 1, 0)).toBe(false);
    expect(isRealDate(2026, 1, 31)).toBe(true);
  });

  it('isRealDate agrees with the calendar of Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(isRealDate(y, m, d)).toBe(dateHasDay(y, m, d));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('date properties', () => {
  const parts = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
  const written = fc
    .tuple(parts, fc.constantFrom('-', '/', '.', '年'), fc.boolean(), fc.boolean())
    .map(([[y, m, d], sep, padded, wide]) => {
      const mm = padded ? pad(m, 2) : String(m);
      const dd = padded ? pad(d, 2) : String(d);
      const text = sep === '年' ? `${pad(y, 4)}年${mm}月${dd}日` : `${pad(y, 4)}${sep}${mm}${sep}${dd}`;
      return { y, m, d, text: wide ? toFullWidth(text) : text };
    });
  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  const rules: fc.Arbitrary<DateRules> = fc.record({ min: day, max: day }, { requiredKeys: [] });
  const dateLike = fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日 ', ...'０１２３４５６７８９－／．') });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), dateLike, written.map((w) => w.text)), rules, (raw, dateRules) => {
        expectWellFormed(normalizeDate(raw, dateRules));
      }),
    );
  });

  it('accepts a written date exactly when the day exists, and gives it as YYYY-MM-DD', () => {
    fc.assert(
      fc.property(written, ({ y, m, d, text }) => {
        const result = normalizeDate(text, { min: '0000-01-01', max: '9999-12-31' });
        if (dateHasDay(y, m, d)) expect(result).toEqual({ ok: true, value: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` });
        else expect(result).toMatchObject({ ok: false, code: 'invalid_date' });
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a real date in YYYY-MM-DD within min and max', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, written.map((w) => w.text), day), rules, (raw, dateRules) => {
        const result = normalizeDate(raw, dateRules);
        if (!result.ok || result.value === undefined) return;
        const value = result.value;
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const [y, m, d] = value.split('-').map(Number) as [number, number, number];
        expect(dateHasDay(y, m, d)).toBe(true);
        expect(value >= (dateRules.min ?? '1900-01-01')).toBe(true);
        expect(value <= (dateRules.max ?? '2100-12-31')).toBe(true);
      }),
    );
  });

  it('is idempotent under the same rules', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, written.map((w) => w.text), day), rules, (raw, dateRules) => {
        const first = normalizeDate(raw, dateRules);
        if (first.ok && first.value !== undefined) expect(normalizeDate(first.value, dateRules)).toEqual(first);
      }),
    );
  });

  it('orders dates as the calendar does, by their text', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(a < b).toBe(Date.parse(a) < Date.parse(b));
        expect(normalizeDate(a, { min: b }).ok).toBe(a >= b);
        expect(normalizeDate(a, { max: b }).ok).toBe(a <= b);
      }),
    );
  });
});
