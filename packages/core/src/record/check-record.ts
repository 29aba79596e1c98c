import * as z from 'zod/mini';
import { evaluateForm, fieldMessage, fieldsByName, stateReader, tagsFor } from '../form-model.js';
import type { Issue, IssueParams, Path, RecordIssueCode, SchemaIssueCode, ValueIssueCode } from '../issue.js';
import { fillTemplate, messagesFor } from '../locale/format-message.js';
import { schemaMessagesFor } from '../locale/schema-catalogue.js';
import { recordMessagesFor, type RecordMessages } from '../locale/record-messages.js';
import { normalizeField } from '../normalize/normalize-field.js';
import type { Form } from '../schema/types.js';
import { fromZodIssues } from '../schema/zod-issues.js';
import { computeDedupeKey } from './dedupe-key.js';
import type { IntakeRecord } from './record.js';
import { isRecordId } from './uuid.js';

/** A problem in a received record, with its path in the record (`['data', 'phone']`). */
export type RecordIssue = Issue<RecordIssueCode | ValueIssueCode | SchemaIssueCode>;

/** Options of {@link checkRecord}. */
export interface CheckRecordOptions {
  /** The locale of the messages. Default `en`. */
  readonly locale?: string;
  /** The most issues returned (all are counted in `issueCount`). Default 50. */
  readonly maxIssues?: number;
  /** How deeply objects and arrays may nest inside the record. Default 32. */
  readonly maxDepth?: number;
}

/** What {@link checkRecord} found. */
export interface RecordCheck {
  /** Whether the record is valid: nothing was found. */
  readonly ok: boolean;
  /** The first `maxIssues` issues, in the order found. */
  readonly issues: readonly RecordIssue[];
  /** How many issues were found in all (more than `issues.length` when some were left out). */
  readonly issueCount: number;
  /** The dedupe key recomputed from `data`, when `data` could be read (`null` for a form without `dedupe`). */
  readonly dedupeKey?: string | null;
}

/** The default of {@link CheckRecordOptions.maxIssues}. */
export const defaultMaxIssues = 50;
/** The default of {@link CheckRecordOptions.maxDepth}. */
export const defaultMaxDepth = 32;

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
    phoneCheck: z.optional(z.literal('lite')),
  }),
});

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** NUL (PostgreSQL's JSONB and text refuse it) or a UTF-16 surrogate without its pair (not Unicode text). */
const badText = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** Collects issues: counts them all, keeps the first `max`, and notes which top-level keys have one. */
class IssueList {
  readonly kept: RecordIssue[] = [];
  readonly roots = new Set<string | number>();
  count = 0;
  constructor(readonly max: number) {}
  add(path: Path, make: () => RecordIssue): void {
    this.count += 1;
    this.roots.add(path.length === 0 ? '' : path[0]!);
    if (this.kept.length < this.max) this.kept.push(make());
  }
}

interface Node {
  readonly value: unknown;
  readonly parent: Node | undefined;
  readonly key: string | number;
  readonly depth: number;
}

function pathOf(node: Node): Path {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * One pass over everything received, without recursion: nesting deeper than `maxDepth`, text no
 * store can keep (NUL, lone surrogates) in keys and values, and `__proto__` keys. Returns whether
 * the record is too deep to be looked at any further.
 */
function walk(record: unknown, maxDepth: number, list: IssueList, messages: RecordMessages): boolean {
  let tooDeep = false;
  const add = (node: Node, code: RecordIssueCode, params: IssueParams) => {
    const path = pathOf(node);
    list.add(path, () => ({ code, path, params, message: fillTemplate(messages[code], params) }));
  };
  const stack: Node[] = [{ value: record, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (badText.test(value)) add(node, 'invalid_text', {});
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (node.depth >= maxDepth) {
      tooDeep = true;
      add(node, 'too_deep', { max: maxDepth });
      continue;
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], parent: node, key: index, depth: node.depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index]!;
      const child: Node = { value: (value as Record<string, unknown>)[key], parent: node, key, depth: node.depth + 1 };
      if (badText.test(key)) add(child, 'invalid_text', {});
      else if (key === '__proto__' && !(node.depth === 1 && node.key === 'data')) add(child, 'forbidden_key', { key }); // in `data` it is an unknown field
      stack.push(child);
    }
  }
  return tooDeep;
}

/** Finds the issues of everything but the dedupe key; `false` when the record is too deep to read further. */
function judge(form: Form, record: unknown, options: CheckRecordOptions, list: IssueList): boolean {
  const locale = options.locale ?? 'en';
  const messages = recordMessagesFor(locale);
  const core = messagesFor(locale);
  if (walk(record, options.maxDepth ?? defaultMaxDepth, list, messages)) return false;

  const shape = recordSchema.safeParse(record);
  if (!shape.success) {
    const texts = schemaMessagesFor(locale)!;
    const typeName = (name: unknown) => {
      const key = String(name ?? '');
      return hasOwn(texts.typeNames, key) ? texts.typeNames[key]! : key;
    };
    for (const issue of fromZodIssues(shape.error.issues, record, () => Object.keys(recordSchema.def.shape))) {
      list.add(issue.path, () => ({
        ...issue,
        message: fillTemplate(texts.schema[issue.code], {
          ...issue.params,
          expected: typeName(issue.params?.['expected']),
          received: typeName(issue.params?.['received']),
          suggestion: '',
        }),
      }));
    }
    return true;
  }
  const value = shape.data;
  const add = (code: RecordIssueCode, path: Path, params: Record<string, string | number> = {}) =>
    list.add(path, () => ({ code, path, params, message: fillTemplate(messages[code], params) }));

  if (value.form.id !== form.id) add('form_mismatch', ['form', 'id'], { expected: form.id, received: value.form.id });
  if (!isRecordId(value.id)) add('invalid_id', ['id']);
  if (!isoDateTime.test(value.submittedAt) || Number.isNaN(Date.parse(value.submittedAt))) add('invalid_timestamp', ['submittedAt']);
  const keyExpected = form.dedupe ? 'hex SHA-256' : 'null';
  if (form.dedupe ? !/^[0-9a-f]{64}$/.test(value.dedupeKey ?? '') : value.dedupeKey !== null) {
    add('invalid_dedupe_key', ['dedupeKey'], { expected: keyExpected });
  }

  const fields = fieldsByName(form);
  // The keys as received: zod's record output leaves out an own `__proto__` key.
  const receivedData = (record as { data: Record<string, unknown> }).data;
  for (const name of Object.keys(receivedData)) if (!fields.has(name)) add('unknown_field', ['data', name], { name });
  const valueOf = (name: string) => (hasOwn(value.data, name) ? value.data[name] : undefined);
  const states = evaluateForm(form, (field) => normalizeField(field, valueOf(field.name)));
  for (const field of form.fields) {
    const state = states.get(field.name)!;
    const present = hasOwn(value.data, field.name);
    const path: Path = ['data', field.name];
    if (present && !state.visible) {
      add('hidden_field', path, { name: field.name });
    } else if (state.issue) {
      const found = state.issue;
      list.add(path, () => ({ code: found.code, path, message: fieldMessage(field, found, locale), ...(found.params ? { params: found.params } : {}) }));
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
  return true;
}

/**
 * The synchronous part of {@link checkRecord}: every issue but the recomputed dedupe key.
 * `validateRecord` returns these.
 * @internal
 */
export function recordIssues(form: Form, record: unknown, options: CheckRecordOptions = {}): { issues: readonly RecordIssue[]; issueCount: number } {
  const list = new IssueList(options.maxIssues ?? defaultMaxIssues);
  judge(form, record, options, list);
  return { issues: list.kept, issueCount: list.count };
}

/**
 * Judges a received record against its form, as a receiver must (never trust the browser), and
 * returns every issue: the record's shape and keys (unknown ones included), a lower-case v4 UUID
 * id, the time stamps, that `data` holds only visible fields of the form with valid, already
 * normalized values and every required one, that `tags` and `consents` match the data, and that
 * `dedupeKey` is the one recomputed from the data. Hostile input is refused, not stored: text
 * with NUL or lone surrogates (which PostgreSQL's JSONB cannot keep), `__proto__` keys, and
 * values nested deeper than `maxDepth`. The work is linear in the size of the record, and at
 * most `maxIssues` issues are returned, with the full count in `issueCount` (docs/receiving.md).
 *
 * @example
 * const check = await checkRecord(await request.json(), form);
 * if (!check.ok) return Response.json({ message: 'Invalid record', issues: check.issues, issueCount: check.issueCount }, { status: 422 });
 */
export async function checkRecord(record: unknown, form: Form, options: CheckRecordOptions = {}): Promise<RecordCheck> {
  const list = new IssueList(options.maxIssues ?? defaultMaxIssues);
  const readable = judge(form, record, options, list);
  const data = readable ? (record as { data?: unknown }).data : undefined;
  if (list.roots.has('') || list.roots.has('dedupeKey') || data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: list.count === 0, issues: list.kept, issueCount: list.count };
  }
  const dedupeKey = await computeDedupeKey(form, data as IntakeRecord['data']);
  if (dedupeKey !== (record as { dedupeKey?: unknown }).dedupeKey) {
    const params = { expected: dedupeKey ?? 'null' };
    list.add(['dedupeKey'], () => ({ code: 'dedupe_key_mismatch', path: ['dedupeKey'], params, message: fillTemplate(recordMessagesFor(options.locale ?? 'en').dedupe_key_mismatch, params) }));
  }
  return { ok: list.count === 0, issues: list.kept, issueCount: list.count, dedupeKey };
}
