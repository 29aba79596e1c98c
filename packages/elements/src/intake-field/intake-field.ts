import { fieldsByName, schemaMessagesFor, type CascadeOption, type Field, type Form, type Intake, type IntakeChange, type Option, type Text } from '@intake/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LangController } from '../controllers/lang-controller.js';
import { loadSchemaMessages } from '../data/load-data.js';
import { FormControl } from '../form-control/form-control.js';
import { validityFlags } from '../form-control/validity-flags.js';
import { fieldControlId, fieldIds, fieldView, type FieldIds } from '../renderers/field-view.js';
import { controlContext, listenToControls, type ControlContext } from '../renderers/control-events.js';
import { rendererInUse, type RendererInUse } from '../renderers/registry.js';
import { tokens } from '../styles/tokens.styles.js';
import { definitionFromAttributes, definitionProperties, fieldAttributeProperties } from './field-attributes.js';
import { fieldStyles } from './intake-field.styles.js';
import { formValueOf } from './form-value.js';
import { ownController } from './own-controller.js';


const choiceTypes: ReadonlySet<string> = new Set(['select', 'radio', 'checkboxes']);
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
 * tree, styled with `intake-form::part(input)`. It has no custom states, validity or form value
 * there either: the form judges it through its controller, and shows that in the field's markup
 * (the error message, `aria-invalid`). Alone, it has its own shadow root and all of them:
 * `intake-field::part(input)`, `intake-field:state(user-invalid)`.
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
 * @csspart levels - The list of selects of a cascade or region field, one per level shown.
 * @csspart level - One level of a cascade or region field: its label and its `select` (the select is also `input`).
 * @csspart level-label - The label of one level's select (Province, City, District for a region).
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
export class IntakeField extends FormControl {  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [tokens, fieldStyles];
  static override properties = {
    // The attributes that define a lone field, one per key of the field types (field-attributes.ts).
    ...fieldAttributeProperties,
    disabled: { type: Boolean, reflect: true, useDefault: true },
    locale: { reflect: true },
    theme: { reflect: true },
    intake: { attribute: false },
  };

  /** The field type (docs/schema.md): `text`, `email`, `phone`, `select`, `checkboxes`, ... Default `text`. */
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
  /**
   * Choices of select, radio and checkboxes fields; by default read from child `<option>` elements.
   * A cascade field takes its tree here (options with `children`): a property only.
   */
  declare options: readonly Option[] | readonly CascadeOption[] | undefined;
  /** A cascade's label of each level's select, from the top (attribute `level-labels`, comma-separated). */
  declare levelLabels: readonly Text[] | undefined;
  /** A region's depth: 3 (province, city, district; the default) or 2 (attribute `levels`). */
  declare levels: number | undefined;
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

  #own: Intake | undefined;
  #unsubscribe: (() => void) | undefined;
  #definitionError: string | undefined;
  #pendingValue: unknown = undefined;
  #observer: MutationObserver | undefined;
  #childOptionsChanged = false;
  /** The last lookup of `field`: renders ask for it several times, and a form has hundreds of fields. */
  #fieldCache: { form: Form | undefined; name: string; field: Field | undefined } | undefined;
  /** The renderer of the field's type and its state of this element (the phone widget keeps what was typed). */
  #renderer: RendererInUse | undefined;
  /** The locale of a standalone field: its `locale`, else the nearest `lang`, followed as it changes. */
  readonly #lang = new LangController(this, { own: () => this.locale, enabled: () => !this.intake });
  /** The locale the standalone field's own controller was built in. */
  #builtLocale: string | undefined;
  readonly #ownIds = fieldIds(`intake-field-${++nextId}`);

  constructor() {
    super();
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
   * listens to its controls' events and passes them to the field's renderer (`listenToControls`),
   * so the templates bind none.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.intake ? this : super.createRenderRoot();
    listenToControls(root, this, this.#controlContext);
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
    this.#clearControls(false);
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
    // A cascade or region: the first select still to choose (the one a summary link is about).
    const next = root.querySelector<HTMLElement>('select[data-next]');
    if (next) return next;
    if (this.field?.type === 'radio') {
      const checked = root.querySelector<HTMLElement>('input[type="radio"]:checked');
      if (checked) return checked;
    }
    // The control with the control id is always the first of these. A constant selector is
    // parsed once for every field, where one with the field's id would be parsed for each.
    return root.querySelector<HTMLElement>('[part="input"], [part="choice-input"]');
  }

  get #fieldName(): string {
    return this.intake ? this.name : this.name || 'field';
  }

  get #locale(): string {
    return this.intake ? this.intake.locale : this.#lang.locale;
  }

  /**
   * The ids of the field's nodes. In a form they come from the field's name, so that the form's
   * error summary links to the control (`fieldControlId`); alone, from a counter (each standalone
   * field has its own shadow root).
   */
  get #ids(): FieldIds {
    return this.intake ? fieldIds(this.name, fieldControlId(this.name)) : this.#ownIds;
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
    // In `<intake-form>` nothing reads a field's form state (see the class comment): writing it on
    // every update was work for nothing (docs/BENCHMARKS.md, "Data files after the first frame,
    // and no form state inside a form").
    if (!this.intake) this.#syncFormState();
  }

  /** Builds the one-field controller of a standalone field from its attributes. */
  #buildOwnController(): void {
    this.#builtLocale = this.#locale;
    const built = ownController(definitionFromAttributes(this, this.#fieldName), this.#locale, this.#own);
    this.#definitionError = built.error;
    this.#own = built.controller;
    // A broken definition is told with texts the script-tag build loads on demand.
    if (built.error && !schemaMessagesFor('en')) {
      void loadSchemaMessages().then((loaded) => {
        if (loaded && this.#definitionError) {
          this.#buildOwnController();
          this.requestUpdate();
        }
      });
    }
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

  /** Gives the form the field's normalized value, its validity and its custom states (see `FormControl`). */
  #syncFormState(): void {
    const controller = this.controller;
    const field = this.field;
    if (!controller || !field) {
      this.setFormValue(null);
      this.setControlValidity(this.#definitionError ? { customError: true } : {}, this.#definitionError ?? '');
      return;
    }
    const name = this.#fieldName;
    this.setFormValue(formValueOf(controller, field, name, this.name), JSON.stringify(controller.get(name) ?? null));
    const issue = controller.isVisible(name) ? controller.issueFor(name) : undefined;
    if (issue) this.setControlValidity(validityFlags(issue.code), issue.message, this.#mainControl() ?? undefined);
    else this.setControlValidity({});
    const touched = controller.isTouched(name);
    this.setState('invalid', Boolean(issue));
    this.setState('user-invalid', Boolean(issue) && touched);
    this.setState('touched', touched);
    this.setState('filled', controller.normalized(name) !== undefined);
    this.setState('required', controller.isRequired(name));
  }

  readonly #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.contains(next) || this.renderRoot.contains(next))) return;
    const controller = this.controller;
    if (controller && this.field && !controller.isTouched(this.#fieldName)) controller.touch(this.#fieldName);
  };

  readonly #onInvalid = () => this.showValidity();

  protected override showValidity(): void {
    const controller = this.controller;
    if (controller && this.field) controller.validate([this.#fieldName]);
  }

  protected override resetValue(): void {
    if (!this.#own) return;
    this.#clearControls(true);
    this.#own.reset();
  }

  protected override restoreValue(value: unknown): void {
    this.value = value;
  }

  /** The value is replaced from code or by a form reset (`reset`): the renderer drops what its controls hold. */
  #clearControls(reset: boolean): void {
    const current = this.#renderer;
    if (current && this.renderRoot) current.renderer?.clear?.(this.renderRoot, current.state, reset);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.#definitionError) {
      return html`<p class="definition-error" part="error" role="alert">&lt;intake-field&gt; ${this.#definitionError}</p>`;
    }
    const controller = this.controller;
    const field = this.field;
    if (!controller || !field) return nothing;
    if (this.intake && !controller.isVisible(field.name)) return nothing;
    const { renderer, state } = (this.#renderer = rendererInUse(this.#renderer, field.type));
    if (!renderer) return nothing;
    const disabled = this.disabled || this.formDisabled;
    const options = { locale: this.#locale, ids: this.#ids, disabled, state, bound: Boolean(this.intake), requestUpdate: this.#requestUpdate };
    return renderer.render(fieldView(controller, field, options));
  }

  readonly #requestUpdate = () => this.requestUpdate();

  /** The renderer of the rendered field, with what its event handlers work with (see `listenToControls`). */
  readonly #controlContext = (): ControlContext | undefined => {
    const field = this.field;
    const controller = this.controller;
    return field && controller && controlContext(this.#renderer, field, controller, this.#fieldName, Boolean(this.intake), () => this.performUpdate());
  };
}
