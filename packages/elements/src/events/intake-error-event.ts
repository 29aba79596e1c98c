/**
 * One problem carried by an `intake-error` event: where it is (a JSON path into the schema for a
 * schema error, `[name]` of the field for a validation error, the receiver's path into the record
 * for a rejection, see docs/receiving.md) and what it is, with its code when one is known.
 */
export interface IntakeErrorIssue {
  /** Keys and indexes from the top, e.g. `['fields', 3, 'options']` or `['company']` (an array of its own for each issue). */
  readonly path: (string | number)[];
  readonly message: string;
  readonly code?: string;
}

/** Detail of {@link IntakeErrorEvent}. */
export interface IntakeErrorDetail {
  /** `schema`: the form definition is broken; `validation`: a submit found invalid fields; `rejected`: the webhook refused the record. */
  readonly kind: 'schema' | 'validation' | 'rejected';
  /** A readable, localized summary. */
  readonly message: string;
  /**
   * Schema issues (with paths), the invalid fields, or the server's issues (an Intake receiver's
   * answer has this shape, see docs/receiving.md; another webhook's issues are passed on as they came).
   */
  readonly issues?: IntakeErrorIssue[];
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
