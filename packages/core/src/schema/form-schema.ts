import * as z from 'zod/mini';
import { countryPattern, fieldNamePattern, formIdPattern, localePattern } from './patterns.js';
import type { Condition, Form } from './types.js';

export { countryPattern, fieldNamePattern, formIdPattern, isoDatePattern, localePattern } from './patterns.js';

function buildFormSchemas() {
  const text = z.union([z.string(), z.record(z.string().check(z.regex(localePattern)), z.string())]);
  const finite = z.number();
  const count = z.int().check(z.gte(0));
  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  /**
   * A condition. One object type with every key optional, so an unknown or misspelt key is
   * reported by its name; `parseForm` then checks that exactly one form is used.
   */
  const conditionSchema: z.ZodMiniType<Condition> = z.strictObject({
    field: z.optional(z.string()),
    equals: z.optional(scalar),
    notEquals: z.optional(scalar),
    in: z.optional(z.array(z.union([z.string(), z.number()]))),
    notIn: z.optional(z.array(z.union([z.string(), z.number()]))),
    gt: z.optional(z.union([finite, z.string()])),
    gte: z.optional(z.union([finite, z.string()])),
    lt: z.optional(z.union([finite, z.string()])),
    lte: z.optional(z.union([finite, z.string()])),
    contains: z.optional(z.string()),
    filled: z.optional(z.boolean()),
    get all() {
      return z.optional(z.array(conditionSchema));
    },
    get any() {
      return z.optional(z.array(conditionSchema));
    },
    get not() {
      return z.optional(conditionSchema);
    },
  }) as unknown as z.ZodMiniType<Condition>;

  const option = z.strictObject({ value: z.string(), label: z.optional(text) });

  /** Keys of every field; `default` is typed per field type. */
  function base<T extends string, D extends z.ZodMiniType>(type: T, defaultValue: D) {
    return {
      type: z.literal(type),
      name: z.string().check(z.regex(fieldNamePattern)),
      label: z.optional(text),
      help: z.optional(text),
      placeholder: z.optional(text),
      required: z.optional(z.boolean()),
      requiredWhen: z.optional(conditionSchema),
      visibleWhen: z.optional(conditionSchema),
      default: z.optional(defaultValue),
      prefill: z.optional(z.string().check(z.minLength(1))),
      autocomplete: z.optional(z.string()),
    };
  }

  const lengths = { minLength: z.optional(count), maxLength: z.optional(z.int().check(z.gte(1))) };
  const choices = { options: z.array(option).check(z.minLength(1)) };

  /** One schema per field type, keyed by type. */
  const fieldSchemas = {
    text: z.strictObject({ ...base('text', z.string()), ...lengths, pattern: z.optional(z.string()) }),
    textarea: z.strictObject({ ...base('textarea', z.string()), ...lengths, rows: z.optional(z.int().check(z.gte(1), z.lte(50))) }),
    email: z.strictObject(base('email', z.string())),
    phone: z.strictObject({
      ...base('phone', z.string()),
      defaultCountry: z.optional(z.string().check(z.regex(countryPattern))),
      countries: z.optional(z.array(z.string().check(z.regex(countryPattern))).check(z.minLength(1))),
    }),
    number: z.strictObject({
      ...base('number', finite),
      min: z.optional(finite),
      max: z.optional(finite),
      step: z.optional(finite.check(z.gt(0))),
      integer: z.optional(z.boolean()),
    }),
    date: z.strictObject({ ...base('date', z.string()), min: z.optional(z.string()), max: z.optional(z.string()) }),
    select: z.strictObject({ ...base('select', z.string()), ...choices }),
    radio: z.strictObject({ ...base('radio', z.string()), ...choices }),
    checkboxes: z.strictObject({
      ...base('checkboxes', z.array(z.string())),
      ...choices,
      minSelected: z.optional(count),
      maxSelected: z.optional(z.int().check(z.gte(1))),
    }),
    boolean: z.strictObject(base('boolean', z.boolean())),
    consent: z.strictObject({ ...base('consent', z.boolean()), version: z.optional(z.string()) }),
    hidden: z.strictObject(base('hidden', z.string())),
  } as const;

  /** A field of any type, chosen by its `type`. */
  const fieldSchema = z.discriminatedUnion('type', [
    fieldSchemas.text,
    fieldSchemas.textarea,
    fieldSchemas.email,
    fieldSchemas.phone,
    fieldSchemas.number,
    fieldSchemas.date,
    fieldSchemas.select,
    fieldSchemas.radio,
    fieldSchemas.checkboxes,
    fieldSchemas.boolean,
    fieldSchemas.consent,
    fieldSchemas.hidden,
  ]);

  const step = z.strictObject({
    id: z.string().check(z.regex(formIdPattern)),
    title: z.optional(text),
    description: z.optional(text),
    fields: z.array(z.string()).check(z.minLength(1)),
  });

  const tagRule = z.strictObject({ tag: z.string().check(z.minLength(1)), when: conditionSchema });

  const submit = z.strictObject({
    url: z.string(),
    format: z.optional(z.enum(['json', 'text', 'form'])),
    headers: z.optional(z.record(z.string(), z.string())),
    timeoutMs: z.optional(z.int().check(z.gte(1), z.lte(120_000))),
    retries: z.optional(z.int().check(z.gte(1), z.lte(10))),
  });

  /** The form. */
  const formSchema = z.strictObject({
    $schema: z.optional(z.string()),
    id: z.string().check(z.regex(formIdPattern)),
    version: z.optional(z.union([finite, z.string()])),
    locale: z.optional(z.string().check(z.regex(localePattern))),
    title: z.optional(text),
    description: z.optional(text),
    fields: z.array(fieldSchema).check(z.minLength(1)),
    steps: z.optional(z.array(step).check(z.minLength(1))),
    tags: z.optional(z.array(tagRule)),
    dedupe: z.optional(z.array(z.string()).check(z.minLength(1))),
    submit: z.optional(submit),
  });

  return { formSchema, fieldSchemas, fieldSchema, conditionSchema };
}

/** The zod schemas of the form format (see {@link formSchemas}). */
export type FormSchemas = ReturnType<typeof buildFormSchemas>;

let schemas: FormSchemas | undefined;

/**
 * The zod schemas of the form format: `formSchema`, the single source of `parseForm` and
 * `formJsonSchema`; `fieldSchemas`, one per field type; `fieldSchema`, a field of any type; and
 * `conditionSchema`. Built on first use: nearly 400 zod schemas that a page whose form is valid
 * never needs (`parseForm` reads a valid form with `readForm`), so they are not built at load.
 */
export function formSchemas(): FormSchemas {
  schemas ??= buildFormSchemas();
  return schemas;
}

// The zod schema and the hand-written types must describe the same data.
type Inferred = z.infer<FormSchemas['formSchema']>;
type Assert<T extends true> = T;
export type _SchemaMatchesTypes = Assert<Inferred extends Form ? true : false>;
