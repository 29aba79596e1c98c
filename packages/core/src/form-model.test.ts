import { describe, expect, it } from 'vitest';
import { createIntake } from './create-intake.js';
import { labelInSentence } from './locale/value-message.js';
import { parseForm } from './parse-form.js';

describe('labelInSentence', () => {
  it('lower-cases an ordinary capitalized first word, as a label reads inside a sentence', () => {
    expect(labelInSentence('Company name')).toBe('company name');
    expect(labelInSentence('Email')).toBe('email');
  });

  it('keeps acronyms, brand-like words, one-letter words and non-Latin labels as they are', () => {
    for (const label of ['URL', 'LinkedIn profile', 'iPhone model', 'WeChat ID', 'A', 'I agree', '公司名称', '']) {
      expect(labelInSentence(label)).toBe(label);
    }
  });
});

describe('English field messages', () => {
  it('put the label inside the sentence lower-cased, and keep it as written at the start of one', () => {
    const parsed = parseForm({
      id: 'f',
      fields: [
        { type: 'text', name: 'company', label: { en: 'Company name', 'zh-CN': '公司名称' }, required: true, minLength: 3 },
        { type: 'text', name: 'site', label: 'URL', required: true },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
    const intake = createIntake(parsed.form, { locale: 'en' });
    expect(intake.validate().errors).toEqual({ company: 'Enter company name', site: 'Enter URL' });
    intake.set('company', 'ab');
    expect(intake.validate().errors['company']).toBe('Company name must be 3 characters or more');
    intake.locale = 'zh-CN';
    intake.set('company', '');
    expect(intake.validate().errors['company']).toBe('请填写公司名称');
  });
});

describe('a required hidden field without a value', () => {
  const parsed = parseForm({
    id: 'f',
    fields: [
      { type: 'text', name: 'company', required: true },
      { type: 'hidden', name: 'rep', label: { en: 'Sales rep code', 'zh-CN': '销售代表代码' }, required: true, prefill: 'rep' },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);

  it('is reported as missing from the page (hidden_missing), not as something to enter', () => {
    const intake = createIntake(parsed.form, { locale: 'en', values: { company: 'Acme' } });
    const result = intake.validate();
    expect(result.valid).toBe(false);
    expect(intake.issueFor('rep')?.code).toBe('hidden_missing');
    expect(result.errors).toEqual({
      rep: 'This form cannot be sent: sales rep code is missing, and this page should have filled it in. Open the page again from the link you were given, or contact the site owner',
    });
    intake.locale = 'zh-CN';
    expect(intake.validate().errors['rep']).toBe('此表单暂时无法提交：缺少销售代表代码，该项应由页面自动填写。请通过您收到的链接重新打开本页，或联系网站管理员');
  });

  it('passes once the page gives it a value (prefill, default or code)', async () => {
    const intake = createIntake(parsed.form, { values: { company: 'Acme' }, context: { url: 'https://example.com/expo?rep=ZH-07' } });
    expect(intake.validate()).toEqual({ valid: true, errors: {} });
    expect((await intake.toRecord()).data['rep']).toBe('ZH-07');
  });
});
