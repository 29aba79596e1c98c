import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../intake-field/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';

// What people type into the browser's date input of a date field, as they would write the date:
// the input takes digits per segment in the order of the browser's locale (month first in
// en-US), so these land in the wrong segments. The field must end with the right date or an
// error, never empty and never another date without an error.

async function mount(attributes = ''): Promise<{ form: HTMLFormElement; el: IntakeField }> {
  const form = await fixture<HTMLFormElement>(
    `<form onsubmit="event.preventDefault()"><intake-field type="date" name="f" label="Visit date" ${attributes}></intake-field><button type="button">After</button></form>`,
  );
  const el = form.querySelector('intake-field')!;
  await el.updateComplete;
  return { form, el };
}

const input = (el: IntakeField) => el.shadowRoot!.querySelector('input')!;
const errorText = (el: IntakeField) => (el.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

const dateMessages = [
  'Enter a real date for visit date, like 2026-01-31',
  'Visit date must be on or after 1900-01-01',
  'Visit date must be on or before 2100-12-31',
];

describe('date renderer: what people type into the date input', () => {
  for (const typed of ['2026/3/15', '2026-03-15', '3/15/26']) {
    it(`"${typed}" ends as 2026-03-15 or an error, after every key`, async () => {
      const { form, el } = await mount();
      el.focus();
      for (const key of typed) {
        await sendKeys({ type: key });
        await el.updateComplete;
        // Never empty and never another date without an error, even halfway.
        if (el.value !== '2026-03-15') expect(el.checkValidity(), `after "${key}": ${el.value}`).to.equal(false);
      }
      await sendKeys({ press: 'Tab' });
      while (el.matches(':focus-within')) await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      if (el.value === '2026-03-15') {
        expect(el.checkValidity()).to.equal(true);
        expect(errorText(el)).to.equal('');
      } else {
        expect(el.checkValidity(), String(el.value)).to.equal(false);
        expect(form.checkValidity()).to.equal(false);
        expect(dateMessages).to.include(el.validationMessage);
        expect(errorText(el)).to.equal(`Error: ${el.validationMessage}`);
        expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      }
      // axe: the field, its error and its bounds as shown.
      await expect(form).to.be.accessible();
    });
  }

  it('gives the date input the bounds of the core: 1900-01-01 to 2100-12-31, or the field’s own', async () => {
    const { el } = await mount();
    expect([input(el).min, input(el).max]).to.deep.equal(['1900-01-01', '2100-12-31']);
    const bounded = (await mount('min="2026-01-01" max="2026-12-31"')).el;
    expect([input(bounded).min, input(bounded).max]).to.deep.equal(['2026-01-01', '2026-12-31']);
    const earlier = (await mount('min="1800-01-01"')).el;
    expect([input(earlier).min, input(earlier).max]).to.deep.equal(['1800-01-01', '2100-12-31']);
  });

  it('shows a date outside the bounds set from code, with the error naming the bound', async () => {
    const { el } = await mount();
    el.value = '1850/1/5';
    await el.updateComplete;
    expect(input(el).value).to.equal('1850-01-05');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.rangeUnderflow).to.equal(true);
    expect(el.validationMessage).to.equal('Visit date must be on or after 1900-01-01');
  });
});
