import type { Form } from './schema/types.js';
import { recordIssues, type RecordIssue } from './record/check-record.js';

export type { RecordIssue } from './record/check-record.js';

/** Options of {@link validateRecord}. */
export interface ValidateRecordOptions {
  /** The locale of the messages. Default `en`. */
  readonly locale?: string;
}

/**
 * Re-validates a received record against its form, as a receiver must: never trust the browser.
 * The synchronous half of `checkRecord` (the one judge of a record, docs/receiving.md), which it
 * calls: every issue but the recomputed dedupe key (`dedupeKey` is only checked for its form
 * here), and every issue found, not only the first 50. Returns `[]` when the record is valid.
 * Prefer `checkRecord` in a receiver.
 *
 * @example
 * const issues = validateRecord(form, await request.json());
 * if (issues.length) return Response.json({ message: 'Invalid record', issues }, { status: 422 });
 */
export function validateRecord(form: Form, record: unknown, options: ValidateRecordOptions = {}): readonly RecordIssue[] {
  return recordIssues(form, record, { ...options, maxIssues: Number.POSITIVE_INFINITY }).issues;
}
