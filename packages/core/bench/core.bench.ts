/**
 * Benchmarks of @intake/core (run with `pnpm bench` from the repo root; results in
 * docs/BENCHMARKS.md). They measure the built package (`dist/`), as users get it.
 */
import { bench, describe } from 'vitest';
import { createIntake, formatSchemaIssues, normalizePhone, parseForm, type Form, type Intake, type IntakeOptions } from '@intake/core';
import crmLeadJson from '../presets/crm-lead.json' with { type: 'json' };
import { generateForm } from './generate-form.js';

/** Each bench runs ~1 s after a 200 ms warm-up (tinybench defaults are 500 ms and 100 ms). */
const timing = { time: 1000, warmupTime: 200 };

const intakeOptions: IntakeOptions = {
  locale: 'zh-CN',
  context: { url: 'https://example.com/contact?utm_source=expo&utm_medium=qr', referrer: 'https://www.baidu.com/' },
};

/** A filled crm-lead, as a person types it: extra spaces, full-width digits, capitals in the email. */
const crmLeadValues: Record<string, unknown> = {
  company: '  深圳市腾达科技有限公司 ',
  website: 'www.tengda-tech.com',
  industry: '65',
  companySize: '200-999',
  region: '440305',
  contactName: '张伟',
  department: 'it',
  jobTitle: 'IT  Manager',
  phone: '139 1234 5678',
  email: 'Zhang.Wei@TengDa-Tech.com',
  wechat: 'zhangwei_88',
  preferredContact: 'wechat',
  coreNeed: '希望统一管理展会和官网获取的客户线索，\r\n提升销售跟进效率。',
  interests: ['demo', 'pricing'],
  urgency: 'within-1-month',
  budget: '100k-500k',
  purchaseCycle: '1-3-months',
  currentSolution: 'Excel 表格 + 企业微信',
  expectedUsers: '１２０',
  sourceChannel: 'expo',
  sourceDetail: '2026 深圳国际电子展',
  firstContactDate: '2026年3月15日',
  isDecisionMaker: true,
  decisionScope: ['budget-approval', 'final-sign-off'],
  marketingOptIn: true,
  privacy: true,
  salesRep: 'rep-017',
};

interface Subject {
  readonly label: string;
  readonly json: unknown;
  readonly form: Form;
  readonly values: Record<string, unknown>;
  readonly alternate: { readonly name: string; readonly values: readonly [string, string] };
}

/** Parses a form and checks, once at load, that the filled controller is valid. Throws if not. */
function subject(label: string, json: unknown, values: Record<string, unknown>, alternate: Subject['alternate']): Subject {
  const parsed = parseForm(json);
  if (!parsed.ok) throw new Error(`${label} does not pass parseForm:\n${formatSchemaIssues(parsed.issues)}`);
  const intake = createIntake(parsed.form, intakeOptions);
  intake.setValues(values);
  for (const value of alternate.values) {
    intake.set(alternate.name, value);
    const { valid, errors } = intake.validate();
    if (!valid) throw new Error(`${label}: the benchmark values are not valid: ${JSON.stringify(errors)}`);
  }
  return { label, json, form: parsed.form, values, alternate };
}

const generated = generateForm(500);
const types = new Set(generated.json.fields.map((field) => field.type));
if (generated.json.fields.length !== 500 || types.size !== 12) throw new Error('generateForm: expected 500 fields of all 12 types');

const subjects = [
  subject('crm-lead preset (30 fields)', crmLeadJson, crmLeadValues, { name: 'phone', values: ['139 1234 5678', '139 1234 5679'] }),
  subject('generated form (500 fields)', generated.json, generated.values, generated.alternate),
];

function filled(s: Subject): Intake {
  const intake = createIntake(s.form, intakeOptions);
  intake.setValues(s.values);
  return intake;
}

for (const s of subjects) {
  describe(s.label, () => {
    bench('parseForm', () => {
      if (!parseForm(s.json).ok) throw new Error('parseForm failed');
    }, timing);

    // The realistic case: one field changes (the phone, the costliest normalizer), then a full
    // validate(). Other fields hit the controller's per-field normalization cache.
    const warm = filled(s);
    let flip = false;
    bench(`set('${s.alternate.name}') + validate()`, () => {
      flip = !flip;
      warm.set(s.alternate.name, s.alternate.values[flip ? 0 : 1]);
      if (!warm.validate().valid) throw new Error('invalid');
    }, timing);

    // Cold: a new controller, so every field is normalized.
    bench('cold: createIntake + setValues(all) + validate()', () => {
      const intake = createIntake(s.form, intakeOptions);
      intake.setValues(s.values);
      if (!intake.validate().valid) throw new Error('invalid');
    }, timing);

    const ready = filled(s);
    bench('toRecord()', async () => {
      await ready.toRecord();
    }, timing);
  });
}

describe('normalizePhone (per call)', () => {
  const cn = { defaultCountry: 'CN', countries: ['CN', 'HK', 'MO', 'TW', 'US', 'GB', 'DE', 'JP', 'SG', 'IN'] };
  const cases: [string, string, typeof cn | { defaultCountry: string }, boolean][] = [
    ['CN mobile with spaces', '139 1234 5678', cn, true],
    ['US with brackets', '(201) 555-0123', { defaultCountry: 'US' }, true],
    ['full-width digits', '１３９ １２３４ ５６７８', cn, true],
    ['invalid number (US area code 123)', '(123) 456-7890', { defaultCountry: 'US' }, false],
  ];
  for (const [name, input, rules, valid] of cases) {
    if (normalizePhone(input, rules).ok !== valid) throw new Error(`normalizePhone(${JSON.stringify(input)}) should be ${valid ? 'valid' : 'invalid'}`);
    bench(`${name}: '${input}'`, () => {
      if (normalizePhone(input, rules).ok !== valid) throw new Error('unexpected');
    }, timing);
  }
});
