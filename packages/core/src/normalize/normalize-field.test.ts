import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTypes, type Field, type FieldType } from '../schema/types.js';
import { normalizeBoolean, normalizeConsent, normalizeHidden } from './normalize-boolean.js';
import { normalizeChoice, normalizeChoices } from './normalize-choice.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeEmail } from './normalize-email.js';
import { defaultTextareaMaxLength, defaultTextMaxLength, normalizeField, type FieldValue } from './normalize-field.js';
import { normalizeNumber } from './normalize-number.js';
import { normalizePhone } from './normalize-phone.js';
import { compilePattern, normalizeText, normalizeTextarea } from './normalize-text.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';
import type { NormalizeResult } from './result.js';
import { normalizeCascade } from './normalize-cascade.js';
import { normalizeRegion } from './normalize-region.js';
import { useRegionData } from '../region/current-region-data.js';
import { regionData } from '../region/region-data-module.js';

useRegionData(regionData);
const tree = [{ value: 'C', label: 'Manufacturing', children: [{ value: '13', label: 'Food' }, { value: '14' }] }, { value: 'I', children: [{ value: '65' }] }];


const options = [{ value: 'a', label: 'Alpha' }, { value: 'b', label: 'Beta' }, { value: 'c', label: 'Gamma' }];

/** One field of each type, with the rules of its type set. */
const fields = {
  text: { type: 'text', name: 'company', minLength: 2, pattern: '[A-Za-z ]+' },
  textarea: { type: 'textarea', name: 'message', minLength: 3 },
  email: { type: 'email', name: 'email' },
  phone: { type: 'phone', name: 'phone', defaultCountry: 'CN', countries: ['CN', 'HK'] },
  number: { type: 'number', name: 'users', min: 10, max: 1000, step: 10, integer: true },
  date: { type: 'date', name: 'start', min: '2026-01-01', max: '2026-12-31' },
  select: { type: 'select', name: 'industry', options },
  radio: { type: 'radio', name: 'size', options },
  checkboxes: { type: 'checkboxes', name: 'interests', options, minSelected: 1, maxSelected: 2 },
  boolean: { type: 'boolean', name: 'newsletter' },
  consent: { type: 'consent', name: 'privacy', version: '2026-01' },
  hidden: { type: 'hidden', name: 'source', default: 'web' },
  cascade: { type: 'cascade', name: 'industry', options: tree },
  region: { type: 'region', name: 'address', levels: 2 },
} as const satisfies { readonly [T in FieldType]: Field & { readonly type: T } };

/** What normalizeField must do for each type: the normalizer and rules of that type. */
const direct: { readonly [T in FieldType]: (raw: unknown) => NormalizeResult<FieldValue> } = {
  text: (raw) => normalizeText(raw, { minLength: 2, maxLength: defaultTextMaxLength, pattern: compilePattern('[A-Za-z ]+') }),
  textarea: (raw) => normalizeTextarea(raw, { minLength: 3, maxLength: defaultTextareaMaxLength }),
  email: (raw) => normalizeEmail(raw),
  phone: (raw) => normalizePhone(raw, { defaultCountry: 'CN', countries: ['CN', 'HK'] }),
  number: (raw) => normalizeNumber(raw, { min: 10, max: 1000, step: 10, integer: true }),
  date: (raw) => normalizeDate(raw, { min: '2026-01-01', max: '2026-12-31' }),
  select: (raw) => normalizeChoice(raw, options),
  radio: (raw) => normalizeChoice(raw, options),
  checkboxes: (raw) => normalizeChoices(raw, options, { minSelected: 1, maxSelected: 2 }),
  boolean: (raw) => normalizeBoolean(raw),
  consent: (raw) => normalizeConsent(raw),
  hidden: (raw) => normalizeHidden(raw),
  cascade: (raw) => normalizeCascade(raw, tree),
  region: (raw) => normalizeRegion(raw, { levels: 2 }),
};

/** For each type: [raw, expected result] pairs that only that type's rules explain. */
const cases: { readonly [T in FieldType]: readonly (readonly [unknown, NormalizeResult<FieldValue>])[] } = {
  text: [
    ['  Acme \n Ltd ', { ok: true, value: 'Acme Ltd' }],
    ['A', { ok: false, code: 'too_short', params: { min: 2, length: 1 } }],
    ['Acme 2', { ok: false, code: 'pattern_mismatch' }],
    ['x'.repeat(201), { ok: false, code: 'too_long', params: { max: 200, length: 201 } }],
  ],
  textarea: [
    ['Hello\r\n  world ', { ok: true, value: 'Hello\n  world' }],
    ['Hi', { ok: false, code: 'too_short', params: { min: 3, length: 2 } }],
    ['x'.repeat(5001), { ok: false, code: 'too_long', params: { max: 5000, length: 5001 } }],
    ['Acme 2', { ok: true, value: 'Acme 2' }],
  ],
  email: [
    [' Ann＠Example.COM', { ok: true, value: 'ann@example.com' }],
    ['ann@', { ok: false, code: 'invalid_email' }],
  ],
  phone: [
    ['１３９ 1234-5678', { ok: true, value: '+8613912345678' }],
    ['+852 5123 4567', { ok: true, value: '+85251234567' }],
    ['+1 415 555 2671', { ok: false, code: 'phone_country_not_allowed', params: { countries: 'CN, HK' } }],
    ['12345', { ok: false, code: 'invalid_phone', params: { example: '+86 139 1234 5678' } }],
  ],
  number: [
    ['１,０００', { ok: true, value: 1000 }],
    [255, { ok: false, code: 'step_mismatch', params: { step: 10 } }],
    [250, { ok: true, value: 250 }],
    ['10.5', { ok: false, code: 'not_integer' }],
    ['0', { ok: false, code: 'number_too_small', params: { min: 10 } }],
    ['1,010', { ok: false, code: 'number_too_big', params: { max: 1000 } }],
  ],
  date: [
    ['2026年1月5日', { ok: true, value: '2026-01-05' }],
    ['2025-12-31', { ok: false, code: 'date_too_early', params: { min: '2026-01-01' } }],
    ['2027-01-01', { ok: false, code: 'date_too_late', params: { max: '2026-12-31' } }],
    ['2026-02-29', { ok: false, code: 'invalid_date', params: { example: '2026-01-01' } }],
  ],
  select: [
    ['b', { ok: true, value: 'b' }],
    ['Beta', { ok: false, code: 'invalid_option' }],
  ],
  radio: [
    ['c', { ok: true, value: 'c' }],
    ['Gamma', { ok: false, code: 'invalid_option' }],
  ],
  checkboxes: [
    [['c', 'a', 'c'], { ok: true, value: ['a', 'c'] }],
    [['a', 'b', 'c'], { ok: false, code: 'too_many_selected', params: { max: 2 } }],
    [['Alpha'], { ok: false, code: 'invalid_option' }],
    ['a', { ok: false, code: 'invalid_type' }],
  ],
  boolean: [
    [false, { ok: true, value: false }],
    ['false', { ok: false, code: 'invalid_type' }],
  ],
  consent: [
    [true, { ok: true, value: true }],
    [false, { ok: true, value: undefined }],
  ],
  hidden: [
    [' as is ', { ok: true, value: ' as is ' }],
    [7, { ok: true, value: '7' }],
    [{}, { ok: false, code: 'invalid_type' }],
  ],
  cascade: [
    ['13', { ok: true, value: '13' }],
    ['C', { ok: false, code: 'incomplete_choice', params: { level: 2 } }],
    ['Food', { ok: false, code: 'invalid_option' }],
    [13, { ok: false, code: 'invalid_type' }],
  ],
  region: [
    ['440300', { ok: true, value: { code: '440300', province: '广东省', city: '深圳市' } }],
    ['310100', { ok: true, value: { code: '310100', province: '上海市', city: '上海市' } }],
    ['440000', { ok: false, code: 'incomplete_choice', params: { level: 2 } }],
    ['440305', { ok: false, code: 'invalid_option' }],
    [{ code: '440300', province: '广东省', city: '深圳市' }, { ok: true, value: { code: '440300', province: '广东省', city: '深圳市' } }],
    [{ code: '440300', province: '广东省', city: '广州市' }, { ok: false, code: 'region_mismatch' }],
    [440300, { ok: false, code: 'invalid_type' }],
  ],
};

describe('normalizeField', () => {
  it('covers the 14 field types of the spec', () => {
    expect([...fieldTypes].sort()).toEqual(Object.keys(fields).sort());
    expect(fieldTypes).toHaveLength(14);
  });

  for (const type of fieldTypes) {
    it(`dispatches a ${type} field to its normalizer with the field's rules`, () => {
      for (const [raw, expected] of cases[type]) {
        expect(normalizeField(fields[type], raw), JSON.stringify(raw)).toEqual(expected);
        expect(direct[type](raw)).toEqual(expected);
      }
    });
  }

  it('reads nothing as empty for every type', () => {
    for (const type of fieldTypes) {
      expect(normalizeField(fields[type], undefined), type).toEqual({ ok: true, value: undefined });
      expect(normalizeField(fields[type], null), type).toEqual({ ok: true, value: undefined });
    }
  });

  it('uses a field maxLength over the default, for text and textarea', () => {
    expect(normalizeField({ type: 'text', name: 't', maxLength: 3 }, 'abcd')).toEqual({ ok: false, code: 'too_long', params: { max: 3, length: 4 } });
    expect(normalizeField({ type: 'textarea', name: 't', maxLength: 6000 }, 'x'.repeat(5500))).toMatchObject({ ok: true });
  });

  it('anchors the pattern and reuses its compiled form for the same field', () => {
    const field: Field = { type: 'text', name: 'code', pattern: 'AB|CD' };
    expect(normalizeField(field, 'AB')).toEqual({ ok: true, value: 'AB' });
    expect(normalizeField(field, 'ABCD')).toEqual({ ok: false, code: 'pattern_mismatch' });
    expect(normalizeField(field, 'xCD')).toEqual({ ok: false, code: 'pattern_mismatch' });
    expect(normalizeField(field, 'CD')).toEqual({ ok: true, value: 'CD' });
  });

  it('ignores a pattern that does not compile (parseForm reports it)', () => {
    expect(normalizeField({ type: 'text', name: 'code', pattern: '(' }, 'anything')).toEqual({ ok: true, value: 'anything' });
  });

  it('keeps a date field without min or max within 1900-01-01 and 2100-12-31', () => {
    const field = { type: 'date', name: 'd' } as const;
    expect(normalizeField(field, '1999-12-31')).toEqual({ ok: true, value: '1999-12-31' });
    expect(normalizeField(field, '0026-03-15')).toEqual({ ok: false, code: 'date_too_early', params: { min: '1900-01-01' } });
    expect(normalizeField(field, '6315-02-02')).toEqual({ ok: false, code: 'date_too_late', params: { max: '2100-12-31' } });
    expect(normalizeField({ ...field, max: '2999-12-31' }, '2500-01-01')).toEqual({ ok: true, value: '2500-01-01' });
  });

  it('reads a phone without countries or defaultCountry as international only', () => {
    expect(normalizeField({ type: 'phone', name: 'p' }, '+44 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
    expect(normalizeField({ type: 'phone', name: 'p' }, '020 7946 0958')).toMatchObject({ ok: false, code: 'invalid_phone' });
  });
});

describe('normalizeField properties', () => {
  const type = fc.constantFrom(...fieldTypes);
  const raw = fc.oneof(
    fc.anything(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('13', 'C', '440300', '310000', ' Acme Ltd ', 'ann@example.com', '139 1234 5678', '+852 5123 4567', '１,０００', '120', '2026年3月1日', 'a', 'b', true, false, 250),
    fc.array(fc.constantFrom('a', 'b', 'c', 'd')),
  );

  it('never throws, whatever the field type and input', () => {
    fc.assert(
      fc.property(type, raw, (fieldType, value) => {
        expectWellFormed(normalizeField(fields[fieldType], value));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives what the normalizer of the type gives', () => {
    fc.assert(
      fc.property(type, raw, (fieldType, value) => {
        expect(normalizeField(fields[fieldType], value)).toEqual(direct[fieldType](value));
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent for every type', () => {
    fc.assert(
      fc.property(type, raw, (fieldType, value) => {
        const first = normalizeField(fields[fieldType], value);
        if (first.ok && first.value !== undefined) expect(normalizeField(fields[fieldType], first.value)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a value of the type the record expects', () => {
    const expected: { readonly [T in FieldType]: (value: unknown) => boolean } = {
      text: (v) => typeof v === 'string',
      textarea: (v) => typeof v === 'string',
      email: (v) => typeof v === 'string',
      phone: (v) => typeof v === 'string' && /^\+[1-9]\d{6,14}$/.test(v),
      number: (v) => typeof v === 'number' && Number.isFinite(v),
      date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
      select: (v) => typeof v === 'string',
      radio: (v) => typeof v === 'string',
      checkboxes: (v) => Array.isArray(v) && v.length > 0 && v.every((item) => typeof item === 'string'),
      boolean: (v) => typeof v === 'boolean',
      consent: (v) => v === true,
      hidden: (v) => typeof v === 'string',
      cascade: (v) => typeof v === 'string',
      region: (v) => typeof v === 'object' && v !== null && /^\d{6}$/.test((v as { code: string }).code),
    };
    fc.assert(
      fc.property(type, raw, (fieldType, value) => {
        const result = normalizeField(fields[fieldType], value);
        if (result.ok && result.value !== undefined) expect(expected[fieldType](result.value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
