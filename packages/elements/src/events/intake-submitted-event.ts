import type { IntakeRecord } from '@intake/core';

/** Detail of {@link IntakeSubmittedEvent}. */
export interface IntakeSubmittedDetail {
  readonly record: IntakeRecord;
  /** `delivered`: the webhook accepted it (or there is no webhook); `queued`: saved on the device, to be sent later. */
  readonly status: 'delivered' | 'queued';
}

/** Fired by `<intake-form>` once a record is delivered or safely queued. */
export class IntakeSubmittedEvent extends CustomEvent<IntakeSubmittedDetail> {
  constructor(detail: IntakeSubmittedDetail) {
    super('intake-submitted', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'intake-submitted': IntakeSubmittedEvent;
  }
}
