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

  it('follow a field being fixed: a new message replaces the entry, a fixed field leaves, other keystrokes leave the form as it is', async () => {
    const form = { id: 'summary-follows', fields: [{ type: 'email', name: 'email', label: 'Email', required: true }, schema.fields[0]] };
    const el = await fixture<IntakeForm>(html`<intake-form .schema=${form}></intake-form>`);
    await el.submit();
    await el.updateComplete;
    const root = el.shadowRoot!;
    const entries = () => [...root.querySelectorAll('[part="error-summary"] a')].map((a) => a.textContent!.trim());
    const [missing, company] = entries();
    const input = (root.querySelector('intake-field[name="email"]') as unknown as { renderRoot: ParentNode }).renderRoot.querySelector('input')!;
    let renders = 0;
    const render = (el as unknown as { render(): unknown }).render;
    (el as unknown as { render(): unknown }).render = function (this: IntakeForm) {
      renders += 1;
      return render.call(this);
    };
    const type = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await type('j');
    const invalid = entries()[0]!;
    expect(invalid, 'the message of the new problem').not.to.equal(missing);
    expect(entries()).to.deep.equal([invalid, company]);
    const before = renders;
    await type('ja');
    await type('jan');
    expect(renders, 'the same problem: the form is not drawn again').to.equal(before);
    await type('jane@example.com');
    expect(entries(), 'the fixed field leaves the summary').to.deep.equal([company]);
  });
});
