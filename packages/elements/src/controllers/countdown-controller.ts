import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of {@link CountdownController}. */
export interface CountdownControllerOptions {
  /** Called when the countdown reaches zero. */
  readonly onDone: () => void;
}

/**
 * A countdown in whole seconds that updates its host every second, e.g. the kiosk form's "Next
 * person in 5 seconds" before it starts again empty. It stops when the host leaves the page.
 *
 * @example
 * #countdown = new CountdownController(this, { onDone: () => this.reset() });
 * // this.#countdown.start(5000); render: html`Next person in ${this.#countdown.secondsLeft} s`
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownControllerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #secondsLeft = 0;

  constructor(host: ReactiveControllerHost, options: CountdownControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The seconds left, rounded up; 0 when not running. */
  get secondsLeft(): number {
    return this.#secondsLeft;
  }

  /** Whether a countdown is running. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts (or starts again) a countdown of `totalMs` milliseconds. */
  start(totalMs: number): void {
    this.stop();
    const total = Math.max(0, totalMs);
    const started = Date.now();
    this.#secondsLeft = Math.ceil(total / 1000);
    const tick = () => {
      const left = total - (Date.now() - started);
      if (left <= 0) {
        this.#timer = undefined;
        this.#secondsLeft = 0;
        this.#options.onDone();
        return;
      }
      this.#secondsLeft = Math.ceil(left / 1000);
      this.#host.requestUpdate();
      this.#timer = setTimeout(tick, Math.min(1000, left));
    };
    this.#timer = setTimeout(tick, Math.min(1000, total));
  }

  /** Stops the countdown, if one is running. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
