import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DraftController } from './draft-controller.js';

const key = (formId: string) => `intake-draft:v1:${formId}`;
const saved = (formId: string) => JSON.parse(localStorage.getItem(key(formId)) ?? 'null')?.values;

let values: Record<string, unknown> | undefined;

class DraftHost extends LitElement {
  readonly draft = new DraftController(this, { values: () => values, delayMs: 40 });
}
customElements.define('draft-controller-host', DraftHost);

describe('DraftController', () => {
  beforeEach(() => {
    values = { company: 'Acme' };
    for (const name of Object.keys(localStorage)) if (name.startsWith('intake-draft:v1:')) localStorage.removeItem(name);
  });

  it('saves the values once typing pauses, and loads them back', async () => {
    const host = await fixture<DraftHost>(html`<draft-controller-host></draft-controller-host>`);
    host.draft.schedule('lead');
    expect(saved('lead')).to.equal(undefined);
    await aTimeout(80);
    expect(saved('lead')).to.deep.equal({ company: 'Acme' });
    expect(host.draft.load('lead')).to.deep.equal({ company: 'Acme' });
  });

  it('waits again from each new keystroke, and saves the values of the last one', async () => {
    const host = await fixture<DraftHost>(html`<draft-controller-host></draft-controller-host>`);
    host.draft.schedule('lead');
    await aTimeout(25);
    values = { company: 'Acme Robotics' };
    host.draft.schedule('lead');
    await aTimeout(25);
    expect(saved('lead'), '50 ms after the first keystroke, 25 ms after the last').to.equal(undefined);
    await aTimeout(50);
    expect(saved('lead')).to.deep.equal({ company: 'Acme Robotics' });
  });

  it('saves nothing when there are no values to keep (the form was sent meanwhile)', async () => {
    const host = await fixture<DraftHost>(html`<draft-controller-host></draft-controller-host>`);
    host.draft.schedule('lead');
    values = undefined;
    await aTimeout(80);
    expect(localStorage.getItem(key('lead'))).to.equal(null);
  });

  it('discard drops a waiting save and deletes the saved draft', async () => {
    const host = await fixture<DraftHost>(html`<draft-controller-host></draft-controller-host>`);
    host.draft.schedule('lead');
    await aTimeout(80);
    expect(saved('lead')).to.deep.equal({ company: 'Acme' });
    values = { company: 'Other' };
    host.draft.schedule('lead');
    host.draft.discard('lead');
    await aTimeout(80);
    expect(localStorage.getItem(key('lead'))).to.equal(null);
    expect(host.draft.load('lead')).to.equal(undefined);
  });

  it('saves a waiting draft at once when the element leaves the page', async () => {
    const host = await fixture<DraftHost>(html`<draft-controller-host></draft-controller-host>`);
    host.draft.schedule('lead');
    host.remove();
    expect(saved('lead')).to.deep.equal({ company: 'Acme' });
  });
});
