import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the custom state `:state(loading)` on `<intake-form>` until its form or its schema error
 * is drawn, so page CSS can keep the form's place meanwhile (docs/theming.md, "Keeping the form's
 * place"). Old browsers that only take `--loading` throw: they go without.
 */
export class LoadingState implements ReactiveController {
  readonly #internals: ElementInternals;
  readonly #loading: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, loading: () => boolean) {
    this.#internals = host.attachInternals();
    this.#loading = loading;
    host.addController(this);
  }

  hostUpdated(): void {
    try {
      this.#internals.states[this.#loading() ? 'add' : 'delete']('loading');
    } catch {}
  }
}
