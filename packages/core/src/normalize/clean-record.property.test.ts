import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTypes, type Field, type FieldType } from '../schema/types.js';
import { normalizeField } from './normalize-field.js';
import { useRegionData } from '../region/current-region-data.js';
import { regionData } from '../region/region-data-module.js';

useRegionData(regionData);

/**
 * Whatever is typed, pasted or set by code, no text a normalizer gives holds what no record may
 * hold (clean-text.ts; docs/schema.md, "What text can hold"), and normalizing again changes nothing.
 */

/** The characters a record must not hold, and those around them that must survive or be judged. */
export const hostileUnits = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\u0000', '\u0001', '\u0007', '\u001B', '\u001F', '\u007F', '\u0080', '\u009B', '\u009F', // C0 and C1 controls
  '\t', '\n', '\r', '\r\n', '\u000B', '\u000C', '\u0085', // white space that is a control character
  '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', // bidi controls, BOM
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u00AD', '\u2060', '\u061C', '\u180E', // other format characters (Cf)
  '\u00A0', '\u3000', '\u2028', '\u2029', ' ', // spaces and separators
  '１', '２', '０', '＠', '＋', '．', '－', // full-width forms
  'e\u0301', '\u0301', '👨‍👩‍👧', '😀', '\uD83D', // combining marks, emoji, half an emoji
];

const hostileUnit = fc.constantFrom(...hostileUnits);

/** Strings mixing ordinary text with {@link hostileUnits}. */
export const hostileText = fc
  .array(fc.oneof({ arbitrary: hostileUnit, weight: 2 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 }), { maxLength: 24 })
  .map((parts) => parts.join(''));

/**
 * A value that reads as valid (`seed`) with hostile characters slipped between its characters:
 * what the normalizers must clean without losing what was meant.
 */
export function sprinkled(seeds: readonly string[], units: fc.Arbitrary<string> = hostileUnit): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), units), { maxLength: 4 }))
    .map(([seed, inserts]) => {
      const chars = [...seed];
      for (const [at, unit] of inserts) chars.splice(at % (chars.length + 1), 0, unit);
      return chars.join('');
    });
}

/** Anything, in every unit fast-check has, and hostile mixtures. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
  hostileText,
);

const options = [
  { value: 'a', label: 'A' },
  { value: 'b c', label: 'B' },
  { value: '中文', label: 'C' },
  { value: 'true', label: 'D' },
];

/** One field of each type, with rules loose enough that many values pass. */
const fields = {
  text: { type: 'text', name: 'text' },
  textarea: { type: 'textarea', name: 'textarea' },
  email: { type: 'email', name: 'email' },
  phone: { type: 'phone', name: 'phone', defaultCountry: 'CN' },
  number: { type: 'number', name: 'number' },
  date: { type: 'date', name: 'date' },
  select: { type: 'select', name: 'select', options },
  radio: { type: 'radio', name: 'radio', options },
  checkboxes: { type: 'checkboxes', name: 'checkboxes', options },
  boolean: { type: 'boolean', name: 'boolean' },
  consent: { type: 'consent', name: 'consent' },
  hidden: { type: 'hidden', name: 'hidden' },
  cascade: { type: 'cascade', name: 'cascade', options: [{ value: 'a', children: [{ value: 'b' }, { value: 'c' }] }] },
  region: { type: 'region', name: 'region' },
} as const satisfies { readonly [T in FieldType]: Field & { readonly type: T } };

const optionValue = fc.constantFrom(...options.map((option) => option.value));

/** Raw values per type: anything, and valid-looking values laced with hostile characters. */
const raws: { readonly [T in FieldType]: fc.Arbitrary<unknown> } = {
  text: fc.oneof(anyText, sprinkled(['Acme Ltd', '上海示例科技', 'مرحبا بك', 'Zoë  Ångström', '👨‍👩‍👧 family'])),
  textarea: fc.oneof(anyText, sprinkled(['Line one\r\nLine two', '\tIndented\n\tlines', '第一行\n第二行', 'a\u2028b'])),
  email: fc.oneof(anyText, sprinkled(['Ann@Example.com', 'li.lei＠example.ＣＯＭ', 'a.b+c@münchen.de', 'x@例子.中国'])),
  phone: fc.oneof(anyText, sprinkled(['139 1234 5678', '+852 5123 4567', '１３９１２３４５６７８', '(010) 6552-9988', '0086 139 1234 5678'])),
  number: fc.oneof(anyText, fc.double(), sprinkled(['１,０００', '250', '-3.5e2', '1 000 000', '＋４２'])),
  date: fc.oneof(anyText, sprinkled(['2026-03-01', '2026年3月1日', '２０２６/１１/２３', '1999.12.31'])),
  select: fc.oneof(anyText, optionValue, sprinkled(options.map((option) => option.value))),
  radio: fc.oneof(anyText, optionValue, sprinkled(options.map((option) => option.value))),
  checkboxes: fc.oneof(fc.array(anyText, { maxLength: 3 }), fc.array(optionValue), fc.array(fc.oneof(optionValue, sprinkled(['a', 'true'])))),
  boolean: fc.oneof(fc.boolean(), anyText, fc.anything()),
  consent: fc.oneof(fc.boolean(), anyText, fc.anything()),
  hidden: fc.oneof(anyText, sprinkled(['spring-2026', 'utm=expo&rep=li.na', '  as is  ', 'a\tb']), fc.double(), fc.boolean()),
  cascade: fc.oneof(anyText, fc.constantFrom('a', 'b', 'c'), sprinkled(['b', 'c'])),
  region: fc.oneof(anyText, fc.constantFrom('440305', '310115', '441900', '419001', '110101'), sprinkled(['440305', '110000'])),
};

/** `String.prototype.isWellFormed` (Node 20; the core's lib is es2023): no lone surrogate. */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

const bidiOrBom = /[\u202A-\u202E\u2066-\u2069\uFEFF]/;
const format = /\p{Cf}/u;
/** Every C0 and C1 control character but those a type lets through. */
const controlsBut = (kept: string) => new RegExp(`[^\\P{Cc}${kept}]`, 'u');
const anyControl = /\p{Cc}/u;

/** What each string type may not hold, beyond lone surrogates (checked for all). */
const forbidden: { readonly [T in FieldType]: readonly RegExp[] } = {
  text: [anyControl, bidiOrBom],
  textarea: [controlsBut('\\t\\n'), bidiOrBom, /\r/],
  // A hidden value is kept as it is but for what no record may hold: no control character at all
  // but the tab and the line feed that text can hold, as in a textarea.
  hidden: [controlsBut('\\t\\n'), bidiOrBom],
  email: [anyControl, format, /\s/],
  phone: [anyControl, format, /^(?!\+[1-9]\d{6,14}$)/],
  number: [],
  date: [/^(?!\d{4}-\d{2}-\d{2}$)/],
  select: [anyControl, format],
  radio: [anyControl, format],
  checkboxes: [anyControl, format],
  boolean: [],
  consent: [],
  cascade: [anyControl, format],
  region: [anyControl, format],
};

/** The type of value each field type gives. */
const valueType: { readonly [T in FieldType]: (value: unknown) => boolean } = {
  text: (value) => typeof value === 'string',
  textarea: (value) => typeof value === 'string',
  email: (value) => typeof value === 'string',
  phone: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0),
  date: (value) => typeof value === 'string',
  select: (value) => typeof value === 'string',
  radio: (value) => typeof value === 'string',
  checkboxes: (value) => Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'),
  boolean: (value) => typeof value === 'boolean',
  consent: (value) => value === true,
  hidden: (value) => typeof value === 'string',
  cascade: (value) => typeof value === 'string',
  region: (value) => typeof value === 'object' && value !== null && /^\d{6}$/.test((value as { code: string }).code),
};

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('every normalized value holds clean text, and normalizing it again changes nothing', () => {
  it('covers the 14 field types', () => {
    expect(Object.keys(fields).sort()).toEqual([...fieldTypes].sort());
  });

  for (const type of fieldTypes) {
    it(`${type}`, () => {
      const field: Field = fields[type];
      let accepted = 0;
      fc.assert(
        fc.property(raws[type], (raw) => {
          const result = normalizeField(field, raw);
          if (!result.ok || result.value === undefined) return;
          accepted++;
          const { value } = result;
          expect(valueType[type](value), JSON.stringify(value)).toBe(true);
          for (const text of stringsOf(value)) {
            expect(isWellFormed(text), JSON.stringify(text)).toBe(true);
            for (const bad of forbidden[type]) expect(text, `${JSON.stringify(text)} against ${bad}`).not.toMatch(bad);
          }
          expect(normalizeField(field, value)).toEqual(result);
        }),
        { numRuns: 1000 },
      );
      // The property judged values, not only refusals.
      expect(accepted).toBeGreaterThan(type === 'boolean' || type === 'consent' ? 20 : 100);
    });
  }
});
