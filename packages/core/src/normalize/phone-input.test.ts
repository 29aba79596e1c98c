import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.js';
import { composePhoneInput, formatPhoneInput, phoneCountryOptions, splitPhoneValue } from './phone-input.js';

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
