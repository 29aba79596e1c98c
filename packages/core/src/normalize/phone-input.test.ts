import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.js';
import { composePhoneInput, formatPhoneInput, phoneCountryOptions, splitPhoneValue, takeCallingCode } from './phone-input.js';
import { phoneCallingCodes, phoneCountriesByCallingCode } from './phone-metadata.js';

describe('phone input helpers', () => {
  it('offer the allowed countries in order, with calling codes', () => {
    expect(phoneCountryOptions(['CN', 'US', 'GB'])).toEqual([
      { country: 'CN', callingCode: '86' },
      { country: 'US', callingCode: '1' },
      { country: 'GB', callingCode: '44' },
    ]);
    const all = phoneCountryOptions(undefined, 'JP');
    expect(all[0]).toEqual({ country: 'JP', callingCode: '81' });
    expect(all.length).toBeGreaterThan(200);
  });

  it('compose the raw value from the chosen country and what was typed', () => {
    expect(composePhoneInput('GB', '07400 123456')).toBe('+44 07400 123456');
    expect(composePhoneInput('GB', '+1 415 555 2671')).toBe('+1 415 555 2671');
    expect(composePhoneInput('GB', '0086 139 1234 5678')).toBe('0086 139 1234 5678');
    expect(composePhoneInput('CN', '  ')).toBe('');
    expect(normalizePhone(composePhoneInput('GB', '07400 123456'), { defaultCountry: 'CN' })).toEqual({ ok: true, value: '+447400123456' });
    expect(normalizePhone(composePhoneInput('DE', '030 12345678'))).toEqual({ ok: true, value: '+493012345678' });
  });

  it('split a value back into country and national number', () => {
    expect(splitPhoneValue('+8613912345678', 'US')).toEqual({ country: 'CN', national: '139 1234 5678' });
    expect(splitPhoneValue('13912345678', 'CN')).toEqual({ country: 'CN', national: '13912345678' });
    expect(splitPhoneValue('+999 nonsense', 'CN')).toEqual({ country: 'CN', national: '+999 nonsense' });
  });

  it('format as typed for the chosen country', () => {
    expect(formatPhoneInput('13912345678', 'CN')).toBe('139 1234 5678');
    expect(formatPhoneInput('4155552671', 'US')).toBe('(415) 555-2671');
    expect(formatPhoneInput('call me', 'US')).toBe('call me');
  });
});

describe('takeCallingCode', () => {
  it('takes a whole calling code off the start of what is typed, and waits for one that is not whole yet', () => {
    expect(takeCallingCode('+', 'CN')).toBeUndefined();
    expect(takeCallingCode('+4', 'CN')).toBeUndefined();
    expect(takeCallingCode('+44', 'CN')).toEqual({ country: 'GB', national: '' });
    expect(takeCallingCode('+44 7400 123456', 'CN')).toEqual({ country: 'GB', national: '7400 123456' });
    expect(takeCallingCode('0086-139 1234 5678', 'US')).toEqual({ country: 'CN', national: '139 1234 5678' });
    expect(takeCallingCode('＋８５２ ５１２３', 'CN')).toEqual({ country: 'HK', national: '５１２３'.normalize('NFKC') });
    expect(takeCallingCode('139 1234 5678', 'CN')).toBeUndefined();
  });

  it('keeps the chosen country when it has that code, else the allowed one, else the main country', () => {
    expect(takeCallingCode('+1', 'CN')).toEqual({ country: 'US', national: '' });
    expect(takeCallingCode('+1', 'CA')).toEqual({ country: 'CA', national: '' });
    expect(takeCallingCode('+1 416', 'CN', ['CN', 'CA'])).toEqual({ country: 'CA', national: '416' });
    expect(takeCallingCode('+44 7400', 'CN', ['CN', 'HK'])).toBeUndefined();
    expect(takeCallingCode('+7 912', undefined)).toEqual({ country: 'RU', national: '912' });
  });

  it('knows every calling code, each with its countries, the main one first', () => {
    const byCode = phoneCountriesByCallingCode();
    for (const [country, code] of phoneCallingCodes()) {
      expect(byCode.get(code), code).toContain(country);
      // Calling codes are prefix-free: no shorter code starts a longer one.
      for (let length = 1; length < code.length; length++) expect(byCode.has(code.slice(0, length)), code).toBe(false);
    }
    expect(byCode.get('44')![0]).toBe('GB');
    expect(byCode.get('61')![0]).toBe('AU');
  });

  it('groups a national number typed without its trunk prefix as its international form does', () => {
    expect(formatPhoneInput('7400123456', 'GB')).toBe('7400 123456');
    expect(formatPhoneInput('07400123456', 'GB')).toBe('07400 123456');
    expect(formatPhoneInput('13912345678', 'CN')).toBe('139 1234 5678');
  });
});
