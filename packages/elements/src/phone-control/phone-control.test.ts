import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../intake-field/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';

async function phoneField(width: number): Promise<{ field: IntakeField; select: HTMLSelectElement; input: HTMLInputElement }> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px"><intake-field type="phone" name="tel" label="Mobile number" default-country="CN"></intake-field></div>`,
  );
  const field = wrapper.querySelector<IntakeField>('intake-field')!;
  await field.updateComplete;
  const select = field.renderRoot.querySelector<HTMLSelectElement>('[part="country-select"]')!;
  const input = field.renderRoot.querySelector<HTMLInputElement>('[part="input"]')!;
  return { field, select, input };
}

describe('the phone control', () => {
  it('shows full-width digits typed (a Chinese IME) as the ASCII digits the number is stored in', async () => {
    const { field, input } = await phoneField(600);
    input.focus();
    await sendKeys({ type: '１３９１２３４５６７８' });
    await field.updateComplete;
    expect(input.value).to.equal('139 1234 5678');
    expect(field.normalizedValue).to.equal('+8613912345678');
  });

  it('keeps the caret where it was when full-width digits are typed inside the number', async () => {
    const { field, input } = await phoneField(600);
    input.focus();
    await sendKeys({ type: '13912345678' });
    input.setSelectionRange(3, 3);
    await sendKeys({ type: '０' });
    await field.updateComplete;
    expect(input.value.replace(/\D/g, '')).to.equal('139012345678');
    expect(/[\uff10-\uff19]/.test(input.value)).to.equal(false);
  });

  it('puts the country and the number on rows of their own on a 360 px phone, the country not cut off; one row on a wide page', async () => {
    const narrow = await phoneField(288);
    const s = narrow.select.getBoundingClientRect();
    const i = narrow.input.getBoundingClientRect();
    expect(s.width).to.equal(288);
    expect(i.width).to.equal(288);
    expect(i.top).to.be.greaterThanOrEqual(s.bottom);
    const wide = await phoneField(600);
    const ws = wide.select.getBoundingClientRect();
    const wi = wide.input.getBoundingClientRect();
    expect(wi.top).to.equal(ws.top);
    expect(ws.width).to.be.greaterThanOrEqual(190);
  });
});
