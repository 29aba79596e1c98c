import {
  composePhoneInput,
  createIntake,
  defaultTextareaMaxLength,
  fieldsByName,
  formatPath,
  formatPhoneInput,
  normalizeDate,
  normalizeTextarea,
  parseForm,
  phoneCountryOptions,
  resolveText,
  splitPhoneValue,
  type Field,
  type Form,
  type Intake,
  type IntakeChange,
  type Option,
  type PhoneCountryOption,
} from '@intake/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LangController } from '../controllers/lang-controller.js';
import { formatPlural, uiMessages, type UiMessages } from '../i18n/ui-messages.js';
import { tokens } from '../styles/tokens.styles.js';
import { choiceList } from './choice-list.js';
import { definitionFromAttributes, definitionProperties, fieldAttributeProperties } from './field-attributes.js';
import { fieldStyles } from './intake-field.styles.js';
import { optionList } from './option-list.js';
import { regionName } from './region-names.js';
import { validityFlags } from './validity-flags.js';

type ChoiceField = Extract<Field, { options: readonly Option[] }>;

const choiceTypes: ReadonlySet<string> = new Set(['select', 'radio', 'checkboxes']);

/**
 * The raw value of a date field while its native date input holds a date the browser cannot read
 * (incomplete, or impossible such as 30 February): the core reports it as an invalid date instead
 * of taking the field for empty.
 */
const unreadableDate = 'invalid-date';

let nextId = 0;

/**
 * One form field of any Intake type. Alone, inside any native `<form>`, it is a real
 * form-associated control: its **normalized** value goes into `FormData` (E.164 phones, option
 * values, `YYYY-MM-DD` dates; checkboxes add one entry per value), it takes part in constraint
 * validation (`checkValidity()`, `reportValidity()`, `:invalid`) and it resets and restores with
 * the form. Inside `<intake-form>` the same element renders each field, bound to the form's
 * controller. Validation rules and messages come from `@intake/core`.
 *
 * Inside `<intake-form>` a field has no shadow root: its parts are parts of the form's shadow
 * tree, styled with `intake-form::part(input)`, and its custom states are not visible to page CSS.
 * Alone, it has its own shadow root: `intake-field::part(input)`, `intake-field:state(user-invalid)`.
 * The theming reference is docs/theming.md.
 *
 * @summary A form-associated, accessible, localized field.
 * @tag intake-field
 *
 * @event {InputEvent} input - A person changed the value (native `InputEvent` from the control; bubbles, composed).
 * @event {Event} change - A person committed a change (a plain `Event` re-dispatched from the host, as `change` does not leave a shadow root; bubbles).
 * @event {Event} invalid - `checkValidity()`, `reportValidity()` or the form's submission found the value invalid (native; does not bubble).
 *
 * @csspart field - The wrapper of the whole field: a `div`, or a `fieldset` for radio and checkbox groups.
 * @csspart label - The `label` of the control, the `legend` of a group, or the label around a single checkbox (boolean, consent).
 * @csspart required-marker - The `*` after the label of a required field (hidden from screen readers, which hear "required").
 * @csspart help - The help text (linked to the control with `aria-describedby`).
 * @csspart error - The inline error message (a polite live region, linked with `aria-describedby`); also the message of an invalid definition.
 * @csspart input - The text-like `input`, the `textarea` or the `select`; the number input of a phone field.
 * @csspart country-select - The country calling code `select` of a phone field.
 * @csspart choices - The list of radio buttons or checkboxes.
 * @csspart choice - One radio button or checkbox with its text.
 * @csspart choice-input - The radio button or checkbox itself.
 * @csspart counter - The characters-left counter of a textarea (shown from 80 % of `max-length`).
 *
 * @cssprop [--intake-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font of every text: the system UI font, with fonts for Chinese.
 * @cssprop [--intake-font-size=1rem] - Base font size; keep it at 16px or more, or phones zoom into a focused input.
 * @cssprop [--intake-color-text=#1a1c20] - Text colour, and the inner ring of the focus indicator (dark: `#eceef2`).
 * @cssprop [--intake-color-muted=#555b66] - Help text and the characters-left counter (dark: `#a9afba`).
 * @cssprop [--intake-color-background=#ffffff] - Background of controls (dark: `#15171c`).
 * @cssprop [--intake-color-border=#7d8490] - Border of controls (dark: `#8a91a0`).
 * @cssprop [--intake-color-error=#b42318] - Error messages, the left bar and border of an invalid field, the required marker (dark: `#ff8a80`).
 * @cssprop [--intake-color-focus=#f0b400] - Outer ring of the focus indicator (light and dark).
 * @cssprop [--intake-radius=6px] - Corner radius of controls.
 * @cssprop [--intake-control-height=3rem] - Minimum height of inputs and selects; textareas are 2.5 times as tall. Keep it at 44px or more.
 * @cssprop [--intake-border-width=2px] - Border width of controls.
 * @cssprop [--intake-spacing=1rem] - Base spacing unit: the gap between fields is 1.5 times this.
 *
 * @cssstate invalid - The value is invalid (whether or not the error is shown yet).
 * @cssstate user-invalid - The value is invalid and its error is shown (the person left the field, or a submit or `reportValidity()` checked it), like `:user-invalid`.
 * @cssstate touched - The person left the field at least once, or a submit or `reportValidity()` checked it.
 * @cssstate filled - The field has a valid, non-empty normalized value.
 * @cssstate required - The field is required now (`required`, or a `requiredWhen` condition of its form holds).
 */
export class IntakeField extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, fieldStyles];
  static override properties = {
    // The attributes that define a lone field, one per key of the field types (field-attributes.ts).
    ...fieldAttributeProperties,
    disabled: { type: Boolean, reflect: true, useDefault: true },
    locale: { reflect: true },
    theme: { reflect: true },
    intake: { attribute: false },
  };

  /** The field type (spec §2): `text`, `email`, `phone`, `select`, `checkboxes`, ... Default `text`. */
  declare type: Field['type'];
  /** The field name: the `FormData` key, and the key in `record.data`. */
  declare name: string;
  /** The label text (every field has a programmatic label; without one, the `name` is shown). */
  declare label: string | undefined;
  /** Help text under the label, linked to the control with `aria-describedby`. */
  declare help: string | undefined;
  /** Placeholder of text-like inputs; the first, empty choice of a select. Not a label. */
  declare placeholder: string | undefined;
  /** Whether a value is needed: shown as `*` and announced as required. */
  declare required: boolean;
  /** Disables the field (it is also disabled with a disabled `<fieldset>` or form). */
  declare disabled: boolean;
  /** Phone: ISO country assumed for numbers typed without `+` (attribute `default-country`). */
  declare defaultCountry: string | undefined;
  /** Phone: the allowed countries, e.g. `countries="CN,HK,US"`. */
  declare countries: string[] | undefined;
  /** Number: the minimum; date: the earliest `YYYY-MM-DD`; checkboxes: the fewest choices. */
  declare min: string | undefined;
  /** Number: the maximum; date: the latest `YYYY-MM-DD`; checkboxes: the most choices. */
  declare max: string | undefined;
  /** Number: the step between allowed values. */
  declare step: number | undefined;
  /** Number: whole numbers only. */
  declare integer: boolean;
  /** Text and textarea: the fewest characters (attribute `min-length`). */
  declare minLength: number | undefined;
  /** Text and textarea: the most characters (attribute `max-length`; default 200 for text, 5000 for textarea). Longer input is refused with a message, never cut. */
  declare maxLength: number | undefined;
  /** Text: a regular expression the whole value must match. */
  declare pattern: string | undefined;
  /** Consent: the version of the text agreed to. */
  declare version: string | undefined;
  /** Textarea: the visible lines (default 5). */
  declare rows: number | undefined;
  /** A URL query parameter name to read the initial value from (`?company=Acme`). */
  declare prefill: string | undefined;
  /** The HTML `autocomplete` token (email and phone fields have sensible defaults). */
  declare autocomplete: string | undefined;
  /** Choices of select, radio and checkboxes fields; by default read from child `<option>` elements. */
  declare options: readonly Option[] | undefined;
  /** The default value (attribute `value`): what the field starts with and resets to. */
  declare defaultValue: string | undefined;
  /** The locale of messages: `en` or `zh-CN`. Default: the nearest `lang` (followed when it changes), else `en`. */
  declare locale: string | undefined;
  /** `light` or `dark` to force a colour scheme; by default it follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /**
   * The controller this field is bound to (set by `<intake-form>`): the field then takes its
   * definition from the controller's form by `name`, and reads and writes its values there.
   */
  declare intake: Intake | undefined;

  readonly #internals: ElementInternals;
  #own: Intake | undefined;
  #unsubscribe: (() => void) | undefined;
  #definitionError: string | undefined;
  #formDisabled = false;
  #pendingValue: unknown = undefined;
  #phone = { country: '', text: '', composed: undefined as string | undefined };
  /** The custom states set in `#internals.states`. */
  readonly #states = new Set<string>();
  /** Whether the phone country selector lists every country yet (see `#renderPhone`). */
  #allCountries = false;
  #allCountriesScheduled = false;
  #observer: MutationObserver | undefined;
  #childOptionsChanged = false;
  /** The last lookup of `field`: renders ask for it several times, and a form has hundreds of fields. */
  #fieldCache: { form: Form | undefined; name: string; field: Field | undefined } | undefined;
  /** The locale of a standalone field: its `locale`, else the nearest `lang`, followed as it changes. */
  readonly #lang = new LangController(this, { own: () => this.locale, enabled: () => !this.intake });
  /** The locale the standalone field's own controller was built in. */
  #builtLocale: string | undefined;
  readonly #id = `intake-field-${++nextId}`;
  readonly #controlId = `${this.#id}-control`;
  readonly #helpId = `${this.#id}-help`;
  readonly #errorId = `${this.#id}-error`;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.type = 'text';
    this.name = '';
    this.required = false;
    this.disabled = false;
    this.integer = false;
  }

  /**
   * A standalone field renders into its own shadow root. A field bound to a form's controller
   * before it connects (as `<intake-form>` does) renders into its own children instead: it is
   * already inside the form's shadow root, whose styles cover it, and 200 fields without 200
   * shadow roots and style sheets render markedly faster. Ids are unique either way. The root
   * listens to its controls' events (see `#onControlInput`), so the templates bind none.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.intake ? this : super.createRenderRoot();
    root.addEventListener('input', this.#onControlInput);
    root.addEventListener('keyup', this.#onControlKeyUp);
    root.addEventListener('change', this.#onControlChange);
    root.addEventListener('focusin', this.#onCountrySelectReached);
    root.addEventListener('pointerdown', this.#onCountrySelectReached);
    return root;
  }

  /** The controller in use: the bound one, or the field's own when it stands alone. */
  get controller(): Intake | undefined {
    return this.intake ?? this.#own;
  }

  /** The definition of this field as the core sees it. */
  get field(): Field | undefined {
    const form = this.controller?.form;
    const name = this.#fieldName;
    let cached = this.#fieldCache;
    if (!cached || cached.form !== form || cached.name !== name) {
      // The core's index by name (one per form, shared by its hundreds of fields), not a scan each.
      cached = { form, name, field: form ? fieldsByName(form).get(name) : undefined };
      this.#fieldCache = cached;
    }
    return cached.field;
  }

  /**
   * The raw value, as typed (strings; an array for checkboxes; true/false for boolean and consent).
   * A date field whose date input holds a date the browser cannot read (incomplete, or 30 February)
   * has the raw value `'invalid-date'`. Setting it fires no event.
   */
  get value(): unknown {
    const controller = this.controller;
    return controller && this.field ? controller.get(this.#fieldName) : this.#pendingValue;
  }

  set value(value: unknown) {
    this.#clearUnreadableDate();
    const controller = this.controller;
    if (controller && this.field) controller.set(this.#fieldName, value);
    else this.#pendingValue = value;
    this.requestUpdate();
  }

  /** The normalized value (what `FormData` and records get), or `undefined` when empty or invalid. */
  get normalizedValue(): unknown {
    const controller = this.controller;
    return controller && this.field ? controller.normalized(this.#fieldName) : undefined;
  }

  /** The form this field belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Whether the value is valid; fires `invalid` when not, like a native input. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the error (and focuses the field when invalid). */
  reportValidity(): boolean {
    this.#showErrors();
    return this.#internals.reportValidity();
  }

  /**
   * Focuses the field's main control: the number input of a phone field (not its country
   * selector), the chosen radio button of a radio group, else the first control.
   */
  override focus(options?: FocusOptions): void {
    const target = this.#mainControl();
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** The control that takes the focus and anchors the validation message. */
  #mainControl(): HTMLElement | null {
    const root = this.renderRoot;
    if (this.field?.type === 'radio') {
      const checked = root.querySelector<HTMLElement>('input[type="radio"]:checked');
      if (checked) return checked;
    }
    // The control with the id `#controlId` is always the first of these. A constant selector is
    // parsed once for every field, where one with the field's id would be parsed for each.
    return root.querySelector<HTMLElement>('[part="input"], [part="choice-input"]');
  }

  get #fieldName(): string {
    return this.intake ? this.name : this.name || 'field';
  }

  get #locale(): string {
    return this.intake ? this.intake.locale : this.#lang.locale;
  }

  get #isDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusout', this.#onFocusOut);
    this.addEventListener('invalid', this.#onInvalid);
    if (!this.intake) {
      this.#observer = new MutationObserver(() => {
        this.#childOptionsChanged = true;
        this.requestUpdate();
      });
      this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'label'] });
    }
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusout', this.#onFocusOut);
    this.removeEventListener('invalid', this.#onInvalid);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('intake')) {
      this.#own = undefined;
      this.#subscribe();
    }
    const childOptionsChanged = this.#childOptionsChanged && !this.options && choiceTypes.has(this.type);
    this.#childOptionsChanged = false;
    if (!this.intake && (!this.#own || childOptionsChanged || definitionProperties.some((key) => changed.has(key as keyof IntakeField)))) {
      this.#buildOwnController();
    } else if (!this.intake && this.#own && this.#builtLocale !== this.#locale) {
      // A new locale (the `locale` property, or a `lang` above the field changed): the same
      // controller speaks it, so what was typed and the errors shown stay. (An invalid definition
      // has no controller: it is read again in the new locale above.)
      this.#builtLocale = this.#locale;
      this.#own.locale = this.#locale;
    }
    const controller = this.controller;
    if (controller && this.field) {
      if (this.#pendingValue !== undefined) {
        const pending = this.#pendingValue;
        this.#pendingValue = undefined;
        controller.set(this.#fieldName, pending);
      }
      if (this.intake) this.hidden = this.field.type === 'hidden' || !controller.isVisible(this.#fieldName);
      else this.hidden = this.field.type === 'hidden';
    }
  }

  protected override updated(): void {
    this.#syncFormState();
  }

  /** Builds the one-field controller of a standalone field from its attributes. */
  #buildOwnController(): void {
    this.#builtLocale = this.#locale;
    const previous = this.#own;
    const keep = previous && previous.form.fields[0] ? previous.get(previous.form.fields[0].name) : undefined;
    const definition = definitionFromAttributes(this, this.#fieldName);
    const parsed = parseForm({ id: 'intake-field', fields: [definition] }, { locale: this.#locale });
    if (!parsed.ok) {
      this.#definitionError = parsed.issues
        .map((issue) => `${formatPath(issue.path.slice(2)) || definition.type}: ${issue.message}`)
        .join('; ');
      this.#own = undefined;
      this.#subscribe();
      return;
    }
    this.#definitionError = undefined;
    this.#own = createIntake(parsed.form, { locale: this.#locale });
    if (keep !== undefined && previous?.form.fields[0]?.type === definition.type) this.#own.set(this.#fieldName, keep);
    this.#subscribe();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const controller = this.controller;
    if (!controller || !this.isConnected) return;
    const bound = Boolean(this.intake);
    this.#unsubscribe = controller.subscribe((change: IntakeChange) => {
      if (!bound || change.locale || change.names.includes(this.name)) this.requestUpdate();
    });
  }

  #syncFormState(): void {
    const controller = this.controller;
    const field = this.field;
    if (!controller || !field) {
      this.#internals.setFormValue(null);
      this.#internals.setValidity(this.#definitionError ? { customError: true } : {}, this.#definitionError ?? '');
      return;
    }
    const name = this.#fieldName;
    const raw = controller.get(name);
    const visible = controller.isVisible(name);
    const normalized = controller.normalized(name);
    let value: string | FormData | null = null;
    if (visible && field.type === 'checkboxes') {
      const data = new FormData();
      const list = (normalized as readonly string[] | undefined) ?? (Array.isArray(raw) ? (raw as string[]) : []);
      for (const item of list) data.append(this.name, item);
      value = data;
    } else if (visible && normalized !== undefined) {
      value = String(normalized);
    } else if (visible && typeof raw === 'string' && raw.trim() !== '') {
      value = raw; // invalid: keep what was typed (a form with novalidate still gets it)
    }
    this.#internals.setFormValue(value, JSON.stringify(raw ?? null));
    const issue = visible ? controller.issueFor(name) : undefined;
    if (issue) this.#internals.setValidity(validityFlags(issue.code), issue.message, this.#mainControl() ?? undefined);
    else this.#internals.setValidity({});
    const states = this.#internals.states;
    const toggle = (state: string, on: boolean) => {
      // The set is this element's own: what it holds is known, so unchanged states cost nothing.
      if (this.#states.has(state) === on) return;
      if (on) {
        this.#states.add(state);
        states.add(state);
      } else {
        this.#states.delete(state);
        states.delete(state);
      }
    };
    toggle('invalid', Boolean(issue));
    toggle('user-invalid', Boolean(issue) && controller.isTouched(name));
    toggle('touched', controller.isTouched(name));
    toggle('filled', normalized !== undefined);
    toggle('required', controller.isRequired(name));
  }

  readonly #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.contains(next) || this.renderRoot.contains(next))) return;
    const controller = this.controller;
    if (controller && this.field && !controller.isTouched(this.#fieldName)) controller.touch(this.#fieldName);
  };

  readonly #onInvalid = () => this.#showErrors();

  #showErrors(): void {
    const controller = this.controller;
    if (controller && this.field) controller.validate([this.#fieldName]);
  }

  #set(value: unknown): void {
    const controller = this.controller;
    if (controller && this.field) controller.set(this.#fieldName, value);
  }

  readonly #requestUpdate = () => this.requestUpdate();

  /** Empties a native date input holding a date it cannot read, which setting the value to `''` would not. */
  #clearUnreadableDate(): void {
    const input = this.renderRoot?.querySelector<HTMLInputElement>('input[type="date"]');
    if (input?.validity.badInput) input.value = '';
  }

  /** Form-associated callbacks. */
  formResetCallback(): void {
    if (this.#own) {
      this.#clearUnreadableDate();
      this.#own.reset();
      this.#phone.composed = undefined;
    }
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      this.value = JSON.parse(state) as unknown;
    } catch {
      // not a state this element wrote
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.#definitionError) {
      return html`<p class="definition-error" part="error" role="alert">&lt;intake-field&gt; ${this.#definitionError}</p>`;
    }
    const controller = this.controller;
    const field = this.field;
    if (!controller || !field || field.type === 'hidden') return nothing;
    if (this.intake && !controller.isVisible(field.name)) return nothing;
    switch (field.type) {
      case 'radio':
      case 'checkboxes':
        return this.#renderGroup(controller, field);
      case 'boolean':
      case 'consent':
        return this.#renderSingleCheckbox(controller, field);
      default:
        return this.#renderInputField(controller, field);
    }
  }

  #texts(controller: Intake, field: Field): FieldTexts {
    const locale = this.#locale;
    const error = controller.shownError(field.name);
    const help = resolveText(field.help, locale);
    const describedBy = help ? (error ? `${this.#helpId} ${this.#errorId}` : this.#helpId) : error ? this.#errorId : nothing;
    return {
      locale,
      ui: uiMessages(locale),
      label: resolveText(field.label, locale) || field.name,
      help,
      error,
      describedBy,
      required: controller.isRequired(field.name),
      placeholder: resolveText(field.placeholder, locale) || nothing,
    };
  }

  #marker(required: boolean, ui: UiMessages): TemplateResult | typeof nothing {
    return required
      ? html`<span class="marker" part="required-marker" aria-hidden="true">*</span><span class="visually-hidden"> ${ui.required}</span>`
      : nothing;
  }

  #help(help: string): TemplateResult | typeof nothing {
    return help ? html`<span class="help" id=${this.#helpId} part="help">${help}</span>` : nothing;
  }

  #error(error: string | undefined, ui: UiMessages): TemplateResult | typeof nothing {
    return error ? html`<span class="visually-hidden">${ui.errorPrefix}</span> ${error}` : nothing;
  }

  // The templates below are written out per kind of control, with everything that is the same for
  // every field of that kind (types, input modes, parts) as literal attributes, and no event
  // bindings (the listeners of the render root handle the controls' events): a form renders
  // hundreds of them on load, and each binding costs a part to create and commit. Nor is there
  // whitespace between elements (a tag's closing `>` starts the next line): each line break was a
  // text node to clone, a quarter of a 200-field form's nodes. The layout is the same (block and
  // flex boxes ignore whitespace between them).

  #renderInputField(controller: Intake, field: Field): TemplateResult {
    const t = this.#texts(controller, field);
    const raw = controller.get(field.name);
    const text = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
    const invalid = t.error ? 'true' : 'false';
    const required = t.required ? 'true' : 'false';
    const disabled = this.#isDisabled;
    const id = this.#controlId;
    let control: TemplateResult;
    switch (field.type) {
      case 'textarea':
        control = html`<textarea id=${id} part="input" name=${field.name} rows=${field.rows ?? 5} .value=${live(text)} placeholder=${t.placeholder}
          autocomplete=${field.autocomplete ?? nothing} aria-describedby=${t.describedBy} aria-invalid=${invalid} aria-required=${required}
          ?disabled=${disabled}></textarea>`;
        break;
      case 'select':
        control = html`<select id=${id} part="input" name=${field.name} aria-describedby=${t.describedBy} aria-invalid=${invalid}
          aria-required=${required} autocomplete=${field.autocomplete ?? nothing} ?disabled=${disabled}
          >${optionList(
            [
              { value: '', label: resolveText(field.placeholder, t.locale) || t.ui.choose },
              ...field.options.map((option) => ({ value: option.value, label: resolveText(option.label, t.locale) || option.value })),
            ],
            text,
          )}</select
        >`;
        break;
      case 'phone':
        control = this.#renderPhone(field, text, t, invalid, required);
        break;
      default: {
        // Text, email, number and date fields (the commonest) share one template with the input
        // inside the wrapper: one template instance per field rather than two. Email and number
        // are text inputs, so nothing typed is dropped by the browser; `type` is bound before
        // `.value`, so a date input gets its value as a date input.
        const email = field.type === 'email';
        const date = field.type === 'date';
        const inputMode = email ? 'email' : field.type === 'number' ? (field.integer && (field.min ?? 0) >= 0 ? 'numeric' : 'decimal') : nothing;
        return html`<div class="field ${t.error ? 'invalid' : ''}" part="field"
          ><label for=${id} part="label">${t.label}${this.#marker(t.required, t.ui)}</label
          >${this.#help(t.help)}<span class="error" id=${this.#errorId} part="error" aria-live="polite">${this.#error(t.error, t.ui)}</span
          ><input id=${id} part="input" name=${field.name} type=${date ? 'date' : 'text'} inputmode=${inputMode}
            autocomplete=${field.autocomplete ?? (email ? 'email' : nothing)} spellcheck=${email ? 'false' : nothing}
            autocapitalize=${email ? 'none' : nothing} min=${(date && field.min) || nothing} max=${(date && field.max) || nothing}
            .value=${live(date ? dateInputText(text) : text)} placeholder=${t.placeholder} aria-describedby=${t.describedBy}
            aria-invalid=${invalid} aria-required=${required} ?disabled=${disabled} /></div
        >`;
      }
    }
    return html`<div class="field ${t.error ? 'invalid' : ''}" part="field"
      ><label for=${id} part="label">${t.label}${this.#marker(t.required, t.ui)}</label
      >${this.#help(t.help)}<span class="error" id=${this.#errorId} part="error" aria-live="polite">${this.#error(t.error, t.ui)}</span
      >${control}${field.type === 'textarea' ? this.#renderCounter(field, raw, t.ui) : nothing}</div
    >`;
  }

  #renderPhone(field: Extract<Field, { type: 'phone' }>, raw: string, t: FieldTexts, invalid: string, required: string): TemplateResult {
    const phone = this.#phone;
    if (phone.composed !== raw) {
      const parts = splitPhoneValue(raw, field.defaultCountry ?? field.countries?.[0]);
      phone.country = parts.country;
      phone.text = parts.national;
      phone.composed = raw;
    }
    // In a form, the country selector first holds only the chosen country: a form of many phone
    // fields would otherwise start with hundreds of options to create and lay out. The others come
    // when the page is idle, or as soon as the selector is focused or pressed, whichever is first.
    let options: readonly PhoneCountryOption[];
    if (this.intake && !this.#allCountries) {
      // Only the chosen country's option is made (not the list of every country, filtered).
      const allowed = phone.country !== '' && (!field.countries || field.countries.includes(phone.country));
      const chosen = allowed ? phoneCountryOptions([phone.country]) : [];
      // With no option chosen, a selector shows its first one.
      options = chosen.length > 0 || phone.country === '' ? chosen : phoneCountryOptions(field.countries, field.defaultCountry).slice(0, 1);
      this.#scheduleAllCountries();
    } else {
      options = phoneCountryOptions(field.countries, field.defaultCountry);
    }
    return html`<div class="phone"
      ><select part="country-select" aria-label=${t.ui.countryCode} autocomplete="tel-country-code" ?disabled=${this.#isDisabled}
        >${optionList(
          [
            ...(phone.country === '' ? [{ value: '', label: '+' }] : []),
            ...options.map((option) => ({
              value: option.country,
              label: `${regionName(option.country, t.locale, this.#requestUpdate) ?? option.country} +${option.callingCode}`,
            })),
          ],
          phone.country,
        )}</select
      ><input id=${this.#controlId} part="input" name=${field.name} type="tel" autocomplete=${field.autocomplete ?? 'tel-national'}
        .value=${live(phone.text)} placeholder=${t.placeholder} aria-describedby=${t.describedBy} aria-invalid=${invalid}
        aria-required=${required} ?disabled=${this.#isDisabled} /></div
    >`;
  }

  #scheduleAllCountries(): void {
    if (this.#allCountriesScheduled) return;
    this.#allCountriesScheduled = true;
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(this.#showAllCountries, { timeout: 2000 });
    else setTimeout(this.#showAllCountries, 200);
  }

  readonly #showAllCountries = () => {
    if (this.#allCountries) return;
    this.#allCountries = true;
    this.requestUpdate();
  };

  /** Lists every country before a person reaches the country selector (the picker opens after `pointerdown`). */
  readonly #onCountrySelectReached = (event: Event) => {
    if (this.#allCountries || !this.intake || (event.target as Element).getAttribute?.('part') !== 'country-select') return;
    this.#showAllCountries();
    this.performUpdate();
  };

  /** The phone field's state after the person chose `country` or typed `typed`. */
  #updatePhone(country: string, typed: string): void {
    const phone = this.#phone;
    phone.country = country;
    phone.text = typed;
    phone.composed = composePhoneInput(country || undefined, typed);
    this.#set(phone.composed);
  }

  #renderCounter(field: Extract<Field, { type: 'textarea' }>, raw: unknown, ui: UiMessages): TemplateResult {
    const max = field.maxLength ?? defaultTextareaMaxLength;
    // Counted as the core counts: the normalized text, in code points.
    const normalized = normalizeTextarea(raw);
    const length = normalized.ok && normalized.value !== undefined ? [...normalized.value].length : 0;
    const over = length > max;
    const message = length >= max * 0.8 ? formatPlural(over ? ui.charactersOver : ui.charactersLeft, this.#locale, Math.abs(max - length)) : '';
    // The live region is always there (empty, and not displayed, until the text nears the limit):
    // screen readers miss what a live region says as it is inserted.
    return html`<p class="counter ${over ? 'over' : ''}" part="counter" aria-live="polite">${message}</p>`;
  }

  #renderGroup(controller: Intake, field: ChoiceField): TemplateResult {
    const t = this.#texts(controller, field);
    const raw = controller.get(field.name);
    const multiple = field.type === 'checkboxes';
    const chosen = new Set(multiple ? (Array.isArray(raw) ? (raw as string[]) : []) : [raw]);
    const id = this.#controlId;
    const choices = choiceList(
      field.options.map((option) => ({
        value: option.value,
        label: resolveText(option.label, t.locale) || option.value,
        checked: chosen.has(option.value),
      })),
      {
        type: multiple ? 'checkbox' : 'radio',
        id: (index: number) => (index === 0 ? id : `${this.#id}-${index}`),
        name: multiple ? (index: number) => `${field.name}-${index}` : () => field.name,
        disabled: this.#isDisabled,
        invalid: multiple ? (t.error ? 'true' : 'false') : undefined,
      },
    );
    return html`<fieldset
      class="field ${t.error ? 'invalid' : ''}"
      part="field"
      aria-describedby=${t.describedBy}
      role=${multiple ? nothing : 'radiogroup'}
      aria-required=${!multiple && t.required ? 'true' : nothing}
      aria-invalid=${!multiple && t.error ? 'true' : nothing}
      ><legend part="label">${t.label}${this.#marker(t.required, t.ui)}</legend
      >${this.#help(t.help)}<span class="error" id=${this.#errorId} part="error" aria-live="polite">${this.#error(t.error, t.ui)}</span
      ><div class="choices" part="choices">${choices}</div></fieldset
    >`;
  }

  #renderSingleCheckbox(controller: Intake, field: Field): TemplateResult {
    const t = this.#texts(controller, field);
    const checked = controller.get(field.name) === true;
    return html`<div class="field ${t.error ? 'invalid' : ''}" part="field"
      >${this.#help(t.help)}<span class="error" id=${this.#errorId} part="error" aria-live="polite">${this.#error(t.error, t.ui)}</span
      ><label class="choice single" part="choice label"
        ><input id=${this.#controlId} part="choice-input" type="checkbox" name=${field.name} .checked=${live(checked)}
          aria-describedby=${t.describedBy} aria-invalid=${t.error ? 'true' : 'false'} aria-required=${t.required ? 'true' : 'false'}
          ?disabled=${this.#isDisabled}
        /><span class="choice-text">${t.label}${this.#marker(t.required, t.ui)}</span></label
      ></div
    >`;
  }

  /**
   * The `input` listener of the render root, for every control of the field (one listener, not
   * one per control per render): writes what the person did to the controller.
   */
  readonly #onControlInput = (event: Event) => {
    const control = event.target as HTMLInputElement;
    const field = this.field;
    if (control === (this as unknown) || !field) return;
    switch (field.type) {
      case 'date':
        this.#onDateInput(control);
        return;
      case 'phone': {
        const phone = this.#phone;
        if (control.localName === 'select') {
          this.#updatePhone(control.value, phone.text);
          return;
        }
        const atEnd = control.selectionStart === control.value.length;
        const deleting = (event as InputEvent).inputType?.startsWith('delete');
        const formatted = atEnd && !deleting ? formatPhoneInput(control.value, phone.country || undefined) : control.value;
        if (formatted !== control.value) control.value = formatted;
        this.#updatePhone(phone.country, formatted);
        return;
      }
      case 'radio':
        this.#set(control.value);
        return;
      case 'checkboxes': {
        const raw = this.controller?.get(field.name);
        const next = new Set(Array.isArray(raw) ? (raw as string[]) : []);
        if (control.checked) next.add(control.value);
        else next.delete(control.value);
        this.#set(field.options.map((option) => option.value).filter((option) => next.has(option)));
        return;
      }
      case 'boolean':
      case 'consent':
        this.#set(control.checked);
        return;
      default:
        this.#set(control.value);
    }
  };

  /**
   * A native date input fires no `input` while it holds an incomplete or impossible date (its
   * value stays ''), so it is also read on every key.
   */
  readonly #onControlKeyUp = (event: Event) => {
    const control = event.target as HTMLInputElement;
    if (control !== (this as unknown) && control.localName === 'input' && control.type === 'date') this.#onDateInput(control);
  };

  #onDateInput(input: HTMLInputElement): void {
    this.#set(input.validity.badInput ? unreadableDate : input.value);
  }

  /** `change` does not leave a shadow root: every control's `change` is dispatched again from the host. */
  readonly #onControlChange = (event: Event) => {
    const field = this.field;
    if (field?.type === 'phone' && (event.target as Element).localName === 'input') this.#followTypedCountry(field);
    if (event.target !== this) this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  /**
   * A number typed with its calling code (`+44 7700 900123`, `0044 …`) moves the country selector
   * to that country and leaves the national part in the input, once the person leaves the input
   * (not while typing, which would move the text under their fingers). A country outside the
   * field's `countries` stays as typed, for the core to explain.
   */
  #followTypedCountry(field: Extract<Field, { type: 'phone' }>): void {
    const phone = this.#phone;
    const text = phone.text.normalize('NFKC').trim();
    if (!text.startsWith('+') && !text.startsWith('00')) return;
    const parts = splitPhoneValue(text, undefined);
    if (!parts.country || (field.countries && !field.countries.includes(parts.country))) return;
    this.#showAllCountries();
    this.#updatePhone(parts.country, parts.national);
  }
}

/** The localized texts and ARIA wiring of one render of a field. */
interface FieldTexts {
  readonly locale: string;
  readonly ui: UiMessages;
  readonly label: string;
  readonly help: string;
  readonly error: string | undefined;
  readonly describedBy: string | typeof nothing;
  readonly required: boolean;
  readonly placeholder: string | typeof nothing;
}

/**
 * What a native date input can show of a raw date value: `YYYY-MM-DD`, also from the other forms
 * the core reads (`2026/1/5`); '' for anything else, which also leaves an unreadable date the
 * person is still typing in place.
 */
function dateInputText(raw: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const result = normalizeDate(raw);
  return result.ok ? (result.value ?? '') : '';
}
