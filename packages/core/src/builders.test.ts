import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineForm, field } from './builders.js';
import { createIntake } from './create-intake.js';
import { parseForm } from './parse-form.js';

const contact = defineForm({
  id: 'contact',
  fields: [
    field.text('name', { label: { en: 'Name', 'zh-CN': '姓名' }, required: true }),
    field.email('email', { required: true }),
    field.phone('phone', { defaultCountry: 'US' }),
    field.number('users', { integer: true }),
    field.select('topic', { options: [{ value: 'sales' }, { value: 'support' }], required: true }),
    field.checkboxes('interests', { options: [{ value: 'demo' }, { value: 'pricing' }] }),
    field.boolean('newsletter'),
    field.consent('privacy', { required: true, version: '2026-01' }),
    field.text('reason', { required: true, visibleWhen: { field: 'topic', equals: 'support' } }),
  ],
});

describe('defineForm and field builders', () => {
  it('produce the same JSON as a form file', () => {
    expect(contact.fields[0]).toEqual({ type: 'text', name: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, required: true });
    expect(JSON.parse(JSON.stringify(contact))).toEqual(contact);
    expect(parseForm(JSON.parse(JSON.stringify(contact)))).toEqual({ ok: true, form: contact });
  });

  it('throw with every problem and its path for an invalid form', () => {
    const build = () => defineForm({ id: 'bad', fields: [field.text('a', { visibleWhen: { field: 'nope', filled: true } }), field.text('a')] });
    expect(build).toThrow(/^defineForm: form "bad" is not valid:\n/);
    expect(build).toThrow(/^fields\[0\]\.visibleWhen\.field: No field is named "nope"$/m);
    expect(build).toThrow(/^fields\[1\]\.name: Field name "a" is already used by fields\[0\]$/m);
  });

  it('infer the type of record.data', async () => {
    const intake = createIntake(contact);
    intake.setValues({ name: 'Ann', email: 'ann@example.com', topic: 'sales', privacy: true });
    const record = await intake.toRecord();
    expectTypeOf(record.data.name).toEqualTypeOf<string>();
    expectTypeOf(record.data.topic).toEqualTypeOf<'sales' | 'support'>();
    expectTypeOf(record.data.phone).toEqualTypeOf<string | undefined>();
    expectTypeOf(record.data.users).toEqualTypeOf<number | undefined>();
    expectTypeOf(record.data.interests).toEqualTypeOf<('demo' | 'pricing')[] | undefined>();
    expectTypeOf(record.data.newsletter).toEqualTypeOf<boolean>();
    expectTypeOf(record.data.privacy).toEqualTypeOf<true>();
    expectTypeOf(record.data.reason).toEqualTypeOf<string | undefined>();
    expect(record.data).toEqual({ name: 'Ann', email: 'ann@example.com', topic: 'sales', newsletter: false, privacy: true });
  });
});
