import type { Text } from '../text.js';

/** Every field type of the form format, in the order the docs list them. */
export const fieldTypes = [
  'text',
  'textarea',
  'email',
  'phone',
  'number',
  'date',
  'select',
  'radio',
  'checkboxes',
  'boolean',
  'consent',
  'hidden',
] as const;

/** The `type` of a field. */
export type FieldType = (typeof fieldTypes)[number];

/** A comparison of one field's normalized value. Exactly one operator besides `field`. */
export interface FieldCondition {
  /** The name of the field whose normalized value is compared. */
  readonly field: string;
  readonly equals?: string | number | boolean;
  readonly notEquals?: string | number | boolean;
  readonly in?: readonly (string | number)[];
  readonly notIn?: readonly (string | number)[];
  readonly gt?: number | string;
  readonly gte?: number | string;
  readonly lt?: number | string;
  readonly lte?: number | string;
  /** For checkboxes: whether the chosen values include this one. */
  readonly contains?: string;
  /** Whether the field holds a valid, non-empty value (`true`) or not (`false`). */
  readonly filled?: boolean;
}

/**
 * A condition: data, never code. Evaluated on normalized values; a hidden field reads as empty.
 *
 * @example
 * { all: [{ field: 'isDecisionMaker', equals: true }, { field: 'budget', in: ['100k-500k', '500k+'] }] }
 */
export type Condition =
  | FieldCondition
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/** The operators a {@link FieldCondition} may use. */
export const conditionOperators = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'filled',
] as const;

/** One choice of a select, radio or checkboxes field. `value` goes into records, `label` is shown. */
export interface Option {
  readonly value: string;
  readonly label?: Text;
}

/** Keys every field type has. */
export interface FieldBase<T extends FieldType = FieldType, D = unknown> {
  readonly type: T;
  /** Unique within the form; the key in `record.data`. `[A-Za-z_][A-Za-z0-9_]*`. */
  readonly name: string;
  readonly label?: Text;
  readonly help?: Text;
  readonly placeholder?: Text;
  readonly required?: boolean;
  /** Makes a visible field required while the condition holds. */
  readonly requiredWhen?: Condition;
  /** Shows the field only while the condition holds; a hidden field is not validated nor sent. */
  readonly visibleWhen?: Condition;
  readonly default?: D;
  /** A URL query parameter name to read the initial value from. */
  readonly prefill?: string;
  /** The HTML `autocomplete` token for the input, e.g. `organization`, `tel`, `email`. */
  readonly autocomplete?: string;
}

export interface TextField extends FieldBase<'text', string> {
  readonly minLength?: number;
  /** Default 200. Longer input is refused with a message, never cut. */
  readonly maxLength?: number;
  /** A regular expression the whole normalized value must match (like HTML `pattern`). */
  readonly pattern?: string;
}
export interface TextareaField extends FieldBase<'textarea', string> {
  readonly minLength?: number;
  /** Default 5000. */
  readonly maxLength?: number;
  readonly rows?: number;
}
export type EmailField = FieldBase<'email', string>;
export interface PhoneField extends FieldBase<'phone', string> {
  /** ISO 3166-1 alpha-2 country assumed for numbers typed without `+`. */
  readonly defaultCountry?: string;
  /** ISO 3166-1 alpha-2 countries whose numbers are accepted. */
  readonly countries?: readonly string[];
}
export interface NumberField extends FieldBase<'number', number> {
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly integer?: boolean;
}
export interface DateField extends FieldBase<'date', string> {
  /** Earliest date, `YYYY-MM-DD`. */
  readonly min?: string;
  /** Latest date, `YYYY-MM-DD`. */
  readonly max?: string;
}
export interface SelectField extends FieldBase<'select', string> {
  readonly options: readonly Option[];
}
export interface RadioField extends FieldBase<'radio', string> {
  readonly options: readonly Option[];
}
export interface CheckboxesField extends FieldBase<'checkboxes', readonly string[]> {
  readonly options: readonly Option[];
  readonly minSelected?: number;
  readonly maxSelected?: number;
}
export type BooleanField = FieldBase<'boolean', boolean>;
export interface ConsentField extends FieldBase<'consent', boolean> {
  /** The version of the text agreed to, copied into `record.consents`. */
  readonly version?: string;
}
export type HiddenField = FieldBase<'hidden', string>;

/** A field of any type. */
export type Field =
  | TextField
  | TextareaField
  | EmailField
  | PhoneField
  | NumberField
  | DateField
  | SelectField
  | RadioField
  | CheckboxesField
  | BooleanField
  | ConsentField
  | HiddenField;

/** A page of a multi-step form. */
export interface Step {
  readonly id: string;
  readonly title?: Text;
  readonly description?: Text;
  /** Names of the fields on this step, in display order. */
  readonly fields: readonly string[];
}

/** A tag added to records whose data meets a condition. */
export interface TagRule {
  readonly tag: string;
  readonly when: Condition;
}

/** Where and how records are delivered. */
export interface SubmitOptions {
  /** `https:` (or `http:` on localhost) webhook address. */
  readonly url: string;
  /** `json` (default), `text` (JSON as text/plain, no CORS preflight) or `form` (url-encoded). */
  readonly format?: 'json' | 'text' | 'form';
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds before an attempt counts as failed. Default 10000. */
  readonly timeoutMs?: number;
  /** Immediate attempts before a record goes to the outbox. Default 3. */
  readonly retries?: number;
}

/** A form, as validated by `parseForm`. Plain JSON data. */
export interface Form {
  readonly $schema?: string;
  readonly id: string;
  readonly version?: number | string;
  readonly locale?: string;
  readonly title?: Text;
  readonly description?: Text;
  readonly fields: readonly Field[];
  readonly steps?: readonly Step[];
  readonly tags?: readonly TagRule[];
  readonly dedupe?: readonly string[];
  readonly submit?: SubmitOptions;
}
