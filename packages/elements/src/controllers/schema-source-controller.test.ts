import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../intake-form/define.js';
import type { IntakeErrorEvent } from '../events/intake-error-event.js';
import type { IntakeForm } from '../intake-form/intake-form.js';
import { SchemaSourceController, type SchemaSources, type SchemaStatus } from './schema-source-controller.js';

let sources: Omit<SchemaSources, 'inline'> = { schema: undefined, schemaUrl: undefined };

class SourceHost extends LitElement {
  readonly settled: SchemaStatus[] = [];
  readonly source = new SchemaSourceController(this, {
    sources: () => sources,
    locale: () => 'en',
    onSettled: (status) => this.settled.push(status),
  });
  protected override willUpdate(): void {
    this.source.sync();
  }
}
customElements.define('schema-source-host', SourceHost);

/** The names of the fields `<intake-form>` shows. */
const fieldNames = (el: IntakeForm) => [...el.shadowRoot!.querySelectorAll('intake-field')].map((field) => field.getAttribute('name'));

const realFetch = window.fetch;

describe('SchemaSourceController', () => {
  afterEach(() => {
    window.fetch = realFetch;
    sources = { schema: undefined, schemaUrl: undefined };
  });

  it('is idle without a source, and ready with the form of a schema object at once', async () => {
    const host = await fixture<SourceHost>(html`<schema-source-host></schema-source-host>`);
    expect(host.source.status).to.deep.equal({ kind: 'idle' });
    sources = { ...sources, schema: { id: 'now', fields: [{ type: 'text', name: 'company' }] } };
    host.requestUpdate();
    await host.updateComplete;
    const status = host.source.status;
    expect(status.kind).to.equal('ready');
    expect(status.kind === 'ready' && status.form.id).to.equal('now');
    expect(host.settled.map((settled) => settled.kind)).to.deep.equal(['idle', 'ready']);
  });

  it('is loading while a schema-url is fetched, then ready; an error holds the problems', async () => {
    const host = await fixture<SourceHost>(html`<schema-source-host></schema-source-host>`);
    sources = { ...sources, schemaUrl: '/__schema/slow/100/company' };
    host.requestUpdate();
    await host.updateComplete;
    expect(host.source.status.kind).to.equal('loading');
    await waitUntil(() => host.source.status.kind === 'ready', 'the slow schema loads', { timeout: 3000 });
    sources = { ...sources, schemaUrl: '/no/such/schema.json' };
    host.requestUpdate();
    await waitUntil(() => host.source.status.kind === 'error', 'the 404 is an error', { timeout: 3000 });
    const status = host.source.status;
    expect(status.kind === 'error' && status.problems[0]!.message).to.include('HTTP 404');
  });

  it('aborts the fetch of a schema-url that a later one supersedes, and shows the later form', async () => {
    const signals: AbortSignal[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return realFetch(input, init);
    };
    const errors: IntakeErrorEvent[] = [];
    const el = await fixture<IntakeForm>(html`<intake-form schema-url="/__schema/slow/2000/first" @intake-error=${(event: IntakeErrorEvent) => errors.push(event)}></intake-form>`);
    await aTimeout(50);
    el.setAttribute('schema-url', '/__schema/slow/10/second');
    await waitUntil(() => fieldNames(el).length > 0, 'the second form shows', { timeout: 3000 });
    expect(signals).to.have.length(2);
    expect(signals[0]!.aborted, 'the superseded fetch').to.equal(true);
    expect(signals[1]!.aborted).to.equal(false);
    expect(fieldNames(el)).to.deep.equal(['second']);
    expect(errors, 'an aborted load is no schema error').to.have.length(0);
  });

  it('ignores the late answer of a superseded load even when its fetch is not aborted', async () => {
    const schema = (name: string) => JSON.stringify({ id: name, fields: [{ type: 'text', name, label: name }] });
    // A fetch that does not listen to its signal: the first answer comes after the second.
    window.fetch = async (input: RequestInfo | URL) => {
      const name = String(input).split('/').at(-1)!;
      await aTimeout(name === 'first' ? 300 : 10);
      return new Response(schema(name), { headers: { 'content-type': 'application/json' } });
    };
    const el = await fixture<IntakeForm>(html`<intake-form schema-url="/stub/first"></intake-form>`);
    el.setAttribute('schema-url', '/stub/second');
    await waitUntil(() => fieldNames(el).length > 0, 'the second form shows', { timeout: 3000 });
    await aTimeout(400);
    expect(fieldNames(el), 'the first answer came last, and is stale').to.deep.equal(['second']);
    expect(el.controller?.form.id).to.equal('second');
  });
});
