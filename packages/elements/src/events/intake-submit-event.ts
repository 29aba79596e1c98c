import type { IntakeRecord } from '@intake/core';

/** Detail of {@link IntakeSubmitEvent}. */
export interface IntakeSubmitDetail {
  /** The normalized record about to be delivered. */
  readonly record: IntakeRecord;
}

/**
 * Fired by `<intake-form>` after validation passed, before sending. Cancelable:
 * `preventDefault()` stops the built-in delivery (deliver the record yourself).
 */
export class IntakeSubmitEvent extends CustomEvent<IntakeSubmitDetail> {
  constructor(detail: IntakeSubmitDetail) {
    super('intake-submit', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'intake-submit': IntakeSubmitEvent;
  }
}
