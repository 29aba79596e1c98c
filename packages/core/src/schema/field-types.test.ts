import { describe, expect, expectTypeOf, it } from 'vitest';
import { field, type FieldBuilders } from '../builders.js';
import { formJsonSchema } from '../json-schema.js';
import { baseKeys, fieldTypeTable, keysOf, type FieldType, type KeySpec, type ValueSpec } from './field-types.js';
import { formSchemas } from './form-schema.js';
import { readForm } from './read-form.js';
import { fieldTypes, type Field } from './types.js';

// The table of field types is the one place a key is written. This walks it: every key of every
// type is read by the reader and by zod alike, described in the JSON Schema, typed in the
// builders and the field types (below, checked by `tsc`), and taken by `<intake-field>`
// (packages/elements/src/intake-field/field-attributes.test.ts).

/** A valid value of a key (a locale map for text, so both forms of Text are not needed). */
function sample(spec: ValueSpec | KeySpec): unknown {
  switch (spec.kind) {
    case 'string':
      if (spec.oneOf) return spec.oneOf[spec.oneOf.length - 1];
      if (spec.pattern === 'country') return 'US';
      if ('isoDate' in spec && spec.isoDate) return '2026-01-01';
      return spec.pattern === 'fieldName' ? 'x2' : 'a';
    case 'number':
      return 2;
    case 'int':
      return Math.min(Math.max(spec.min, 1), spec.max ?? Infinity);
    case 'boolean':
      return true;
    case 'text':
      return { en: 'A', 'zh-CN': '甲' };
    case 'condition':
      return { field: 'x', filled: true };
    case 'options':
      return [{ value: 'a', label: 'A' }];
    case 'tree':
      return [{ value: 'a', label: 'A', children: [{ value: 'b', label: 'B' }] }];
    case 'messages':
      return { required: { en: 'Tell us A', 'zh-CN': '请告诉我们甲' } };
    case 'list':
      return [sample(spec.of)];
  }
}

/** A field of `type` with its required keys, and `key` set to `value`. */
function fieldWith(type: FieldType, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { type, name: 'x' };
  for (const [name, spec] of Object.entries(keysOf(type))) if (spec.required && !(name in out)) out[name] = sample(spec);
  out[key] = value;
  return out;
}

/** The JSON Schema of the fields of one type. */
function jsonSchemaOf(type: FieldType): { properties: Record<string, unknown>; required: string[]; additionalProperties: unknown } {
  const fields = (formJsonSchema['properties'] as Record<string, { items: { oneOf?: unknown[]; anyOf?: unknown[] } }>)['fields']!.items;
  const variants = (fields.oneOf ?? fields.anyOf ?? []) as { properties: Record<string, { const?: unknown }>; required: string[]; additionalProperties: unknown }[];
  const found = variants.find((variant) => variant.properties['type']?.const === type);
  if (!found) throw new Error(`no JSON Schema for field type ${type}`);
  return found;
}

const cases = fieldTypes.flatMap((type) =>
  Object.entries(keysOf(type)).map(([key, spec]) => ({ type, key, value: key === 'type' ? type : sample(spec) })),
);

describe('the field-type table', () => {
  it('lists every field type, in the order of fieldTypes', () => {
    expect(Object.keys(fieldTypeTable)).toEqual([...fieldTypes]);
    expect(cases.length).toBeGreaterThan(fieldTypes.length * Object.keys(baseKeys).length);
  });

  it.each(cases)('$type.$key: the reader and zod both accept it, and read it alike', ({ type, key, value }) => {
    const input = { id: 'f', fields: [fieldWith(type, key, value)] };
    const read = readForm(input);
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (!read.ok) return;
    expect((read.form.fields[0] as unknown as Record<string, unknown>)[key]).toEqual(value);
    const zod = formSchemas().formSchema.safeParse(input);
    expect(zod.success).toBe(true);
    expect(JSON.stringify(zod.data)).toBe(JSON.stringify(read.form));
  });

  it.each(cases)('$type.$key: the reader and zod both refuse a value of the wrong kind', ({ type, key, value }) => {
    const wrong = typeof value === 'boolean' ? 'yes' : typeof value === 'object' ? 7 : false;
    const input = { id: 'f', fields: [fieldWith(type, key, wrong)] };
    expect(readForm(input).ok).toBe(false);
    expect(formSchemas().formSchema.safeParse(input).success).toBe(false);
  });

  it.each(fieldTypes)('%s: the JSON Schema describes exactly the keys of the table, in order, and no other', (type) => {
    const schema = jsonSchemaOf(type);
    const keys = Object.entries(keysOf(type));
    expect(Object.keys(schema.properties)).toEqual(keys.map(([key]) => key));
    expect(schema.required).toEqual(keys.filter(([, spec]) => spec.required).map(([key]) => key));
    expect(schema.additionalProperties).toBe(false);
    const unknown = { id: 'f', fields: [fieldWith(type, 'notAKey', 1)] };
    expect(readForm(unknown).ok).toBe(false);
    expect(formSchemas().formSchema.safeParse(unknown).success).toBe(false);
  });

  it.each(cases.filter(({ key }) => key !== 'type' && key !== 'name'))('$type.$key: the builder of the type takes it', ({ type, key, value }) => {
    const build = field[type] as (name: string, options: object) => Record<string, unknown>;
    const { type: _type, name: _name, ...options } = fieldWith(type, key, value);
    const built = build('x', options);
    expect(built).toEqual(fieldWith(type, key, value));
    expect(readForm({ id: 'f', fields: [built] }).ok).toBe(true);
  });

  it('bounds name keys of their own type', () => {
    for (const type of fieldTypes) {
      const keys = keysOf(type);
      for (const spec of Object.values(keys)) if (spec.atMost) expect(Object.keys(keys)).toContain(spec.atMost);
    }
  });
});

// Type-level: the builders and the field types have exactly the keys of the table (`tsc` checks
// these through `pnpm typecheck`; a key added in one place only fails to compile).
type OwnKeys<T extends FieldType> = (typeof fieldTypeTable)[T] extends { readonly keys: infer K } ? keyof K : never;
type TableKeys<T extends FieldType> = keyof typeof baseKeys | OwnKeys<T>;
type BuilderKeys<T extends FieldType> = keyof NonNullable<Parameters<FieldBuilders[T]>[1]>;

describe('the types derived from the table', () => {
  it('give every field type exactly the keys of the table', () => {
    expectTypeOf<{ [T in FieldType]: keyof Extract<Field, { readonly type: T }> }>().toEqualTypeOf<{ [T in FieldType]: TableKeys<T> }>();
    expectTypeOf<{ [T in FieldType]: BuilderKeys<T> }>().toEqualTypeOf<{ [T in FieldType]: Exclude<TableKeys<T>, 'type' | 'name'> }>();
    expectTypeOf<keyof FieldBuilders>().toEqualTypeOf<FieldType>();
  });
});
