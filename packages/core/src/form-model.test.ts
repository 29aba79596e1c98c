import { describe, expect, it } from 'vitest';
import { createIntake } from './create-intake.js';
import { labelInSentence } from './form-model.js';
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
