import { currentPhoneEngine } from './current-phone-engine.js';
import { phoneCallingCodes, phoneCountriesByCallingCode } from './phone-metadata.js';

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
 * Takes a calling code typed at the start of a number (`+44 7700…`, `0044…`) out of the text, for
 * a country selector to show it instead, as soon as its digits are complete (calling codes are
 * prefix-free, so `+4` waits and `+44` is whole). The country is the one chosen already if it has
 * that code, else the first of `allowed` (a field's `countries`) that has it, else the code's main
 * country (`+1` → `US`): `{ country: 'GB', national: '7700…' }`. `undefined` when the text does
 * not start with a whole calling code, or no allowed country has it (the core then explains).
 */
export function takeCallingCode(typed: string, chosen: string | undefined, allowed?: readonly string[]): PhoneParts | undefined {
  const match = /^\s*(?:\+|00)\s*(\d{1,3})/.exec(typed.normalize('NFKC'));
  if (!match) return undefined;
  const byCode = phoneCountriesByCallingCode();
  for (let length = 1; length <= match[1]!.length; length++) {
    const countries = byCode.get(match[1]!.slice(0, length));
    if (!countries) continue;
    const usable = allowed ? countries.filter((country) => allowed.includes(country)) : countries;
    const country = chosen && usable.includes(chosen) ? chosen : usable[0];
    if (!country) return undefined;
    const national = typed.normalize('NFKC').slice(match[0].length - match[1]!.length + length).replace(/^[\s\-.)]+/, '');
    return { country, national };
  }
  return undefined;
}

/**
 * Formats a phone number as it is typed, for the chosen country (libphonenumber-js `AsYouType`;
 * the lite engine groups digits like the country's example mobile, or leaves them):
 * `13912345678` → `139 1234 5678` in CN. A national number typed without its trunk prefix, which
 * libphonenumber groups only in international form, is grouped as there (GB `7400123456` →
 * `7400 123456`, as in `+44 7400 123456`), so a calling code moved to the selector
 * ({@link takeCallingCode}) leaves the digits grouped as they were. Text that is not a phone
 * number is returned as it is.
 */
export function formatPhoneInput(typed: string, country: string | undefined): string {
  if (!/^[+\d\s\-.()]*$/.test(typed)) return typed;
  const engine = currentPhoneEngine();
  const formatted = engine.formatAsYouType(typed, country);
  const code = country && /^\d{4,}$/.test(formatted) ? phoneCallingCodes().get(country) : undefined;
  if (code === undefined) return formatted;
  const international = engine.formatAsYouType(`+${code}${formatted}`, undefined);
  return international.startsWith(`+${code} `) ? international.slice(code.length + 2) : formatted;
}
