import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './define.js';
import '../intake-field/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';
import { settle } from '../test-support/form-dom.js';
import type { IntakeForm } from './intake-form.js';

// A field's own `messages` (docs/schema.md, "Messages"), in both locales, inline and in the error
// summary; a question label's missing answer; the same on a lone <intake-field>.
const schema = {
  id: 'messages',
  fields: [
    {
      type: 'text',
      name: 'website',
      label: { en: 'Company website', 'zh-CN': '公司官网' },
      required: true,
      pattern: '(https?://)?[^\\s.]+(\\.[^\\s.]+)+',
      messages: {
        required: { en: 'Enter your company website', 'zh-CN': '请填写公司官网' },
        pattern_mismatch: { en: 'Enter the website like www.example.com', 'zh-CN': '请按 www.example.com 的格式填写官网' },
      },
    },
    {
      type: 'radio',
      name: 'help',
      label: { en: 'What can we help with?', 'zh-CN': '我们能帮您做什么？' },
      required: true,
      options: [{ value: 'sales', label: 'Sales' }, { value: 'support', label: 'Support' }],
    },
    { type: 'consent', name: 'terms', label: 'Terms', required: true, messages: { required: { en: 'Tick the box to accept the terms', 'zh-CN': '请勾选以接受条款' } } },
  ],
};

const field = (el: IntakeForm, name: string) => el.shadowRoot!.querySelector<IntakeField>(`intake-field[name="${name}"]`)!;
const inlineError = (el: IntakeForm, name: string) => field(el, name).renderRoot.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const summary = (el: IntakeForm) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')].map((link) => link.textContent?.trim());

const expected = {
  en: { required: 'Enter your company website', format: 'Enter the website like www.example.com', help: 'Select an answer to \u201CWhat can we help with?\u201D', terms: 'Tick the box to accept the terms' },
  'zh-CN': { required: '请填写公司官网', format: '请按 www.example.com 的格式填写官网', help: '请选择\u201C我们能帮您做什么？\u201D的答案', terms: '请勾选以接受条款' },
} as const;

describe('a field\'s own messages', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`${locale}: replace the built-in ones inline and in the summary; required covers a consent; a question label reads right; axe clean`, async () => {
      const el = await fixture<IntakeForm>(html`<intake-form locale=${locale} .schema=${schema}></intake-form>`);
      await waitUntil(() => el.controller, 'the form loads');
      await el.submit();
      await settle(el);
      const words = expected[locale];
      expect(summary(el)).to.deep.equal([words.required, words.help, words.terms]);
      expect(inlineError(el, 'website')).to.contain(words.required);
      expect(inlineError(el, 'help')).to.contain(words.help);
      expect(inlineError(el, 'terms')).to.contain(words.terms);
      await expect(el).to.be.accessible();

      el.values = { website: 'not a website' };
      await el.submit();
      await settle(el);
      expect(summary(el)[0]).to.equal(words.format);
      expect(inlineError(el, 'website')).to.contain(words.format);
      await expect(el).to.be.accessible();
    });
  }

  it('on a lone <intake-field>, as a property: validationMessage is the field\'s own', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><intake-field name="site" label="Website" required locale="en" .messages=${{ required: 'Tell us your website' }}></intake-field></form>`);
    const lone = form.querySelector<IntakeField>('intake-field')!;
    await lone.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(lone.validationMessage).to.equal('Tell us your website');
  });
});

describe('<intake-field> in a native form with several wrong fields', () => {
  it('marks every invalid field with its own message on reportValidity(), not only the first, so a page can list them all', async () => {
    const form = await fixture<HTMLFormElement>(html`<form novalidate>
      <intake-field name="name" label="Full name" required locale="en"></intake-field>
      <intake-field type="email" name="email" label="Email" required locale="en"></intake-field>
      <intake-field type="select" name="plan" label="Plan" required locale="en"><option value="a">A</option></intake-field>
      <intake-field type="consent" name="terms" label="I accept the terms" required locale="en"></intake-field>
    </form>`);
    const fields = [...form.querySelectorAll<IntakeField>('intake-field')];
    await Promise.all(fields.map((one) => one.updateComplete));
    fields[1]!.value = 'jane@';
    expect(form.reportValidity()).to.equal(false);
    await Promise.all(fields.map((one) => one.updateComplete));
    const shown = fields.map((one) => one.renderRoot.querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const messages = fields.map((one) => one.validationMessage);
    expect(messages).to.deep.equal(['Enter full name', 'Enter an email address in the correct format, like name@example.com', 'Select plan', 'You must agree to continue']);
    shown.forEach((text, i) => expect(text, fields[i]!.name).to.contain(messages[i]!));
    expect([...form.elements].filter((control) => control.matches(':invalid')).length).to.equal(4);
  });
});
