import { describe, expect, it } from 'vitest';
import { crmLeadForm, crmLeadRecord } from './test-support/crm-lead-record.js';
import { createIntake } from './create-intake.js';
import { formatPath } from './issue.js';
import type { IntakeRecord } from './record/record.js';
import type { Form } from './schema/types.js';
import { validateRecord } from './validate-record.js';

const form: Form = crmLeadForm;
const goodRecord = crmLeadRecord;

type Mutable = { -readonly [K in keyof IntakeRecord]: IntakeRecord[K] } & { data: Record<string, unknown> };

async function tampered(change: (record: Mutable) => void) {
  const record = structuredClone(await goodRecord()) as Mutable;
  change(record);
  return validateRecord(form, record).map((issue) => `${issue.code} ${formatPath(issue.path)}`);
}

describe('validateRecord', () => {
  it('accepts a record made by createIntake, also after a JSON round trip', async () => {
    const record = await goodRecord();
    expect(validateRecord(form, record)).toEqual([]);
    expect(validateRecord(form, JSON.parse(JSON.stringify(record)))).toEqual([]);
  });

  it('rejects what is not a record, with paths', () => {
    expect(validateRecord(form, null).map((issue) => issue.code)).toEqual(['invalid_type']);
    const issues = validateRecord(form, { id: 1, extra: true });
    expect(issues.map((issue) => `${issue.code} ${formatPath(issue.path)}`)).toEqual(
      expect.arrayContaining(['invalid_type id', 'missing_key data', 'unknown_key extra']),
    );
  });

  it('rejects a record of another form', async () => {
    expect(await tampered((r) => (r.form = { id: 'contact' }))).toEqual(['form_mismatch form.id']);
  });

  it('rejects values that are invalid, not normalized, unknown or hidden', async () => {
    expect(await tampered((r) => (r.data['phone'] = '12345'))).toEqual(['invalid_phone data.phone']);
    expect(await tampered((r) => (r.data['email'] = 'Wang@Example.com'))).toEqual(['not_normalized data.email']);
    expect(await tampered((r) => (r.data['industry'] = '制造业'))).toEqual(['invalid_option data.industry']);
    expect(await tampered((r) => (r.data['industry'] = 'C'))).toEqual(['incomplete_choice data.industry']);
    // A region's names must be those of its code: a forged name is refused.
    expect(await tampered((r) => (r.data['region'] = { code: '440305', province: '广东省', city: '深圳市', district: '福田区' }))).toEqual(['region_mismatch data.region']);
    expect(await tampered((r) => (r.data['region'] = { code: '440300', province: '广东省', city: '深圳市' }))).toEqual(['incomplete_choice data.region']);
    expect(await tampered((r) => (r.data['region'] = '440305'))).toEqual(['not_normalized data.region']);
    expect(await tampered((r) => (r.data['admin'] = true))).toEqual(['unknown_field data.admin']);
    const proto = JSON.parse(JSON.stringify(await goodRecord()).replace('"data":{', '"data":{"__proto__":{"admin":true},'));
    expect(validateRecord(form, proto).map((issue) => `${issue.code} ${formatPath(issue.path)}`)).toEqual(['unknown_field data.__proto__']);
    expect(await tampered((r) => (r.data['decisionMaker'] = 'Boss'))).toEqual(['hidden_field data.decisionMaker']);
    expect(await tampered((r) => (r.data['company'] = 'x'.repeat(5000)))).toEqual(['too_long data.company']);
    // A year typed into the wrong segment of a date input, outside the bounds of crm-lead's date.
    expect(await tampered((r) => (r.data['firstContactDate'] = '6315-02-02'))).toEqual(['date_too_late data.firstContactDate']);
    expect(await tampered((r) => (r.data['firstContactDate'] = '0026-03-15'))).toEqual(['date_too_early data.firstContactDate']);
  });

  it('rejects a record missing a required value, including one required by a condition', async () => {
    expect(await tampered((r) => delete r.data['company'])).toEqual(['required data.company']);
    expect(await tampered((r) => delete r.data['decisionScope'])).toEqual(['required_choice data.decisionScope']);
    expect(await tampered((r) => delete r.data['privacy'])).toEqual(['consent_required data.privacy', 'consent_unexpected consents[0].field']);
  });

  it('rejects tags and consents that do not match the data', async () => {
    expect(await tampered((r) => (r.tags = ['high-value']))).toEqual(['tags_mismatch tags']);
    expect(await tampered((r) => (r.consents = []))).toEqual(['consent_missing consents']);
    expect(await tampered((r) => (r.consents = [{ ...r.consents[0]!, version: '2020-01' }]))).toEqual(['consent_missing consents']);
  });

  it('checks the id, time and dedupe key formats', async () => {
    expect(await tampered((r) => (r.id = 'abc'))).toEqual(['invalid_id id']);
    expect(await tampered((r) => (r.submittedAt = 'yesterday'))).toEqual(['invalid_timestamp submittedAt']);
    expect(await tampered((r) => (r.dedupeKey = null))).toEqual(['invalid_dedupe_key dedupeKey']);
  });

  it('writes messages in the requested locale', async () => {
    const record = structuredClone(await goodRecord()) as Mutable;
    delete record.data['company'];
    expect(validateRecord(form, record, { locale: 'zh-CN' })[0]!.message).toBe('请填写公司名称');
  });
});
