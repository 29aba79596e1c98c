// `numberTypes` on phone fields (docs/schema.md, `phone`): which kinds of number a field accepts,
// judged against libphonenumber-js `max` (`getType()`) on the example number of every type that
// Google's libphonenumber metadata (google-libphonenumber) gives for the countries Intake carries
// `max` metadata for. Nobody here wrote either list.
import PhoneNumberUtilModule from 'google-libphonenumber';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createIntake } from '../create-intake.js';
import { checkRecord } from '../record/check-record.js';
import { computeDedupeKey } from '../record/dedupe-key.js';
import type { IntakeRecord } from '../record/record.js';
import { crmLeadForm, crmLeadRecord } from '../test-support/crm-lead-record.js';
import { parseForm } from '../parse-form.js';
import { phoneNumberTypes } from '../schema/field-types.js';
import { normalizePhone, phoneTypeAllowed } from './normalize-phone.js';

const { PhoneNumberUtil, PhoneNumberType, PhoneNumberFormat } = PhoneNumberUtilModule;
const util = PhoneNumberUtil.getInstance();
const listed = ['CN', 'HK', 'MO', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'JP', 'KR', 'IN', 'SG', 'AU'];

/** Every example number of every type for the listed countries, typed nationally. */
function examples(): { country: string; typed: string; e164: string }[] {
  const found = new Map<string, { country: string; typed: string; e164: string }>();
  for (const country of listed) {
    for (const type of Object.values(PhoneNumberType) as PhoneNumberUtilModule.PhoneNumberType[]) {
      const example = util.getExampleNumberForType(country, type);
      if (!example) continue;
      const e164 = util.format(example, PhoneNumberFormat.E164);
      found.set(`${country} ${e164}`, { country, typed: util.format(example, PhoneNumberFormat.NATIONAL), e164 });
    }
  }
  return [...found.values()];
}

/** What libphonenumber-js max says a field with `wanted` types does with the number. */
function oracle(country: string, typed: string, wanted: readonly string[]): 'ok' | 'invalid' | 'wrong-type' {
  const phone = parsePhoneNumberFromString(typed, { defaultCountry: country as CountryCode });
  if (!phone?.isValid()) return 'invalid';
  const type = phone.getType();
  if (type === undefined) return 'ok';
  const kinds = type === 'FIXED_LINE_OR_MOBILE' ? ['fixed-line-or-mobile', 'mobile', 'fixed-line'] : [type.toLowerCase().replaceAll('_', '-')];
  const asked = wanted.includes('fixed-line-or-mobile') ? [...wanted, 'mobile', 'fixed-line'] : wanted;
  return kinds.some((kind) => asked.includes(kind)) ? 'ok' : 'wrong-type';
}

describe('numberTypes', () => {
  it('accepts exactly the kinds of number asked for, as libphonenumber-js max tells them, on every example of every type', () => {
    const cases = examples();
    expect(cases.length).toBeGreaterThan(80);
    const asks: readonly (readonly string[])[] = [['mobile'], ['fixed-line'], ['mobile', 'fixed-line'], ['fixed-line-or-mobile'], ['toll-free'], ['voip', 'uan']];
    const disagreements: string[] = [];
    let refused = 0;
    for (const { country, typed, e164 } of cases) {
      for (const wanted of asks) {
        const result = normalizePhone(typed, { defaultCountry: country, numberTypes: wanted });
        const got = result.ok ? 'ok' : result.code === 'phone_type_not_allowed' ? 'wrong-type' : 'invalid';
        const expected = oracle(country, typed, wanted);
        if (got !== expected) disagreements.push(`${country} ${typed} (${e164}) for ${wanted.join('+')}: Intake ${got}, libphonenumber-js ${expected}`);
        if (got === 'wrong-type') refused++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(refused, 'some numbers are of another kind').toBeGreaterThan(100);
  });

  it('treats fixed-line-or-mobile as both kinds, and lets a number whose kind is unknown through', () => {
    expect(phoneTypeAllowed('FIXED_LINE_OR_MOBILE', ['mobile'])).toBe(true);
    expect(phoneTypeAllowed('FIXED_LINE_OR_MOBILE', ['fixed-line'])).toBe(true);
    expect(phoneTypeAllowed('MOBILE', ['fixed-line-or-mobile'])).toBe(true);
    expect(phoneTypeAllowed('FIXED_LINE', ['fixed-line-or-mobile'])).toBe(true);
    expect(phoneTypeAllowed('TOLL_FREE', ['fixed-line-or-mobile'])).toBe(false);
    expect(phoneTypeAllowed('FIXED_LINE', ['mobile'])).toBe(false);
    expect(phoneTypeAllowed(undefined, ['mobile'])).toBe(true);
    // A US number does not say whether it is a mobile: a "mobile only" field takes it.
    expect(normalizePhone('(201) 555-0123', { defaultCountry: 'US', numberTypes: ['mobile'] })).toEqual({ ok: true, value: '+12015550123' });
  });

  it('says which kind the number is and which is wanted, in English and Chinese', () => {
    const parsed = parseForm({
      id: 'types',
      fields: [{ type: 'phone', name: 'mobile', label: 'Mobile number', defaultCountry: 'CN', numberTypes: ['mobile'] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const en = createIntake(parsed.form, { locale: 'en' });
    en.set('mobile', '010 1234 5678');
    expect(en.validate().errors).toEqual({ mobile: 'This is a landline number. Enter a mobile number' });
    en.set('mobile', '131 2345 6789');
    expect(en.validate().valid).toBe(true);
    const zh = createIntake(parsed.form, { locale: 'zh-CN' });
    zh.set('mobile', '400 123 4567');
    expect(zh.validate().errors).toEqual({ mobile: '这是分摊付费电话号码，请输入手机号码' });
  });

  it('is a list of the kinds libphonenumber knows, in kebab-case, and nothing else parses', () => {
    const known = new Set(Object.keys(PhoneNumberType).map((type) => type.toLowerCase().replaceAll('_', '-')));
    for (const type of phoneNumberTypes) expect(known.has(type), type).toBe(true);
    const wrong = parseForm({ id: 't', fields: [{ type: 'phone', name: 'p', numberTypes: ['cell'] }] });
    expect(wrong.ok).toBe(false);
    const empty = parseForm({ id: 't', fields: [{ type: 'phone', name: 'p', numberTypes: [] }] });
    expect(empty.ok).toBe(false);
  });
});

describe('numberTypes on the receiver', () => {
  it("refuses a landline in the crm-lead preset's mobile number, naming the field, in the record's words", async () => {
    const record = JSON.parse(JSON.stringify(await crmLeadRecord())) as IntakeRecord;
    const landline = { ...record, data: { ...record.data, phone: '+861012345678' } };
    landline.dedupeKey = await computeDedupeKey(crmLeadForm, landline.data);
    const check = await checkRecord(landline, crmLeadForm);
    expect(check.issues.map((issue) => [issue.code, issue.path.join('.'), issue.message])).toEqual([
      ['phone_type_not_allowed', 'data.phone', 'This is a landline number. Enter a mobile number'],
    ]);
    expect((await checkRecord(record, crmLeadForm)).ok).toBe(true);
  });
});
