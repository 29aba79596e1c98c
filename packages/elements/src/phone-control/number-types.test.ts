import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../intake-field/define.js';
import '../intake-form/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';
import type { IntakeForm } from '../intake-form/intake-form.js';
import { deepActive } from '../test-support/form-dom.js';

// `numberTypes` / `number-types` (docs/schema.md, `phone`): a "mobile only" field refuses a
// landline as the person leaves it, says so in their language, and the browser's own check agrees.

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function typeInto(field: IntakeField, text: string): Promise<void> {
  const input = field.renderRoot.querySelector<HTMLInputElement>('[part="input"]')!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  input.blur();
  await field.updateComplete;
}

describe('number-types on a phone field', () => {
  it('refuses a landline in a mobile-only field with a message that says so, on the field and to the browser', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><intake-field type="phone" name="mobile" label="Mobile number" default-country="CN" number-types="mobile" locale="en"></intake-field></form>`,
    );
    const field = form.querySelector<IntakeField>('intake-field')!;
    await typeInto(field, '010 1234 5678');
    expect(field.normalizedValue).to.equal(undefined);
    expect(field.validationMessage).to.equal('This is a landline number. Enter a mobile number');
    expect(squash(field.renderRoot.querySelector('[part="error"]')?.textContent)).to.contain('This is a landline number. Enter a mobile number');
    expect(form.checkValidity()).to.equal(false);
    expect(field.value, 'what was typed is kept').to.contain('1234');

    await typeInto(field, '131 2345 6789');
    expect(field.normalizedValue).to.equal('+8613123456789');
    expect(field.validationMessage).to.equal('');
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('mobile')).to.equal('+8613123456789');
  });

  it('takes a list ("mobile, fixed-line") and speaks Chinese', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <intake-field type="phone" name="either" label="联系电话" default-country="CN" number-types="mobile, fixed-line" locale="zh-CN"></intake-field>
        <intake-field type="phone" name="mobile" label="手机号码" default-country="CN" number-types="mobile" locale="zh-CN"></intake-field>
      </form>`,
    );
    const [either, mobile] = form.querySelectorAll<IntakeField>('intake-field');
    await typeInto(either!, '010 1234 5678');
    expect(either!.normalizedValue).to.equal('+861012345678');
    await typeInto(mobile!, '400 123 4567');
    expect(mobile!.validationMessage).to.equal('这是分摊付费电话号码，请输入手机号码');
  });

  it('in <intake-form>, a submit with a landline links the summary to the field and sends nothing', async () => {
    const schema = {
      id: 'types',
      fields: [{ type: 'phone', name: 'phone', label: 'Mobile number', defaultCountry: 'CN', numberTypes: ['mobile'], required: true }],
    };
    const form = await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${schema}></intake-form>`);
    await form.updateComplete;
    let submitted = 0;
    form.addEventListener('intake-submit', () => submitted++);
    form.values = { phone: '010 1234 5678' };
    await form.submit();
    await form.updateComplete;
    const summary = form.renderRoot.querySelector('[part="error-summary"]')!;
    const link = summary.querySelector('a')!;
    expect(squash(link.textContent)).to.equal('This is a landline number. Enter a mobile number');
    link.click();
    await waitUntil(() => (deepActive() as HTMLElement | null)?.getAttribute('part') === 'input', 'the link focuses the number');
    expect(submitted).to.equal(0);
  });
});
