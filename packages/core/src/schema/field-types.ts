/**
 * The field types of the form format (docs/schema.md), each written once: its keys, the kind of
 * value each holds, whether it is required, and its constraints. Everything else is derived from
 * this table: the TypeScript types (`types.ts`), the zod schema and so the JSON Schema
 * (`form-schema.ts`), the fast reader of browsers (`read-form.ts`), the bounds checked by
 * `../check-form.ts`, the typed builders (`builders.ts`) and the attributes of `<intake-field>`
 * (`@intake/elements`, `field-attributes.ts`). `field-types.test.ts` walks it and checks every key
 * in each of those places.
 *
 * Plain data and tree-shakeable: a page that reads valid forms gets this table and no zod.
 */

/** The value of a key, as the form format accepts it. */
export type ValueSpec =
  /** A string; `minLength: 1` refuses `''`; `pattern` names one of `patterns.ts`; `oneOf` lists the only values allowed. */
  | { readonly kind: 'string'; readonly minLength?: 1; readonly pattern?: 'fieldName' | 'country'; readonly oneOf?: readonly string[] }
  /** A finite number; `gt: 0` asks for a positive one. */
  | { readonly kind: 'number'; readonly gt?: 0 }
  /** A safe integer from `min` to `max`. */
  | { readonly kind: 'int'; readonly min: number; readonly max?: number }
  | { readonly kind: 'boolean' }
  /** A string, or a map from locale to string (`Text`). */
  | { readonly kind: 'text' }
  /** A condition (docs/schema.md#conditions). */
  | { readonly kind: 'condition' }
  /** A list of choices `{ value, label? }`, at least one. */
  | { readonly kind: 'options' }
  /** A tree of choices `{ value, label?, children? }` (children: the same, at least one), at least one. */
  | { readonly kind: 'tree' }
  /** A field's own messages: a map from a value issue code (`required`, `invalid_email`, ...) to Text. */
  | { readonly kind: 'messages' }
  /** A list of values of one kind; `minLength: 1` refuses an empty list. */
  | { readonly kind: 'list'; readonly of: ValueSpec; readonly minLength?: 1 };

/** A key of a field: its value, and what else is known about it. */
export type KeySpec = ValueSpec & {
  /** The key must be present (otherwise it may be absent or hold `undefined`). */
  readonly required?: true;
  /** A bound: the value must not exceed that of this other key of the same field. */
  readonly atMost?: string;
  /** A `YYYY-MM-DD` date (a string whose calendar date is checked by `parseForm`). */
  readonly isoDate?: true;
  /**
   * How `<intake-field>` takes the key: by default from the property of the same name (attribute
   * in kebab-case); a string names another property (several types share `min` and `max`);
   * `false` when a lone field cannot use the key (say why in a comment).
   */
  readonly element?: string | false;
};

/** One field type: the kind of its `default` (a string if not given) and its own keys (after the keys of every field). */
export interface FieldTypeSpec {
  readonly default?: ValueSpec;
  readonly keys?: Readonly<Record<string, KeySpec>>;
}

const string = { kind: 'string' } as const;
const finite = { kind: 'number' } as const;
const boolean = { kind: 'boolean' } as const;
const text = { kind: 'text' } as const;
const conditionOnly = { kind: 'condition', element: false } as const;
const options = { kind: 'options', required: true } as const;
const lengths = {
  minLength: { kind: 'int', min: 0, atMost: 'maxLength' },
  maxLength: { kind: 'int', min: 1 },
} as const;
const country = { kind: 'string', pattern: 'country' } as const;

/**
 * The kinds of phone number a `numberTypes` key may ask for: libphonenumber's types in kebab-case.
 * `fixed-line-or-mobile` (numbers of countries that do not tell the two apart, like the US)
 * counts as both.
 */
export const phoneNumberTypes = ['mobile', 'fixed-line', 'fixed-line-or-mobile', 'toll-free', 'premium-rate', 'shared-cost', 'voip', 'personal-number', 'pager', 'uan', 'voicemail'] as const;

/** One of {@link phoneNumberTypes}. */
export type PhoneNumberType = (typeof phoneNumberTypes)[number];

/**
 * The keys every field has, in the order the docs list them (and JSON Schema and parsed forms
 * keep). `type` and `default` are given per type.
 */
export const baseKeys = {
  /** The field type. */
  type: { kind: 'string', required: true },
  /** Unique within the form; the key in `record.data`. `[A-Za-z_][A-Za-z0-9_]*`. */
  name: { kind: 'string', pattern: 'fieldName', required: true },
  label: text,
  help: text,
  placeholder: text,
  required: boolean,
  /** Makes a visible field required while the condition holds. */
  requiredWhen: conditionOnly, // not on a lone `<intake-field>`: a condition names other fields of a form
  /** Shows the field only while the condition holds; a hidden field is not validated nor sent. */
  visibleWhen: conditionOnly, // not on a lone `<intake-field>`, as requiredWhen
  /** The value the field starts with (its kind is the field type's; attribute `value` of `<intake-field>`). */
  default: { kind: 'string', element: 'defaultValue' },
  /** A URL query parameter name to read the initial value from. */
  prefill: { kind: 'string', minLength: 1 },
  /** The HTML `autocomplete` token for the input, e.g. `organization`, `tel`, `email`. */
  autocomplete: string,
  /**
   * The field's own messages, by issue code, instead of the built-in ones (docs/schema.md,
   * "Messages"); `required` covers every code of a missing value.
   */
  messages: { kind: 'messages' },
} as const satisfies Readonly<Record<string, KeySpec>>;

/** Every field type, its `default` (a string when not given) and its own keys, in the order the docs list them. */
export const fieldTypeTable = {
  text: {
    keys: {
      minLength: lengths.minLength,
      /** Default 200. Longer input is refused with a message, never cut. */
      maxLength: lengths.maxLength,
      /** A regular expression the whole normalized value must match (like HTML `pattern`). */
      pattern: string,
    },
  },
  textarea: {
    keys: {
      minLength: lengths.minLength,
      /** Default 5000. */
      maxLength: lengths.maxLength,
      rows: { kind: 'int', min: 1, max: 50 },
    },
  },
  email: {},
  phone: {
    keys: {
      /** ISO 3166-1 alpha-2 country assumed for numbers typed without `+`. */
      defaultCountry: country,
      /** ISO 3166-1 alpha-2 countries whose numbers are accepted. */
      countries: { kind: 'list', of: country, minLength: 1 },
      /** The only kinds of number accepted (`["mobile"]`); the full phone engine tells them apart. */
      numberTypes: { kind: 'list', of: { kind: 'string', oneOf: phoneNumberTypes }, minLength: 1 },
    },
  },
  number: {
    default: finite,
    keys: {
      min: { kind: 'number', atMost: 'max' },
      max: finite,
      step: { kind: 'number', gt: 0 },
      integer: boolean,
    },
  },
  date: {
    keys: {
      /** Earliest date, `YYYY-MM-DD`. */
      min: { kind: 'string', isoDate: true, atMost: 'max' },
      /** Latest date, `YYYY-MM-DD`. */
      max: { kind: 'string', isoDate: true },
    },
  },
  select: { keys: { options } },
  radio: { keys: { options } },
  checkboxes: {
    default: { kind: 'list', of: string },
    keys: {
      options,
      /** The fewest choices (attribute `min` of `<intake-field>`). */
      minSelected: { kind: 'int', min: 0, atMost: 'maxSelected', element: 'min' },
      /** The most choices (attribute `max` of `<intake-field>`). */
      maxSelected: { kind: 'int', min: 1, element: 'max' },
    },
  },
  boolean: { default: boolean },
  consent: {
    default: boolean,
    keys: {
      /** The version of the text agreed to, copied into `record.consents`. */
      version: string,
    },
  },
  hidden: {},
  /** Choices along a tree: one select per level (docs/schema.md, "Cascade"). */
  cascade: {
    keys: {
      /** The tree: options with optional `children`; values unique across the whole tree. */
      options: { kind: 'tree', required: true },
      /** The label of each level's select, from the top (Text each). */
      levelLabels: { kind: 'list', of: text, minLength: 1 },
    },
  },
  /** China's administrative divisions, GB/T 2260 (docs/schema.md, "Region"). */
  region: {
    keys: {
      /** 3 (province, city, district; the default) or 2 (province, city). */
      levels: { kind: 'int', min: 2, max: 3 },
    },
  },
} as const satisfies Readonly<Record<string, FieldTypeSpec>>;

/** The `type` of a field. */
export type FieldType = keyof typeof fieldTypeTable;

const keysByType = new Map<FieldType, Readonly<Record<string, KeySpec>>>();

/**
 * The keys of a field type, in order (every field's, then its own), with `default` of the type's
 * kind. Built once per type (the schema check asks for every field of every form it reads), so
 * the same object each call: read it, never change it.
 */
export function keysOf(type: FieldType): Readonly<Record<string, KeySpec>> {
  let keys = keysByType.get(type);
  if (!keys) {
    const spec: FieldTypeSpec = fieldTypeTable[type];
    keysByType.set(type, (keys = { ...baseKeys, default: { ...baseKeys.default, ...spec.default }, ...spec.keys }));
  }
  return keys;
}
