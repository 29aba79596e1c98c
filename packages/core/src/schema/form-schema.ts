import * as z from 'zod/mini';
import { countryPattern, fieldNamePattern, formIdPattern, localePattern } from './patterns.js';
import { keysOf, type FieldType, type ValueSpec } from './field-types.js';
import { fieldTypes, type CascadeOption, type Condition, type Field, type FieldOf, type Form } from './types.js';

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
    within: z.optional(z.array(z.string())),
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
  /** A cascade's option: an option with optional `children`, the same again (recursive). */
  const treeOption: z.ZodMiniType<CascadeOption> = z.strictObject({
    value: z.string(),
    label: z.optional(text),
    get children() {
      return z.optional(z.array(treeOption).check(z.minLength(1)));
    },
  }) as unknown as z.ZodMiniType<CascadeOption>;
  const patterns = { fieldName: fieldNamePattern, country: countryPattern };

  /** The zod schema of a value of the table (`field-types.ts`). */
  function valueSchema(spec: ValueSpec): z.ZodMiniType {
    switch (spec.kind) {
      case 'string':
        if (spec.oneOf) return z.enum(spec.oneOf as readonly string[] as [string, ...string[]]);
        if (spec.pattern) return z.string().check(z.regex(patterns[spec.pattern]));
        return spec.minLength ? z.string().check(z.minLength(spec.minLength)) : z.string();
      case 'number':
        return spec.gt === undefined ? finite : finite.check(z.gt(spec.gt));
      case 'int':
        return spec.max === undefined ? z.int().check(z.gte(spec.min)) : z.int().check(z.gte(spec.min), z.lte(spec.max));
      case 'boolean':
        return z.boolean();
      case 'text':
        return text;
      case 'condition':
        return conditionSchema;
      case 'messages':
        return z.record(z.string(), text);
      case 'options':
        return z.array(option).check(z.minLength(1));
      case 'tree':
        return z.array(treeOption).check(z.minLength(1));
      case 'list':
        return spec.minLength ? z.array(valueSchema(spec.of)).check(z.minLength(spec.minLength)) : z.array(valueSchema(spec.of));
    }
  }

  /** The zod schema of one field type: its keys in the table's order, `type` its literal. */
  function fieldTypeSchema<T extends FieldType>(type: T) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const [key, spec] of Object.entries(keysOf(type))) {
      const schema = key === 'type' ? z.literal(type) : valueSchema(spec);
      shape[key] = spec.required ? schema : z.optional(schema);
    }
    return z.strictObject(shape) as unknown as z.ZodMiniObject<{ [K in keyof FieldOf<T>]-?: z.ZodMiniType<FieldOf<T>[K]> }, z.core.$strict>;
  }

  /** One schema per field type, keyed by type. */
  const fieldSchemas = Object.fromEntries(fieldTypes.map((type) => [type, fieldTypeSchema(type)])) as {
    readonly [T in FieldType]: ReturnType<typeof fieldTypeSchema<T>>;
  };

  /** A field of any type, chosen by its `type`. */
  const fieldSchema = z.discriminatedUnion(
    'type',
    fieldTypes.map((type) => fieldSchemas[type]) as unknown as [ReturnType<typeof fieldTypeSchema<FieldType>>],
  ) as unknown as z.ZodMiniType<Field>;

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

// The zod schema and the types (fields: both derived from `field-types.ts`) must describe the same data.
type Inferred = z.infer<FormSchemas['formSchema']>;
type Assert<T extends true> = T;
export type _SchemaMatchesTypes = Assert<Inferred extends Form ? true : false>;
