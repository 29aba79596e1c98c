/**
 * The draft of a form on this device: what a person typed, kept so a reload, a crash or a tab
 * closed by mistake loses nothing. One per form id and origin, in `localStorage`; it expires after
 * a week and is deleted once the form is sent or reset. Kiosk forms keep none (a shared tablet
 * must not show the previous person's answers).
 */
const prefix = 'intake-draft:v1:';
const maxAgeMs = 7 * 24 * 3600_000;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked by privacy settings
  }
}

/** The saved raw values of a form, if a recent draft exists. */
export function loadDraft(formId: string): Record<string, unknown> | undefined {
  try {
    const saved = JSON.parse(storage()?.getItem(prefix + formId) ?? 'null') as { savedAt: number; values: Record<string, unknown> } | null;
    if (!saved || typeof saved.values !== 'object' || Date.now() - saved.savedAt > maxAgeMs) return undefined;
    return saved.values;
  } catch {
    return undefined;
  }
}

/** Saves the raw values of a form. */
export function saveDraft(formId: string, values: Readonly<Record<string, unknown>>): void {
  try {
    storage()?.setItem(prefix + formId, JSON.stringify({ savedAt: Date.now(), values }));
  } catch {
    // full or blocked: the form still works, only without a draft
  }
}

/** Deletes the draft of a form. */
export function clearDraft(formId: string): void {
  try {
    storage()?.removeItem(prefix + formId);
  } catch {
    // nothing to do
  }
}
