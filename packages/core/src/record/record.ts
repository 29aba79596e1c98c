import type { FieldValue } from '../normalize/normalize-field.js';

/** A consent given in a record: which field, which version of the text, and when it was ticked. */
export interface ConsentRecord {
  readonly field: string;
  readonly version?: string;
  /** ISO 8601 time the box was ticked. */
  readonly acceptedAt: string;
}

/** Where and how a record was made. */
export interface RecordContext {
  /** The page address (may be empty outside a browser). */
  readonly url: string;
  readonly referrer: string;
  /** The page's `utm_*` query parameters without the prefix: `{ source: 'expo', medium: 'qr' }`. */
  readonly utm: Readonly<Record<string, string>>;
  /** Milliseconds from the form being shown to the submission. */
  readonly fillMs: number;
  /** Present only when the hidden honeypot input was filled (by a bot). */
  readonly honeypot?: string;
  /**
   * `lite` when the form's phone numbers were judged only by the script's built-in fallback check
   * (the full engine, loaded on demand, had not arrived or could not load); absent when the full
   * check ran (libphonenumber-js with number ranges), or the form has no phone field. The receiver
   * always checks with the full engine.
   */
  readonly phoneCheck?: 'lite';
  /** Extra context added by code (e.g. a captcha token). */
  readonly [key: string]: unknown;
}

/**
 * The normalized customer record of a submission: what a webhook receives (docs/contract.md#the-record).
 * `D` is the type of `data`, inferred from forms made with `defineForm`.
 */
export interface IntakeRecord<D = Readonly<Record<string, FieldValue>>> {
  /** A v4 UUID, unique per submission; also the idempotency key. */
  readonly id: string;
  readonly form: { readonly id: string; readonly version?: number | string };
  /** ISO 8601 UTC time of the submission. */
  readonly submittedAt: string;
  readonly locale: string;
  /** Normalized values of the visible, non-empty fields. */
  readonly data: D;
  /** Tags whose condition holds, in schema order. */
  readonly tags: readonly string[];
  readonly consents: readonly ConsentRecord[];
  /** Hex SHA-256 of the `dedupe` fields' values, or `null` when the form has no `dedupe`. */
  readonly dedupeKey: string | null;
  readonly context: RecordContext;
}
