import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { IntakeForm } from './intake-form.js';

const schema = {
  id: 'summary-links',
  fields: [
    { type: 'text', name: 'company', label: 'Company', required: true },
    { type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'US', required: true },
    { type: 'radio', name: 'size', label: 'Size', options: [{ value: 'small' }, { value: 'large' }], required: true },
    { type: 'consent', name: 'privacy', label: 'I agree', required: true },
  ],
};

describe('<intake-form> error summary links', () => {
  it('are fragment links to the ids of the fields\' controls, each a focusable control of the form', async () => {
    const el = await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`);
    await el.submit();
    await el.updateComplete;
    const root = el.shadowRoot!;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#company', '#phone', '#size', '#privacy']);
    for (const link of links) {
      const target = root.getElementById(link.getAttribute('href')!.slice(1));
      expect(target, link.href).to.be.instanceOf(HTMLInputElement);
      expect(target!.matches('[part="input"], [part="choice-input"]'), `${link.href} is the labelled control`).to.equal(true);
      target!.focus();
      expect(root.activeElement, `${link.href} takes the focus`).to.equal(target);
    }
  });
});
