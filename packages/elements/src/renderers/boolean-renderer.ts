import type { Field } from '@intake/core';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, ariaRequired, errorMessage, helpText, requiredMarker, type FieldRenderer, type FieldView } from './field-view.js';

type BooleanField = Extract<Field, { type: 'boolean' | 'consent' }>;

/** Boolean and consent fields: one checkbox whose label is the field's label. */
export const booleanRenderer: FieldRenderer<BooleanField> = {
  render(view: FieldView<BooleanField>): TemplateResult {
    return html`<div class="field ${view.error ? 'invalid' : ''}" part="field"
      ><span class="error" id=${view.ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
      ><label class="choice single" part="choice label"
        ><input id=${view.ids.control} part="choice-input" type="checkbox" name=${view.field.name} .checked=${live(view.raw === true)}
          aria-describedby=${view.describedBy} aria-invalid=${ariaInvalid(view)} aria-required=${ariaRequired(view)}
          ?disabled=${view.disabled}
        /><span class="choice-text">${view.label}${requiredMarker(view)}</span></label
      >${helpText(view)}</div
    >`;
  },
  input(control, _event, input) {
    input.set(control.checked);
  },
};
