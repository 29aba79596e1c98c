import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneExample, type PhoneRules } from './normalize-phone.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


// E.164: at most 15 digits; libphonenumber accepts short national numbers (DE "1690" is +491690).
const e164 = /^\+[1-9]\d{4,14}$/;
const toFullWidth = (text: string) => text.replace(/[0-9+()\-.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Real numbers as people type them, by country, with their E.164 form. */
const valid: readonly (readonly [country: string, typed: string, e164: string])[] = [
  ['CN', '139 1234 5678', '+8613912345678'],
  ['CN', '13912345678', '+8613912345678'],
  ['CN', '199-1234-5678', '+8619912345678'],
  ['CN', '010 1234 5678', '+861012345678'],
  ['CN', '(021) 6234-5678', '+862162345678'],
  ['US', '(415) 555-2671', '+14155552671'],
  ['US', '415.555.2671', '+14155552671'],
  ['US', '1 415 555 2671', '+14155552671'],
  ['US', '201-555-0123', '+12015550123'],
  ['US', '(212) 555-0100', '+12125550100'],
  ['GB', '020 7946 0958', '+442079460958'],
  ['GB', '07400 123456', '+447400123456'],
  ['GB', '0161 496 0000', '+441614960000'],
  ['DE', '030 123456', '+4930123456'],
  ['DE', '0151 23456789', '+4915123456789'],
  ['DE', '089 / 1234567', '+49891234567'],
  ['JP', '090-1234-5678', '+819012345678'],
  ['JP', '03-1234-5678', '+81312345678'],
  ['JP', '06-6123-4567', '+81661234567'],
  ['IN', '98123 45678', '+919812345678'],
  ['IN', '022 2345 6789', '+912223456789'],
  ['IN', '011-2345-6789', '+911123456789'],
];

/** Numbers that are wrong in a way any metadata catches: too short, too long, impossible prefixes. */
const invalid: readonly (readonly [country: string, typed: string])[] = [
  ['CN', '12345'],
  ['CN', '239 1234 5678'],
  ['US', '(123) 456-7890'],
  ['US', '(415) 055-2671'],
  ['US', '415 555 267'],
  ['US', '+1 415 555 26711'],
  ['GB', '07400 12345'],
  ['GB', '020 7946 095'],
  ['GB', '01234 567'],
  ['DE', '0001 234567'],
  ['JP', '010-1234-5678'],
  ['IN', '98123 4567'],
];

describe('normalizePhone', () => {
  it('gives E.164 for realistic numbers of CN, US, GB, DE, JP and IN typed nationally', () => {
    for (const [country, typed, expected] of valid) {
      expect(normalizePhone(typed, { defaultCountry: country }), `${country} ${typed}`).toEqual({ ok: true, value: expected });
    }
  });

  it('reads + and 00 as the start of an international number, whatever the default country', () => {
    for (const [, , expected] of valid) {
      const international = `${expected.slice(0, 3)} ${expected.slice(3)}`;
      expect(normalizePhone(international), international).toEqual({ ok: true, value: expected });
      expect(normalizePhone(`00${expected.slice(1)}`), `00${expected.slice(1)}`).toEqual({ ok: true, value: expected });
      expect(normalizePhone(expected, { defaultCountry: 'JP' }), expected).toEqual({ ok: true, value: expected });
    }
    expect(normalizePhone('0086 139 1234 5678', { defaultCountry: 'US' })).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('+44 (0) 20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
  });

  it('accepts full-width digits, plus, brackets, dashes, dots and ideographic spaces', () => {
    expect(normalizePhone('１３９ 1234-5678', { defaultCountry: 'CN' })).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('＋８６（１３９）１２３４．５６７８')).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('１３９\u3000１２３４\u3000５６７８', { defaultCountry: 'CN' })).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('０９０－１２３４－５６７８', { defaultCountry: 'JP' })).toEqual({ ok: true, value: '+819012345678' });
    expect(normalizePhone('(415)\u2013555\u2014\u22122671', { defaultCountry: 'US' })).toEqual({ ok: true, value: '+14155552671' });
    for (const [country, typed, expected] of valid) {
      expect(normalizePhone(toFullWidth(typed), { defaultCountry: country })).toEqual({ ok: true, value: expected });
    }
  });

  it('refuses invalid numbers with an example of the default country', () => {
    for (const [country, typed] of invalid) {
      expect(normalizePhone(typed, { defaultCountry: country }), `${country} ${typed}`).toEqual({
        ok: false,
        code: 'invalid_phone',
        params: { example: phoneExample(country) },
      });
    }
  });

  it('refuses letters, extensions and other characters', () => {
    for (const typed of ['1-800-FLOWERS', '415 555 2671 ext 5', '415 555 2671 x5', 'tel:+14155552671', '415#555#2671', 'one', '+1 415 555 2671;', '+1 415 555 2671 +1']) {
      expect(normalizePhone(typed, { defaultCountry: 'US' }), typed).toMatchObject({ ok: false, code: 'invalid_phone' });
    }
    expect(normalizePhone('１３９ｘ１２３４５６７８', { defaultCountry: 'CN' })).toMatchObject({ ok: false, code: 'invalid_phone' });
  });

  it('refuses a national number without a default country', () => {
    expect(normalizePhone('139 1234 5678')).toEqual({ ok: false, code: 'invalid_phone', params: { example: '+1 201 555 0123' } });
    expect(normalizePhone('(415) 555-2671')).toMatchObject({ ok: false, code: 'invalid_phone' });
  });

  it('refuses separators without digits', () => {
    for (const typed of ['+', '00', '-', '()', '...', '+()']) {
      expect(normalizePhone(typed, { defaultCountry: 'US' }), typed).toMatchObject({ ok: false, code: 'invalid_phone' });
    }
  });

  it('reads a number of another country by its own rules, not the default country', () => {
    expect(normalizePhone('+81 90-1234-5678', { defaultCountry: 'CN' })).toEqual({ ok: true, value: '+819012345678' });
    // Typed in the US plan, a Toronto number is Canadian.
    expect(normalizePhone('416 555 0123', { defaultCountry: 'US' })).toEqual({ ok: true, value: '+14165550123' });
  });

  it('accepts only numbers of the allowed countries', () => {
    const rules: PhoneRules = { defaultCountry: 'CN', countries: ['CN', 'HK'] };
    expect(normalizePhone('139 1234 5678', rules)).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('+852 5123 4567', rules)).toEqual({ ok: true, value: '+85251234567' });
    expect(normalizePhone('+1 415 555 2671', rules)).toEqual({
      ok: false,
      code: 'phone_country_not_allowed',
      params: { countries: 'CN, HK' },
    });
    expect(normalizePhone('+44 7400 123456', { countries: ['US'] })).toEqual({
      ok: false,
      code: 'phone_country_not_allowed',
      params: { countries: 'US' },
    });
  });

  it('tells countries that share a calling code apart', () => {
    expect(normalizePhone('416 555 0123', { defaultCountry: 'US', countries: ['US'] })).toMatchObject({
      ok: false,
      code: 'phone_country_not_allowed',
    });
    expect(normalizePhone('416 555 0123', { defaultCountry: 'US', countries: ['CA'] })).toEqual({ ok: true, value: '+14165550123' });
    expect(normalizePhone('+1 415 555 2671', { countries: ['CA'] })).toMatchObject({ ok: false, code: 'phone_country_not_allowed' });
  });

  it('refuses numbers of no country when countries are limited', () => {
    expect(normalizePhone('+800 1234 5678')).toEqual({ ok: true, value: '+80012345678' });
    expect(normalizePhone('+800 1234 5678', { countries: ['US'] })).toMatchObject({ ok: false, code: 'phone_country_not_allowed' });
  });

  it('checks validity before the allowed countries', () => {
    expect(normalizePhone('+44 7400 12345', { countries: ['US'] })).toMatchObject({ ok: false, code: 'invalid_phone' });
  });

  it('reads nothing and blank input as empty', () => {
    for (const raw of [undefined, null, '', '  ', '\u3000']) {
      expect(normalizePhone(raw, { defaultCountry: 'CN' })).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses values that are not strings, numbers included', () => {
    for (const raw of [13912345678, true, {}, ['+8613912345678'], 1n]) {
      expect(normalizePhone(raw, { defaultCountry: 'CN' })).toEqual({ ok: false, code: 'invalid_type' });
    }
  });

  it('does not throw for a default country it does not know', () => {
    for (const defaultCountry of ['XX', 'cn', '', 'CHN', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const national = normalizePhone('139 1234 5678', { defaultCountry });
      expect(national, defaultCountry).toMatchObject({ ok: false, code: 'invalid_phone' });
      expect(normalizePhone('+86 139 1234 5678', { defaultCountry }), defaultCountry).toEqual({ ok: true, value: '+8613912345678' });
    }
  });
});

describe('phoneExample', () => {
  it('formats a sample number of the country in international format', () => {
    expect(phoneExample('CN')).toBe('+86 139 1234 5678');
    expect(phoneExample('US')).toBe('+1 201 555 0123');
    expect(phoneExample('GB')).toBe('+44 7400 123456');
    expect(phoneExample(undefined)).toBe('+1 201 555 0123');
  });

  it('gives the calling code for a country without a sample', () => {
    expect(phoneExample('FR')).toBe('+33 …');
  });

  it('falls back to the US sample for codes it does not know, Object.prototype names included', () => {
    for (const country of ['XX', 'constructor', '__proto__', 'toString']) {
      expect(phoneExample(country), country).toBe('+1 201 555 0123');
    }
  });

  it('gives examples that are themselves valid numbers of their country', () => {
    for (const country of ['CN', 'US', 'GB', 'DE', 'JP', 'IN', 'HK', 'SG']) {
      const example = phoneExample(country);
      expect(normalizePhone(example, { countries: [country] }), country).toMatchObject({ ok: true });
    }
  });
});

describe('phone properties', () => {
  const countries = ['CN', 'US', 'GB', 'DE', 'JP', 'IN', 'HK', 'SG', 'FR', 'CA', 'RU', 'KZ', 'AU', 'BR'];
  const country = fc.constantFrom(...countries);
  const anyCountry = fc.oneof(country, fc.string({ maxLength: 3 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf'));
  const rules: fc.Arbitrary<PhoneRules> = fc.record(
    { defaultCountry: anyCountry, countries: fc.array(country, { maxLength: 3 }) },
    { requiredKeys: [] },
  );
  const digit = fc.constantFrom(...'0123456789', ...'０１２３４５６７８９');
  const separator = fc.constantFrom(' ', '-', '.', '(', ')', '/', '\u3000', '－', '．', '（', '）', '\u2013', '\u2212');
  const phoneLike = fc
    .tuple(
      fc.constantFrom('', '', '+', '00', '＋', '0', '1'),
      fc.array(fc.oneof({ weight: 4, arbitrary: digit }, { weight: 1, arbitrary: separator }), { maxLength: 20 }),
    )
    .map(([prefix, chars]) => prefix + chars.join(''));
  /** National digit strings that are often valid: the shapes of mobile numbers. */
  const nationalMobile = fc.oneof(
    fc.stringMatching(/^1[3-9]\d{9}$/).map((n) => ['CN', n] as const),
    fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/).map((n) => ['US', n] as const),
    fc.stringMatching(/^07[4-9]\d{8}$/).map((n) => ['GB', n] as const),
    fc.stringMatching(/^01[5-7]\d{8,9}$/).map((n) => ['DE', n] as const),
    fc.stringMatching(/^0[789]0\d{8}$/).map((n) => ['JP', n] as const),
    fc.stringMatching(/^[6-9]\d{9}$/).map((n) => ['IN', n] as const),
  );

  /** A national number with its own country as the default, and perhaps a list of countries. */
  const typedInItsCountry = nationalMobile.chain(([defaultCountry, digits]) =>
    fc.tuple(
      fc.constant(digits),
      fc.record({ defaultCountry: fc.constant(defaultCountry), countries: fc.array(country, { maxLength: 3 }) }, { requiredKeys: ['defaultCountry'] }),
    ),
  );

  /** Puts separators between some digits and maybe turns the whole number full-width. */
  function formatted(digits: string, cuts: readonly number[], sep: string, wide: boolean): string {
    let out = '';
    [...digits].forEach((d, i) => (out += (cuts.includes(i) && i > 0 ? sep : '') + d));
    return wide ? toFullWidth(out) : out;
  }

  it('never throws, whatever the input and the default country', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), phoneLike), rules, (raw, phoneRules) => {
        expectWellFormed(normalizePhone(raw, phoneRules));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a valid E.164 number that normalizes to itself', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(fc.tuple(phoneLike, rules), typedInItsCountry), ([raw, phoneRules]) => {
        const first = normalizePhone(raw, phoneRules);
        if (!first.ok || first.value === undefined) return;
        accepted++;
        expect(first.value).toMatch(e164);
        expect(normalizePhone(first.value, phoneRules)).toEqual(first);
        expect(normalizePhone(first.value)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('reads a number the same however it is spaced, dashed, dotted or widened', () => {
    fc.assert(
      fc.property(
        nationalMobile,
        fc.array(fc.nat({ max: 12 }), { maxLength: 4 }),
        fc.constantFrom(' ', '-', '.', '\u3000', ' - '),
        fc.boolean(),
        ([country, digits], cuts, sep, wide) => {
          const plain = normalizePhone(digits, { defaultCountry: country });
          const typed = formatted(digits, cuts, sep, wide);
          expect(normalizePhone(typed, { defaultCountry: country })).toEqual(plain);
          if (plain.ok && plain.value !== undefined) {
            expect(plain.value).toMatch(e164);
            expect(normalizePhone(`00${plain.value.slice(1)}`)).toEqual(plain);
            expect(normalizePhone(`＋${plain.value.slice(1)}`, { defaultCountry: 'BR' })).toEqual(plain);
          }
        },
      ),
    );
  });

  it('limits countries only after checking validity, and exactly by country where a calling code has one', () => {
    fc.assert(
      fc.property(nationalMobile, fc.array(country, { minLength: 1, maxLength: 3 }), ([defaultCountry, digits], allowed) => {
        const free = normalizePhone(digits, { defaultCountry });
        const limited = normalizePhone(digits, { defaultCountry, countries: allowed });
        const refused = { ok: false, code: 'phone_country_not_allowed', params: { countries: allowed.join(', ') } };
        if (!free.ok || free.value === undefined) expect(limited).toEqual(free);
        else if (!['CN', 'DE', 'JP', 'IN'].includes(defaultCountry)) expect([free, refused]).toContainEqual(limited);
        else expect(limited).toEqual(allowed.includes(defaultCountry) ? free : refused);
      }),
    );
  });

  it('refuses any string holding a letter', () => {
    fc.assert(
      fc.property(phoneLike, fc.nat(), fc.stringMatching(/^[A-Za-zＡ-Ｚａ-ｚ]$/), (raw, at, letter) => {
        const i = at % (raw.length + 1);
        expect(normalizePhone(raw.slice(0, i) + letter + raw.slice(i), { defaultCountry: 'US' })).toMatchObject({
          ok: false,
          code: 'invalid_phone',
        });
      }),
    );
  });
});
