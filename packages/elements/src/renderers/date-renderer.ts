import type { Field } from '@intake/core';
import { parseDate } from '@intake/core/internal';
import { rawText, type FieldInput, type FieldRenderer } from './field-view.js';
import { textInput } from './text-renderer.js';

type DateField = Extract<Field, { type: 'date' }>;

/**
 * The raw value of a date field while its native date input holds a date the browser cannot read
 * (incomplete, or impossible such as 30 February): the core reports it as an invalid date instead
 * of taking the field for empty.
 */
const unreadableDate = 'invalid-date';

/** Date fields: a native date input (drawn by {@link textInput}), its value always `YYYY-MM-DD` (see docs/schema.md). */
export const dateRenderer: FieldRenderer<DateField> = {
  render: (view) => textInput(view, dateInputText(rawText(view.raw))),
  input: readDate,
  /**
   * A native date input fires no `input` while it holds an incomplete or impossible date (its
   * value stays ''), so it is also read on every key.
   */
  keyup(control, event, input) {
    if (control.localName === 'input' && control.type === 'date') readDate(control, event, input);
  },
  /** Empties a native date input holding a date it cannot read, which setting the value to `''` would not. */
  clear(root) {
    const input = root.querySelector<HTMLInputElement>('input[type="date"]');
    if (input?.validity.badInput) input.value = '';
  },
};

function readDate(control: HTMLInputElement, _event: unknown, input: FieldInput<DateField>): void {
  input.set(control.validity.badInput ? unreadableDate : control.value);
}

/**
 * What a native date input can show of a raw date value: `YYYY-MM-DD`, also from the other forms
 * the core reads (`2026/1/5`), inside the field's bounds or not (the error says what is wrong with
 * the date shown); '' for anything else, which also leaves an unreadable date the person is still
 * typing in place.
 */
function dateInputText(raw: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : (parseDate(raw) ?? '');
}
