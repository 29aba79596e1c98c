import * as z from 'zod/mini';
import { evaluateForm, fieldMessage, fieldsByName, stateReader, tagsFor } from './form-model.js';
import type { Issue, Path, RecordIssueCode, SchemaIssueCode, ValueIssueCode } from './issue.js';
import { fillTemplate, messagesFor } from './locale/format-message.js';
import { normalizeField } from './normalize/normalize-field.js';
import { isUuidV4 } from './record/uuid.js';
import type { Form } from './schema/types.js';
import { fromZodIssues } from './schema/zod-issues.js';

/** A problem in a received record, with its path in the record (`['data', 'phone']`). */
export type RecordIssue = Issue<RecordIssueCode | ValueIssueCode | SchemaIssueCode>;

/** Options of {@link validateRecord}. */
export interface ValidateRecordOptions {
  /** The locale of the messages. Default `en`. */
  readonly locale?: string;
}

const recordSchema = z.strictObject({
  id: z.string(),
  form: z.strictObject({ id: z.string(), version: z.optional(z.union([z.number(), z.string()])) }),
  submittedAt: z.string(),
  locale: z.string(),
  data: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  consents: z.array(z.strictObject({ field: z.string(), version: z.optional(z.string()), acceptedAt: z.string() })),
  dedupeKey: z.nullable(z.string()),
  context: z.looseObject({
    url: z.string(),
    referrer: z.string(),
    utm: z.record(z.string(), z.string()),
    fillMs: z.number(),
    honeypot: z.optional(z.string()),
  }),
});

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Re-validates a received record against its form, as a receiver must: never trust the browser.
 * Checks the record's shape, that `data` holds only visible fields of the form with valid,
 * already normalized values and every required one, and that `tags` and `consents` match the data.
 * Returns `[]` when the record is valid. (`dedupeKey` is only checked for its form here: recompute
 * it with `computeDedupeKey`, which is asynchronous.)
 *
 * @example
 * const issues = validateRecord(form, await request.json());
 * if (issues.length) return Response.json({ message: 'Invalid record', issues }, { status: 422 });
 */
export function validateRecord(form: Form, record: unknown, options: ValidateRecordOptions = {}): readonly RecordIssue[] {
  const locale = options.locale ?? 'en';
  const messages = messagesFor(locale);
  const shape = recordSchema.safeParse(record);
  if (!shape.success) {
    return fromZodIssues(shape.error.issues, record, () => Object.keys(recordSchema.def.shape)).map((issue) => ({
      ...issue,
      message: fillTemplate(messages.schema[issue.code], {
        ...issue.params,
        expected: messages.typeNames[String(issue.params?.['expected'])] ?? String(issue.params?.['expected'] ?? ''),
        received: messages.typeNames[String(issue.params?.['received'])] ?? String(issue.params?.['received'] ?? ''),
        suggestion: '',
      }),
    }));
  }
  const value = shape.data;
  const issues: RecordIssue[] = [];
  const add = (code: RecordIssueCode, path: Path, params: Record<string, string | number> = {}) =>
    issues.push({ code, path, params, message: fillTemplate(messages.record[code], params) });

  if (value.form.id !== form.id) add('form_mismatch', ['form', 'id'], { expected: form.id, received: value.form.id });
  if (!isUuidV4(value.id)) add('invalid_id', ['id']);
  if (!isoDateTime.test(value.submittedAt) || Number.isNaN(Date.parse(value.submittedAt))) add('invalid_timestamp', ['submittedAt']);
  const keyExpected = form.dedupe ? 'hex SHA-256' : 'null';
  if (form.dedupe ? !/^[0-9a-f]{64}$/.test(value.dedupeKey ?? '') : value.dedupeKey !== null) {
    add('invalid_dedupe_key', ['dedupeKey'], { expected: keyExpected });
  }

  const fields = fieldsByName(form);
  // The keys as received: zod's record output leaves out an own `__proto__` key.
  const receivedData = (record as { data: Record<string, unknown> }).data;
  for (const name of Object.keys(receivedData)) if (!fields.has(name)) add('unknown_field', ['data', name], { name });
  const states = evaluateForm(form, (field) => normalizeField(field, value.data[field.name]));
  for (const field of form.fields) {
    const state = states.get(field.name)!;
    const present = Object.prototype.hasOwnProperty.call(value.data, field.name);
    const path: Path = ['data', field.name];
    if (present && !state.visible) {
      add('hidden_field', path, { name: field.name });
    } else if (state.issue) {
      issues.push({ code: state.issue.code, path, message: fieldMessage(field, state.issue, locale), ...(state.issue.params ? { params: state.issue.params } : {}) });
    } else if (present && JSON.stringify(state.value) !== JSON.stringify(value.data[field.name])) {
      add('not_normalized', path, { expected: JSON.stringify(state.value ?? null) });
    }
  }

  const tags = tagsFor(form, stateReader(states));
  if (JSON.stringify(tags) !== JSON.stringify(value.tags)) add('tags_mismatch', ['tags'], { expected: JSON.stringify(tags) });

  const given = new Map(value.consents.map((consent, index) => [consent.field, { consent, index }]));
  for (const field of form.fields) {
    if (field.type !== 'consent' || states.get(field.name)?.value !== true || !states.get(field.name)?.visible) continue;
    const entry = given.get(field.name);
    if (!entry || entry.consent.version !== field.version) {
      add('consent_missing', ['consents'], { name: field.name, version: field.version ?? '-' });
    } else if (!isoDateTime.test(entry.consent.acceptedAt)) {
      add('invalid_timestamp', ['consents', entry.index, 'acceptedAt']);
    }
    given.delete(field.name);
  }
  for (const { consent, index } of given.values()) add('consent_unexpected', ['consents', index, 'field'], { name: consent.field });
  return issues;
}

