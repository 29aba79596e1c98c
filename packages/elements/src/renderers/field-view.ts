import { resolveText, type Field, type Intake } from '@intake/core';
import { html, nothing, type TemplateResult } from 'lit';
import { uiMessages, type UiMessages } from '../i18n/ui-messages.js';

/**
 * The id of a field's main control inside `<intake-form>`: its name (names are unique in a form
 * and are identifiers without `-`, see docs/schema.md, so they meet no other id of the form). The
 * form's error summary links to it with `href="#<name>"`.
 */
export function fieldControlId(name: string): string {
  return name;
}

/** The ids of one field's nodes: its control, help and error; `base` prefixes the ids of further controls (radio buttons). */
export interface FieldIds {
  readonly base: string;
  readonly control: string;
  readonly help: string;
  readonly error: string;
}

/** The ids of a field whose ids start with `base`, its control's being `control`. */
export function fieldIds(base: string, control = `${base}-control`): FieldIds {
  return { base, control, help: `${base}-help`, error: `${base}-error` };
}

/** What a renderer draws one field from: the field, its raw value, its localized texts and ARIA wiring. */
export interface FieldView<F extends Field = Field, S = unknown> {
  readonly field: F;
  readonly raw: unknown;
  readonly ids: FieldIds;
  readonly locale: string;
  readonly ui: UiMessages;
  readonly label: string;
  readonly help: string;
  readonly error: string | undefined;
  readonly describedBy: string | typeof nothing;
  readonly required: boolean;
  readonly placeholder: string | typeof nothing;
  readonly disabled: boolean;
  /** The renderer's own state of this field element (see {@link FieldRenderer.newState}). */
  readonly state: S;
  /** Whether the field renders inside `<intake-form>`. */
  readonly bound: boolean;
  /** Asks the field element to render again (e.g. once country names have loaded). */
  readonly requestUpdate: () => void;
}

/** The view of `field` now: its texts in `locale`, its error as shown, its requiredness. */
export function fieldView<F extends Field, S>(
  controller: Intake,
  field: F,
  options: { readonly locale: string; readonly ids: FieldIds; readonly disabled: boolean; readonly state: S; readonly bound: boolean; readonly requestUpdate: () => void },
): FieldView<F, S> {
  const { locale, ids } = options;
  const error = controller.shownError(field.name);
  const help = resolveText(field.help, locale);
  return {
    ...options,
    field,
    raw: controller.get(field.name),
    ui: uiMessages(locale),
    label: resolveText(field.label, locale) || field.name,
    help,
    error,
    describedBy: help ? (error ? `${ids.help} ${ids.error}` : ids.help) : error ? ids.error : nothing,
    required: controller.isRequired(field.name),
    placeholder: resolveText(field.placeholder, locale) || nothing,
  };
}

/** What a renderer's event handlers work with: the field, its raw value, and how to change it. */
export interface FieldInput<F extends Field = Field, S = unknown> {
  readonly field: F;
  readonly state: S;
  readonly bound: boolean;
  /** The field's raw value now. */
  get(): unknown;
  /** Writes a raw value as a person's input. */
  set(value: unknown): void;
  /** Renders the field now (before a picker opens). */
  renderNow(): void;
}

/**
 * How one kind of field is drawn and how a person's input on its controls becomes a raw value.
 * `<intake-field>` picks the renderer of its field's type from the registry (`rendererFor`);
 * `<intake-form>` renders `<intake-field>` elements, so both draw a field the same way.
 */
export interface FieldRenderer<F extends Field = Field, S = unknown> {
  render(view: FieldView<F, S>): TemplateResult;
  /** A control of the field fired `input`. Without it, the control's `value` is the raw value. */
  input?(control: HTMLInputElement, event: Event, input: FieldInput<F, S>): void;
  /** A control fired `keyup`. */
  keyup?(control: HTMLInputElement, event: Event, input: FieldInput<F, S>): void;
  /** A control fired `change` (which the field dispatches again from its host). */
  change?(control: HTMLInputElement, event: Event, input: FieldInput<F, S>): void;
  /** A control is about to be used (`focusin`, `pointerdown`). */
  reach?(control: HTMLElement, event: Event, input: FieldInput<F, S>): void;
  /** Creates the renderer's state of one field element (what it keeps between renders). */
  newState?(): S;
  /** The value is being replaced from code or by a form reset (`reset`): drop what the controls hold. */
  clear?(root: ParentNode, state: S, reset: boolean): void;
}

/** The `*` of a required field, with the word for screen readers. */
export function requiredMarker(view: FieldView): TemplateResult | typeof nothing {
  return view.required
    ? html`<span class="marker" part="required-marker" aria-hidden="true">*</span><span class="visually-hidden"> ${view.ui.required}</span>`
    : nothing;
}

/** The help text, linked to the control by id. */
export function helpText(view: FieldView): TemplateResult | typeof nothing {
  return view.help ? html`<span class="help" id=${view.ids.help} part="help">${view.help}</span>` : nothing;
}

/** The text of the inline error message (the live region around it is in each template, always there so that a new error is announced). */
export function errorMessage(view: FieldView): TemplateResult | typeof nothing {
  return view.error ? html`<span class="visually-hidden">${view.ui.errorPrefix}</span> ${view.error}` : nothing;
}

/** `aria-invalid` of a control. */
export const ariaInvalid = (view: FieldView): 'true' | 'false' => (view.error ? 'true' : 'false');

/** `aria-required` of a control. */
export const ariaRequired = (view: FieldView): 'true' | 'false' => (view.required ? 'true' : 'false');

/** The raw value as the text of an input. */
export function rawText(raw: unknown): string {
  return typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
}

/**
 * The wrapper of a labelled control (textarea, select, phone): label, help, error, the control,
 * and what follows it (the counter of a textarea). Text-like inputs, the commonest fields, have
 * the input written into their own wrapper instead: one template instance per field, not two.
 */
export function labelledControl(view: FieldView, control: TemplateResult, after: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<div class="field ${view.error ? 'invalid' : ''}" part="field"
    ><label for=${view.ids.control} part="label">${view.label}${requiredMarker(view)}</label
    >${helpText(view)}<span class="error" id=${view.ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
    >${control}${after}</div
  >`;
}
