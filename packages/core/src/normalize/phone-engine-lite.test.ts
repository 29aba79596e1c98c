import { getCountryCallingCode, getExampleNumber, type CountryCode } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneEngine } from './phone-engine-api.js';
import { phoneEngine as lite } from './phone-engine-lite.js';
import { phoneMetadata } from './phone-metadata.js';

// normalizePhone and the phone input helpers run here with either engine, exactly as a bundle that
// resolves `./phone-engine.js` to `./phone-engine-lite.js` runs them.
const engines = vi.hoisted(() => ({ current: 'full' as 'full' | 'lite' }));
vi.mock('./phone-engine.js', async (importOriginal) => {
  const { phoneEngine: full } = await importOriginal<typeof import('./phone-engine.js')>();
  const { phoneEngine: liteEngine } = await import('./phone-engine-lite.js');
  const pick = (): PhoneEngine => (engines.current === 'full' ? full : liteEngine);
  const phoneEngine: PhoneEngine = {
    get name() {
      return pick().name;
    },
    parse: (text, country) => pick().parse(text, country),
    formatInternational: (e164) => pick().formatInternational(e164),
    formatAsYouType: (typed, country) => pick().formatAsYouType(typed, country),
  };
  return { phoneEngine };
});

const { normalizePhone } = await import('./normalize-phone.js');
const { phoneEngine: phoneEngineFull } = await vi.importActual<typeof import('./phone-engine.js')>('./phone-engine.js');
const { formatPhoneInput, splitPhoneValue } = await import('./phone-input.js');

type Engine = 'full' | 'lite';
const both: readonly Engine[] = ['full', 'lite'];
function withEngine<T>(engine: Engine, run: () => T): T {
  engines.current = engine;
  try {
    return run();
  } finally {
    engines.current = 'full';
  }
}

beforeEach(() => {
  engines.current = 'full';
});

/** Numbers both engines read to the same E.164: [default country, as typed, E.164]. */
const same: readonly (readonly [string, string, string])[] = [
  ['CN', '139 1234 5678', '+8613912345678'],
  ['CN', '１３９ １２３４ ５６７８', '+8613912345678'],
  ['CN', '(010) 1234-5678', '+861012345678'],
  ['CN', '021-6234 5678', '+862162345678'],
  ['CN', '+86 139-1234-5678', '+8613912345678'],
  ['CN', '0086 139 1234 5678', '+8613912345678'],
  ['CN', '＋８６ （１３９） １２３４–５６７８', '+8613912345678'],
  ['HK', '5123 4567', '+85251234567'],
  ['HK', '2123 4567', '+85221234567'],
  ['US', '+852 9123 4567', '+85291234567'],
  ['TW', '0912 345 678', '+886912345678'],
  ['TW', '02 2345 6789', '+886223456789'],
  ['TW', '+886 912 345 678', '+886912345678'],
  ['US', '(415) 555-2671', '+14155552671'],
  ['US', '415.555.2671', '+14155552671'],
  ['US', '1 415 555 2671', '+14155552671'],
  ['US', '+1 (212) 555-0100', '+12125550100'],
  ['CA', '(416) 555-0123', '+14165550123'],
  ['CA', '604 555 0199', '+16045550199'],
  ['GB', '07400 123456', '+447400123456'],
  ['GB', '020 7219 3000', '+442072193000'],
  ['GB', '+44 (0)7400 123456', '+447400123456'],
  ['GB', '+44 07400 123456', '+447400123456'],
  ['DE', '030 12345678', '+493012345678'],
  ['DE', '0151 23456789', '+4915123456789'],
  ['DE', '089 / 1234567', '+49891234567'],
  ['DE', '+49 (0)30 901820', '+4930901820'],
  ['FR', '06 12 34 56 78', '+33612345678'],
  ['FR', '01.23.45.67.89', '+33123456789'],
  ['FR', '+33 6 12 34 56 78', '+33612345678'],
  ['JP', '090-1234-5678', '+819012345678'],
  ['JP', '03-1234-5678', '+81312345678'],
  ['JP', '０９０－１２３４－５６７８', '+819012345678'],
  ['KR', '010-2000-0000', '+821020000000'],
  ['KR', '02-312-3456', '+8223123456'],
  ['KR', '+82 10 2000 0000', '+821020000000'],
  ['IN', '98123 45678', '+919812345678'],
  ['IN', '098123 45678', '+919812345678'],
  ['IN', '011-2345-6789', '+911123456789'],
  ['SG', '8123 4567', '+6581234567'],
  ['SG', '6123 4567', '+6561234567'],
  ['SG', '+65 9123-4567', '+6591234567'],
  ['AU', '0412 345 678', '+61412345678'],
  ['AU', '(02) 9876 5432', '+61298765432'],
  ['AU', '+61 412 345 678', '+61412345678'],
];

/** Numbers both engines refuse: wrong lengths, unknown calling codes, no country. */
const refusedByBoth: readonly (readonly [string | undefined, string])[] = [
  ['CN', '12345'],
  ['GB', '06123 456789'],
  ['HK', '5123 456'],
  ['TW', '0912 345 67'],
  ['US', '415 555 267'],
  ['US', '+1 415 555 26711'],
  ['US', '(123) 456-7890'],
  ['CA', '416 555 012'],
  ['GB', '07400 12345'],
  ['DE', '0151 234567890123'],
  ['FR', '06 12 34 56 7'],
  ['KR', '010-2000-00000'],
  ['IN', '98123 4567'],
  ['SG', '8123 456'],
  ['AU', '0412 345 67'],
  [undefined, '+999 1234 5678'],
  [undefined, '+0 1234 5678'],
  [undefined, '139 1234 5678'],
  ['CN', '+86'],
];

/**
 * The known differences: numbers of the right length and general shape that fall outside the
 * allocated ranges the full engine knows. The lite engine accepts them; the receiver, which
 * re-validates with the full engine, answers 422 and the form shows the rejection.
 */
const acceptedOnlyByLite: readonly (readonly [string, string, string])[] = [
  ['CN', '120 1234 5678', '+8612012345678'],
  ['CN', '12345678901', '+8612345678901'],
  ['CN', '139 1234 567', '+861391234567'],
  ['CN', '139 1234', '+861391234'],
  ['DE', '0151 1234', '+491511234'],
  ['DE', '0140 1234567', '+491401234567'],
  ['JP', '03-0123-4567', '+81301234567'],
  ['JP', '090-1234-567', '+81901234567'],
  ['IN', '55555 55555', '+915555555555'],
  ['US', '(415) 055-2671', '+14150552671'],
];

/**
 * Countries whose national prefix needs libphonenumber-js's parsing rules (AR's `0 11 15 …`, BY's
 * `8 0 29 …`): the lite engine refuses their example mobile typed nationally (a known difference;
 * typed internationally it reads them).
 */
const nationalPrefixRules = ['AR', 'BY'];

describe('lite phone engine', () => {
  it('reads the same E.164 as the full engine for national and international numbers of 13 countries', () => {
    for (const [country, typed, e164] of same) {
      for (const engine of both) {
        expect(withEngine(engine, () => normalizePhone(typed, { defaultCountry: country })), `${engine}: ${country} ${typed}`).toEqual({ ok: true, value: e164 });
      }
    }
  });

  it('refuses wrong lengths and unknown calling codes, like the full engine', () => {
    for (const [country, typed] of refusedByBoth) {
      for (const engine of both) {
        const result = withEngine(engine, () => normalizePhone(typed, country ? { defaultCountry: country } : {}));
        expect(result, `${engine}: ${country} ${typed}`).toMatchObject({ ok: false, code: 'invalid_phone' });
      }
    }
  });

  it('accepts numbers outside the allocated ranges that only the full engine refuses (the known differences)', () => {
    for (const [country, typed, e164] of acceptedOnlyByLite) {
      expect(withEngine('full', () => normalizePhone(typed, { defaultCountry: country })), `full: ${country} ${typed}`).toMatchObject({ ok: false, code: 'invalid_phone' });
      expect(withEngine('lite', () => normalizePhone(typed, { defaultCountry: country })), `lite: ${country} ${typed}`).toEqual({ ok: true, value: e164 });
    }
  });

  it('accepts every country’s example mobile, national and international, with the full engine’s E.164', () => {
    const metadata = phoneMetadata();
    let checked = 0;
    for (const country of Object.keys(examples) as CountryCode[]) {
      const example = getExampleNumber(country, examples, metadata);
      if (!example) continue;
      const national = example.formatNational();
      const international = `+${getCountryCallingCode(country, metadata)} ${example.nationalNumber}`;
      for (const [typed, rules] of [
        [national, { defaultCountry: country }],
        [international, {}],
      ] as const) {
        const expected = withEngine('full', () => normalizePhone(typed, rules));
        expect(expected, `full: ${country} ${typed}`).toEqual({ ok: true, value: example.number });
        const actual = withEngine('lite', () => normalizePhone(typed, rules));
        if (typed === national && nationalPrefixRules.includes(country)) {
          expect(actual, `lite: ${country} ${typed}`).toMatchObject({ ok: false, code: 'invalid_phone' });
        } else {
          expect(actual, `lite: ${country} ${typed}`).toEqual(expected);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(480);
  });

  it('tells countries of a shared calling code apart by their leading digits', () => {
    for (const engine of both) {
      withEngine(engine, () => {
        expect(normalizePhone('416 555 0123', { defaultCountry: 'US', countries: ['CA'] }), engine).toEqual({ ok: true, value: '+14165550123' });
        expect(normalizePhone('+1 415 555 2671', { countries: ['CA'] }), engine).toMatchObject({ ok: false, code: 'phone_country_not_allowed' });
        expect(normalizePhone('+1 268 464 1234', { countries: ['AG'] }), engine).toEqual({ ok: true, value: '+12684641234' });
        expect(normalizePhone('+7 701 234 5678', { countries: ['KZ'] }), engine).toEqual({ ok: true, value: '+77012345678' });
        expect(normalizePhone('+7 912 345 6789', { countries: ['RU'] }), engine).toEqual({ ok: true, value: '+79123456789' });
        expect(normalizePhone('+800 1234 5678'), engine).toEqual({ ok: true, value: '+80012345678' });
      });
    }
  });

  it('gives a shared calling code’s member without leading digits only as the default country (a known difference)', () => {
    // Guernsey shares +44 with GB; the full engine knows its ranges, the lite one only its default.
    expect(withEngine('full', () => splitPhoneValue('+44 1481 256789', undefined))).toEqual({ country: 'GG', national: '01481 256789' });
    expect(withEngine('lite', () => splitPhoneValue('+44 1481 256789', undefined))).toEqual({ country: 'GB', national: '1481256789' });
    for (const engine of both) {
      expect(withEngine(engine, () => normalizePhone('01481 256789', { defaultCountry: 'GG', countries: ['GG'] })), engine).toEqual({
        ok: true,
        value: '+441481256789',
      });
    }
  });

  it('gives the error messages’ examples as libphonenumber-js formats them, with either engine', async () => {
    const { phoneExample } = await import('./normalize-phone.js');
    const samples = { CN: '+8613912345678', US: '+12015550123', GB: '+447400123456', DE: '+4915123456789', JP: '+819012345678', IN: '+919812345678', HK: '+85251234567', SG: '+6581234567' };
    for (const [country, sample] of Object.entries(samples)) {
      const expected = withEngine('full', () => phoneEngineFull.formatInternational(sample));
      for (const engine of both) expect(withEngine(engine, () => phoneExample(country)), `${engine}: ${country}`).toBe(expected);
    }
  });

  it('reads a stored value for the phone input by country, the national part as its digits', () => {
    withEngine('lite', () => {
      expect(splitPhoneValue('+8613912345678', 'US')).toEqual({ country: 'CN', national: '13912345678' });
      expect(splitPhoneValue('+447400123456', 'US')).toEqual({ country: 'GB', national: '7400123456' });
      expect(splitPhoneValue('+493012345678', 'US')).toEqual({ country: 'DE', national: '3012345678' });
      expect(splitPhoneValue('13912345678', 'CN')).toEqual({ country: 'CN', national: '13912345678' });
      expect(splitPhoneValue('+999 nonsense', 'CN')).toEqual({ country: 'CN', national: '+999 nonsense' });
    });
    expect(withEngine('full', () => splitPhoneValue('+447400123456', 'US'))).toEqual({ country: 'GB', national: '07400 123456' });
  });

  it('leaves what is typed as typed (it formats nothing; the full engine groups as libphonenumber-js does)', () => {
    withEngine('lite', () => {
      for (const [typed, country] of [['1391234', 'CN'], ['13912345678', 'CN'], ['07400123456', 'GB'], ['+8613912345678', undefined], ['(415) 555-2671', 'US'], ['call me', 'US']] as const) {
        expect(formatPhoneInput(typed, country)).toBe(typed);
      }
    });
    expect(withEngine('full', () => formatPhoneInput('4155552671', 'US'))).toBe('(415) 555-2671');
    expect(withEngine('full', () => formatPhoneInput('13912345678', 'CN'))).toBe('139 1234 5678');
  });

  it('never throws for unknown or hostile default countries', () => {
    for (const country of ['XX', 'cn', '', '__proto__', 'constructor', 'toString', '800']) {
      expect(withEngine('lite', () => normalizePhone('139 1234 5678', { defaultCountry: country })), country).toMatchObject({ ok: false, code: 'invalid_phone' });
      expect(lite.formatAsYouType('139', country), country).toBe('139');
    }
  });
});

describe('lite engine: territories sharing a calling code', () => {
  it.each([
    ['GG', '+44 20 7086 8226', 'GB'],
    ['JE', '+44 20 7086 8226', 'GB'],
    ['CX', '+61 2 9030 2334', 'AU'],
    ['CC', '+61 2 9030 2334', 'AU'],
    ['GG', '020 7086 8226', 'GB'],
  ])('default country %s accepts %s (a number of %s)', (defaultCountry, text, country) => {
    const parsed = lite.parse(text, defaultCountry);
    expect(parsed?.valid).toBe(true);
    expect(parsed?.country).toBe(country);
  });
});

it('lite engine: default country YT accepts a number of RE (+262)', () => {
  expect(lite.parse('+262 262 16 12 34', 'YT')?.valid).toBe(true);
});
