import { cleanCode } from './clean-text.js';
import { currentPhoneEngine } from './current-phone-engine.js';
import { phoneCallingCodes } from './phone-metadata.js';
import { empty, fail, ok, type NormalizeResult } from './result.js';

/** Options of {@link normalizePhone}. */
export interface PhoneRules {
  /** ISO 3166-1 alpha-2 country assumed for numbers typed without `+`. */
  readonly defaultCountry?: string;
  /** Countries whose numbers are accepted. */
  readonly countries?: readonly string[];
  /** The only kinds of number accepted (`['mobile']`); see {@link phoneTypeAllowed}. */
  readonly numberTypes?: readonly string[];
}

/** libphonenumber's `FIXED_LINE_OR_MOBILE` → `fixed-line-or-mobile`. */
const kebab = (type: string): string => type.toLowerCase().replaceAll('_', '-');

/**
 * Whether a number of libphonenumber type `type` is one of `wanted` (kebab-case types of
 * docs/schema.md): `fixed-line-or-mobile` counts as both `fixed-line` and `mobile`, either way.
 * A number whose type the engine cannot tell (`undefined`) passes: the receiver's full check
 * decides.
 */
export function phoneTypeAllowed(type: string | undefined, wanted: readonly string[]): boolean {
  if (type === undefined) return true;
  const found = kebab(type);
  if (wanted.includes(found)) return true;
  if (found === 'fixed-line-or-mobile') return wanted.includes('mobile') || wanted.includes('fixed-line');
  return (found === 'mobile' || found === 'fixed-line') && wanted.includes('fixed-line-or-mobile');
}

// What people type around digits: spaces, dashes, dots, brackets, slashes, and a leading +.
// NFKC has already turned full-width forms (１３９、＋、（）) into these.
const allowed = /^\+?[\d\s\-.()/\u2010-\u2015\u2212\u3000]*$/;

/**
 * Normalizes a phone number to E.164 (`+8613912345678`) with the phone engine (libphonenumber-js;
 * the script-tag build uses the lite engine, see `phone-engine-api.ts`). Accepts full-width
 * digits, spaces, dashes, dots and brackets; a number without `+` is read in `defaultCountry`,
 * and `00` or `+` starts an international number. It must be a valid number of an allowed country.
 *
 * @example
 * normalizePhone('１３９ 1234-5678', { defaultCountry: 'CN' }).value; // '+8613912345678'
 */
export function normalizePhone(raw: unknown, rules: PhoneRules = {}): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  let text = cleanCode(raw).normalize('NFKC').trim();
  if (text === '') return empty;
  const example = phoneExample(rules.defaultCountry);
  if (!allowed.test(text)) return fail('invalid_phone', { example });
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  // An unknown default country gives undefined; parseForm reports it.
  const phone = currentPhoneEngine().parse(text, rules.defaultCountry);
  if (!phone?.valid) return fail('invalid_phone', { example });
  const countries = rules.countries;
  if (countries && !(phone.country && countries.includes(phone.country))) {
    return fail('phone_country_not_allowed', { countries: countries.join(', ') });
  }
  const numberTypes = rules.numberTypes;
  if (numberTypes && !phoneTypeAllowed(phone.type, numberTypes)) {
    return fail('phone_type_not_allowed', { found: kebab(phone.type!), types: numberTypes.join(',') });
  }
  return ok(phone.number);
}

const examples = new Map<string, string>();

const genericExample = '+1 201 555 0123';

/**
 * A sample number of a country in international format, for messages: `+86 139 1234 5678`.
 * Without a country, or for a code the phone metadata does not know, a US sample.
 */
export function phoneExample(country: string | undefined): string {
  const key = country ?? '';
  let example = examples.get(key);
  if (example === undefined) {
    example = country ? formatExample(country) : genericExample;
    examples.set(key, example);
  }
  return example;
}

/**
 * Sample numbers for messages, written as libphonenumber-js formats them internationally (a test
 * checks that), so that a message reads the same whichever engine judges (the lite one formats
 * nothing).
 */
const sampleNumbers: Readonly<Record<string, string>> = {
  CN: '+86 139 1234 5678',
  US: '+1 201 555 0123',
  GB: '+44 7400 123456',
  DE: '+49 1512 3456789',
  JP: '+81 90 1234 5678',
  IN: '+91 98123 45678',
  HK: '+852 5123 4567',
  SG: '+65 8123 4567',
};

function formatExample(country: string): string {
  // Own keys only: a country such as `constructor` must not reach Object.prototype.
  if (Object.hasOwn(sampleNumbers, country)) return sampleNumbers[country]!;
  const callingCode = phoneCallingCodes().get(country);
  return callingCode ? `+${callingCode} …` : genericExample;
}
