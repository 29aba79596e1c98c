import { createIntake, parseForm, type IntakeRecord } from '@intake/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { OutboxController } from './outbox-controller.js';

class OutboxHost extends LitElement {
  changes = 0;
  readonly outbox = new OutboxController(this, { onChange: () => (this.changes += 1) });
}
customElements.define('outbox-controller-host', OutboxHost);

const outboxKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:v1:'));

async function record(company: string): Promise<IntakeRecord> {
  const parsed = parseForm({ id: 'outbox-controller', fields: [{ type: 'text', name: 'company', required: true }] });
  if (!parsed.ok) throw new Error('the test form does not parse');
  const intake = createIntake(parsed.form, { values: { company } });
  return intake.toRecord();
}

describe('OutboxController', () => {
  beforeEach(() => {
    for (const key of outboxKeys()) localStorage.removeItem(key);
  });
  afterEach(() => {
    for (const key of outboxKeys()) localStorage.removeItem(key);
  });

  it('sends a record to the webhook, and says it has left the outbox', async () => {
    const host = await fixture<OutboxHost>(html`<outbox-controller-host></outbox-controller-host>`);
    const sent = await record('Acme');
    const result = await host.outbox.send(sent, { url: '/__webhook/201' });
    expect(result.outcome.kind).to.equal('delivered');
    expect(host.outbox.stateOf(sent.id)).to.deep.equal({ state: 'sent' });
    expect(outboxKeys().filter((key) => key.includes(sent.id))).to.deep.equal([]);
  });

  it('says why the webhook refused a queued record when a later try is refused', async () => {
    const host = await fixture<OutboxHost>(html`<outbox-controller-host></outbox-controller-host>`);
    const queued = await record('Acme');
    expect(host.outbox.queue(queued, { url: '/__webhook/422' })).to.equal(true);
    expect(host.outbox.stateOf(queued.id)).to.deep.equal({ state: 'waiting' });
    const flushed = await host.outbox.flush();
    expect(flushed.rejected).to.deep.equal([queued.id]);
    expect(host.outbox.stateOf(queued.id)).to.deep.equal({ state: 'rejected', message: 'This company is already registered.' });
  });

  it('a refusal at send time is its outcome, never queued', async () => {
    const host = await fixture<OutboxHost>(html`<outbox-controller-host></outbox-controller-host>`);
    const refused = await record('Acme');
    const result = await host.outbox.send(refused, { url: '/__webhook/422' });
    expect(result.outcome.kind).to.equal('rejected');
    expect(result.queued).to.equal(false);
    expect(outboxKeys().filter((key) => key.includes(refused.id))).to.deep.equal([]);
  });

  it('queues a record without sending it, tells of the change, and reports it waiting', async () => {
    const host = await fixture<OutboxHost>(html`<outbox-controller-host></outbox-controller-host>`);
    const queued = await record('Acme');
    const before = host.changes;
    expect(host.outbox.queue(queued, { url: '/__webhook/503' })).to.equal(true);
    expect(host.changes).to.be.greaterThan(before);
    expect(host.outbox.stateOf(queued.id)).to.deep.equal({ state: 'waiting' });
  });

  it('hears of changes made in another tab while connected, and not after it leaves the page', async () => {
    const host = await fixture<OutboxHost>(html`<outbox-controller-host></outbox-controller-host>`);
    const otherTab = () => window.dispatchEvent(new StorageEvent('storage', { key: 'intake-outbox:v1:entry:from-another-tab' }));
    const unrelated = () => window.dispatchEvent(new StorageEvent('storage', { key: 'some-other-app' }));
    const before = host.changes;
    unrelated();
    expect(host.changes).to.equal(before);
    otherTab();
    await waitUntil(() => host.changes === before + 1, 'onChange after a storage event of the outbox');
    host.remove();
    otherTab();
    expect(host.changes).to.equal(before + 1);
  });
});
