import type { Field, Intake } from '@intake/core';

/**
 * What field `name` of `controller` gives its form (`FormData`, see docs/contract.md): its
 * normalized value; one entry per value for checkboxes (under `formName`); the text as typed
 * while it is invalid (a form with `novalidate` still gets it); nothing while it is hidden or empty.
 */
export function formValueOf(controller: Intake, field: Field, name: string, formName: string): string | FormData | null {
  if (!controller.isVisible(name)) return null;
  const raw = controller.get(name);
  const normalized = controller.normalized(name);
  if (field.type === 'checkboxes') {
    const data = new FormData();
    const list = (normalized as readonly string[] | undefined) ?? (Array.isArray(raw) ? (raw as string[]) : []);
    for (const item of list) data.append(formName, item);
    return data;
  }
  // A region's record value is an object: the form gets its code.
  if (normalized !== undefined) return typeof normalized === 'object' && !Array.isArray(normalized) ? (normalized as { code: string }).code : String(normalized);
  return typeof raw === 'string' && raw.trim() !== '' ? raw : null;
}
