/** Detail of {@link IntakeErrorEvent}. */
export interface IntakeErrorDetail {
  /** `schema`: the form definition is broken; `validation`: a submit found invalid fields; `rejected`: the webhook refused the record. */
  readonly kind: 'schema' | 'validation' | 'rejected';
  /** A readable, localized summary. */
  readonly message: string;
  /** Schema issues (with paths), the invalid fields, or the server's issues. */
  readonly issues?: readonly unknown[];
}

/** Fired by `<intake-form>` when something goes wrong that a page may want to react to. */
export class IntakeErrorEvent extends CustomEvent<IntakeErrorDetail> {
  constructor(detail: IntakeErrorDetail) {
    super('intake-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'intake-error': IntakeErrorEvent;
  }
}
