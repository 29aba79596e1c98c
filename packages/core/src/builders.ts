import { formatSchemaIssues, parseForm } from './parse-form.js';
import type { RegionValue } from './normalize/normalize-region.js';
import type { FieldType } from './schema/field-types.js';
import { fieldTypes, type Field, type Form } from './schema/types.js';

declare const dataType: unique symbol;

/** A form whose `record.data` type is known: what {@link defineForm} returns. */
export type TypedForm<D> = Form & { readonly [dataType]?: D };

type OptionValues<F> = F extends { readonly options: readonly { readonly value: infer V }[] } ? V : string;

/** The normalized value type of a field in `record.data`. */
export type ValueOfField<F> = F extends { readonly type: 'number' }
  ? number
  : F extends { readonly type: 'boolean' }
    ? boolean
    : F extends { readonly type: 'consent' }
      ? true
      : F extends { readonly type: 'checkboxes' }
        ? OptionValues<F>[]
        : F extends { readonly type: 'select' | 'radio' }
          ? OptionValues<F>
          : F extends { readonly type: 'region' }
            ? RegionValue
            : string;

// A field is always in `data` only when it is required, shown unconditionally, and not a boolean
// (booleans are always present as true/false).
type AlwaysPresent<F> = F extends { readonly visibleWhen: object }
  ? false
  : F extends { readonly type: 'boolean' }
    ? true
    : F extends { readonly required: true }
      ? true
      : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The type of `record.data` for a list of fields. */
export type InferData<Fields extends readonly Field[]> = Simplify<
  { [F in Fields[number] as AlwaysPresent<F> extends true ? F['name'] : never]: ValueOfField<F> } & {
    [F in Fields[number] as AlwaysPresent<F> extends true ? never : F['name']]?: ValueOfField<F>;
  }
>;

/**
 * Checks a form written in TypeScript and returns it unchanged (the same JSON as a form file),
 * typed so `createIntake(form).toRecord()` knows the type of `record.data`. Throws, listing every
 * problem with its path, when the form is not valid: a form in code is the programmer's to fix.
 *
 * @example
 * const contact = defineForm({
 *   id: 'contact',
 *   fields: [
 *     field.text('name', { label: 'Name', required: true }),
 *     field.email('email', { required: true }),
 *     field.select('topic', { options: [{ value: 'sales' }, { value: 'support' }] }),
 *   ],
 * });
 * // record.data: { name: string; email?: string; topic?: 'sales' | 'support' }
 */
export function defineForm<const Fields extends readonly Field[], const F extends Omit<Form, 'fields'> & { fields: Fields }>(
  form: F & { fields: Fields },
): F & TypedForm<InferData<Fields>> {
  const parsed = parseForm(form);
  if (!parsed.ok) throw new TypeError(`defineForm: form "${String(form.id)}" is not valid:\n${formatSchemaIssues(parsed.issues)}`);
  return form;
}

type Options<F extends Field> = Omit<F, 'type' | 'name'>;
type Built<F extends Field, N extends string, O> = { readonly type: F['type']; readonly name: N } & O;

/** Builds a field of one type; `options` holds every key but `type` and `name`. */
export type FieldBuilder<F extends Field> = <const N extends string, const O extends Options<F>>(name: N, options?: O) => Built<F, N, O>;
/** Builds a field whose `options` list is required (select, radio, checkboxes). */
export type ChoiceFieldBuilder<F extends Field> = <const N extends string, const O extends Options<F>>(name: N, options: O) => Built<F, N, O>;

type FieldOfType<T extends FieldType> = Extract<Field, { readonly type: T }>;

/** The builder of each field type: those with a required key besides `type` and `name` (`options`) need their options. */
export type FieldBuilders = {
  readonly [T in FieldType]: {} extends Options<FieldOfType<T>> ? FieldBuilder<FieldOfType<T>> : ChoiceFieldBuilder<FieldOfType<T>>;
};

function make<F extends Field>(type: F['type']): FieldBuilder<F> & ChoiceFieldBuilder<F> {
  return ((name: string, options?: object) => ({ type, name, ...options })) as FieldBuilder<F> & ChoiceFieldBuilder<F>;
}

/**
 * Typed builders of fields, one per field type of `field-types.ts`: `field.text('company', { required: true })` is
 * `{ type: 'text', name: 'company', required: true }`, with literal types kept for inference.
 */
export const field: FieldBuilders = /*@__PURE__*/ Object.fromEntries(fieldTypes.map((type) => [type, make(type)])) as FieldBuilders;
