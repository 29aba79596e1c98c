import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import type { PhoneEngine } from './phone-engine-api.js';
import { phoneMetadata } from './phone-metadata.js';

/**
 * The **full** phone engine: libphonenumber-js with Intake's mixed metadata ({@link phoneMetadata}),
 * which validates number ranges. The default for npm users and the receiver. The script-tag build
 * swaps this module for `phone-engine-lite.js` (see {@link PhoneEngine}).
 *
 * @example
 * phoneEngine.parse('139 1234 5678', 'CN')?.number; // '+8613912345678'
 */
export const phoneEngine: PhoneEngine = {
  name: 'full',
  parse(text, defaultCountry) {
    let phone;
    try {
      phone = parsePhoneNumberFromString(text, { defaultCountry: defaultCountry as CountryCode | undefined }, phoneMetadata());
    } catch {
      return undefined; // an unknown default country
    }
    if (!phone) return undefined;
    const valid = phone.isValid();
    const found = phone;
    // The national form and the type cost as much as the parse itself: worked out only when read
    // (a phone input shows the national form; only `numberTypes` asks for the type).
    return {
      number: phone.number,
      country: phone.country,
      valid,
      get national() {
        return found.formatNational();
      },
      get type() {
        return valid ? found.getType() : undefined;
      },
    };
  },
  formatInternational(e164) {
    return parsePhoneNumberFromString(e164, phoneMetadata())?.formatInternational();
  },
  formatAsYouType(typed, country) {
    try {
      return new AsYouType(country as CountryCode | undefined, phoneMetadata()).input(typed);
    } catch {
      return typed;
    }
  },
};
