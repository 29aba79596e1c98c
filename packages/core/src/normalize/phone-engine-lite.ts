import type { PhoneEngine } from './phone-engine-api.js';
import litePhoneData from './phone-engine-lite.data.js';
import { phoneCallingCodes } from './phone-metadata.js';

/** One row of the generated table (see `scripts/build-phone-metadata.mjs`, `liteRows`). */
interface Plan {
  /** The country, or `undefined` for a non-geographic calling code (`+800`). */
  readonly country: string | undefined;
  readonly callingCode: string;
  readonly nationalPrefix: string;
  /** Allowed national number lengths, one base-36 digit each. */
  readonly lengths: string;
  readonly leadingDigits: RegExp | undefined;
  readonly pattern: RegExp;
}

interface Table {
  readonly byCountry: ReadonlyMap<string, Plan>;
  /** Plans per calling code, the group's main country first. */
  readonly byCallingCode: ReadonlyMap<string, readonly Plan[]>;
}

let table: Table | undefined;

function loadTable(): Table {
  if (table) return table;
  const callingCodes = phoneCallingCodes();
  const byCountry = new Map<string, Plan>();
  const byCallingCode = new Map<string, Plan[]>();
  for (const row of litePhoneData.split('\n')) {
    const [key, nationalPrefix, lengths, leadingDigits, pattern] = row.split(' ');
    const country = callingCodes.get(key!) === undefined ? undefined : key!;
    const plan: Plan = {
      country,
      callingCode: country ? callingCodes.get(country)! : key!,
      nationalPrefix: nationalPrefix!,
      lengths: lengths!,
      leadingDigits: leadingDigits ? new RegExp(`^(?:${leadingDigits})`) : undefined,
      pattern: new RegExp(`^(?:${pattern})$`),
    };
    if (country) byCountry.set(country, plan);
    const members = byCallingCode.get(plan.callingCode);
    if (members) members.push(plan);
    else byCallingCode.set(plan.callingCode, [plan]);
  }
  table = { byCountry, byCallingCode };
  return table;
}

/** Whether `national` has a length and a shape that `plan` allows. */
function fits(plan: Plan, national: string): boolean {
  return plan.lengths.includes(national.length.toString(36)) && plan.pattern.test(national);
}

/** The calling code `digits` (after `+`) start with; E.164 calling codes are a prefix code. */
function callingCodeOf(digits: string, byCallingCode: Table['byCallingCode']): string | undefined {
  for (let n = 1; n <= 3; n++) if (byCallingCode.has(digits.slice(0, n))) return digits.slice(0, n);
  return undefined;
}

/**
 * The country of a national number among the members of its calling code: the first whose leading
 * digits match (AG's `268`, CA's area codes), else the default country when it is a member that
 * has no leading digits (GG, JE, CC, …), else the main country (US for +1).
 */
function choosePlan(members: readonly Plan[], national: string, defaultCountry: string | undefined): Plan {
  const main = members[0]!;
  if (members.length === 1) return main;
  const byDigits = members.find((plan) => plan.leadingDigits?.test(national));
  if (byDigits) return byDigits;
  return members.find((plan) => plan.country === defaultCountry && !plan.leadingDigits) ?? main;
}

/** Drops a national prefix typed before the number (`0` in GB, `1` in the US) when what follows fits. */
function stripNationalPrefix(members: readonly Plan[], digits: string): string {
  const prefix = members[0]!.nationalPrefix;
  if (!prefix || !digits.startsWith(prefix)) return digits;
  const rest = digits.slice(prefix.length);
  return members.some((plan) => fits(plan, rest)) ? rest : digits;
}

/** A number read by the table: its calling code, national significant number and country plan. */
interface Reading {
  readonly callingCode: string;
  readonly national: string;
  readonly plan: Plan;
}

function read(text: string, defaultCountry: string | undefined): Reading | undefined {
  const { byCountry, byCallingCode } = loadTable();
  const digits = text.replace(/\D/g, '');
  let callingCode: string | undefined;
  let rest = digits;
  if (text.trimStart().startsWith('+')) {
    callingCode = callingCodeOf(digits, byCallingCode);
    if (callingCode === undefined) return undefined;
    rest = digits.slice(callingCode.length);
  } else {
    callingCode = defaultCountry === undefined ? undefined : byCountry.get(defaultCountry)?.callingCode;
    if (callingCode === undefined) return undefined;
  }
  if (rest === '') return undefined;
  const members = byCallingCode.get(callingCode)!;
  const national = stripNationalPrefix(members, rest);
  return { callingCode, national, plan: choosePlan(members, national, defaultCountry) };
}

/**
 * The **lite** phone engine: no libphonenumber-js at runtime, only a table generated from its `max`
 * metadata (`phone-engine-lite.data.ts`, about 4 KB gzip). It reads national and international
 * input (national prefix dropped), tells countries of a shared calling code apart by leading
 * digits, and checks each country's national number lengths and general pattern, the check
 * libphonenumber-js makes with its `min` metadata. It does not know the number ranges of each
 * type, so it accepts some numbers the full engine rejects (`+86 120 1234 5678`); the receiver
 * re-validates with the full engine and answers 422 for those. It formats nothing: what is typed
 * stays as typed, a number is shown as its digits. `docs/phone-metadata.md` lists the
 * differences. The script-tag build bundles it in place of `phone-engine.js` as the check that
 * works before (or without) the full engine loaded on demand (docs/schema.md, "Phone numbers in the script-tag build").
 *
 * @example
 * phoneEngine.parse('139 1234 5678', 'CN')?.number; // '+8613912345678'
 */
export const phoneEngine: PhoneEngine = {
  name: 'lite',
  parse(text, defaultCountry) {
    const reading = read(text, defaultCountry);
    if (!reading) return undefined;
    const { callingCode, national } = reading;
    // A territory sharing a calling code (GG, JE with +44; CX, CC with +61) accepts the numbers of
    // the other members too: the fallback never rejects a valid number (docs/phone-metadata.md).
    const plan = fits(reading.plan, national)
      ? reading.plan
      : (loadTable().byCallingCode.get(callingCode)!.find((member) => fits(member, national)) ?? reading.plan);
    return { number: `+${callingCode}${national}`, country: plan.country, valid: fits(plan, national), national };
  },
  formatInternational(e164) {
    const reading = read(e164, undefined);
    return reading && `+${reading.callingCode} ${reading.national}`;
  },
  // No grouping while typing: the lite engine carries no formats (the full engine, loaded on
  // demand, formats as libphonenumber-js does).
  formatAsYouType: (typed) => typed,
};
