import { describe, expect, it } from 'vitest';
import crmLead from '../presets/crm-lead.json' with { type: 'json' };
import { createIntake, type IntakeChange } from './create-intake.js';
import { IntakeValidationError } from './intake-validation-error.js';
import { dedupeSource } from './record/dedupe-key.js';
import { parsed } from './test-support/parsed-form.js';

const lead = parsed(crmLead);

const form = parsed({
  id: 'lead',
  version: 3,
  fields: [
    { type: 'text', name: 'company', label: { en: 'Company', 'zh-CN': '公司名称' }, required: true },
    { type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'CN', required: true, prefill: 'tel' },
    { type: 'email', name: 'email', label: 'Email' },
    { type: 'boolean', name: 'isDecisionMaker', label: 'Decision maker' },
    {
      type: 'checkboxes',
      name: 'decisionScope',
      label: 'Scope',
      options: [{ value: 'budget' }, { value: 'tech' }, { value: 'final' }],
      visibleWhen: { field: 'isDecisionMaker', equals: true },
      required: true,
    },
    { type: 'select', name: 'budget', label: 'Budget', options: [{ value: 'small' }, { value: 'large' }] },
    { type: 'number', name: 'users', label: 'Users', integer: true, min: 1 },
    { type: 'text', name: 'other', label: 'Other', requiredWhen: { field: 'budget', equals: 'large' } },
    { type: 'consent', name: 'privacy', label: 'Privacy', required: true, version: '2026-01' },
    { type: 'hidden', name: 'rep', prefill: 'rep' },
  ],
  tags: [
    { tag: 'high-value', when: { all: [{ field: 'isDecisionMaker', equals: true }, { field: 'budget', equals: 'large' }] } },
    { tag: 'has-email', when: { field: 'email', filled: true } },
  ],
  dedupe: ['phone', 'email'],
});

const page = { url: 'https://example.com/expo?utm_source=expo&utm_medium=qr&tel=13912345678&rep=wang', referrer: 'https://t.co/x' };

function filled(options = {}) {
  const intake = createIntake(form, { context: page, ...options });
  intake.setValues({ company: '  Acme   Ltd ', email: 'Li.Lei@Example.COM', privacy: true });
  return intake;
}

describe('createIntake', () => {
  it('starts from given values, URL prefill, defaults, then empty values', () => {
    const intake = createIntake(form, { context: page, values: { company: 'Given' } });
    expect(intake.get('company')).toBe('Given');
    expect(intake.get('phone')).toBe('13912345678');
    expect(intake.get('rep')).toBe('wang');
    expect(intake.get('email')).toBe('');
    expect(intake.get('isDecisionMaker')).toBe(false);
    expect(intake.get('decisionScope')).toEqual([]);
  });

  it('keeps raw values as typed and exposes normalized ones', () => {
    const intake = createIntake(form, { context: page });
    intake.set('phone', '１３９ 1234-5678');
    expect(intake.get('phone')).toBe('１３９ 1234-5678');
    expect(intake.normalized('phone')).toBe('+8613912345678');
    expect(intake.values['phone']).toBe('１３９ 1234-5678');
  });

  it('keeps a bad value as typed and reports it, localized', () => {
    const intake = createIntake(form, { context: page, locale: 'zh-CN' });
    intake.set('phone', '139 1234');
    expect(intake.get('phone')).toBe('139 1234');
    expect(intake.normalized('phone')).toBeUndefined();
    expect(intake.errorFor('phone')).toMatch(/^请输入有效的电话号码，例如 \+86 139/);
    expect(intake.errorFor('company')).toBe('请填写公司名称');
    intake.locale = 'en';
    expect(intake.errorFor('company')).toBe('Enter company');
  });

  it('shows errors only after a field is left or the form validated', () => {
    const intake = createIntake(form, { context: page });
    intake.set('email', 'not-an-email');
    expect(intake.errorFor('email')).toBeDefined();
    expect(intake.shownError('email')).toBeUndefined();
    intake.touch('email');
    expect(intake.shownError('email')).toMatch(/email address/);
    expect(intake.shownError('company')).toBeUndefined();
    const result = intake.validate();
    expect(result.valid).toBe(false);
    expect(Object.keys(result.errors)).toEqual(['company', 'email', 'privacy']);
    expect(intake.shownError('company')).toBe('Enter company');
    expect(intake.isTouched('company')).toBe(true);
  });

  it('validates only the given fields, for one step', () => {
    const intake = createIntake(form, { context: page });
    const result = intake.validate(['company', 'email']);
    expect(result).toEqual({ valid: false, errors: { company: 'Enter company' } });
    expect(intake.isTouched('privacy')).toBe(false);
  });

  it('shows conditional fields live, keeps their values while hidden, and never validates or sends them', async () => {
    const intake = filled();
    expect(intake.isVisible('decisionScope')).toBe(false);
    expect(intake.validate().valid).toBe(true);
    intake.set('isDecisionMaker', true);
    expect(intake.isVisible('decisionScope')).toBe(true);
    expect(intake.validate().errors).toEqual({ decisionScope: 'Select scope' });
    intake.set('decisionScope', ['final', 'budget']);
    intake.set('isDecisionMaker', false);
    expect(intake.isVisible('decisionScope')).toBe(false);
    expect(intake.get('decisionScope')).toEqual(['final', 'budget']);
    expect((await intake.toRecord()).data).not.toHaveProperty('decisionScope');
    intake.set('isDecisionMaker', true);
    expect((await intake.toRecord()).data['decisionScope']).toEqual(['budget', 'final']);
  });

  it('lets conditions read a hidden field as empty', () => {
    const chain = parsed({
      id: 'chain',
      fields: [
        { type: 'boolean', name: 'a' },
        { type: 'text', name: 'b', visibleWhen: { field: 'a', equals: true } },
        { type: 'text', name: 'c', visibleWhen: { field: 'b', filled: true } },
      ],
    });
    const intake = createIntake(chain);
    intake.setValues({ a: true, b: 'x' });
    expect(intake.isVisible('c')).toBe(true);
    intake.set('a', false);
    expect(intake.isVisible('b')).toBe(false);
    expect(intake.isVisible('c')).toBe(false);
  });

  it('applies requiredWhen while its condition holds', () => {
    const intake = filled();
    expect(intake.isRequired('other')).toBe(false);
    intake.set('budget', 'large');
    expect(intake.isRequired('other')).toBe(true);
    expect(intake.validate().errors).toEqual({ other: 'Enter other' });
  });

  it('evaluates conditions on normalized values', () => {
    const numbers = parsed({
      id: 'n',
      fields: [
        { type: 'number', name: 'budget' },
        { type: 'text', name: 'why', visibleWhen: { field: 'budget', gte: 100000 } },
      ],
    });
    const intake = createIntake(numbers);
    intake.set('budget', '１００,０００');
    expect(intake.isVisible('why')).toBe(true);
    intake.set('budget', '99,999');
    expect(intake.isVisible('why')).toBe(false);
    intake.set('budget', 'lots');
    expect(intake.isVisible('why')).toBe(false);
  });

  it('notifies subscribers with the names that changed, and stops when unsubscribed', () => {
    const intake = filled();
    const changes: IntakeChange[] = [];
    const stop = intake.subscribe((change) => changes.push(change));
    intake.set('isDecisionMaker', true);
    expect(changes.at(-1)!.names).toEqual(expect.arrayContaining(['isDecisionMaker', 'decisionScope']));
    intake.set('isDecisionMaker', true);
    expect(changes).toHaveLength(1);
    intake.set('company', 'Acme');
    expect(changes.at(-1)!.names).toEqual(['company']);
    intake.touch('email');
    expect(changes.at(-1)!.names).toEqual(['email']);
    intake.locale = 'zh-CN';
    expect(changes.at(-1)!.locale).toBe(true);
    stop();
    intake.set('company', 'Other');
    expect(changes).toHaveLength(4);
  });

  it('throws a helpful error for an unknown field name (a programming mistake)', () => {
    const intake = createIntake(form);
    expect(() => intake.set('compnay', 'x')).toThrow(/no field "compnay". Its fields are: company, phone/);
  });

  it('resets to the first values and clears touched state', () => {
    const intake = filled();
    intake.validate();
    intake.reset();
    expect(intake.get('company')).toBe('');
    expect(intake.get('phone')).toBe('13912345678');
    expect(intake.touched.size).toBe(0);
  });

  it('rejects toRecord with the errors when invalid', async () => {
    const intake = createIntake(form, { context: page });
    const error = await intake.toRecord().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeValidationError);
    expect((error as IntakeValidationError).errors).toEqual({ company: 'Enter company', privacy: 'You must agree to continue' });
    expect(intake.shownError('company')).toBe('Enter company');
  });
});

describe('showRefusal', () => {
  it('marks the fields a 422 names by `["data", name]` until their values change, counted by validate(), and ignores the rest', () => {
    const intake = filled();
    expect(intake.validate().valid).toBe(true);
    const changes: IntakeChange[] = [];
    intake.subscribe((change) => changes.push(change));
    const names = intake.showRefusal([
      { path: ['data', 'email'], code: 'invalid_email', message: 'This address cannot receive mail' },
      { path: ['data', 'company'], message: 'Already registered' },
      { path: ['data', '__proto__'], message: 'x' },
      { path: ['data', 'toString'], message: 'x' },
      { path: ['dedupeKey'], message: 'no field' },
      { path: ['data', 'phone'], message: '' },
      { path: 'data.phone', message: 'not a path' },
      null,
      'text',
    ]);
    expect(names).toEqual(['company', 'email']);
    expect(changes.map((change) => change.names)).toEqual([['company', 'email']]);
    expect(intake.errorFor('email')).toBe('This address cannot receive mail');
    expect(intake.shownError('company')).toBe('Already registered');
    expect(intake.issueFor('email')).toEqual({ code: 'refused', message: 'This address cannot receive mail' });
    expect(intake.validate()).toEqual({ valid: false, errors: { company: 'Already registered', email: 'This address cannot receive mail' } });
    intake.set('email', 'li.lei@example.org');
    expect(intake.errorFor('email')).toBe(undefined);
    expect(intake.errorFor('company')).toBe('Already registered');
    intake.reset();
    // After a reset the company is empty again: its own problem, not the refusal.
    expect(intake.validate().errors['company']).toBe('Enter company');
  });
});

describe('toRecord', () => {
  it('builds the record of docs/contract.md#the-record', async () => {
    let now = Date.parse('2026-11-23T08:15:00.000Z');
    const intake = createIntake(form, { context: page, now: () => now, locale: 'zh-CN' });
    now += 1000;
    intake.setValues({ company: '  Acme   Ltd ', email: 'Li.Lei@Example.COM', isDecisionMaker: true, decisionScope: ['tech'], budget: 'large', other: 'x', users: '１２', privacy: true });
    now += 47_210;
    const record = await intake.toRecord();
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record).toEqual({
      id: record.id,
      form: { id: 'lead', version: 3 },
      submittedAt: '2026-11-23T08:15:48.210Z',
      locale: 'zh-CN',
      data: {
        company: 'Acme Ltd',
        phone: '+8613912345678',
        email: 'li.lei@example.com',
        isDecisionMaker: true,
        decisionScope: ['tech'],
        budget: 'large',
        users: 12,
        other: 'x',
        privacy: true,
        rep: 'wang',
      },
      tags: ['high-value', 'has-email'],
      consents: [{ field: 'privacy', version: '2026-01', acceptedAt: '2026-11-23T08:15:01.000Z' }],
      dedupeKey: record.dedupeKey,
      context: { url: page.url, referrer: page.referrer, utm: { source: 'expo', medium: 'qr' }, fillMs: 48_210 },
    });
  });

  it('computes the dedupe key as the hex SHA-256 of the dedupe values', async () => {
    const record = await filled().toRecord();
    expect(dedupeSource(form.dedupe!, record.data)).toBe('["+8613912345678","li.lei@example.com"]');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('["+8613912345678","li.lei@example.com"]'));
    expect(record.dedupeKey).toBe([...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
    const noDedupe = createIntake(parsed({ id: 'x', fields: [{ type: 'text', name: 'a' }] }));
    expect((await noDedupe.toRecord()).dedupeKey).toBeNull();
  });

  it('uses null for empty dedupe fields, so records without an email still match', async () => {
    const intake = filled();
    intake.set('email', '');
    const record = await intake.toRecord();
    expect(dedupeSource(form.dedupe!, record.data)).toBe('["+8613912345678",null]');
  });

  it('gives every record a new id', async () => {
    const intake = filled();
    const ids = new Set(await Promise.all(Array.from({ length: 20 }, async () => (await intake.toRecord()).id)));
    expect(ids.size).toBe(20);
  });

  it('leaves out empty optional fields and hidden fields', async () => {
    const record = await filled().toRecord();
    expect(Object.keys(record.data)).toEqual(['company', 'phone', 'email', 'isDecisionMaker', 'privacy', 'rep']);
  });

  it('adds the honeypot and extra context only when set', async () => {
    const intake = filled();
    expect((await intake.toRecord()).context).not.toHaveProperty('honeypot');
    intake.honeypot = 'http://spam.example';
    intake.extraContext['captcha'] = 'token-1';
    const context = (await intake.toRecord()).context;
    expect(context.honeypot).toBe('http://spam.example');
    expect(context['captcha']).toBe('token-1');
  });

  it('works outside a browser with no page context', async () => {
    const intake = createIntake(form);
    intake.setValues({ company: 'A', phone: '+1 415 555 2671', privacy: true });
    const record = await intake.toRecord();
    expect(record.context).toMatchObject({ url: '', referrer: '', utm: {} });
    expect(record.data['phone']).toBe('+14155552671');
  });

  it('tags the crm-lead preset high-value for a decision maker with a budget of 100k or more', async () => {
    const intake = createIntake(lead, { locale: 'en' });
    intake.setValues({
      company: '上海示例机械有限公司',
      industry: '34',
      contactName: '王伟',
      phone: '139-1234-5678',
      coreNeed: 'We need a CRM for our trade-show leads.',
      urgency: 'immediate',
      sourceChannel: 'expo',
      sourceDetail: 'CIIE 2026',
      isDecisionMaker: true,
      decisionScope: ['final-sign-off'],
      budget: '100k-500k',
      privacy: true,
    });
    const record = await intake.toRecord();
    expect(record.tags).toEqual(['high-value', 'urgent', 'expo-lead']);
    intake.set('budget', '50k-100k');
    expect((await intake.toRecord()).tags).toEqual(['urgent', 'expo-lead']);
  });
});
