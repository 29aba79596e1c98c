import { resolveText, type Field } from '@intake/core';
import { html, nothing, type TemplateResult } from 'lit';
import { choiceList } from '../directives/choice-list.js';
import { ariaInvalid, ariaRequired, errorMessage, helpText, labelledControl, rawText, requiredMarker, type FieldRenderer, type FieldView } from './field-view.js';
import { optionList } from '../directives/option-list.js';

type SelectField = Extract<Field, { type: 'select' }>;
type GroupField = Extract<Field, { type: 'radio' | 'checkboxes' }>;

/** Select fields: a native select whose first, empty option is the placeholder ("Choose…"). */
export const selectRenderer: FieldRenderer<SelectField> = {
  render(view: FieldView<SelectField>): TemplateResult {
    const { field, locale } = view;
    return labelledControl(
      view,
      html`<span class="select"
        ><select id=${view.ids.control} part="input" name=${field.name} aria-describedby=${view.describedBy} aria-invalid=${ariaInvalid(view)}
        aria-required=${ariaRequired(view)} autocomplete=${field.autocomplete ?? nothing} ?disabled=${view.disabled}
        >${optionList(
          [
            { value: '', label: resolveText(field.placeholder, locale) || view.ui.choose },
            ...field.options.map((option) => ({ value: option.value, label: resolveText(option.label, locale) || option.value })),
          ],
          rawText(view.raw),
        )}</select
      ></span>`,
    );
  },
};

/**
 * Radio and checkboxes fields: a fieldset whose legend is the label. A radio group is a
 * `radiogroup` carrying the requiredness and invalidity; each checkbox carries its own.
 */
export const choiceRenderer: FieldRenderer<GroupField> = {
  render(view: FieldView<GroupField>): TemplateResult {
    const { field, ids, raw } = view;
    const multiple = field.type === 'checkboxes';
    const chosen = new Set(multiple ? (Array.isArray(raw) ? (raw as string[]) : []) : [raw]);
    const choices = choiceList(
      field.options.map((option) => ({
        value: option.value,
        label: resolveText(option.label, view.locale) || option.value,
        checked: chosen.has(option.value),
      })),
      {
        type: multiple ? 'checkbox' : 'radio',
        id: (index: number) => (index === 0 ? ids.control : `${ids.base}-${index}`),
        name: multiple ? (index: number) => `${field.name}-${index}` : () => field.name,
        disabled: view.disabled,
        invalid: multiple ? ariaInvalid(view) : undefined,
      },
    );
    return html`<fieldset
      class="field ${view.error ? 'invalid' : ''}"
      part="field"
      aria-describedby=${view.describedBy}
      role=${multiple ? nothing : 'radiogroup'}
      aria-required=${!multiple && view.required ? 'true' : nothing}
      aria-invalid=${!multiple && view.error ? 'true' : nothing}
      ><legend part="label">${view.label}${requiredMarker(view)}</legend
      >${helpText(view)}<span class="error" id=${ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
      ><div class="choices" part="choices">${choices}</div></fieldset
    >`;
  },
  input(control, _event, input) {
    const field = input.field;
    if (field.type === 'radio') return input.set(control.value);
    const raw = input.get();
    const next = new Set(Array.isArray(raw) ? (raw as string[]) : []);
    if (control.checked) next.add(control.value);
    else next.delete(control.value);
    input.set(field.options.map((option) => option.value).filter((option) => next.has(option)));
  },
};
