import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIntake, fieldTypes, normalizeField, parseForm, type Form } from '@intake/core';
import { createHandler, memoryStore } from '../src/index.js';
import { post, type Format } from './support.js';

/**
 * A record made from anything a person could type arrives as it was sent, in every delivery
 * format: its text holds nothing an encoding would change (lone surrogates become U+FFFD in `text`
 * and `form`; docs/schema.md, "What text can hold"), and the `form` decoder types every value back.
 */

const parsed = parseForm({
  id: 'every-type',
  locale: 'en',
  fields: [
    { type: 'text', name: 'text', label: 'Text' },
    { type: 'textarea', name: 'textarea', label: 'Textarea' },
    { type: 'email', name: 'email', label: 'Email' },
    { type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'CN' },
    { type: 'number', name: 'number', label: 'Number' },
    { type: 'date', name: 'date', label: 'Date' },
    { type: 'select', name: 'select', label: 'Select', options: [{ value: 'a', label: 'A' }, { value: 'true', label: 'T' }, { value: '42', label: '42' }] },
    { type: 'radio', name: 'radio', label: 'Radio', options: [{ value: 'x y', label: 'XY' }, { value: '中文', label: 'C' }] },
    { type: 'checkboxes', name: 'checkboxes', label: 'Checkboxes', options: [{ value: 'a', label: 'A' }, { value: 'b&c=d', label: 'B' }, { value: '1', label: '1' }] },
    { type: 'boolean', name: 'boolean', label: 'Boolean' },
    { type: 'consent', name: 'consent', label: 'Consent', version: '2026-01' },
    { type: 'hidden', name: 'hidden' },
    { type: 'cascade', name: 'cascade', label: 'Cascade', options: [{ value: 'a&b', label: 'AB', children: [{ value: '01', label: 'One' }, { value: 'true' }] }, { value: '中文' }] },
    { type: 'region', name: 'region', label: 'Region' },
  ],
});
if (!parsed.ok) throw new Error(`the test form does not parse: ${JSON.stringify(parsed.issues)}`);
const form: Form = parsed.form;

const hostileUnit = fc.constantFrom(
  '\uD800', '\uDFFF', '\uDBFF', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B', '\t', '\n', '\r', '\r\n', '\u000B', '\u000C',
  '\u202A', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u00AD', '\u2060', '\uFEFF',
  '\u00A0', '\u3000', '\u2028', ' ', '１', '９', '＠', '＋', '&', '=', '+', '%', '%2B', '.', 'e\u0301', '👨‍👩‍👧', '\uD83D',
);
const hostileText = fc
  .array(fc.oneof({ arbitrary: hostileUnit, weight: 2 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 }), { maxLength: 20 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
  hostileText,
);

/** A valid-looking value with hostile characters slipped in between its characters. */
function sprinkled(...seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), hostileUnit), { maxLength: 4 }))
    .map(([seed, inserts]) => {
      const chars = [...seed];
      for (const [at, unit] of inserts) chars.splice(at % (chars.length + 1), 0, unit);
      return chars.join('');
    });
}

/** Raw values by field, as typed or set by code; `undefined` leaves a field empty. */
const rawValues = fc.record({
  text: fc.oneof(anyText, sprinkled('Acme Ltd', '上海示例科技', 'a=b&c', '42', 'true')),
  textarea: fc.oneof(anyText, sprinkled('Line one\r\nLine two', '\tIndented\n\tlines', '100%+more')),
  email: fc.oneof(anyText, sprinkled('Ann@Example.com', 'li.lei＠example.ＣＯＭ', 'a+b@münchen.de')),
  phone: fc.oneof(anyText, sprinkled('139 1234 5678', '+852 5123 4567', '１３９１２３４５６７８')),
  number: fc.oneof(anyText, fc.double(), fc.integer(), sprinkled('１,０００', '-3.5e2', '0.1', '1e21', '-0')),
  date: fc.oneof(anyText, sprinkled('2026-03-01', '2026年3月1日', '２０２６/１１/２３')),
  select: fc.oneof(anyText, fc.constantFrom('a', 'true', '42')),
  radio: fc.oneof(anyText, fc.constantFrom('x y', '中文')),
  checkboxes: fc.oneof(fc.array(anyText, { maxLength: 2 }), fc.subarray(['a', 'b&c=d', '1'])),
  boolean: fc.oneof(fc.boolean(), anyText),
  consent: fc.oneof(fc.boolean(), anyText),
  hidden: fc.oneof(anyText, sprinkled('spring-2026', 'utm=expo&rep=li.na', '  as is  ', 'a\r\nb'), fc.double(), fc.boolean()),
  cascade: fc.oneof(anyText, fc.constantFrom('01', 'true', '中文', 'a&b')),
  region: fc.oneof(anyText, fc.constantFrom('440305', '310115', '441900', '419001', '110000')),
}, { requiredKeys: [] });

/** The values as they are, but those a field refuses left empty, so the record can be made. */
function acceptable(values: Record<string, unknown>): Record<string, unknown> {
  const fields = new Map(form.fields.map((field) => [field.name, field]));
  return Object.fromEntries(Object.entries(values).filter(([name, raw]) => normalizeField(fields.get(name)!, raw).ok));
}

async function recordOf(values: Record<string, unknown>) {
  let now = Date.parse('2026-11-23T08:15:00.000Z');
  const intake = createIntake(form, { context: { url: 'https://www.example.com/?utm_source=expo', referrer: '' }, now: () => now });
  intake.setValues(values);
  now += 5000; // slower than the handler's minFillMs, so it is not dropped as spam
  return intake.toRecord();
}

describe('a record made from any input survives every delivery format', () => {
  it('covers the 14 field types', () => {
    expect(form.fields.map((field) => field.type).sort()).toEqual([...fieldTypes].sort());
  });

  it.each<Format>(['json', 'text', 'form'])('%s: 201, and the stored record is the record sent', async (format) => {
    let filled = 0;
    await fc.assert(
      fc.asyncProperty(rawValues, async (values) => {
        const record = await recordOf(acceptable(values));
        filled += Object.keys(record.data).length;
        const store = memoryStore();
        const response = await createHandler({ schema: form, store })(post(record, format));
        expect(response.status, JSON.stringify({ record, answer: await response.clone().json() })).toBe(201);
        expect(store.records).toHaveLength(1);
        expect(store.records[0]).toEqual(record);
      }),
      { numRuns: 100 },
    );
    // Records held values, not only empty fields.
    expect(filled).toBeGreaterThan(300);
  });
});
