/** A JSON path: object keys and array indices from the root of the checked value. */
export type Path = readonly (string | number)[];

/**
 * Codes of the problems found in a form schema by {@link parseForm}.
 * Each has a message in every built-in locale (see `locale/`).
 */
export type SchemaIssueCode =
  | 'invalid_json'
  | 'invalid_type'
  | 'missing_key'
  | 'unknown_key'
  | 'unknown_field_type'
  | 'invalid_value'
  | 'invalid_form_id'
  | 'invalid_field_name'
  | 'invalid_locale'
  | 'empty'
  | 'too_small_value'
  | 'too_big_value'
  | 'duplicate_name'
  | 'reserved_name'
  | 'unknown_message_code'
  | 'duplicate_option'
  | 'unknown_field'
  | 'condition_cycle'
  | 'condition_operator'
  | 'condition_type'
  | 'invalid_pattern'
  | 'insecure_url'
  | 'invalid_url'
  | 'invalid_date_bound'
  | 'min_over_max'
  | 'invalid_default'
  | 'consent_default'
  | 'unknown_option'
  | 'step_duplicate_field'
  | 'step_missing_field';

/**
 * Codes of the problems found in a value typed by a person (or sent to a receiver).
 * Each has a message in every built-in locale (see `locale/`).
 */
export const valueIssueCodes = [
  'required',
  'required_choice',
  'consent_required',
  'hidden_missing',
  'invalid_type',
  'too_short',
  'too_long',
  'pattern_mismatch',
  'invalid_email',
  'invalid_phone',
  'phone_country_not_allowed',
  'phone_type_not_allowed',
  'invalid_number',
  'not_integer',
  'number_too_small',
  'number_too_big',
  'step_mismatch',
  'invalid_date',
  'date_too_early',
  'date_too_late',
  'invalid_option',
  'too_few_selected',
  'too_many_selected',
  'incomplete_choice',
  'region_mismatch',
  'region_unavailable',
] as const;

/** One of {@link valueIssueCodes}. */
export type ValueIssueCode = (typeof valueIssueCodes)[number];

/**
 * Codes of the problems `validateRecord` finds in a received record beyond those of its values
 * (which use {@link ValueIssueCode}) and its JSON shape (which use {@link SchemaIssueCode}).
 */
export type RecordIssueCode =
  | 'form_mismatch'
  | 'invalid_id'
  | 'invalid_timestamp'
  | 'invalid_dedupe_key'
  | 'unknown_field'
  | 'not_normalized'
  | 'hidden_field'
  | 'tags_mismatch'
  | 'consent_missing'
  | 'consent_unexpected'
  | 'dedupe_key_mismatch'
  | 'invalid_text'
  | 'too_deep'
  | 'forbidden_key';

/** Parameters that fill the placeholders of a message, e.g. `{ min: 3 }` for `Enter at least {min} characters`. */
export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * One problem, with where it is, what it is, and a readable message in the requested locale.
 * Issues are plain readonly data: safe to serialize, compare and send to a browser.
 */
export interface Issue<Code extends string = SchemaIssueCode | ValueIssueCode> {
  readonly code: Code;
  readonly path: Path;
  readonly message: string;
  readonly params?: IssueParams;
}

/** Renders a path the way people read JSON paths: `fields[3].visibleWhen.field`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || '(root)';
}
