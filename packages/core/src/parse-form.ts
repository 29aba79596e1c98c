import { formatPath, type Issue, type Path, type SchemaIssueCode } from './issue.js';
import { messagesFor } from './locale/format-message.js';
import { localizeSchemaIssue } from './locale/schema-catalogue.js';
import { checkForm } from './check-form.js';
import type { RawSchemaIssue } from './schema/raw-issue.js';
import { readForm } from './schema/read-form.js';
import type { Form } from './schema/types.js';

/** A problem in a form schema, with its JSON path and a message in the requested locale. */
export type SchemaIssue = Issue<SchemaIssueCode>;

/** What {@link parseForm} returns: the form, or every problem found in it. */
export type ParseFormResult =
  | { readonly ok: true; readonly form: Form }
  | { readonly ok: false; readonly issues: readonly SchemaIssue[] };

/** Options of {@link parseForm}. */
export interface ParseFormOptions {
  /** The locale of the issue messages. Default `en`. */
  readonly locale?: string;
}

/**
 * Validates a form schema (an object, or JSON text) and never throws. Every problem comes back
 * with its JSON path and a readable message: misspelt keys (with a "did you mean"), unknown
 * field types, duplicate names, conditions naming unknown fields or forming cycles, steps and
 * `dedupe` naming missing fields, patterns that do not compile, a `submit.url` that is not https.
 *
 * @example
 * const parsed = parseForm({ id: 'contact', fields: [{ name: 'email', type: 'email', requierd: true }] });
 * if (!parsed.ok) console.log(parsed.issues[0].message); // 'Unknown key "requierd" (did you mean "required"?)'
 */
export function parseForm(json: unknown, options: ParseFormOptions = {}): ParseFormResult {
  const locale = options.locale ?? 'en';
  const messages = messagesFor(locale);
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json) as unknown;
    } catch (error) {
      return { ok: false, issues: [localizeSchemaIssue({ code: 'invalid_json', path: [], params: { detail: (error as Error).message } }, messages, locale)] };
    }
  }
  // The structure (a reader equal to the zod schema, so no zod in browsers), then the rules
  // a structural schema cannot express; both run on the raw input so every problem is reported.
  const read = readForm(input);
  const raw: RawSchemaIssue[] = read.ok ? [] : [...read.issues];
  raw.push(...checkForm(input));
  if (raw.length === 0 && read.ok) return { ok: true, form: read.form };
  const seen = new Set<string>();
  // An own `__proto__` key where the reader already calls it an unknown key is said once.
  const unknownKeys = new Set(raw.filter((issue) => issue.code === 'unknown_key').map((issue) => formatPath(issue.path)));
  const issues: SchemaIssue[] = [];
  for (const issue of raw) {
    const key = `${issue.code} ${formatPath(issue.path)}`;
    if (seen.has(key) || (issue.code === 'reserved_name' && unknownKeys.has(formatPath(issue.path)))) continue;
    seen.add(key);
    issues.push(localizeSchemaIssue(issue, messages, locale));
  }
  return { ok: false, issues };
}

/** Formats schema issues one per line, `path: message`, e.g. for logs and the command line. */
export function formatSchemaIssues(issues: readonly { readonly path: Path; readonly message: string }[]): string {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('\n');
}
