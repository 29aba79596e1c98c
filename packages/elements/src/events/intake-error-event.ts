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
  /** Schema issues (with paths), the invalid fields, or the server's issues. */
  readonly issues?: IntakeErrorIssue[];
}

/** Fired by `<intake-form>` when something goes wrong that a page may want to react to. */
export class IntakeErrorEvent extends CustomEvent<IntakeErrorDetail> {
  constructor(detail: IntakeErrorDetail) {
    super('intake-error', { detail, bubbles: true, composed: true });
  }
}

/**
 * The issues of a webhook's answer (any JSON) as {@link IntakeErrorIssue}s: an issue with a
 * `message` and a `path` is kept as it came; anything else becomes a message without a path.
 */
export function errorIssuesOf(issues: readonly unknown[]): IntakeErrorIssue[] {
  return issues.map((issue) => {
    const candidate = issue as Partial<IntakeErrorIssue> | null;
    if (typeof candidate?.message === 'string' && Array.isArray(candidate.path)) return candidate as IntakeErrorIssue;
    return { path: [], message: typeof issue === 'string' ? issue : JSON.stringify(issue) };
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'intake-error': IntakeErrorEvent;
  }
}
