import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import './define.js';
import type { IntakeChangeEvent } from '../events/intake-change-event.js';
import type { IntakeErrorEvent } from '../events/intake-error-event.js';
import type { IntakeSubmitEvent } from '../events/intake-submit-event.js';
import type { IntakeSubmittedEvent } from '../events/intake-submitted-event.js';
import type { IntakeField } from '../intake-field/intake-field.js';
import { loadRegionData } from '../data/load-data.js';
import { deepActive, fieldsOf, settle } from '../test-support/form-dom.js';
import type { IntakeForm } from './intake-form.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, any>;
type Values = Record<string, unknown>;

const presetTexts = new Map<string, string>();

/** A fresh copy of a preset of @intake/core (served by the web-test-runner dev server). */
async function preset(name: 'contact' | 'crm-lead'): Promise<Json> {
  let text = presetTexts.get(name);
  if (text === undefined) {
    const response = await fetch(new URL(`../../../core/presets/${name}.json`, import.meta.url));
    expect(response.ok, `preset ${name}`).to.equal(true);
    text = await response.text();
    presetTexts.set(name, text);
  }
  return JSON.parse(text) as Json;
}

const presetUrl = (name: string) => new URL(`../../../core/presets/${name}.json`, import.meta.url).pathname;

function fieldOf(el: IntakeForm, name: string): IntakeField {
  const field = el.shadowRoot!.querySelector<IntakeField>(`intake-field[name="${name}"]`);
  if (!field) throw new Error(`<intake-field name="${name}"> is not rendered; rendered: ${fieldsOf(el).map((f) => f.name).join(', ')}`);
  return field;
}

/**
 * The labelled control of a field (the input, select, textarea, or first choice). In a form its id
 * is the field's name (the error summary links to it), so it is found by its part.
 */
const controlSelector = '[part="input"], [part="choice-input"]';
function controlOf<T extends HTMLElement = HTMLInputElement>(el: IntakeForm, name: string): T {
  const control = fieldOf(el, name).renderRoot.querySelector<T>(controlSelector);
  if (!control) throw new Error(`field "${name}" renders no control`);
  return control;
}

/** Names of the fields a person can see. */
function shownNames(el: IntakeForm): string[] {
  return fieldsOf(el)
    .filter((field) => !field.hidden && field.renderRoot.querySelector(controlSelector))
    .map((field) => field.name);
}

function part(el: IntakeForm, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function summaryLinks(el: IntakeForm): HTMLAnchorElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelOf(el: IntakeForm, name: string): string {
  return text(fieldOf(el, name).renderRoot.querySelector('[part~="label"]'));
}

function inlineErrorOf(el: IntakeForm, name: string): string {
  return text(fieldOf(el, name).renderRoot.querySelector('[part="error"]'));
}

/** Waits until the form has loaded its schema (or shows why it cannot). */
async function ready<T extends IntakeForm>(el: T): Promise<T> {
  await waitUntil(() => el.controller || part(el, 'schema-error'), 'the form did not load', { timeout: 3000 });
  // The crm-lead preset's region field loads the region data when drawn: values set by the tests need it.
  if (el.controller?.form.fields.some((field) => field.type === 'region')) await loadRegionData();
  await settle(el);
  return el;
}

/** A real mouse click in the middle of an element. */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Focuses a field's control (as a tap into it would) and types. */
async function typeInto(el: IntakeForm, name: string, typed: string): Promise<void> {
  controlOf(el, name).focus();
  await sendKeys({ type: typed });
}

/** Moves focus backwards, as Shift+Tab does. */
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Submits with the keyboard: Enter on the Send (or Continue) button. */
async function pressPrimary(el: IntakeForm): Promise<void> {
  (part(el, 'submit') ?? part(el, 'next'))!.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

interface SeenRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
  status?: number;
}

/**
 * Records the requests the page makes through `fetch` (and their answers) while still sending
 * them to the dev server. Restored after each test.
 */
function watchFetch(): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const original = window.fetch;
  restoreFetch = () => {
    window.fetch = original;
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const entry: SeenRequest = { url: request.url, method: request.method, headers: request.headers, body: await request.clone().text() };
    seen.push(entry);
    const response = await original(request);
    entry.status = response.status;
    return response;
  };
  return seen;
}
let restoreFetch: (() => void) | undefined;

/** Events of a type that reach `target` during the test. */
function collect<E extends Event>(target: EventTarget, type: string): E[] {
  const events: E[] = [];
  target.addEventListener(type, (event) => events.push(event as E));
  return events;
}

const small = {
  id: 'small',
  title: 'Small form',
  fields: [
    { type: 'text', name: 'name', label: 'Name', required: true },
    { type: 'email', name: 'email', label: 'Email' },
  ],
};

/** Raw values that complete each step of the crm-lead preset. */
const crmSteps: Record<string, Values> = {
  company: { company: 'Acme Robotics', website: 'www.acme.example', industry: '39', companySize: '50-199', region: '440305' },
  contact: { contactName: 'Wang Wei', department: 'it', jobTitle: 'CTO', phone: '139 1234 5678', email: 'wang@acme.example', wechat: 'wangwei', preferredContact: 'phone' },
  needs: { coreNeed: 'A CRM for our sales team of fifty.', interests: ['demo', 'pricing'], urgency: 'immediate', budget: '100k-500k', purchaseCycle: '1-3-months', currentSolution: 'Spreadsheets', expectedUsers: '50' },
  source: { sourceChannel: 'expo', sourceDetail: 'Canton Fair', firstContactDate: '2026-11-20', isDecisionMaker: true, decisionScope: ['budget-approval'] },
  confirm: { notes: 'Call after 3 pm.', privacy: true },
};
const crmStepIds = Object.keys(crmSteps);
const crmAll: Values = Object.assign({}, ...Object.values(crmSteps));

/** Contact preset values that pass validation. */
const contactFilled: Values = {
  name: 'Ann Lee',
  email: 'ann@example.com',
  phone: '(415) 555-2671',
  company: 'Acme',
  topic: 'sales',
  message: 'Please call me about pricing.',
  privacy: true,
};

afterEach(async () => {
  restoreFetch?.();
  restoreFetch = undefined;
  await resetMouse();
});

// ---------------------------------------------------------------------------------------------

// Drafts and the outbox live in localStorage: every test starts from an empty one.
beforeEach(() => localStorage.clear());

describe('<intake-form>', () => {
  describe('smoke', () => {
    it('renders, shows the summary on a failed submit and emits a record', async () => {
      const schema = {
        id: 'contact',
        fields: [
          { type: 'text', name: 'name', label: 'Name', required: true },
          { type: 'email', name: 'email', label: 'Email', required: true },
        ],
      };
      const el = await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`);
      await el.updateComplete;
      await aTimeout(0);
      const fields = el.shadowRoot!.querySelectorAll('intake-field');
      expect(fields.length).to.equal(2);
      el.shadowRoot!.querySelector('button')!.click();
      await aTimeout(10);
      const summary = el.shadowRoot!.querySelector('[part="error-summary"]')!;
      expect(summary.textContent).to.include('Enter name');
      await waitUntil(() => deepActive() === controlOf(el, 'name'), 'the first invalid field takes the focus');
      await sendKeys({ type: 'Ann' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Ann@Example.com' });
      const submitted = oneEvent(el, 'intake-submitted');
      await sendKeys({ press: 'Enter' });
      const event = await submitted;
      expect(event.detail.record.data).to.deep.equal({ name: 'Ann', email: 'ann@example.com' });
      await expect(el).to.be.accessible();
    });
  });

  describe('schema sources', () => {
    it('renders the schema given as the `schema` property (object or JSON text)', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      expect(shownNames(el)).to.deep.equal(['name', 'email']);
      expect(text(part(el, 'title'))).to.equal('Small form');
      expect(labelOf(el, 'name')).to.include('Name');

      el.schema = JSON.stringify({ id: 'other', fields: [{ type: 'text', name: 'city', label: 'City' }] });
      await waitUntil(() => el.controller?.form.id === 'other', 'the new schema was not loaded');
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['city']);
    });

    it('fetches the schema from the `schema-url` attribute', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form schema-url=${presetUrl('contact')}></intake-form>`));
      expect(el.controller?.form.id).to.equal('contact');
      expect(shownNames(el)).to.deep.equal(['name', 'email', 'phone', 'company', 'topic', 'message', 'privacy']);
      expect(text(part(el, 'title'))).to.equal('Contact us');
    });

    it('loads a `schema-url` set after the element is on the page', async () => {
      const el = await fixture<IntakeForm>(html`<intake-form></intake-form>`);
      el.setAttribute('schema-url', presetUrl('contact'));
      await ready(el);
      expect(el.controller?.form.id).to.equal('contact');
      expect(shownNames(el)).to.have.length(7);
    });

    it('has :state(loading) until the form or its schema error is drawn, and its loading line has no margin (page CSS keeps its place meanwhile)', async () => {
      const el = await fixture<IntakeForm>(html`<intake-form></intake-form>`);
      await el.updateComplete;
      expect(el.matches(':state(loading)')).to.equal(true);
      const loading = el.shadowRoot!.querySelector('.loading')!;
      expect(getComputedStyle(loading).marginBlockStart).to.equal('0px');
      expect(getComputedStyle(loading).marginBlockEnd).to.equal('0px');
      el.setAttribute('schema-url', presetUrl('contact'));
      await ready(el);
      expect(el.matches(':state(loading)')).to.equal(false);
      const broken = await fixture<IntakeForm>(html`<intake-form .schema=${{ id: 'broken', fields: 'none' }}></intake-form>`);
      await waitUntil(() => broken.shadowRoot!.querySelector('[part="schema-error"]'), 'the schema error was not drawn');
      await broken.updateComplete;
      expect(broken.matches(':state(loading)')).to.equal(false);
    });

    it('reads an inline <script type="application/json"> child', async () => {
      const el = await ready(
        await fixture<IntakeForm>(html`<intake-form>
          <script type="application/json">
            { "id": "inline", "fields": [{ "type": "text", "name": "city", "label": "City", "required": true }] }
          </script>
        </intake-form>`),
      );
      expect(shownNames(el)).to.deep.equal(['city']);
      expect(labelOf(el, 'city')).to.include('City');
    });

    it('reads an inline script that arrives after the element is connected (as the HTML parser streams a page)', async () => {
      // An HTML parser connects <intake-form> (and runs connectedCallback) before it has parsed
      // the children; appending the script afterwards reproduces that order.
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('intake-form');
      host.append(el);
      await el.updateComplete;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(small);
      el.append(script);
      await ready(el);
      expect(shownNames(el)).to.deep.equal(['name', 'email']);
    });

    it('prefers the `schema` property over `schema-url` and an inline script', async () => {
      const el = await ready(
        await fixture<IntakeForm>(html`<intake-form .schema=${small} schema-url=${presetUrl('contact')}>
          <script type="application/json">{ "id": "inline", "fields": [{ "type": "text", "name": "city" }] }</script>
        </intake-form>`),
      );
      await aTimeout(50);
      expect(el.controller?.form.id).to.equal('small');
    });
  });

  describe('a broken schema', () => {
    const broken = {
      id: 'bad form',
      fields: [
        { type: 'text', name: 'a', requierd: true },
        { type: 'colour', name: 'b' },
        { type: 'text', name: 'c', visibleWhen: { field: 'nope', equals: 1 } },
      ],
    };

    it('renders a readable list of every problem with its JSON path and fires intake-error (schema)', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('intake-form');
      el.schema = broken;
      host.append(el);
      // A page adds its listener right after inserting the element.
      const errors = collect<IntakeErrorEvent>(host, 'intake-error');
      await ready(el);
      await aTimeout(0);

      const box = part(el, 'schema-error')!;
      expect(box, 'schema error box').to.exist;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(text(box)).to.include('This form cannot be shown');
      const items = [...box.querySelectorAll('li')].map((li) => [text(li.querySelector('code')), text(li)]);
      expect(items.map(([path]) => path)).to.deep.equal(['id', 'fields[0].requierd', 'fields[1].type', 'fields[2].visibleWhen.field']);
      expect(items[1]![1]).to.include('Unknown key "requierd" (did you mean "required"?)');
      expect(items[2]![1]).to.include('Unknown field type "colour"');
      expect(items[3]![1]).to.include('No field is named "nope"');
      expect(fieldsOf(el)).to.have.length(0);

      expect(errors, 'intake-error events').to.have.length(1);
      const [event] = errors;
      expect(event!.detail.kind).to.equal('schema');
      expect(event!.bubbles && event!.composed).to.equal(true);
      expect((event!.detail.issues as { path: unknown[] }[]).map((issue) => issue.path)).to.deep.equal([
        ['id'],
        ['fields', 0, 'requierd'],
        ['fields', 1, 'type'],
        ['fields', 2, 'visibleWhen', 'field'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('fires intake-error (schema) once to a listener bound in the template', async () => {
      const kinds: string[] = [];
      const el = await ready(
        await fixture<IntakeForm>(html`<intake-form .schema=${broken} @intake-error=${(event: IntakeErrorEvent) => kinds.push(event.detail.kind)}></intake-form>`),
      );
      await aTimeout(20);
      expect(part(el, 'schema-error')).to.exist;
      expect(kinds).to.deep.equal(['schema']);
    });

    it('says so when the `schema-url` answers 404', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const errors = collect<IntakeErrorEvent>(host, 'intake-error');
      const el = document.createElement('intake-form');
      el.setAttribute('schema-url', '/no/such/form.json');
      host.append(el);
      await ready(el);
      const box = part(el, 'schema-error')!;
      expect(text(box)).to.include('This form cannot be shown');
      expect(text(box)).to.include('/no/such/form.json');
      expect(text(box)).to.include('404');
      expect(errors.map((event) => event.detail.kind)).to.deep.equal(['schema']);
    });

    it('says the problems again in the new language when `locale` changes', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${broken}></intake-form>`));
      expect(text(part(el, 'schema-error'))).to.include('Unknown field type "colour"');
      el.locale = 'zh-CN';
      await waitUntil(() => text(part(el, 'schema-error')).includes('未知的字段类型 "colour"'), 'the box in Chinese', { timeout: 3000 });
      expect(text(part(el, 'schema-error'))).to.include('无法显示此表单');
      expect(text(part(el, 'schema-error'))).to.not.include('Unknown field type');
      await expect(el).to.be.accessible();
    });

    it('says the problems in Chinese when `locale` is first set after they are shown', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${broken}></intake-form>`));
      expect(text(part(el, 'schema-error'))).to.include('Unknown field type "colour"');
      el.locale = 'zh-CN';
      await waitUntil(() => text(part(el, 'schema-error')).includes('未知的字段类型 "colour"'), 'the box in Chinese', { timeout: 3000 });
    });

    it('lists invalid JSON in an inline script, localized', async () => {
      const el = await ready(
        await fixture<IntakeForm>(html`<intake-form locale="zh-CN"><script type="application/json">{ "id": "x", </script></intake-form>`),
      );
      const box = part(el, 'schema-error')!;
      expect(text(box)).to.include('无法显示此表单');
      expect(text(box.querySelector('code'))).to.equal('(root)');
      expect(text(box)).to.include('表单不是有效的 JSON');
    });
  });

  describe('rendering', () => {
    it('renders labels, help, options and titles that contain HTML as text', async () => {
      const evil = '<img src=x onerror="window.__intakePwned=1"><b>bold</b>';
      const schema = {
        id: 'evil',
        title: `Title ${evil}`,
        fields: [
          { type: 'text', name: 'a', label: `Label ${evil}`, help: `Help ${evil}`, required: true },
          { type: 'radio', name: 'b', label: `Group ${evil}`, options: [{ value: 'x', label: `Option ${evil}` }] },
        ],
      };
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`));
      await pressPrimary(el); // errors repeat the label
      const roots = [el.shadowRoot!, ...fieldsOf(el).map((field) => field.renderRoot)];
      for (const root of roots) expect(root.querySelectorAll('img, b').length, 'elements created from text').to.equal(0);
      expect(text(part(el, 'title'))).to.equal(`Title ${evil}`);
      expect(labelOf(el, 'a')).to.include(`Label ${evil}`);
      expect(text(fieldOf(el, 'a').renderRoot.querySelector('[part="help"]'))).to.equal(`Help ${evil}`);
      expect(text(fieldOf(el, 'b').renderRoot.querySelector('[part="choice"]'))).to.equal(`Option ${evil}`);
      expect(text(summaryLinks(el)[0])).to.equal(`Enter label ${evil}`);
      expect((window as { __intakePwned?: number }).__intakePwned).to.equal(undefined);
    });

    it('renders every field type with a labelled control', async () => {
      const options = [
        { value: 'one', label: 'One' },
        { value: 'two', label: 'Two' },
      ];
      const schema = {
        id: 'all-types',
        fields: [
          { type: 'text', name: 'text', label: 'Text' },
          { type: 'textarea', name: 'textarea', label: 'Textarea' },
          { type: 'email', name: 'email', label: 'Email' },
          { type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'US' },
          { type: 'number', name: 'number', label: 'Number' },
          { type: 'date', name: 'date', label: 'Date' },
          { type: 'select', name: 'select', label: 'Select', options },
          { type: 'radio', name: 'radio', label: 'Radio', options },
          { type: 'checkboxes', name: 'checkboxes', label: 'Checkboxes', options },
          { type: 'boolean', name: 'boolean', label: 'Boolean' },
          { type: 'consent', name: 'consent', label: 'Consent', version: '1' },
          { type: 'hidden', name: 'hidden', default: 'secret' },
        ],
      };
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`));
      expect(shownNames(el)).to.deep.equal(schema.fields.filter((f) => f.type !== 'hidden').map((f) => f.name));
      const kinds = Object.fromEntries(
        shownNames(el).map((name) => {
          const control = controlOf(el, name);
          return [name, `${control.localName}${control instanceof HTMLInputElement ? `:${control.type}` : ''}`];
        }),
      );
      expect(kinds).to.deep.equal({
        text: 'input:text',
        textarea: 'textarea',
        email: 'input:text',
        phone: 'input:tel',
        number: 'input:text',
        date: 'input:date',
        select: 'select',
        radio: 'input:radio',
        checkboxes: 'input:checkbox',
        boolean: 'input:checkbox',
        consent: 'input:checkbox',
      });
      expect(controlOf(el, 'email').inputMode).to.equal('email');
      expect(fieldOf(el, 'phone').renderRoot.querySelector('[part="country-select"]')).to.exist;
      expect([...controlOf<HTMLSelectElement>(el, 'select').options].map((o) => o.value)).to.deep.equal(['', 'one', 'two']);
      expect(fieldOf(el, 'radio').renderRoot.querySelectorAll('input[type=radio]')).to.have.length(2);
      expect(fieldOf(el, 'checkboxes').renderRoot.querySelectorAll('input[type=checkbox]')).to.have.length(2);
      for (const name of ['text', 'textarea', 'email', 'phone', 'number', 'date', 'select', 'boolean', 'consent']) {
        const control = controlOf(el, name) as HTMLInputElement;
        expect(text(control.labels?.[0]), `label of ${name}`).to.include(name.charAt(0).toUpperCase() + name.slice(1));
      }
      expect(el.values['hidden']).to.equal('secret');
      await expect(el).to.be.accessible();
    });
  });

  describe('conditional fields', () => {
    const schema = {
      id: 'conditional',
      fields: [
        { type: 'text', name: 'name', label: 'Name', required: true },
        { type: 'boolean', name: 'member', label: 'I am a member' },
        { type: 'text', name: 'memberId', label: 'Member number', required: true, minLength: 4, visibleWhen: { field: 'member', equals: true } },
        { type: 'text', name: 'referrer', label: 'Who referred you?', visibleWhen: { field: 'memberId', filled: true } },
      ],
    };

    it('appear and disappear live; a hidden field keeps its value, restores it, and is neither validated nor sent', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`));
      expect(shownNames(el)).to.deep.equal(['name', 'member']);
      await typeInto(el, 'name', 'Ann');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' }); // tick "I am a member"
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'member', 'memberId']);

      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(controlOf(el, 'memberId'));
      await sendKeys({ type: 'M1' }); // too short: invalid
      await settle(el);
      expect(shownNames(el), 'a condition on a value that is not valid sees it as empty').to.deep.equal(['name', 'member', 'memberId']);
      await shiftTab();
      await sendKeys({ press: 'Space' }); // untick
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'member']);
      expect(fieldOf(el, 'memberId').hidden).to.equal(true);

      expect(el.validate(), 'a hidden invalid field does not block').to.equal(true);
      const submitted = oneEvent(el, 'intake-submitted');
      await pressPrimary(el);
      const { record } = (await submitted).detail;
      expect(record.data).to.deep.equal({ name: 'Ann', member: false });
      expect(part(el, 'success')).to.exist;

      el.reset();
      await settle(el);
      await typeInto(el, 'name', 'Bo');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'M-1234' });
      await settle(el);
      expect(shownNames(el)).to.include('referrer');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Cy' });
      await shiftTab();
      await shiftTab();
      await sendKeys({ press: 'Space' }); // hide memberId, and through it referrer
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'member']);
      await sendKeys({ press: 'Space' }); // show again
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'member', 'memberId', 'referrer']);
      expect(controlOf(el, 'memberId').value, 'restored').to.equal('M-1234');
      expect(controlOf(el, 'referrer').value, 'restored').to.equal('Cy');
    });

    it('requiredWhen makes a visible field required while its condition holds', async () => {
      const withRequiredWhen = {
        id: 'required-when',
        fields: [
          {
            type: 'radio',
            name: 'reply',
            label: 'Reply by',
            required: true,
            options: [
              { value: 'email', label: 'Email' },
              { value: 'phone', label: 'Phone' },
            ],
          },
          { type: 'phone', name: 'phone', label: 'Phone number', defaultCountry: 'US', requiredWhen: { field: 'reply', equals: 'phone' } },
        ],
      };
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${withRequiredWhen}></intake-form>`));
      expect(controlOf(el, 'phone').getAttribute('aria-required')).to.equal('false');
      expect(fieldOf(el, 'phone').renderRoot.querySelector('[part="required-marker"]')).to.equal(null);
      controlOf(el, 'reply').focus();
      await sendKeys({ press: 'Space' }); // email
      await sendKeys({ press: 'ArrowDown' }); // phone
      await settle(el);
      expect(el.values['reply']).to.equal('phone');
      expect(controlOf(el, 'phone').getAttribute('aria-required')).to.equal('true');
      expect(fieldOf(el, 'phone').renderRoot.querySelector('[part="required-marker"]')).to.exist;
      expect(el.validate()).to.equal(false);
      await settle(el);
      expect(summaryLinks(el).map(text)).to.deep.equal(['Enter phone number']);

      controlOf(el, 'reply').focus();
      await sendKeys({ press: 'Space' }); // back to email
      await settle(el);
      expect(el.values['reply']).to.equal('email');
      expect(controlOf(el, 'phone').getAttribute('aria-required')).to.equal('false');
      expect(el.validate()).to.equal(true);
    });
  });

  describe('multi-step form (crm-lead)', () => {
    it('shows progress, validates only the current step on Continue, keeps values on Back and focuses the step heading', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      const progress = () => text(part(el, 'progress')?.querySelector('.progress-text'));
      expect(progress()).to.equal('Step 1 of 5');
      expect(text(part(el, 'step-title'))).to.equal('Company');
      expect(shownNames(el)).to.deep.equal(['company', 'website', 'industry', 'companySize', 'region']);
      expect(part(el, 'back')).to.equal(null);
      expect(part(el, 'submit')).to.equal(null);
      expect(text(part(el, 'next'))).to.equal('Continue');

      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      await click(part(el, 'next')!);
      await settle(el);
      expect(progress()).to.equal('Step 1 of 5');
      expect(summaryLinks(el).map(text)).to.deep.equal(['Enter company name', 'Select industry']);
      await waitUntil(() => deepActive() === controlOf(el, 'company'), 'the first invalid field of the step takes the focus');
      expect(inlineErrorOf(el, 'company')).to.include('Enter company name');
      expect(inlineErrorOf(el, 'region')).to.equal('');
      expect(errors, 'Continue is not a submission').to.have.length(0);

      await typeInto(el, 'company', 'Acme Robotics');
      controlOf(el, 'industry').focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(el.values['industry']).to.equal('A');
      // The section alone is not an answer: the division select appears; choosing one completes it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(el.values['industry']).to.equal('01');
      expect(summaryLinks(el), 'fixed problems leave the summary').to.have.length(0);
      controlOf(el, 'company').focus();
      await sendKeys({ press: 'Enter' }); // Enter in a text input continues
      await settle(el);
      expect(progress()).to.equal('Step 2 of 5');
      expect(text(part(el, 'step-title'))).to.equal('Contact');
      expect(deepActive()).to.equal(part(el, 'step-title'));
      // Focused for screen readers, but a heading is no control: no focus box around it.
      expect(getComputedStyle(part(el, 'step-title')!).outlineStyle).to.equal('none');
      expect(shownNames(el)).to.deep.equal(['contactName', 'department', 'jobTitle', 'phone', 'email', 'wechat', 'preferredContact']);
      expect(part(el, 'error-summary')).to.equal(null);

      await click(part(el, 'back')!);
      await settle(el);
      expect(progress()).to.equal('Step 1 of 5');
      expect(deepActive()).to.equal(part(el, 'step-title'));
      expect(controlOf(el, 'company').value).to.equal('Acme Robotics');
      expect(controlOf<HTMLSelectElement>(el, 'industry').value).to.equal('A');
      expect(fieldOf(el, 'industry').renderRoot.querySelectorAll('select')[1]!.value).to.equal('01');

      await click(part(el, 'next')!);
      await settle(el);
      await click(part(el, 'next')!);
      await settle(el);
      expect(progress(), 'the empty contact step does not pass').to.equal('Step 2 of 5');
      expect(summaryLinks(el).map(text)).to.deep.equal(['Enter contact name', 'Enter mobile number']);
    });

    it('walks every step to a record with tags, consents and a dedupe key', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      for (const [index, id] of crmStepIds.entries()) {
        expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal(`Step ${index + 1} of 5`);
        el.values = crmSteps[id]!;
        await settle(el);
        if (index < crmStepIds.length - 1) await click(part(el, 'next')!);
      }
      const submitted = oneEvent(el, 'intake-submitted');
      await click(part(el, 'submit')!);
      const { record, status } = (await submitted).detail;
      expect(status).to.equal('delivered');
      expect(record.form).to.deep.equal({ id: 'crm-lead', version: 1 });
      expect(record.locale).to.equal('en');
      expect(record.data['phone']).to.equal('+8613912345678');
      expect(record.data['expectedUsers']).to.equal(50);
      expect(record.data).to.not.have.property('decisionMaker');
      expect(record.tags).to.deep.equal(['high-value', 'urgent', 'expo-lead']);
      expect(record.consents.map((consent: { field: string; version?: string }) => [consent.field, consent.version])).to.deep.equal([['privacy', '2026-01']]);
      expect(record.dedupeKey).to.match(/^[0-9a-f]{64}$/);
    });
  });

  describe('error summary', () => {
    it('lists each problem on a failed submit (announced: role alert), focuses the first invalid field, and its links focus the field (click and Enter)', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${await preset('contact')}></intake-form>`));
      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      await typeInto(el, 'phone', '12');
      await pressPrimary(el);

      const summary = part(el, 'error-summary')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
      await waitUntil(() => deepActive() === controlOf(el, 'name'), 'docs/contract.md#the-elements: the first invalid field gets focus on submit');
      const expected = [
        ['name', 'Enter name'],
        ['email', 'Enter email'],
        ['phone', 'Enter a valid phone number'],
        ['topic', 'Select an answer to \u201CWhat is your message about?\u201D'],
        ['message', 'Enter message'],
        ['privacy', 'You must agree to continue'],
      ];
      const links = summaryLinks(el);
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(expected.map(([name]) => `#${name}`));
      links.forEach((link, i) => expect(text(link)).to.include(expected[i]![1]!));
      for (const [name, message] of expected) expect(inlineErrorOf(el, name!), `inline error of ${name}`).to.include(message!);

      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.kind).to.equal('validation');
      expect((errors[0]!.detail.issues as { path: string[] }[]).map((issue) => issue.path[0])).to.deep.equal(expected.map(([name]) => name));

      await click(links[3]!);
      expect(deepActive(), 'clicking the topic link').to.equal(controlOf(el, 'topic'));
      await click(links[2]!);
      expect(deepActive(), 'the phone link focuses the number, not the country code').to.equal(controlOf(el, 'phone'));

      summary.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(links[0]);
      await sendKeys({ press: 'Enter' });
      expect(deepActive(), 'Enter on the name link').to.equal(controlOf(el, 'name'));
      expect(location.hash, 'the link does not navigate').to.equal('');
    });

    it('on a multi-step form, a link to a field of another step goes to that step', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      expect(el.validate()).to.equal(false);
      await settle(el);
      const link = summaryLinks(el).find((a) => text(a) === 'Enter contact name');
      expect(link, 'every invalid field is listed').to.exist;
      await click(link!);
      await settle(el);
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('Step 2 of 5');
      expect(deepActive()).to.equal(controlOf(el, 'contactName'));
    });
    it('on a multi-step form, a failed submit goes to the step of the first invalid field and focuses it', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      el.values = { ...crmAll, contactName: '' };
      for (let step = 1; step < crmStepIds.length; step++) {
        await click(part(el, 'next')!);
        await settle(el);
      }
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('Step 2 of 5');
      expect(summaryLinks(el).map(text), 'Continue stops at the step with the problem').to.deep.equal(['Enter contact name']);
      await waitUntil(() => deepActive() === controlOf(el, 'contactName'), 'the invalid field of the step has the focus');

      // Past that step (values set by code), the problem shows again only at the submit.
      el.values = { contactName: 'Wang Wei' };
      while (part(el, 'next')) {
        await click(part(el, 'next')!);
        await settle(el);
      }
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('Step 5 of 5');
      el.values = { contactName: '' };
      await pressPrimary(el);
      await settle(el);
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('Step 2 of 5');
      await waitUntil(() => deepActive() === controlOf(el, 'contactName'), 'the submit went back to step 2 and focused the field');
    });

    it('says, without a link, that a required hidden field the page never filled stops the form, and axe finds no violation', async () => {
      const schema = {
        id: 'expo-lead',
        fields: [
          { type: 'text', name: 'company', label: 'Company', required: true },
          { type: 'hidden', name: 'rep', label: 'Sales rep code', required: true, prefill: 'rep' },
        ],
      };
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/201" .schema=${schema}></intake-form>`));
      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      await typeInto(el, 'company', 'Acme');
      await pressPrimary(el);

      const summary = part(el, 'error-summary')!;
      expect(el.shadowRoot!.activeElement, 'no field can take the focus: the summary does').to.equal(summary);
      expect(summaryLinks(el), 'nothing a person could go to').to.deep.equal([]);
      expect(text(summary.querySelector('li'))).to.equal(
        'This form cannot be sent: sales rep code is missing, and this page should have filled it in. Open the page again from the link you were given, or contact the site owner',
      );
      expect(errors.map((event) => [event.detail.kind, (event.detail.issues as { path: string[] }[]).map((issue) => issue.path[0])])).to.deep.equal([
        ['validation', ['rep']],
      ]);
      expect(submitted).to.deep.equal([]);
      await expect(el).to.be.accessible();

      el.values = { rep: 'ZH-07' };
      await pressPrimary(el);
      await waitUntil(() => submitted.length === 1, 'sent once the page gives the hidden field its value');
      expect(submitted[0]!.detail.record.data['rep']).to.equal('ZH-07');
    });
  });

  describe('keyboard', () => {
    it('completes and submits the contact preset with Tab, typing, Space and Enter only', async () => {
      const host = await fixture<HTMLDivElement>(html`<div>
        <button type="button">Before the form</button>
        <intake-form .schema=${await preset('contact')}></intake-form>
      </div>`);
      const el = await ready(host.querySelector('intake-form')!);
      host.querySelector('button')!.focus();
      const step = async (key: string, expectFocus?: Element, typed?: string) => {
        await sendKeys({ press: key });
        if (expectFocus) expect(deepActive(), `focus after ${key}`).to.equal(expectFocus);
        if (typed) await sendKeys({ type: typed });
      };
      await step('Tab', controlOf(el, 'name'), 'Ann Lee');
      await step('Tab', controlOf(el, 'email'), 'Ann@Example.com');
      await step('Tab', fieldOf(el, 'phone').renderRoot.querySelector('[part="country-select"]')!);
      await step('Tab', controlOf(el, 'phone'), '415 555 2671');
      await step('Tab', controlOf(el, 'company'), 'Acme');
      await step('Tab', controlOf(el, 'topic'));
      await step('Space');
      await step('Tab', controlOf(el, 'message'), 'Please call me about pricing.');
      await step('Tab', controlOf(el, 'privacy'));
      await step('Space');
      await step('Tab', part(el, 'submit')!);
      const submitted = oneEvent(el, 'intake-submitted');
      await step('Enter');
      const { record } = (await submitted).detail;
      expect(record.data).to.deep.equal({
        name: 'Ann Lee',
        email: 'ann@example.com',
        phone: '+14155552671',
        company: 'Acme',
        topic: 'sales',
        message: 'Please call me about pricing.',
        privacy: true,
      });
      expect(record.tags).to.deep.equal(['sales-inquiry']);
      expect(record.consents).to.have.length(1);
      expect(record.context, 'a person never fills the honeypot').to.not.have.property('honeypot');
      await settle(el);
      expect(deepActive(), 'the success message takes focus').to.equal(part(el, 'success'));
    });
  });

  describe('prefill', () => {
    it('fills fields from URL query parameters (and utm_* goes into the context)', async () => {
      const original = location.href;
      const url = new URL(location.href);
      url.searchParams.set('rep', 'alice');
      url.searchParams.set('code', 'EXPO-26');
      url.searchParams.set('utm_source', 'expo');
      history.replaceState(history.state, '', url);
      try {
        const withPrefill = {
          id: 'prefill',
          fields: [
            { type: 'text', name: 'code', label: 'Code', prefill: 'code' },
            { type: 'hidden', name: 'rep', prefill: 'rep' },
          ],
        };
        const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${withPrefill}></intake-form>`));
        expect(controlOf(el, 'code').value).to.equal('EXPO-26');
        expect(el.values).to.deep.equal({ code: 'EXPO-26', rep: 'alice' });

        const crm = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${await preset('crm-lead')}></intake-form>`));
        expect(crm.values['salesRep']).to.equal('alice');
        crm.values = crmAll;
        const submitted = oneEvent(crm, 'intake-submitted');
        await crm.submit();
        const { record } = (await submitted).detail;
        expect(record.data['salesRep']).to.equal('alice');
        expect(record.context.utm).to.deep.equal({ source: 'expo' });
      } finally {
        history.replaceState(history.state, '', original);
      }
      expect(location.href).to.equal(original);
    });
  });

  describe('locale', () => {
    it('re-localizes labels, buttons, the summary and shown errors when `locale` changes (en ↔ zh-CN)', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('contact')}></intake-form>`));
      await pressPrimary(el);
      expect(text(part(el, 'submit'))).to.equal('Send');
      expect(labelOf(el, 'name')).to.include('Name');
      expect(inlineErrorOf(el, 'name')).to.include('Enter name');

      el.locale = 'zh-CN';
      await settle(el);
      expect(text(part(el, 'title'))).to.equal('联系我们');
      expect(text(part(el, 'submit'))).to.equal('提交');
      expect(labelOf(el, 'name')).to.include('姓名');
      expect(labelOf(el, 'name')).to.include('（必填）');
      expect(text(part(el, 'error-summary')?.querySelector('h2'))).to.equal('请修改以下问题');
      expect(summaryLinks(el).map(text)[0]).to.equal('请填写姓名');
      expect(inlineErrorOf(el, 'name')).to.include('请填写姓名');
      expect(inlineErrorOf(el, 'name')).to.include('错误：');
      expect(text(fieldOf(el, 'topic').renderRoot.querySelector('[part="choice"]'))).to.equal('购买咨询');

      el.locale = 'en';
      await settle(el);
      expect(text(part(el, 'submit'))).to.equal('Send');
      expect(labelOf(el, 'name')).to.not.include('姓名');
      expect(summaryLinks(el).map(text)[0]).to.equal('Enter name');
      expect(inlineErrorOf(el, 'name')).to.include('Enter name');
    });

    it('falls back to the schema locale when the attribute is removed, and localizes the multi-step texts', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('Step 1 of 5');
      expect(labelOf(el, 'company')).to.include('Company name');
      el.removeAttribute('locale');
      await settle(el);
      expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.equal('第 1 步，共 5 步');
      expect(text(part(el, 'step-title'))).to.equal('公司信息');
      expect(text(part(el, 'next'))).to.equal('下一步');
      expect(labelOf(el, 'company'), 'fields follow the form').to.include('公司名称');
    });
  });

  describe('values property', () => {
    it('gets the raw values and sets them without firing intake-change', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${await preset('contact')}></intake-form>`));
      expect(el.values).to.deep.equal({ name: '', email: '', phone: '', company: '', topic: '', message: '', privacy: false });
      const changes = collect<IntakeChangeEvent>(document, 'intake-change');
      el.values = { name: 'Ann', topic: 'press', privacy: true };
      await settle(el);
      expect(controlOf(el, 'name').value).to.equal('Ann');
      expect(fieldOf(el, 'topic').renderRoot.querySelector<HTMLInputElement>('input[value="press"]')!.checked).to.equal(true);
      expect(controlOf(el, 'privacy').checked).to.equal(true);
      expect(el.values).to.include({ name: 'Ann', topic: 'press', privacy: true, email: '' });
      await aTimeout(20);
      expect(changes, 'setting values from code').to.have.length(0);

      await typeInto(el, 'email', 'a');
      expect(changes, 'typing').to.have.length(1);
    });

    it('keeps values set before the element is connected (schema property)', async () => {
      const el = document.createElement('intake-form');
      el.schema = small;
      el.values = { name: 'Early' };
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await ready(el);
      expect(el.values).to.deep.equal({ name: 'Early', email: '' });
      expect(controlOf(el, 'name').value).to.equal('Early');
    });

    it('keeps values set before the schema has loaded (schema-url)', async () => {
      const el = document.createElement('intake-form');
      el.setAttribute('schema-url', presetUrl('contact'));
      el.values = { name: 'Early' };
      expect(el.values).to.deep.equal({ name: 'Early' });
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await ready(el);
      expect(controlOf(el, 'name').value).to.equal('Early');
    });
  });

  describe('events', () => {
    it('fires intake-change for each change a person makes, bubbling and composed', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><intake-form .schema=${await preset('contact')}></intake-form></div>`);
      const el = await ready(host.querySelector('intake-form')!);
      const changes = collect<IntakeChangeEvent>(host, 'intake-change');
      await typeInto(el, 'name', 'Al');
      controlOf(el, 'topic').focus();
      await sendKeys({ press: 'Space' });
      expect(changes.map((event) => [event.detail.name, event.detail.value])).to.deep.equal([
        ['name', 'A'],
        ['name', 'Al'],
        ['topic', 'sales'],
      ]);
      const last = changes.at(-1)!;
      expect(last.bubbles).to.equal(true);
      expect(last.composed).to.equal(true);
      expect(last.detail.values).to.include({ name: 'Al', topic: 'sales' });
    });

    it('fires a cancelable intake-submit; preventDefault() stops the delivery', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/201" .schema=${small}></intake-form>`));
      const requests = watchFetch();
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      let seen: IntakeSubmitEvent | undefined;
      el.addEventListener('intake-submit', (event) => {
        seen = event;
        event.preventDefault();
      });
      await typeInto(el, 'name', 'Ann');
      await sendKeys({ press: 'Enter' });
      await aTimeout(150);
      await settle(el);
      expect(seen, 'intake-submit').to.exist;
      expect(seen!.cancelable && seen!.bubbles && seen!.composed).to.equal(true);
      expect(seen!.detail.record.data).to.deep.equal({ name: 'Ann' });
      expect(submitted).to.have.length(0);
      expect(requests).to.have.length(0);
      expect(part(el, 'success')).to.equal(null);
      expect(controlOf(el, 'name').value).to.equal('Ann');
    });

    it('fires intake-submit then intake-submitted (delivered) when not canceled', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      const order: string[] = [];
      el.addEventListener('intake-submit', () => order.push('submit'));
      el.addEventListener('intake-submitted', () => order.push('submitted'));
      await typeInto(el, 'name', 'Ann');
      const submitted = oneEvent(el, 'intake-submitted');
      await sendKeys({ press: 'Enter' });
      const event = await submitted;
      expect(order).to.deep.equal(['submit', 'submitted']);
      expect(event.detail.status).to.equal('delivered');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.record.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(el.lastRecord).to.equal(event.detail.record);
    });
  });

  describe('spam trap', () => {
    it('reports a filled honeypot input in record.context.honeypot, and keeps it out of sight and of the tab order', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      const trap = el.shadowRoot!.querySelector<HTMLInputElement>('.honeypot input')!;
      expect(trap.tabIndex).to.equal(-1);
      expect(trap.closest('[aria-hidden="true"]')).to.exist;
      const box = trap.closest<HTMLElement>('.honeypot')!;
      expect([box.offsetWidth, box.offsetHeight, getComputedStyle(box).overflow]).to.deep.equal([1, 1, 'hidden']);
      const changes = collect<IntakeChangeEvent>(el, 'intake-change');
      // What a bot does: fill every input it finds.
      trap.value = 'http://spam.example';
      trap.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      el.values = { name: 'Bot' };
      const submitted = oneEvent(el, 'intake-submitted');
      await el.submit();
      expect((await submitted).detail.record.context.honeypot).to.equal('http://spam.example');
      expect(changes).to.have.length(0);
      el.reset();
      await settle(el);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('.honeypot input')!.value).to.equal('');
    });
  });

  describe('methods', () => {
    it('validate() shows the errors and returns whether the form is valid, without submitting', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      const submits = collect<Event>(el, 'intake-submit');
      expect(inlineErrorOf(el, 'name'), 'no error before anything happened').to.equal('');
      expect(el.validate()).to.equal(false);
      await settle(el);
      expect(inlineErrorOf(el, 'name')).to.include('Enter name');
      expect(summaryLinks(el).map(text)).to.deep.equal(['Enter name']);
      el.values = { name: 'Ann' };
      expect(el.validate()).to.equal(true);
      await settle(el);
      expect(inlineErrorOf(el, 'name')).to.equal('');
      expect(part(el, 'error-summary')).to.equal(null);
      expect(submits).to.have.length(0);
    });

    it('submit() validates and delivers like the Send button', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      await el.submit();
      await settle(el);
      expect(errors.map((event) => event.detail.kind)).to.deep.equal(['validation']);
      expect(summaryLinks(el)).to.have.length(1);
      el.values = { name: 'Ann', email: 'ANN@example.com' };
      const submitted = oneEvent(el, 'intake-submitted');
      await el.submit();
      expect((await submitted).detail.record.data).to.deep.equal({ name: 'Ann', email: 'ann@example.com' });
    });

    it('reset() restores the first values and step and clears errors and the summary', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="en" .schema=${await preset('crm-lead')}></intake-form>`));
      await typeInto(el, 'company', 'Acme');
      await click(part(el, 'next')!);
      await settle(el);
      expect(summaryLinks(el)).to.have.length(1);
      el.values = crmSteps['company']!;
      // The region and industry values draw their lower levels: the layout changes before the click.
      await settle(el);
      await click(part(el, 'next')!);
      await settle(el);
      expect(text(part(el, 'step-title'))).to.equal('Contact');
      el.reset();
      await settle(el);
      expect(text(part(el, 'step-title'))).to.equal('Company');
      expect(el.values['company']).to.equal('');
      expect(el.values['isDecisionMaker']).to.equal(false);
      expect(controlOf(el, 'company').value).to.equal('');
      expect(part(el, 'error-summary')).to.equal(null);
      expect(inlineErrorOf(el, 'company')).to.equal('');
    });
  });

  describe('success state', () => {
    it('is localized, takes focus, and "Start a new form" brings back an empty form', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form locale="zh-CN" .schema=${small}></intake-form>`));
      await typeInto(el, 'name', '王伟');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'success'), 'success state');
      await settle(el);
      const success = part(el, 'success')!;
      expect(text(success)).to.include('提交成功');
      expect(text(success)).to.include('感谢您的填写');
      expect(deepActive()).to.equal(success);
      expect(fieldsOf(el)).to.have.length(0);
      const again = success.querySelector('button')!;
      expect(text(again)).to.equal('填写新表单');
      await click(again);
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'email']);
      expect(controlOf(el, 'name').value).to.equal('');
    });

    it('can be replaced through <div slot="success">', async () => {
      const el = await ready(
        await fixture<IntakeForm>(html`<intake-form .schema=${small}><div slot="success"><p>Merci, à bientôt !</p></div></intake-form>`),
      );
      const custom = el.querySelector<HTMLElement>('[slot="success"]')!;
      expect(custom.checkVisibility(), 'hidden while editing').to.equal(false);
      el.values = { name: 'Ann' };
      await el.submit();
      await settle(el);
      const slot = part(el, 'success')!.querySelector('slot')!;
      expect(slot.assignedElements()).to.deep.equal([custom]);
      expect(custom.checkVisibility()).to.equal(true);
      const builtIn = slot.querySelector('h2')!;
      expect(text(builtIn)).to.equal('Thank you');
      expect(builtIn.checkVisibility(), 'the built-in message is not shown').to.equal(false);
    });
  });

  describe('kiosk mode', () => {
    it('shows the success state for `kiosk-reset` ms, then a fresh empty form', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form kiosk kiosk-reset="300" .schema=${small}></intake-form>`));
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      await typeInto(el, 'name', 'Visitor one');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'one@example.com' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'success'), 'success state');
      const startedAt = performance.now();
      expect(text(part(el, 'success'))).to.include('Thank you');
      expect(text(part(el, 'success'))).to.include('A new form opens in 1 s.');
      expect(part(el, 'success')!.querySelector('button'), 'no "start over" in kiosk mode').to.equal(null);
      await waitUntil(() => !part(el, 'success'), 'the form did not come back', { timeout: 2000 });
      expect(performance.now() - startedAt).to.be.greaterThan(200);
      await settle(el);
      expect(shownNames(el)).to.deep.equal(['name', 'email']);
      expect(el.values).to.deep.equal({ name: '', email: '' });
      expect(controlOf(el, 'name').value).to.equal('');
      expect(inlineErrorOf(el, 'name')).to.equal('');
      expect(el.lastRecord).to.equal(undefined);
      expect(submitted).to.have.length(1);
    });

    it('still comes back when the element is moved during the success state', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><intake-form kiosk kiosk-reset="300" .schema=${small}></intake-form></div>`);
      const el = await ready(host.querySelector('intake-form')!);
      el.values = { name: 'Visitor two' };
      await el.submit();
      await settle(el);
      expect(part(el, 'success')).to.exist;
      el.remove();
      host.append(el); // e.g. a framework re-parents it
      await waitUntil(() => !part(el, 'success'), 'the kiosk form stayed on the success state', { timeout: 2000 });
      await settle(el);
      expect(el.values['name']).to.equal('');
    });
  });

  describe('drafts', () => {
    it('keeps what was typed across a reload, and forgets it once sent', async () => {
      localStorage.clear();
      const first = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      first.shadowRoot!.querySelector<HTMLElement>('intake-field[name="name"]')!.focus();
      await sendKeys({ type: 'Ann Draft' });
      await aTimeout(600);
      first.remove();
      const second = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      expect(second.values['name']).to.equal('Ann Draft');
      second.values = { email: 'ann@example.com' };
      await second.submit();
      await settle(second);
      expect(Object.keys(localStorage).filter((key) => key.startsWith('intake-draft:'))).to.deep.equal([]);
      const third = await ready(await fixture<IntakeForm>(html`<intake-form .schema=${small}></intake-form>`));
      expect(third.values['name']).to.equal('');
    });

    it('keeps no draft in kiosk mode', async () => {
      localStorage.clear();
      const el = await ready(await fixture<IntakeForm>(html`<intake-form kiosk .schema=${small}></intake-form>`));
      el.shadowRoot!.querySelector<HTMLElement>('intake-field[name="name"]')!.focus();
      await sendKeys({ type: 'Shared tablet' });
      await aTimeout(600);
      expect(Object.keys(localStorage).filter((key) => key.startsWith('intake-draft:'))).to.deep.equal([]);
    });
  });

  describe('delivery', () => {
    it('reaches the success state when the endpoint answers 201', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/201" .schema=${small}></intake-form>`));
      const requests = watchFetch();
      await typeInto(el, 'name', 'Ann');
      const submitted = oneEvent(el, 'intake-submitted');
      await sendKeys({ press: 'Enter' });
      const { record, status } = (await submitted).detail;
      expect(status).to.equal('delivered');
      await settle(el);
      expect(text(part(el, 'success'))).to.include('Thank you');
      expect(requests.map((request) => [request.method, request.url, request.status])).to.deep.equal([
        ['POST', new URL('/__webhook/201', location.href).href, 201],
      ]);
      expect(requests[0]!.headers.get('idempotency-key')).to.equal(record.id);
      expect(JSON.parse(requests[0]!.body)).to.deep.equal(JSON.parse(JSON.stringify(record)));
    });

    it('`endpoint` overrides the schema’s submit.url', async () => {
      const schema = { ...small, submit: { url: new URL('/__webhook/422', location.href).href } };
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/201" .schema=${schema}></intake-form>`));
      el.values = { name: 'Ann' };
      const requests = watchFetch();
      const submitted = oneEvent(el, 'intake-submitted');
      await el.submit();
      expect((await submitted).detail.status).to.equal('delivered');
      expect(requests.map((request) => request.status)).to.deep.equal([201]);
    });

    it('shows the server’s message on 422 and keeps every value', async () => {
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/422" .schema=${small}></intake-form>`));
      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      await typeInto(el, 'name', 'Ann');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'ann@example.com' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(el, 'failure'), 'the rejection is shown');
      await settle(el);
      const notice = part(el, 'failure')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(text(notice)).to.include('Your details were not accepted');
      expect(text(notice)).to.include('This company is already registered.');
      expect(deepActive()).to.equal(notice);
      expect(errors.map((event) => [event.detail.kind, event.detail.message])).to.deep.equal([['rejected', 'This company is already registered.']]);
      expect(submitted).to.have.length(0);
      expect(controlOf(el, 'name').value).to.equal('Ann');
      expect(controlOf(el, 'email').value).to.equal('ann@example.com');
      expect(el.values).to.deep.equal({ name: 'Ann', email: 'ann@example.com' });
      await expect(el).to.be.accessible();
    });

    it('retries a 503, then keeps the record on the device and says so (status queued)', async () => {
      localStorage.clear();
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/503" .schema=${small}></intake-form>`));
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      const requests = watchFetch();
      el.values = { name: 'Ann' };
      await el.submit();
      await settle(el);
      expect(requests.filter((request) => request.status === 503)).to.have.length(3);
      expect(submitted.map((event) => event.detail.status)).to.deep.equal(['queued']);
      expect(text(part(el, 'success'))).to.include('Saved on this device');
      const queued = Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:v1:entry:'));
      expect(queued).to.deep.equal([`intake-outbox:v1:entry:${submitted[0]!.detail.record.id}`]);
      // The webhook recovers (here: the queued entry is pointed at a healthy route) and the browser is online again.
      const entry = JSON.parse(localStorage.getItem(queued[0]!)!);
      localStorage.setItem(queued[0]!, JSON.stringify({ ...entry, submit: { ...entry.submit, url: '/__webhook/201' } }));
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => text(part(el, 'success')).includes('Thank you'), 'the form says the record was sent', { timeout: 5000 });
      expect(Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:v1:entry:'))).to.deep.equal([]);
      localStorage.clear();
    });

    /** Submits `small` to a failing webhook and returns the form showing 'saved on this device' and its queued key. */
    async function queuedForm(): Promise<{ el: IntakeForm; key: string; errors: IntakeErrorEvent[] }> {
      localStorage.clear();
      const el = await ready(await fixture<IntakeForm>(html`<intake-form endpoint="/__webhook/503" .schema=${small}></intake-form>`));
      const submitted = collect<IntakeSubmittedEvent>(el, 'intake-submitted');
      const errors = collect<IntakeErrorEvent>(el, 'intake-error');
      el.values = { name: 'Ann', email: 'ann@example.com' };
      await el.submit();
      await settle(el);
      expect(text(part(el, 'success'))).to.include('Saved on this device');
      return { el, key: `intake-outbox:v1:entry:${submitted[0]!.detail.record.id}`, errors };
    }

    it('says "sent" when another tab of the origin delivered the queued record', async () => {
      const { el, key } = await queuedForm();
      expect(localStorage.getItem(key)).to.not.equal(null);
      // Another document of the origin (an iframe stands in for a second tab) sends the record and
      // removes its entry: this page hears it through the storage event.
      const other = document.createElement('iframe');
      document.body.append(other);
      try {
        other.contentWindow!.localStorage.removeItem(key);
        await waitUntil(() => text(part(el, 'success')).includes('Thank you'), 'the form says the record was sent', { timeout: 5000 });
        expect(part(el, 'failure')).to.equal(null);
      } finally {
        other.remove();
        localStorage.clear();
      }
    });

    it('shows the reason, with the values kept, when the webhook refuses a queued record later', async () => {
      const { el, key, errors } = await queuedForm();
      const entry = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...entry, submit: { ...entry.submit, url: '/__webhook/422' } }));
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => part(el, 'failure') !== null, 'the form shows the rejection', { timeout: 5000 });
      expect(text(part(el, 'failure'))).to.include('This company is already registered.');
      expect(part(el, 'success')).to.equal(null);
      expect(errors.map((event) => [event.detail.kind, event.detail.message])).to.deep.equal([['rejected', 'This company is already registered.']]);
      expect(el.values).to.deep.equal({ name: 'Ann', email: 'ann@example.com' });
      expect(localStorage.getItem(key), 'never resent').to.equal(null);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('intake-outbox:v1:rejected:'))).to.have.length(1);
      await expect(el).to.be.accessible();
      localStorage.clear();
    });
  });

  describe('accessibility (axe)', () => {
    for (const locale of ['en', 'zh-CN']) {
      it(`contact preset, ${locale}: empty, filled and error states`, async () => {
        const el = await ready(await fixture<IntakeForm>(html`<intake-form locale=${locale} .schema=${await preset('contact')}></intake-form>`));
        await expect(el).to.be.accessible();
        await pressPrimary(el);
        expect(summaryLinks(el)).to.have.length(5);
        await expect(el).to.be.accessible();
        el.values = contactFilled; // the a11y matrix sets values; typing is covered above
        await settle(el);
        expect(el.validate()).to.equal(true);
        await settle(el);
        await expect(el).to.be.accessible();
      });

      for (const [index, id] of crmStepIds.entries()) {
        it(`crm-lead preset, ${locale}, step ${index + 1} (${id}): empty, error and filled states`, async () => {
          const el = await ready(await fixture<IntakeForm>(html`<intake-form locale=${locale} .schema=${await preset('crm-lead')}></intake-form>`));
          for (const earlier of crmStepIds.slice(0, index)) {
            el.values = crmSteps[earlier]!;
            part(el, 'next')!.click();
            await settle(el);
          }
          expect(part(el, 'step-title')!.textContent).to.not.equal('');
          expect(text(part(el, 'progress')?.querySelector('.progress-text'))).to.include(String(index + 1));
          await expect(el).to.be.accessible();
          await pressPrimary(el);
          expect(summaryLinks(el).length, 'every step has a required field').to.be.greaterThan(0);
          await expect(el).to.be.accessible();
          el.values = crmSteps[id]!;
          await settle(el);
          expect(part(el, 'error-summary')).to.equal(null);
          await expect(el).to.be.accessible();
        });
      }
    }
  });
});
