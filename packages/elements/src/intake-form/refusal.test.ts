import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { IntakeErrorEvent } from '../events/intake-error-event.js';
import type { IntakeField } from '../intake-field/intake-field.js';
import { deepActive, settle } from '../test-support/form-dom.js';
import type { IntakeForm } from './intake-form.js';

// A 422 whose issues name fields (docs/contract.md#the-elements, "refusals on the field"): the
// test server's `/__webhook/422-fields` refuses the phone and the email by their paths
// `["data", "<field>"]`, names a field the form lacks (`__proto__`), and adds an issue without a field.
const schema = {
  id: 'refusal',
  fields: [
    { type: 'text', name: 'company', label: 'Company', required: true },
    { type: 'phone', name: 'phone', label: 'Mobile number', defaultCountry: 'CN', required: true },
    { type: 'email', name: 'email', label: 'Email', required: true },
    { type: 'text', name: 'note', label: 'Note' },
  ],
  steps: [
    { id: 'company', title: 'Company', fields: ['company', 'phone'] },
    { id: 'contact', title: 'Contact', fields: ['email', 'note'] },
  ],
};

const field = (el: IntakeForm, name: string) => el.shadowRoot!.querySelector<IntakeField>(`intake-field[name="${name}"]`);
const control = (el: IntakeForm, name: string) => field(el, name)?.renderRoot.querySelector<HTMLInputElement>('[part="input"]') ?? null;
const inlineError = (el: IntakeForm, name: string) => field(el, name)?.renderRoot.querySelector('[part~="error"]')?.textContent?.trim() ?? '';
const summaryLinks = (el: IntakeForm) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];

describe('<intake-form> refusals on the field', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`${locale}: shows each refused field's message inline and in the summary, on its step, focused, values kept; axe clean`, async () => {
      const el = await fixture<IntakeForm>(html`<intake-form locale=${locale} endpoint="/__webhook/422-fields" .schema=${schema}></intake-form>`);
      await waitUntil(() => el.controller, 'the form loads');
      const errors: IntakeErrorEvent[] = [];
      el.addEventListener('intake-error', (event) => errors.push(event as IntakeErrorEvent));
      const values = { company: 'Acme', phone: '139 1234 5678', email: 'li@example.com', note: 'hi' };
      el.values = values;
      await settle(el);
      // Continue to the last step, then send from there.
      el.controller!.steps.next();
      await settle(el);
      expect(el.controller!.steps.current).to.equal(1);
      await el.submit();
      await waitUntil(() => summaryLinks(el).length > 0, 'the refusal is shown');
      await settle(el);

      // The first refused field's step is shown and its control has the focus.
      expect(el.controller!.steps.current).to.equal(0);
      await waitUntil(() => deepActive() === control(el, 'phone'), 'the phone field takes the focus');
      expect(inlineError(el, 'phone')).to.include('Enter a valid phone number, like +86 139 1234 5678');
      expect(control(el, 'phone')!.getAttribute('aria-invalid')).to.equal('true');
      // The summary lists both refused fields, in form order, as links to their controls.
      expect(summaryLinks(el).map((link) => [link.getAttribute('href'), link.textContent?.trim()])).to.deep.equal([
        ['#phone', 'Enter a valid phone number, like +86 139 1234 5678'],
        ['#email', 'This email address cannot receive mail'],
      ]);
      // The failure notice keeps the general message; the event carries every issue.
      expect(el.shadowRoot!.querySelector('[part="failure"]')?.textContent).to.include('The record is invalid');
      expect(errors.map((event) => event.detail.kind)).to.deep.equal(['rejected']);
      expect(errors[0]!.detail.issues).to.have.length(4);
      expect(el.values).to.deep.equal(values);
      await expect(el).to.be.accessible();

      // Sending again without a change is stopped in the browser: the refusal still stands.
      await el.submit();
      await settle(el);
      expect(summaryLinks(el).map((link) => link.getAttribute('href'))).to.deep.equal(['#phone', '#email']);

      // Changing the phone clears its refusal (the email's stays until it changes).
      control(el, 'phone')!.focus();
      control(el, 'phone')!.select();
      await sendKeys({ type: '13912345679' });
      await settle(el);
      expect(inlineError(el, 'phone')).to.equal('');
      expect(control(el, 'phone')!.getAttribute('aria-invalid')).not.to.equal('true');
      expect(el.controller!.errorFor('email')).to.equal('This email address cannot receive mail');
    });
  }
});
