import { expect, fixture, html } from '@open-wc/testing';
import '../intake-field/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';

// The form-control base through `<intake-field>`, its one subclass: what it adds to the validity
// of the field's value (a custom error) and to its association with labels.
describe('FormControl (through <intake-field>)', () => {
  it('setCustomValidity() makes a valid field invalid with the message, and "" clears it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><intake-field name="company" label="Company" value="Acme"></intake-field></form>`);
    const field = form.querySelector<IntakeField>('intake-field')!;
    await field.updateComplete;
    expect(field.checkValidity()).to.equal(true);
    field.setCustomValidity('This company is already registered.');
    expect(field.validity.customError).to.equal(true);
    expect(field.validationMessage).to.equal('This company is already registered.');
    expect(field.checkValidity()).to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(field.matches(':invalid')).to.equal(true);
    field.setCustomValidity('');
    expect(field.validity.valid).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
  });

  it('keeps a custom error while the value changes, and the value\'s own error comes back once it is cleared', async () => {
    const field = await fixture<IntakeField>(html`<intake-field name="company" label="Company" required></intake-field>`);
    expect(field.validity.valueMissing).to.equal(true);
    field.setCustomValidity('Not now');
    field.value = 'Acme';
    await field.updateComplete;
    expect(field.validationMessage).to.equal('Not now');
    field.value = '';
    await field.updateComplete;
    field.setCustomValidity('');
    expect(field.validity.customError).to.equal(false);
    expect(field.validity.valueMissing).to.equal(true);
  });

  it('lists the labels of the page that name it, like a native control', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><label for="phone-field">Your phone</label><intake-field id="phone-field" type="phone" name="phone"></intake-field></form>`);
    const field = form.querySelector<IntakeField>('intake-field')!;
    expect([...field.labels].map((label) => (label as HTMLElement).textContent)).to.deep.equal(['Your phone']);
  });
});
