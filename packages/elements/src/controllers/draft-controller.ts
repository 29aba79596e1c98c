import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clearDraft, loadDraft, saveDraft } from './draft.js';

/** Options of {@link DraftController}. */
export interface DraftControllerOptions {
  /** The values to save, read when the save happens; `undefined` saves nothing (e.g. the form was sent meanwhile). */
  readonly values: () => Readonly<Record<string, unknown>> | undefined;
  /** How long typing must pause before the values are saved, in ms. Default 400. */
  readonly delayMs?: number;
}

/**
 * Keeps the draft of a form on this device (see `draft.ts`): what a person typed is saved once
 * typing pauses, so a reload, a crash or a tab closed by mistake loses nothing. A save still
 * waiting when the element leaves the page is made at once.
 *
 * @example
 * #draft = new DraftController(this, { values: () => this.controller?.values });
 * // on input:      this.#draft.schedule(form.id);
 * // once sent:     this.#draft.discard(form.id);
 * // when loading:  const saved = this.#draft.load(form.id);
 */
export class DraftController implements ReactiveController {
  readonly #options: DraftControllerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: string | undefined;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** The saved raw values of form `formId`, if a recent draft exists. */
  load(formId: string): Record<string, unknown> | undefined {
    return loadDraft(formId);
  }

  /** Saves the values of form `formId` once typing pauses (a later call restarts the wait). */
  schedule(formId: string): void {
    clearTimeout(this.#timer);
    this.#pending = formId;
    this.#timer = setTimeout(() => this.#save(), this.#options.delayMs ?? 400);
  }

  /** Drops any waiting save and deletes the draft of form `formId` (it was sent, or reset). */
  discard(formId: string): void {
    this.#cancel();
    clearDraft(formId);
  }

  hostDisconnected(): void {
    if (this.#pending !== undefined) this.#save();
  }

  #save(): void {
    const formId = this.#pending;
    this.#cancel();
    const values = formId === undefined ? undefined : this.#options.values();
    if (formId !== undefined && values) saveDraft(formId, values);
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }
}
