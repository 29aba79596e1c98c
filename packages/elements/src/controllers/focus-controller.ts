import type { IntakeSteps } from '@intake/core';
import type { LitElement, ReactiveController } from 'lit';

/** What takes the focus once the host has rendered: a part marked `data-focus="<name>"`, or a field by name. */
export type FocusTarget = 'summary' | 'step' | 'outcome' | 'notice' | { readonly field: string };

/** Options of {@link FocusController}. */
export interface FocusControllerOptions {
  /** The step navigation of the form now, to reach a field on another step. */
  readonly steps: () => IntakeSteps | undefined;
}

/**
 * Moves the focus of a form where a person needs it next (GOV.UK's pattern, see
 * docs/contract.md): to the first invalid field or the error summary after a failed submit, to
 * the new step's title, to the outcome or the failure notice; and follows the summary's links to
 * their fields, on whichever step they are.
 *
 * @example
 * #focus = new FocusController(this, { steps: () => this.controller?.steps });
 * this.#focus.after('summary'); // focused once the summary is rendered
 */
export class FocusController implements ReactiveController {
  readonly #host: LitElement;
  readonly #options: FocusControllerOptions;
  #target: FocusTarget | undefined;

  constructor(host: LitElement, options: FocusControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Focuses `target` once the host has rendered (`undefined`: nothing). */
  after(target: FocusTarget | undefined): void {
    this.#target = target;
  }

  hostUpdated(): void {
    const target = this.#target;
    this.#target = undefined;
    if (typeof target === 'object') void this.goToField(target.field);
    else if (target) this.#host.renderRoot.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
  }

  /** Follows a link of the error summary to its field (the link's own navigation is replaced). */
  readonly follow = (event: Event, name: string): void => {
    event.preventDefault();
    void this.goToField(name);
  };

  /** Goes to the step of field `name` if needed, then scrolls it into view and focuses it. */
  async goToField(name: string): Promise<void> {
    const host = this.#host;
    const steps = this.#options.steps();
    const step = steps?.stepOf(name);
    if (steps && step !== undefined && step !== steps.current) {
      steps.goTo(step);
      host.requestUpdate();
      await host.updateComplete;
    }
    const field = host.renderRoot.querySelector<LitElement>(`intake-field[name="${CSS.escape(name)}"]`);
    if (!field) return;
    await field.updateComplete;
    // Focused without its own scroll, then centred: one layout, not two (the label stays in view).
    field.focus({ preventScroll: true });
    field.scrollIntoView({ block: 'center' });
  }
}
