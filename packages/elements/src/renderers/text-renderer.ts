import { defaultDateMax, defaultDateMin, defaultTextareaMaxLength, normalizeTextarea, type Field } from '@intake/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatPlural } from '../i18n/ui-messages.js';
import {
  ariaInvalid,
  ariaRequired,
  errorMessage,
  helpText,
  labelledControl,
  rawText,
  requiredMarker,
  type FieldRenderer,
  type FieldView,
} from './field-view.js';

// The templates of the renderers are written out per kind of control, with everything that is the
// same for every field of that kind (types, input modes, parts) as literal attributes, and no event
// bindings (the listeners of the field's render root pass the controls' events to the renderer):
// a form renders hundreds of them on load, and each binding costs a part to create and commit. Nor
// is there whitespace between elements (a tag's closing `>` starts the next line): each line break
// was a text node to clone, a quarter of a 200-field form's nodes. The layout is the same (block
// and flex boxes ignore whitespace between them).

type TextLikeField = Extract<Field, { type: 'text' | 'email' | 'number' | 'date' }>;

/**
 * The input of a text, email, number or date field with `text` in it, inside the wrapper: the
 * commonest fields get one template instance each, not two. Email and number are text inputs, so
 * nothing typed is dropped by the browser, and their input mode brings the right keyboard; `type`
 * is bound before `.value`, so a date input gets its value as a date input. A date input gets the
 * core's bounds (the field's, else 1900-01-01 to 2100-12-31): with a four-digit year the browser
 * never makes a longer year out of digits typed into the wrong segment, which it reports as no date.
 */
export function textInput(view: FieldView<TextLikeField>, text: string): TemplateResult {
  const { field, ids } = view;
  const email = field.type === 'email';
  const date = field.type === 'date';
  const inputMode = email ? 'email' : field.type === 'number' ? (field.integer && (field.min ?? 0) >= 0 ? 'numeric' : 'decimal') : nothing;
  return html`<div class="field ${view.error ? 'invalid' : ''}" part="field"
    ><label for=${ids.control} part="label">${view.label}${requiredMarker(view)}</label
    >${helpText(view)}<span class="error" id=${ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
    ><input id=${ids.control} part="input" name=${field.name} type=${date ? 'date' : 'text'} inputmode=${inputMode}
      autocomplete=${field.autocomplete ?? (email ? 'email' : nothing)} spellcheck=${email ? 'false' : nothing}
      autocapitalize=${email ? 'none' : nothing} min=${date ? (field.min ?? defaultDateMin) : nothing} max=${date ? (field.max ?? defaultDateMax) : nothing}
      .value=${live(text)} placeholder=${view.placeholder} aria-describedby=${view.describedBy}
      aria-invalid=${ariaInvalid(view)} aria-required=${ariaRequired(view)} ?disabled=${view.disabled} /></div
  >`;
}

/** Text, email and number fields (see {@link textInput}). */
export const textRenderer: FieldRenderer<TextLikeField> = {
  render: (view) => textInput(view, rawText(view.raw)),
};

type TextareaField = Extract<Field, { type: 'textarea' }>;

/** Textarea fields, with a characters-left counter from 80 % of `maxLength`. */
export const textareaRenderer: FieldRenderer<TextareaField> = {
  render(view: FieldView<TextareaField>): TemplateResult {
    const { field } = view;
    return labelledControl(
      view,
      html`<textarea id=${view.ids.control} part="input" name=${field.name} rows=${field.rows ?? 5} .value=${live(rawText(view.raw))}
        placeholder=${view.placeholder} autocomplete=${field.autocomplete ?? nothing} aria-describedby=${view.describedBy}
        aria-invalid=${ariaInvalid(view)} aria-required=${ariaRequired(view)} ?disabled=${view.disabled}></textarea>`,
      counter(view),
    );
  },
};

function counter(view: FieldView<TextareaField>): TemplateResult {
  const max = view.field.maxLength ?? defaultTextareaMaxLength;
  // Counted as the core counts: the normalized text, in code points.
  const normalized = normalizeTextarea(view.raw);
  const length = normalized.ok && normalized.value !== undefined ? [...normalized.value].length : 0;
  const over = length > max;
  const message = length >= max * 0.8 ? formatPlural(over ? view.ui.charactersOver : view.ui.charactersLeft, view.locale, Math.abs(max - length)) : '';
  // The live region is always there (empty, and not displayed, until the text nears the limit):
  // screen readers miss what a live region says as it is inserted.
  return html`<p class="counter ${over ? 'over' : ''}" part="counter" aria-live="polite">${message}</p>`;
}
