import type { ValueIssueCode } from '../issue.js';
import type { Text } from '../text.js';
import { baseKeys, fieldTypeTable, type FieldType, type ValueSpec } from './field-types.js';

export type { FieldType } from './field-types.js';

/** Every field type of the form format, in the order the docs list them (the keys of `field-types.ts`). */
export const fieldTypes: readonly FieldType[] = /*@__PURE__*/ Object.keys(fieldTypeTable) as FieldType[];

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
  /**
   * For region and cascade fields: whether the value is one of these divisions or inside one
   * (`["440000"]` holds for `440305`), or one of these options or below one.
   */
  readonly within?: readonly string[];
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
  'within',
] as const;

/** One choice of a select, radio or checkboxes field. `value` goes into records, `label` is shown. */
export interface Option {
  readonly value: string;
  readonly label?: Text;
}

/** One choice of a cascade field, with the choices of the next level under it. Values are unique across the tree. */
export interface CascadeOption {
  readonly value: string;
  readonly label?: Text;
  readonly children?: readonly CascadeOption[];
}

/**
 * A field's own messages (docs/schema.md, "Messages"): by value issue code, the Text shown
 * instead of the built-in message; `required` covers every code of a missing value.
 */
export type FieldMessages = Readonly<Partial<Record<ValueIssueCode, Text>>>;

/** The TypeScript type of a value of the table in `field-types.ts`. */
type ValueOfSpec<S> = S extends { readonly kind: 'string'; readonly oneOf: readonly (infer V extends string)[] }
  ? V
  : S extends { readonly kind: 'string' }
  ? string
  : S extends { readonly kind: 'number' | 'int' }
    ? number
    : S extends { readonly kind: 'boolean' }
      ? boolean
      : S extends { readonly kind: 'text' }
        ? Text
        : S extends { readonly kind: 'condition' }
          ? Condition
          : S extends { readonly kind: 'options' }
            ? readonly Option[]
            : S extends { readonly kind: 'tree' }
            ? readonly CascadeOption[]
            : S extends { readonly kind: 'messages' }
            ? FieldMessages
            : S extends { readonly kind: 'list'; readonly of: infer O extends ValueSpec }
              ? readonly ValueOfSpec<O>[]
              : never;

/** The keys of a table of keys, typed: required ones (`required: true`) and optional ones. */
type KeysOfSpec<Keys> = {
  readonly [K in keyof Keys as Keys[K] extends { readonly required: true } ? K : never]: ValueOfSpec<Keys[K]>;
} & {
  readonly [K in keyof Keys as Keys[K] extends { readonly required: true } ? never : K]?: ValueOfSpec<Keys[K]>;
};

/** Keys every field type has (`baseKeys` of `field-types.ts`). */
export interface FieldBase<T extends FieldType = FieldType, D = unknown> extends KeysOfSpec<Omit<typeof baseKeys, 'type' | 'default'>> {
  readonly type: T;
  readonly default?: D;
}

/** A field of one type, as the table of `field-types.ts` describes it. */
export type FieldOf<T extends FieldType> = FieldBase<T, ValueOfSpec<SpecOf<T, 'default', { readonly kind: 'string' }>>> &
  KeysOfSpec<SpecOf<T, 'keys', {}>>;

/** A part of a field type's entry in the table, or `Else` when the entry leaves it out. */
type SpecOf<T extends FieldType, P extends 'default' | 'keys', Else> = (typeof fieldTypeTable)[T] extends { readonly [K in P]: infer S } ? S : Else;

/** A one-line text field. */
export interface TextField extends FieldOf<'text'> {}
/** A multi-line text field. */
export interface TextareaField extends FieldOf<'textarea'> {}
/** An email address. */
export interface EmailField extends FieldOf<'email'> {}
/** A phone number, recorded in E.164. */
export interface PhoneField extends FieldOf<'phone'> {}
/** A number. */
export interface NumberField extends FieldOf<'number'> {}
/** A date, recorded as `YYYY-MM-DD`. */
export interface DateField extends FieldOf<'date'> {}
/** One choice from a drop-down list. */
export interface SelectField extends FieldOf<'select'> {}
/** One choice from radio buttons. */
export interface RadioField extends FieldOf<'radio'> {}
/** Any number of choices from checkboxes. */
export interface CheckboxesField extends FieldOf<'checkboxes'> {}
/** A yes/no checkbox, recorded as `true` or `false`. */
export interface BooleanField extends FieldOf<'boolean'> {}
/** A consent checkbox, recorded in `record.consents` when ticked. */
export interface ConsentField extends FieldOf<'consent'> {}
/** A value the page sets (from `prefill`, `default` or code), not shown. */
export interface HiddenField extends FieldOf<'hidden'> {}

/** Choices along a tree, one select per level; recorded as the value of the deepest option chosen. */
export interface CascadeField extends FieldOf<'cascade'> {}
/** China's administrative divisions; recorded as `{ code, province, city, district? }`. */
export interface RegionField extends FieldOf<'region'> {}

/** A field of any type. */
export type Field = { [T in FieldType]: FieldOf<T> }[FieldType];

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
