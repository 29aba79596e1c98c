import type { FlushResult, IntakeRecord, SendResult, SubmitOptions } from '@intake/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { keepOutboxFlowing, sharedOutbox, watchOutbox } from './shared-outbox.js';

/** Options of {@link OutboxController}. */
export interface OutboxControllerOptions {
  /**
   * Called whenever the outbox may have changed: a record sent, queued or refused by this page,
   * or by another tab or window of the origin.
   */
  readonly onChange?: () => void;
}

/** Where a record handed to the outbox is now (see {@link OutboxController.stateOf}). */
export type OutboxRecordState =
  | { readonly state: 'waiting' }
  | { readonly state: 'sent' }
  | { readonly state: 'rejected'; readonly message: string };

/**
 * Connects an element to the origin's shared outbox (docs/delivery.md): while the element is connected,
 * the outbox is flushed (when the page is idle, back online or visible again, and every 30 s), and
 * `onChange` hears of every change, from this page or another tab. Sending and queuing go through
 * it, so an element never touches the outbox's storage itself.
 *
 * @example
 * class MyForm extends LitElement {
 *   #outbox = new OutboxController(this, { onChange: () => this.requestUpdate() });
 * }
 */
export class OutboxController implements ReactiveController {
  readonly #options: OutboxControllerOptions;
  #stopFlowing: (() => void) | undefined;
  #stopWatching: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: OutboxControllerOptions = {}) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopFlowing ??= keepOutboxFlowing();
    this.#stopWatching ??= watchOutbox(() => this.#options.onChange?.());
  }

  hostDisconnected(): void {
    this.#stopFlowing?.();
    this.#stopFlowing = undefined;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  /** Sends a record, keeping it in the outbox until it is delivered or refused (`Outbox.send`). */
  send(record: IntakeRecord, submit: SubmitOptions, payload?: unknown): Promise<SendResult> {
    return sharedOutbox().send(record, submit, payload === undefined ? {} : { payload });
  }

  /** Keeps a record for later without trying now (the device is offline); `false` when the outbox is full. */
  queue(record: IntakeRecord, submit: SubmitOptions, payload?: unknown): boolean {
    return sharedOutbox().add(record, submit, payload);
  }

  /** Tries every waiting record now (as the outbox does by itself when the page is idle, back online, or every 30 s). */
  flush(): Promise<FlushResult> {
    return sharedOutbox().flush();
  }

  /**
   * Where a record that was queued (by {@link queue}, or by a {@link send} whose attempts all
   * failed) is now: still waiting, refused by the webhook on a later try (with its reason), or
   * gone from the outbox, sent. (A record refused at once by {@link send} is never queued: its
   * outcome says so.)
   */
  stateOf(id: string): OutboxRecordState {
    const outbox = sharedOutbox();
    if (outbox.entries().some((entry) => entry.record.id === id)) return { state: 'waiting' };
    const rejected = outbox.rejected().find((entry) => entry.record.id === id);
    return rejected ? { state: 'rejected', message: rejected.message } : { state: 'sent' };
  }
}
