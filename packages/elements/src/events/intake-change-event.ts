/** Detail of {@link IntakeChangeEvent}. */
export interface IntakeChangeDetail {
  /** The field a person changed. */
  readonly name: string;
  /** Its raw value, as typed. */
  readonly value: unknown;
  /** All raw values of the form. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Fired by `<intake-form>` when a person changes a field (not when code sets values). */
export class IntakeChangeEvent extends CustomEvent<IntakeChangeDetail> {
  constructor(detail: IntakeChangeDetail) {
    super('intake-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'intake-change': IntakeChangeEvent;
  }
}
