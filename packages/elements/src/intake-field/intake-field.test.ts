import { createIntake, parseForm } from '@intake/core';
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { uiMessages } from '../i18n/ui-messages.js';
import './define.js';
import type { IntakeField } from './intake-field.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** One thing a person does: type a text, press a key (`Shift+Tab`, `Control+a`), or code runs. */
type Step = string | { readonly press: string } | ((el: IntakeField) => unknown);

const press = (key: string): Step => ({ press: key });
const tab = press('Tab');
const shiftTab = press('Shift+Tab');
const space = press('Space');
const selectAll = press('Control+a');

async function run(el: IntakeField, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    if (typeof step === 'string') {
      await sendKeys({ type: step });
    } else if (typeof step === 'function') {
      await step(el);
    } else {
      const keys = step.press.split('+');
      const key = keys.pop()!;
      for (const modifier of keys) await sendKeys({ down: modifier });
      await sendKeys({ press: key });
      for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
    }
    await el.updateComplete;
  }
}

/** Presses Tab until the focus leaves the field (a date input has a stop per segment, a group one per box). */
async function tabOut(el: IntakeField): Promise<void> {
  for (let i = 0; i < 6 && el.matches(':focus-within'); i++) await run(el, [tab]);
}

/** The keys that type `iso` into a native date input, in the segment order of the browser's locale. */
function dateKeys(iso: string): string {
  const [year, month, day] = iso.split('-') as [string, string, string];
  return new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(2000, 0, 2))
    .filter((part) => part.type !== 'literal')
    .map((part) => (part.type === 'year' ? year : part.type === 'month' ? month : day))
    .join('');
}

interface Mounted {
  readonly form: HTMLFormElement;
  readonly el: IntakeField;
  readonly before: HTMLButtonElement;
  readonly after: HTMLButtonElement;
}

/** Mounts `<form>` + a button + the field markup (optionally wrapped) + a button, and waits for the field. */
async function mountMarkup(field: string, wrap: (field: string) => string = (markup) => markup): Promise<Mounted> {
  const form = await fixture<HTMLFormElement>(
    `<form onsubmit="event.preventDefault()"><button type="button" id="before">Before</button>${wrap(field)}<button type="button" id="after">After</button></form>`,
  );
  const el = form.querySelector('intake-field')!;
  await el.updateComplete;
  return { form, el, before: form.querySelector('#before')!, after: form.querySelector('#after')! };
}

const entries = (form: HTMLFormElement, name = 'f') => new FormData(form).getAll(name);
const shadow = (el: IntakeField) => el.shadowRoot!;
const control = <T extends HTMLElement = HTMLInputElement>(el: IntakeField) => shadow(el).querySelector<T>('[id$="-control"]');
const choiceInputs = (el: IntakeField) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[part~="choice-input"]')];
const countrySelect = (el: IntakeField) => shadow(el).querySelector<HTMLSelectElement>('select[part="country-select"]');
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** The inline error as a screen reader reads it (with its visually hidden prefix). */
const errorText = (el: IntakeField) => squash(shadow(el).querySelector('[id$="-error"]')?.textContent);
const focused = (el: IntakeField) => shadow(el).activeElement;

/**
 * Asserts that two values are the same object, naming DOM nodes briefly. A failing
 * `expect(element).to.equal(other)` makes the runner serialize the element with its controller,
 * which disconnects the browser instead of reporting the failure.
 */
function expectSame(actual: unknown, expected: unknown): void {
  const brief = (value: unknown) =>
    value instanceof Element ? `<${value.localName}${value.id ? `#${value.id}` : ''}${value.getAttribute('part') ? ` part=${value.getAttribute('part')}` : ''}>` : String(value);
  expect(actual === expected, `got ${brief(actual)}, expected ${brief(expected)}`).to.equal(true);
}

interface AxeApi {
  setup(node?: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

// Loads axe-core (through the first `accessible()` assertion), whose accessible-name computation
// the label tests use.
before(async () => {
  await expect(await fixture(html`<p>Intake</p>`)).to.be.accessible();
});

/** The accessible name of a node, computed by axe-core. */
function accessibleName(node: Element): string {
  const axe = (window as unknown as { axe?: AxeApi }).axe;
  if (!axe) throw new Error('axe-core is not loaded');
  axe.setup(document);
  try {
    return squash(axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(node)));
  } finally {
    axe.teardown();
  }
}

/** The ids in an `aria-describedby`, each resolved in the field's shadow root to its text. */
function descriptions(el: IntakeField, node: Element): Record<string, string> {
  const ids = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  // Ids are unique per field (`intake-field-7-help`); name them by their role.
  return Object.fromEntries(ids.map((id) => [id.replace(/^.*-(help|error)$/, '$1'), squash(shadow(el).getElementById(id)?.textContent ?? '(missing element)')]));
}

// ---------------------------------------------------------------------------------------------
// The field types
// ---------------------------------------------------------------------------------------------

const countryOptions = '<option value="fr">France</option><option value="de">Germany</option><option value="cn">China</option>';

interface TypeCase {
  readonly type: string;
  readonly label: string;
  /** Attributes every fixture of this type has (e.g. `default-country`). */
  readonly attrs?: string;
  /** Child markup (options). */
  readonly children?: string;
  /** How the field shows: a labelled control, a fieldset group, one labelled tick box, or nothing. */
  readonly ui: 'control' | 'group' | 'single' | 'none';
  /** FormData entries of the untouched field. */
  readonly empty: readonly string[];
  /** Steps from `el.focus()` that enter a valid value, and the FormData entries they give. */
  readonly fill: readonly Step[];
  readonly filled: readonly string[];
  /** Steps after tabbing into the field from the button before it (for keyboard-only completion). */
  readonly keyboard: readonly Step[];
  /** The `value` attribute default, its FormData entries, and steps (from `el.focus()`) that change it. */
  readonly initial: { readonly attr?: string; readonly entries: readonly string[]; readonly edit: readonly Step[] };
  /** A value set from code: the raw value, its FormData entries and what the controls then show. */
  readonly code: { readonly value: unknown; readonly entries: readonly string[]; readonly shown: readonly string[] };
  /** The message of a required field left empty, in en and zh-CN (none for a yes/no box). */
  readonly missing?: { readonly en: string; readonly zh: string };
  /** Steps a person takes while still in the field that leave it invalid, and the message shown on leaving it. */
  readonly unfinished?: { readonly attrs?: string; readonly steps: readonly Step[]; readonly message: string };
  /** A value of the wrong kind: the attributes, steps, native validity flag and message. */
  readonly mismatch?: { readonly attrs: string; readonly steps: readonly Step[]; readonly flag: keyof ValidityStateFlags; readonly message: string };
}

const cases: readonly TypeCase[] = [
  {
    type: 'text',
    label: 'Full name',
    ui: 'control',
    empty: [],
    fill: ['  Ann   Lee '],
    filled: ['Ann Lee'],
    keyboard: ['  Ann   Lee '],
    initial: { attr: 'Bob', entries: ['Bob'], edit: [selectAll, 'Zed'] },
    code: { value: '  Zoë  ', entries: ['Zoë'], shown: ['  Zoë  '] },
    missing: { en: 'Enter full name', zh: '请填写Full name' },
    unfinished: { attrs: 'max-length="3"', steps: ['Annabelle'], message: 'Full name must be 3 characters or fewer (now 9)' },
    mismatch: { attrs: 'pattern="[A-Z]{2}-[0-9]{3}"', steps: ['ab-123'], flag: 'patternMismatch', message: 'Enter full name in the correct format' },
  },
  {
    type: 'textarea',
    label: 'Message',
    ui: 'control',
    empty: [],
    fill: ['Hello', press('Enter'), ' world  '],
    filled: ['Hello\n world'],
    keyboard: ['Hello', press('Enter'), ' world  '],
    initial: { attr: 'Hi', entries: ['Hi'], edit: [selectAll, 'Bye'] },
    code: { value: 'Line 1\r\nLine 2', entries: ['Line 1\nLine 2'], shown: ['Line 1\nLine 2'] },
    missing: { en: 'Enter message', zh: '请填写Message' },
    unfinished: { steps: ['x', press('Backspace')], message: 'Enter message' },
    mismatch: { attrs: 'max-length="5"', steps: ['Hello world'], flag: 'tooLong', message: 'Message must be 5 characters or fewer (now 11)' },
  },
  {
    type: 'email',
    label: 'Email',
    ui: 'control',
    empty: [],
    fill: [' Ann@Example.COM'],
    filled: ['ann@example.com'],
    keyboard: [' Ann@Example.COM'],
    initial: { attr: 'team@example.com', entries: ['team@example.com'], edit: [selectAll, 'ann@example.com'] },
    code: { value: 'Zoe@Example.com', entries: ['zoe@example.com'], shown: ['Zoe@Example.com'] },
    missing: { en: 'Enter email', zh: '请填写Email' },
    unfinished: { steps: ['ann@'], message: 'Enter an email address in the correct format, like name@example.com' },
    mismatch: { attrs: '', steps: ['ann@example'], flag: 'typeMismatch', message: 'Enter an email address in the correct format, like name@example.com' },
  },
  {
    type: 'phone',
    label: 'Phone',
    attrs: 'default-country="US"',
    ui: 'control',
    empty: [],
    fill: ['(415) 555-2671'],
    filled: ['+14155552671'],
    // Tab lands on the country selector first (US, from default-country), then on the number.
    keyboard: [tab, '(415) 555-2671'],
    initial: { attr: '+8613912345678', entries: ['+8613912345678'], edit: [selectAll, '13800138000'] },
    code: { value: '+447400123456', entries: ['+447400123456'], shown: ['GB', '07400 123456'] },
    missing: { en: 'Enter phone', zh: '请填写Phone' },
    unfinished: { steps: ['415'], message: 'Enter a valid phone number, like +1 201 555 0123' },
    mismatch: { attrs: '', steps: ['555'], flag: 'typeMismatch', message: 'Enter a valid phone number, like +1 201 555 0123' },
  },
  {
    type: 'number',
    label: 'Pieces',
    ui: 'control',
    empty: [],
    fill: ['１,２００'],
    filled: ['1200'],
    keyboard: ['１,２００'],
    initial: { attr: '42', entries: ['42'], edit: [selectAll, '7'] },
    code: { value: 12, entries: ['12'], shown: ['12'] },
    missing: { en: 'Enter pieces', zh: '请填写Pieces' },
    unfinished: { steps: ['12a'], message: 'Enter a number for pieces' },
    mismatch: { attrs: 'max="10"', steps: ['11'], flag: 'rangeOverflow', message: 'Pieces must be 10 or less' },
  },
  {
    type: 'date',
    label: 'Visit date',
    ui: 'control',
    empty: [],
    fill: [dateKeys('2026-01-15')],
    filled: ['2026-01-15'],
    keyboard: [dateKeys('2026-01-15')],
    initial: { attr: '2026-11-23', entries: ['2026-11-23'], edit: [dateKeys('2027-02-03')] },
    code: { value: '2026-05-01', entries: ['2026-05-01'], shown: ['2026-05-01'] },
    missing: { en: 'Enter visit date', zh: '请填写Visit date' },
    // Half a date (one segment of the native date input) is not an empty field.
    unfinished: { steps: [dateKeys('2026-01-15').slice(0, 2)], message: 'Enter a real date for visit date, like 2026-01-31' },
    mismatch: { attrs: 'max="2026-12-31"', steps: [dateKeys('2027-01-01')], flag: 'rangeOverflow', message: 'Visit date must be on or before 2026-12-31' },
  },
  {
    type: 'select',
    label: 'Country',
    children: countryOptions,
    ui: 'control',
    empty: [],
    fill: ['Ger'], // type-ahead on the closed select
    filled: ['de'],
    keyboard: [press('ArrowDown'), press('ArrowDown')],
    initial: { attr: 'cn', entries: ['cn'], edit: [press('ArrowUp')] },
    code: { value: 'fr', entries: ['fr'], shown: ['fr'] },
    missing: { en: 'Select country', zh: '请选择Country' },
    unfinished: { steps: [press('ArrowDown'), press('ArrowUp')], message: 'Select country' },
  },
  {
    type: 'radio',
    label: 'Country',
    children: countryOptions,
    ui: 'group',
    empty: [],
    fill: [press('ArrowDown')],
    filled: ['de'],
    keyboard: [press('ArrowDown')],
    initial: { attr: 'cn', entries: ['cn'], edit: [press('ArrowUp')] },
    code: { value: 'fr', entries: ['fr'], shown: ['fr'] },
    missing: { en: 'Select country', zh: '请选择Country' },
    unfinished: { steps: [], message: 'Select country' },
  },
  {
    type: 'checkboxes',
    label: 'Markets',
    children: countryOptions,
    ui: 'group',
    empty: [],
    // China first, then France: FormData still lists them in option order.
    fill: [tab, tab, space, shiftTab, shiftTab, space],
    filled: ['fr', 'cn'],
    keyboard: [space, tab, tab, space],
    initial: { attr: 'de,cn', entries: ['de', 'cn'], edit: [space] },
    code: { value: ['cn', 'fr'], entries: ['fr', 'cn'], shown: ['fr', 'cn'] },
    missing: { en: 'Select markets', zh: '请选择Markets' },
    unfinished: { steps: [space, space], message: 'Select markets' },
    mismatch: { attrs: 'max="1"', steps: [space, tab, space], flag: 'customError', message: 'Select no more than 1 for markets' },
  },
  {
    type: 'boolean',
    label: 'Send me news',
    ui: 'single',
    empty: ['false'],
    fill: [space],
    filled: ['true'],
    keyboard: [space],
    initial: { attr: 'true', entries: ['true'], edit: [space] },
    code: { value: false, entries: ['false'], shown: ['false'] },
  },
  {
    type: 'consent',
    label: 'I agree to the privacy policy',
    attrs: 'version="2026-01"',
    ui: 'single',
    empty: [],
    fill: [space],
    filled: ['true'],
    keyboard: [space],
    initial: { entries: [], edit: [space] },
    code: { value: false, entries: [], shown: ['false'] },
    missing: { en: 'You must agree to continue', zh: '请先勾选同意后再继续' },
    unfinished: { steps: [space, space], message: 'You must agree to continue' },
  },
  {
    type: 'hidden',
    label: 'Campaign',
    ui: 'none',
    empty: [],
    fill: [(el) => (el.value = 'expo-2026')],
    filled: ['expo-2026'],
    keyboard: [],
    initial: { attr: 'campaign-7', entries: ['campaign-7'], edit: [(el) => (el.value = 'other')] },
    code: { value: 'expo-2026', entries: ['expo-2026'], shown: [] },
    missing: {
      en: 'This form cannot be sent: campaign is missing, and this page should have filled it in. Open the page again from the link you were given, or contact the site owner',
      zh: '此表单暂时无法提交：缺少Campaign，该项应由页面自动填写。请通过您收到的链接重新打开本页，或联系网站管理员',
    },
  },
];

function markup(c: TypeCase, attrs = ''): string {
  return `<intake-field type="${c.type}" name="f" label="${c.label}" ${c.attrs ?? ''} ${attrs}>${c.children ?? ''}</intake-field>`;
}

const mount = (c: TypeCase, attrs = '', wrap?: (field: string) => string) => mountMarkup(markup(c, attrs), wrap);

/** What the controls show: [country, number] for phones, checked values for groups, the tick for single boxes. */
function shown(c: TypeCase, el: IntakeField): string[] {
  switch (c.ui) {
    case 'none':
      return [];
    case 'group':
      return choiceInputs(el).filter((input) => input.checked).map((input) => input.value);
    case 'single':
      return [String(control(el)!.checked)];
    default:
      return c.type === 'phone' ? [countrySelect(el)!.value, control(el)!.value] : [control<HTMLInputElement>(el)!.value];
  }
}

/** The node that carries the field's description (the control, or the fieldset of a group). */
function describedNode(c: TypeCase, el: IntakeField): Element {
  return c.ui === 'group' ? shadow(el).querySelector('fieldset')! : control(el)!;
}

/** The `aria-invalid` values of the nodes that report it: the control, the radiogroup, or every checkbox. */
function ariaInvalid(c: TypeCase, el: IntakeField): (string | null)[] {
  if (c.type === 'radio') return [shadow(el).querySelector('[role="radiogroup"]')!.getAttribute('aria-invalid')];
  if (c.type === 'checkboxes') return choiceInputs(el).map((input) => input.getAttribute('aria-invalid'));
  return [control(el)!.getAttribute('aria-invalid')];
}

const hasUi = (c: TypeCase) => c.ui !== 'none';
const leave = (c: TypeCase): readonly Step[] => (hasUi(c) ? [tab] : []);

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

// Must run first: a document autofocuses at most once, so a later check could pass by accident.
describe('<intake-field> on a page', () => {
  it('does not take the focus when it appears (a phone field focuses its number only when asked)', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    const { el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" default-country="US"></intake-field>');
    await nextFrame();
    await nextFrame();
    expectSame(document.activeElement, document.body);
    el.focus();
    expectSame(focused(el), control(el));
  });

  it('follows a `lang` that changes above it (a page switching language), unless its own `locale` is set', async () => {
    const html = document.documentElement;
    const pageLang = html.getAttribute('lang');
    try {
      const { form, el } = await mountMarkup(
        '<section lang="en"><intake-field type="text" name="f" label="Company" required></intake-field><intake-field type="text" name="g" label="Company" required locale="en"></intake-field></section>',
      );
      const own = form.querySelectorAll<IntakeField>('intake-field')[1]!;
      el.reportValidity();
      own.reportValidity();
      await el.updateComplete;
      expect(el.validationMessage).to.equal('Enter company');
      expect(squash(shadow(el).querySelector('[part="error"]')!.textContent)).to.equal(`${uiMessages('en').errorPrefix} Enter company`);

      form.querySelector('section')!.setAttribute('lang', 'zh-CN');
      await waitUntil(() => el.validationMessage === '请填写Company', 'the message follows the section to zh-CN');
      expect(squash(shadow(el).querySelector('[part="error"]')!.textContent)).to.equal(`${uiMessages('zh-CN').errorPrefix} 请填写Company`);
      expect(squash(shadow(el).querySelector('[part="required-marker"] + .visually-hidden')!.textContent)).to.equal(uiMessages('zh-CN').required);
      expect(own.validationMessage, 'its own locale wins').to.equal('Enter company');

      // With no lang nearer than <html>, the page's language rules.
      form.querySelector('section')!.removeAttribute('lang');
      html.setAttribute('lang', 'en');
      await waitUntil(() => el.validationMessage === 'Enter company', 'back to the page language, en');
      html.setAttribute('lang', 'zh-CN');
      await waitUntil(() => el.validationMessage === '请填写Company', 'the page switched to zh-CN');
    } finally {
      if (pageLang === null) html.removeAttribute('lang');
      else html.setAttribute('lang', pageLang);
    }
  });
});

describe('<intake-field> shared suite', () => {
  for (const c of cases) {
    describe(`type="${c.type}"`, () => {
      it('renders in a native form', async () => {
        const { form, el } = await mount(c);
        expectSame(el.form, form);
        if (!hasUi(c)) {
          expect(el.hidden).to.equal(true);
          expect(el.getBoundingClientRect().height).to.equal(0);
          expect(shadow(el).querySelector('*')?.outerHTML ?? null).to.equal(null);
          expect(squash(shadow(el).textContent)).to.equal('');
          return;
        }
        expect(el.hidden).to.equal(false);
        expect(control(el) !== null).to.equal(true);
        expect(control(el)!.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(squash(shadow(el).textContent)).to.include(c.label);
        if (c.ui === 'group') expect(choiceInputs(el).map((input) => input.value)).to.deep.equal(['fr', 'de', 'cn']);
        if (c.type === 'select') {
          const values = [...control<HTMLSelectElement>(el)!.options].map((option) => option.value);
          expect(values).to.deep.equal(['', 'fr', 'de', 'cn']);
        }
      });

      it('labels its control and links the help and the error with aria-describedby', async () => {
        const { el } = await mount(c, 'help="We reply within a day"');
        if (!hasUi(c)) {
          expect(shadow(el).querySelector('label, legend, input, select, textarea, [id]')?.outerHTML ?? null).to.equal(null);
          return;
        }
        const node = describedNode(c, el);
        if (c.ui === 'control') {
          const label = shadow(el).querySelector('label[for$="-control"]')!;
          expect(squash(label.textContent)).to.equal(c.label);
          expect(control(el)!.labels!.length).to.equal(1);
          expectSame(control(el)!.labels![0], label);
          expect(accessibleName(control(el)!)).to.equal(c.label);
          if (c.type === 'phone') expect(accessibleName(countrySelect(el)!)).to.equal('Country or region code');
        } else if (c.ui === 'group') {
          const legend = node.querySelector(':scope > legend')!;
          expect(squash(legend.textContent)).to.equal(c.label);
          expect(accessibleName(node)).to.equal(c.label);
          expect(choiceInputs(el).map((input) => accessibleName(input))).to.deep.equal(['France', 'Germany', 'China']);
        } else {
          const box = control(el)!;
          expect(box.labels![0]!.contains(box)).to.equal(true);
          expect(accessibleName(box)).to.equal(c.label);
        }
        expect(descriptions(el, node)).to.deep.equal({ help: 'We reply within a day' });

        el.required = true;
        await el.updateComplete;
        el.reportValidity();
        await el.updateComplete;
        expect(accessibleName(c.ui === 'group' ? node : control(el)!)).to.equal(`${c.label} (required)`);
        if (c.type !== 'checkboxes') {
          const requiredNode = c.type === 'radio' ? node : control(el)!;
          expect(requiredNode.getAttribute('aria-required')).to.equal('true');
        }
        const described = descriptions(el, describedNode(c, el));
        if (c.missing) expect(described).to.deep.equal({ help: 'We reply within a day', error: `Error: ${c.missing.en}` });
        else expect(described).to.deep.equal({ help: 'We reply within a day' });
      });

      it('puts the normalized value into FormData', async () => {
        const { form, el } = await mount(c);
        expect(entries(form)).to.deep.equal(c.empty);
        el.focus();
        await run(el, [...c.fill, ...leave(c)]);
        expect(entries(form)).to.deep.equal(c.filled);
      });

      it('takes part in native constraint validation', async () => {
        const { form, el } = await mount(c, 'required');
        expect(el.willValidate).to.equal(true);
        if (!c.missing) {
          // A yes/no box always holds an answer: unticked is `false`.
          expect(el.checkValidity()).to.equal(true);
          expect(entries(form)).to.deep.equal(['false']);
          return;
        }
        let invalidEvents = 0;
        el.addEventListener('invalid', () => invalidEvents++);
        expect(el.checkValidity()).to.equal(false);
        expect(invalidEvents).to.equal(1);
        expect(el.validity.valueMissing).to.equal(true);
        expect(el.validity.valid).to.equal(false);
        expect(el.validationMessage).to.equal(c.missing.en);
        expect(el.matches(':invalid')).to.equal(true);
        expect(form.checkValidity()).to.equal(false);
        expect(el.reportValidity()).to.equal(false);

        el.focus();
        await run(el, [...c.fill, ...leave(c)]);
        expect(el.checkValidity()).to.equal(true);
        expect(el.validity.valid).to.equal(true);
        expect(el.validationMessage).to.equal('');
        expect(el.matches(':valid')).to.equal(true);
        expect(form.reportValidity()).to.equal(true);

        if (c.mismatch) {
          const { el: other } = await mount(c, c.mismatch.attrs);
          other.focus();
          await run(other, c.mismatch.steps);
          expect(other.checkValidity()).to.equal(false);
          expect(other.validity[c.mismatch.flag]).to.equal(true);
          expect(other.validity.valueMissing).to.equal(false);
          expect(other.matches(':invalid')).to.equal(true);
          expect(other.validationMessage).to.equal(c.mismatch.message);
        }
      });

      it('shows no error while the field is being filled in, and an inline error once it is left', async () => {
        if (!hasUi(c)) {
          const { el } = await mount(c, 'required');
          expect(el.reportValidity()).to.equal(false);
          await el.updateComplete;
          expect(squash(shadow(el).textContent)).to.equal('');
          return;
        }
        const { el, after } = await mount(c, `required ${c.unfinished?.attrs ?? ''}`);
        el.focus();
        await run(el, c.unfinished?.steps ?? [space, space]);
        expect(errorText(el)).to.equal('');
        expect(ariaInvalid(c, el).every((value) => value !== 'true')).to.equal(true);
        expect(el.matches(':state(user-invalid)')).to.equal(false);
        await tabOut(el);
        expectSame(document.activeElement, after);
        if (!c.unfinished) {
          expect(errorText(el)).to.equal('');
          expect(el.checkValidity()).to.equal(true);
          return;
        }
        expect(errorText(el)).to.equal(`Error: ${c.unfinished.message}`);
        expect(ariaInvalid(c, el).every((value) => value === 'true')).to.equal(true);
        expect(el.matches(':state(user-invalid)')).to.equal(true);
        expect(el.matches(':invalid')).to.equal(true);
      });

      it('localizes its messages in en and zh-CN, from `locale` or an ancestor `lang`', async () => {
        const variants = [
          { attrs: '', wrap: undefined, locale: 'en' },
          { attrs: 'locale="zh-CN"', wrap: undefined, locale: 'zh-CN' },
          { attrs: '', wrap: (field: string) => `<div lang="zh-CN">${field}</div>`, locale: 'zh-CN' },
          { attrs: 'locale="en"', wrap: (field: string) => `<div lang="zh-CN">${field}</div>`, locale: 'en' },
        ] as const;
        for (const variant of variants) {
          const { el } = await mount(c, `required ${variant.attrs}`, variant.wrap);
          const ui = uiMessages(variant.locale);
          el.reportValidity();
          await el.updateComplete;
          if (c.missing) {
            const message = variant.locale === 'en' ? c.missing.en : c.missing.zh;
            expect(el.validationMessage, variant.locale).to.equal(message);
            if (hasUi(c)) expect(errorText(el), variant.locale).to.equal(`${ui.errorPrefix} ${message}`);
          }
          if (hasUi(c)) expect(squash(shadow(el).querySelector('[part="required-marker"] + .visually-hidden')!.textContent)).to.equal(ui.required);
          if (c.type === 'select') expect(control<HTMLSelectElement>(el)!.options[0]!.textContent).to.equal(ui.choose);
          if (c.type === 'phone') expect(countrySelect(el)!.getAttribute('aria-label')).to.equal(ui.countryCode);
        }
      });

      it('resets with the form to its `value` attribute', async () => {
        const { form, el } = await mount(c, c.initial.attr === undefined ? '' : `value="${c.initial.attr}"`);
        expect(entries(form)).to.deep.equal(c.initial.entries);
        const start = shown(c, el);
        el.focus();
        await run(el, [...c.initial.edit, ...leave(c)]);
        expect(entries(form)).to.not.deep.equal(c.initial.entries);
        form.reset();
        await el.updateComplete;
        expect(entries(form)).to.deep.equal(c.initial.entries);
        expect(shown(c, el)).to.deep.equal(start);
        expect(errorText(el)).to.equal('');
        expect(el.matches(':state(touched)')).to.equal(false);
      });

      it('is disabled by an ancestor <fieldset disabled>', async () => {
        const wrap = (field: string) => `<fieldset disabled>${field}</fieldset>`;
        const { form, el, before, after } = await mount(c, `required ${c.initial.attr === undefined ? '' : `value="${c.initial.attr}"`}`, wrap);
        const controls = () => [...shadow(el).querySelectorAll<HTMLInputElement>('input, select, textarea')];
        expect(el.matches(':disabled')).to.equal(true);
        expect(controls().every((node) => node.disabled)).to.equal(true);
        expect(entries(form)).to.deep.equal([]);
        expect(el.willValidate).to.equal(false);
        expect(el.checkValidity()).to.equal(true);
        before.focus();
        await run(el, [tab]);
        expectSame(document.activeElement, after);

        form.querySelector('fieldset')!.disabled = false;
        await el.updateComplete;
        expect(el.matches(':disabled')).to.equal(false);
        expect(controls().every((node) => !node.disabled)).to.equal(true);
        expect(entries(form)).to.deep.equal(c.initial.entries);
        expect(el.willValidate).to.equal(true);
      });

      it('can be completed with the keyboard alone', async () => {
        const { form, el, before, after } = await mount(c, hasUi(c) ? 'required' : `required value="${c.filled[0]}"`);
        before.focus();
        await run(el, [tab]);
        if (hasUi(c)) expectSame(document.activeElement, el);
        await run(el, c.keyboard);
        await tabOut(el);
        expectSame(document.activeElement, after);
        expect(entries(form)).to.deep.equal(c.filled);
        expect(form.checkValidity()).to.equal(true);
      });

      it('has no axe violations when empty, with an error and when filled', async () => {
        const { form, el } = await mount(c, 'required help="We reply within a day"');
        await expect(form).to.be.accessible();
        el.reportValidity();
        await el.updateComplete;
        if (c.missing && hasUi(c)) expect(errorText(el)).to.equal(`Error: ${c.missing.en}`);
        await expect(form).to.be.accessible();
        el.focus();
        await run(el, [...c.fill, ...leave(c)]);
        expect(entries(form)).to.deep.equal(c.filled);
        await expect(form).to.be.accessible();
      });

      it('fires input and a host change event on real input, and none when set from code', async () => {
        const { form, el } = await mount(c);
        // Read while dispatching: afterwards an event from a shadow tree has no target and no path.
        const seen: { type: string; target: EventTarget | null; origin: EventTarget | undefined; bubbles: boolean; composed: boolean }[] = [];
        const record = (event: Event) =>
          seen.push({ type: event.type, target: event.target, origin: event.composedPath()[0], bubbles: event.bubbles, composed: event.composed });
        form.addEventListener('input', record);
        form.addEventListener('change', record);
        if (hasUi(c)) {
          el.focus();
          await run(el, [...c.fill, tab]);
          const inputs = seen.filter((event) => event.type === 'input');
          const changes = seen.filter((event) => event.type === 'change');
          expect(inputs.length).to.be.greaterThan(0);
          expect(inputs.every((event) => event.target === el && event.composed)).to.equal(true);
          expect(changes.length).to.be.greaterThan(0);
          // `change` does not cross the shadow boundary: the host dispatches its own.
          expect(changes.every((event) => event.target === el && event.origin === el && event.bubbles)).to.equal(true);
          seen.length = 0;
        }
        el.value = c.code.value;
        await el.updateComplete;
        expect(seen.map((event) => event.type)).to.deep.equal([]);
        expect(el.value).to.deep.equal(c.code.value);
        expect(entries(form)).to.deep.equal(c.code.entries);
        expect(shown(c, el)).to.deep.equal(c.code.shown);
      });
    });
  }
});

describe('<intake-field> type-specific behaviour', () => {
  describe('phone', () => {
    it('submits the normalized phone to a native form', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form><intake-field type="phone" name="phone" label="Phone" default-country="US"></intake-field></form>`);
      const field = form.querySelector('intake-field')!;
      await field.updateComplete;
      field.focus();
      await sendKeys({ type: '(415) 555-2671' });
      await sendKeys({ press: 'Tab' });
      expect(new FormData(form).get('phone')).to.equal('+14155552671');
      await expect(form).to.be.accessible();
    });

    it('shows a calling code typed with the number once, in the selector, as soon as the code is whole', async () => {
      const form = await fixture<HTMLFormElement>(html`
        <form><intake-field type="phone" name="phone" label="Phone" default-country="CN"></intake-field><button type="button">After</button></form>`);
      const field = form.querySelector('intake-field')!;
      await field.updateComplete;
      expect(countrySelect(field)!.value).to.equal('CN');
      field.focus();
      await sendKeys({ type: '+4' });
      await field.updateComplete;
      expect([countrySelect(field)!.value, control(field)!.value], '+4 is no calling code yet').to.deep.equal(['CN', '+4']);
      await sendKeys({ type: '4' });
      await field.updateComplete;
      expect([countrySelect(field)!.value, control(field)!.value], '+44 is').to.deep.equal(['GB', '']);
      await sendKeys({ type: '7400 123456' });
      await field.updateComplete;
      expect(countrySelect(field)!.value).to.equal('GB');
      expect(control(field)!.value, 'no +44 in the text').to.not.contain('44 ');
      expect(control(field)!.value.replace(/\D/g, '')).to.equal('7400123456');
      expect(new FormData(form).get('phone')).to.equal('+447400123456');
      await sendKeys({ press: 'Tab' });
      await field.updateComplete;
      expect(countrySelect(field)!.value).to.equal('GB');
      await expect(form).to.be.accessible();
    });

    it('takes a pasted international number apart, and follows a shared calling code to its country on leaving', async () => {
      const { el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" default-country="CN"></intake-field>');
      el.focus();
      await sendKeys({ type: '00852 5123 4567' });
      await el.updateComplete;
      expect([countrySelect(el)!.value, control(el)!.value.replace(/\D/g, '')]).to.deep.equal(['HK', '51234567']);
      expect(el.normalizedValue).to.equal('+85251234567');
      control(el)!.select();
      await sendKeys({ press: 'Backspace' });
      // +1 is the United States' until the number says otherwise: 242 is the Bahamas.
      await sendKeys({ type: '+1 242 359 1234' });
      await el.updateComplete;
      expect(countrySelect(el)!.value).to.equal('US');
      expect(control(el)!.value).to.not.contain('+');
      await tabOut(el);
      expect(countrySelect(el)!.value).to.equal('BS');
      expect(control(el)!.value.replace(/\D/g, '')).to.equal('2423591234');
      expect(el.normalizedValue).to.equal('+12423591234');
    });

    it('keeps a typed calling code outside its `countries` as typed, with the error', async () => {
      const { el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" countries="CN,HK"></intake-field>');
      el.focus();
      await run(el, ['+44 7400 123456']);
      await tabOut(el);
      expect(countrySelect(el)!.value).to.equal('CN');
      expect(control(el)!.value).to.equal('+44 7400 123456');
      expect(el.validity.valid).to.equal(false);
    });

    it('focuses its number input on focus() and on a failed reportValidity()', async () => {
      const { el, before } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" required></intake-field>');
      el.focus();
      expectSame(focused(el), control(el));
      before.focus();
      expect(el.reportValidity()).to.equal(false);
      expectSame(focused(el), control(el));
    });

    it('offers only the `countries` in its country selector and formats as you type', async () => {
      const { form, el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" countries="CN,HK,US"></intake-field>');
      const select = countrySelect(el)!;
      expect([...select.options].map((option) => option.value)).to.deep.equal(['CN', 'HK', 'US']);
      expect(select.value).to.equal('CN');
      expect(squash(select.selectedOptions[0]!.textContent)).to.include('+86');
      el.focus();
      await run(el, ['13912345678']);
      expect(control(el)!.value).to.equal('139 1234 5678');
      expect(entries(form)).to.deep.equal(['+8613912345678']);
    });

    it('formats a US number as it is typed', async () => {
      const { form, el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" default-country="US"></intake-field>');
      el.focus();
      await run(el, ['4155552671']);
      expect(control(el)!.value).to.equal('(415) 555-2671');
      expect(entries(form)).to.deep.equal(['+14155552671']);
    });

    it('lets a person choose the country with the keyboard', async () => {
      const { form, el, before } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" countries="CN,US"></intake-field>');
      const changed = oneEvent(el, 'change');
      before.focus();
      await run(el, [tab]);
      expectSame(focused(el), countrySelect(el));
      await run(el, [press('ArrowDown')]);
      expectSame((await changed).target, el);
      expect(countrySelect(el)!.value).to.equal('US');
      // Moving from the selector to the number does not count as leaving the field.
      await run(el, [tab, '415']);
      expect(errorText(el)).to.equal('');
      await run(el, ['5552671', tab]);
      expect(entries(form)).to.deep.equal(['+14155552671']);
    });

    it('accepts a number of another country typed with +, and full-width digits', async () => {
      const { form, el } = await mountMarkup(
        '<intake-field type="phone" name="f" label="Phone" default-country="US"></intake-field><intake-field type="phone" name="g" label="Phone 2" default-country="US"></intake-field>',
      );
      const other = form.querySelectorAll('intake-field')[1]!;
      el.focus();
      await run(el, ['+44 7400 123456', tab]);
      expectSame(focused(other), countrySelect(other));
      await run(other, [tab, '４１５-５５５-２６７１', tab]);
      // The typed calling code moved to the selector; the text holds the national number only.
      expect(countrySelect(el)!.value).to.equal('GB');
      expect(control(el)!.value).to.equal('7400 123456');
      expect(entries(form)).to.deep.equal(['+447400123456']);
      expect(entries(form, 'g')).to.deep.equal(['+14155552671']);
      expect(form.checkValidity()).to.equal(true);
    });

    it('refuses a number of a country outside `countries`', async () => {
      const { el } = await mountMarkup('<intake-field type="phone" name="f" label="Phone" countries="US,CA"></intake-field>');
      el.focus();
      await run(el, ['+44 7400 123456', tab]);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal('Enter a phone number from one of these countries: US, CA');
      expect(errorText(el)).to.equal('Error: Enter a phone number from one of these countries: US, CA');
    });

    it("bound to a form's controller, lists the chosen country first, and every country when the page is idle or the selector is reached", async () => {
      const bound = async () => {
        const parsed = parseForm({ id: 'f', fields: [{ type: 'phone', name: 'phone', label: 'Phone', defaultCountry: 'GB' }] });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const el = await fixture<IntakeField>(html`<intake-field .intake=${createIntake(parsed.form)} name="phone"></intake-field>`);
        const select = el.querySelector<HTMLSelectElement>('select[part="country-select"]')!;
        return { el, select, values: () => [...select.options].map((option) => option.value) };
      };
      const focused = await bound();
      expect(focused.values()).to.deep.equal(['GB']);
      focused.select.focus();
      expect(focused.values()).to.have.length(245);
      expect([focused.select.value, focused.values()[0]]).to.deep.equal(['GB', 'GB']);

      const pressed = await bound();
      pressed.select.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      expect(pressed.values()).to.have.length(245);

      const idle = await bound();
      await waitUntil(() => idle.values().length === 245, 'every country once the page is idle', { timeout: 5000 });
      expect(idle.select.value).to.equal('GB');
    });
  });

  describe('text', () => {
    it('refuses, without cutting, input over `max-length`, with a message', async () => {
      const { form, el } = await mountMarkup('<intake-field name="f" label="Code" max-length="5"></intake-field>');
      el.focus();
      await run(el, ['Annabelle']);
      expect(control(el)!.value).to.equal('Annabelle');
      expect(control(el)!.maxLength).to.equal(-1);
      expect(el.validity.tooLong).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      await run(el, [tab]);
      expect(errorText(el)).to.equal('Error: Code must be 5 characters or fewer (now 9)');
      el.focus();
      await run(el, [press('End'), press('Backspace'), press('Backspace'), press('Backspace'), press('Backspace')]);
      expect(el.checkValidity()).to.equal(true);
      expect(errorText(el)).to.equal('');
      expect(entries(form)).to.deep.equal(['Annab']);
    });

    it('checks `pattern` and `min-length`', async () => {
      const { form, el } = await mountMarkup(
        '<intake-field name="f" label="Code" pattern="[A-Z]{2}-[0-9]{3}"></intake-field><intake-field name="g" label="Name" min-length="3"></intake-field>',
      );
      const [, short] = form.querySelectorAll('intake-field');
      el.focus();
      await run(el, ['ab-123', tab, 'Al']);
      expect(el.validity.patternMismatch).to.equal(true);
      expect(short!.validity.tooShort).to.equal(true);
      expect(short!.validationMessage).to.equal('Name must be 3 characters or more');
      el.focus();
      await run(el, [selectAll, 'AB-123']);
      expect(el.checkValidity()).to.equal(true);
      expect(entries(form)).to.deep.equal(['AB-123']);
    });

    it('renders a label holding HTML as text', async () => {
      const el = await fixture<IntakeField>(html`<intake-field name="f" label="<b>x</b><img src=x onerror=alert(1)>"></intake-field>`);
      expect(shadow(el).querySelector('b, img')?.outerHTML ?? null).to.equal(null);
      expect(squash(shadow(el).querySelector('label')!.textContent)).to.equal('<b>x</b><img src=x onerror=alert(1)>');
    });
  });

  describe('right-to-left', () => {
    it('draws the select arrow at the inline end: on the left when dir is rtl', async () => {
      const select = `<intake-field type="select" name="f" label="Country">${countryOptions}</intake-field>`;
      const ltr = await mountMarkup(select);
      const rtl = await mountMarkup(select, (field) => `<div dir="rtl">${field}</div>`);
      // The chevron is the wrapper's ::after, 1.1rem from the inline end (left of the text in rtl).
      const side = (el: IntakeField) => {
        const select = control<HTMLSelectElement>(el)!;
        const after = getComputedStyle(select.parentElement!, '::after');
        return { right: after.right, left: after.left, content: after.content, padding: getComputedStyle(select).paddingInlineEnd };
      };
      expect(side(ltr.el)).to.deep.include({ right: '17.6px', content: '""', padding: '44px' });
      expect(side(rtl.el)).to.deep.include({ left: '17.6px', content: '""', padding: '44px' });
      await expect(rtl.el).to.be.accessible();
    });
  });

  describe('textarea', () => {
    it('counts the characters left near `max-length`, and those over it', async () => {
      const { el } = await mountMarkup('<intake-field type="textarea" name="f" label="Message" max-length="10"></intake-field>');
      const counter = () => squash(shadow(el).querySelector('[part="counter"]')?.textContent);
      const region = shadow(el).querySelector('[part="counter"]')!;
      // The live region is there (empty, not displayed) before it has anything to say.
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(getComputedStyle(region).display).to.equal('none');
      el.focus();
      await run(el, ['Hello']);
      expect(counter()).to.equal('');
      await run(el, [' wo']);
      expect(counter()).to.equal('2 characters left');
      expect(shadow(el).querySelector('[part="counter"]') === region && getComputedStyle(region).display !== 'none').to.equal(true);
      await run(el, ['r']);
      expect(counter(), 'the singular form').to.equal('1 character left');
      await run(el, ['ld!']);
      expect(counter()).to.equal('2 characters too many');
      expect(el.validity.tooLong).to.equal(true);
      expect(control(el)!.value).to.equal('Hello world!');
    });

    it('counts in zh-CN', async () => {
      const { el } = await mountMarkup('<intake-field type="textarea" name="f" label="留言" max-length="5" locale="zh-CN"></intake-field>');
      el.focus();
      await run(el, ['你好世界']);
      expect(squash(shadow(el).querySelector('[part="counter"]')?.textContent)).to.equal('还可输入 1 个字符');
    });
  });

  describe('number', () => {
    it('maps its problems to native validity flags', async () => {
      const { form } = await mountMarkup(
        '<intake-field type="number" name="a" label="A"></intake-field><intake-field type="number" name="b" label="B" min="5"></intake-field><intake-field type="number" name="c" label="C" integer></intake-field>',
      );
      const [a, b, c] = [...form.querySelectorAll('intake-field')] as [IntakeField, IntakeField, IntakeField];
      a.focus();
      await run(a, ['abc', tab, '3', tab, '2.5', tab]);
      expect(a.validity.badInput).to.equal(true);
      expect(a.validationMessage).to.equal('Enter a number for A');
      expect(b.validity.rangeUnderflow).to.equal(true);
      expect(b.validationMessage).to.equal('B must be 5 or more');
      expect(c.validity.stepMismatch).to.equal(true);
      expect(c.validationMessage).to.equal('C must be a whole number');
    });
  });

  describe('date', () => {
    it('does not take an impossible date (30 February) for an empty one', async () => {
      const { form, el } = await mountMarkup('<intake-field type="date" name="f" label="Visit date"></intake-field>');
      el.focus();
      await run(el, [dateKeys('2026-02-30')]);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity.badInput).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      await run(el, [tab]);
      expect(errorText(el)).to.equal('Error: Enter a real date for visit date, like 2026-01-31');
      form.reset();
      await el.updateComplete;
      expect(control(el)!.validity.badInput).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
      el.focus();
      await run(el, [dateKeys('2026-01-15').slice(0, 2)]);
      expect(el.validity.badInput).to.equal(true);
      el.value = '';
      await el.updateComplete;
      expect(control(el)!.validity.badInput).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
    });

    it('checks `min`', async () => {
      const { el } = await mountMarkup('<intake-field type="date" name="f" label="Visit date" min="2026-01-01"></intake-field>');
      el.focus();
      await run(el, [dateKeys('2025-12-31')]);
      expect(el.validity.rangeUnderflow).to.equal(true);
      expect(el.validationMessage).to.equal('Visit date must be on or after 2026-01-01');
    });
  });

  describe('options', () => {
    it('shows a value set from code after a person chose and the form was reset', async () => {
      const { form, el } = await mountMarkup(
        `<intake-field type="select" name="f" label="Country">${countryOptions}</intake-field><intake-field type="phone" name="g" label="Phone" countries="CN,US"></intake-field>`,
      );
      const phone = form.querySelectorAll('intake-field')[1]!;
      el.focus();
      await run(el, [press('ArrowDown'), press('ArrowDown'), tab, press('ArrowDown')]);
      expect([control<HTMLSelectElement>(el)!.value, countrySelect(phone)!.value]).to.deep.equal(['de', 'US']);
      form.reset();
      await el.updateComplete;
      await phone.updateComplete;
      expect([control<HTMLSelectElement>(el)!.value, countrySelect(phone)!.value]).to.deep.equal(['', 'CN']);
      el.value = 'fr';
      phone.value = '+14155552671';
      await el.updateComplete;
      await phone.updateComplete;
      expect([control<HTMLSelectElement>(el)!.value, countrySelect(phone)!.value]).to.deep.equal(['fr', 'US']);
      expect([...entries(form), ...entries(form, 'g')]).to.deep.equal(['fr', '+14155552671']);
    });

    it('reads options from child <option> elements, and follows changes to them', async () => {
      const { form, el } = await mountMarkup('<intake-field type="select" name="f" label="Size"><option value="s">Small</option><option>Large</option></intake-field>');
      const labels = () => [...control<HTMLSelectElement>(el)!.options].slice(1).map((option) => [option.value, squash(option.textContent)]);
      expect(labels()).to.deep.equal([
        ['s', 'Small'],
        ['Large', 'Large'],
      ]);
      const extra = document.createElement('option');
      extra.value = 'm';
      extra.textContent = 'Medium';
      el.append(extra);
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(labels()).to.deep.equal([
        ['s', 'Small'],
        ['Large', 'Large'],
        ['m', 'Medium'],
      ]);
      el.focus();
      await run(el, ['Medium', tab]);
      expect(entries(form)).to.deep.equal(['m']);
    });

    it('takes options from the `options` property, over child options, with localized labels', async () => {
      const options = [
        { value: 'a', label: { en: 'Apple', 'zh-CN': '苹果' } },
        { value: 'p', label: { en: 'Pear', 'zh-CN': '梨' } },
      ];
      const form = await fixture<HTMLFormElement>(
        html`<form><intake-field type="radio" name="f" label="水果" locale="zh-CN" .options=${options}><option value="x">X</option></intake-field></form>`,
      );
      const el = form.querySelector('intake-field')!;
      await el.updateComplete;
      expect(choiceInputs(el).map((input) => accessibleName(input))).to.deep.equal(['苹果', '梨']);
      el.focus();
      await run(el, [space]);
      expect(entries(form)).to.deep.equal(['a']);
    });

    it('checks the number of checkboxes selected against `min` and `max`', async () => {
      const { form } = await mountMarkup(
        `<intake-field type="checkboxes" name="a" label="A" min="2">${countryOptions}</intake-field><intake-field type="checkboxes" name="b" label="B" max="2">${countryOptions}</intake-field>`,
      );
      const [a, b] = [...form.querySelectorAll('intake-field')] as [IntakeField, IntakeField];
      a.focus();
      await run(a, [space, tab, tab, tab, space, tab, space, tab, space, tab]);
      expect(entries(form, 'a')).to.deep.equal(['fr']);
      expect(a.validationMessage).to.equal('Select at least 2 for A');
      expect(errorText(a)).to.equal('Error: Select at least 2 for A');
      expect(entries(form, 'b')).to.deep.equal(['fr', 'de', 'cn']);
      expect(b.checkValidity()).to.equal(false);
      expect(b.validationMessage).to.equal('Select no more than 2 for B');
    });
  });

  describe('definition errors', () => {
    it('renders a readable error for an invalid definition instead of nothing', async () => {
      const { form, el } = await mountMarkup('<intake-field type="telephone" name="f" label="Phone"></intake-field>');
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(squash(alert.textContent)).to.include('Unknown field type "telephone"');
      expect(alert.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.checkValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      el.type = 'phone';
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')?.outerHTML ?? null).to.equal(null);
      expect(control(el) !== null).to.equal(true);
      expect(el.checkValidity()).to.equal(true);
    });
  });
});
