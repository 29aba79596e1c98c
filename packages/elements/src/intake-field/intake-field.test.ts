import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { IntakeField } from './intake-field.js';

describe('<intake-field> smoke', () => {
  it('submits the normalized phone to a native form', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><intake-field type="phone" name="phone" label="Phone" default-country="US"></intake-field></form>`);
    const field = form.querySelector('intake-field') as IntakeField;
    await field.updateComplete;
    field.focus();
    await sendKeys({ type: '(415) 555-2671' });
    await sendKeys({ press: 'Tab' });
    expect(new FormData(form).get('phone')).to.equal('+14155552671');
    await expect(form).to.be.accessible();
  });
});
