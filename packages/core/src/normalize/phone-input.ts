import { currentPhoneEngine } from './current-phone-engine.js';
import { phoneCallingCodes } from './phone-metadata.js';

/** A choice of the country selector of a phone input. */
export interface PhoneCountryOption {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** Without `+`, e.g. `86`. */
  readonly callingCode: string;
}

/** A phone value split for a country selector and a number input. */
export interface PhoneParts {
  readonly country: string;
  /** The number without its country code, as a person would write it at home. */
  readonly national: string;
}

/**
 * The countries a phone input offers: the field's `countries` in their order, else every
 * country libphonenumber knows, with `preferred` first.
 */
export function phoneCountryOptions(countries?: readonly string[], preferred?: string): PhoneCountryOption[] {
  const callingCodes = phoneCallingCodes();
  const list = countries ? [...countries] : [...callingCodes.keys()];
  if (!countries && preferred && list.includes(preferred)) {
    list.splice(list.indexOf(preferred), 1);
    list.unshift(preferred);
  }
  return list.flatMap((country) => {
    const callingCode = callingCodes.get(country);
    return callingCode === undefined ? [] : [{ country, callingCode }];
  });
}

/**
 * The raw value a phone input gives the core: what was typed when it starts with `+` or `00`,
 * else the chosen country's calling code followed by what was typed (`+44 07400 123456`; the
 * national `0` is dropped when normalizing). Empty input stays empty.
 */
export function composePhoneInput(country: string | undefined, typed: string): string {
  const text = typed.normalize('NFKC').trim();
  if (text === '' || text.startsWith('+') || text.startsWith('00') || !country) return typed.trim();
  const callingCode = phoneCallingCodes().get(country);
  return callingCode === undefined ? typed.trim() : `+${callingCode} ${typed.trim()}`;
}

/**
 * Splits a raw or normalized phone value into a country and the national part, for showing it in
 * a phone input: `+8613912345678` → `{ country: 'CN', national: '139 1234 5678' }`. A value that
 * does not parse keeps its text as the national part.
 */
export function splitPhoneValue(value: string, defaultCountry: string | undefined): PhoneParts {
  const fallback = defaultCountry ?? '';
  const text = value.normalize('NFKC').trim();
  if (!text.startsWith('+') && !text.startsWith('00')) return { country: fallback, national: value };
  const phone = currentPhoneEngine().parse(text.startsWith('00') ? `+${text.slice(2)}` : text, undefined);
  if (!phone?.country) return { country: fallback, national: value };
  return { country: phone.country, national: phone.national };
}

/**
 * Formats a phone number as it is typed, for the chosen country (libphonenumber-js `AsYouType`;
 * the lite engine groups digits like the country's example mobile, or leaves them):
 * `13912345678` → `139 1234 5678` in CN. Text that is not a phone number is returned as it is.
 */
export function formatPhoneInput(typed: string, country: string | undefined): string {
  if (!/^[+\d\s\-.()]*$/.test(typed)) return typed;
  return currentPhoneEngine().formatAsYouType(typed, country);
}
