import type { IntakeField } from '../intake-field/intake-field.js';
import type { IntakeForm } from '../intake-form/intake-form.js';

// Helpers the browser tests of `<intake-form>` share (not built into dist: see tsconfig.build.json).

/** Every `<intake-field>` a form renders. */
export function fieldsOf(el: IntakeForm): IntakeField[] {
  return [...el.shadowRoot!.querySelectorAll<IntakeField>('intake-field')];
}

/** The element that has the focus, through open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until the form and every field it renders have finished updating. */
export async function settle(el: IntakeForm): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await el.updateComplete;
    await Promise.all(fieldsOf(el).map((field) => field.updateComplete));
  }
}
