import type { Form } from './types.js';
import { countryPattern, fieldNamePattern, formIdPattern, localePattern } from './form-schema.js';

/**
 * The fast path of `parseForm`: an exact reading of the form format of `form-schema.ts`, written
 * out by hand. It returns what `formSchema.safeParse(input).data` would (the same keys, in the
 * same order, on fresh objects and arrays) when the input is valid, and `undefined` otherwise, or
 * whenever the input is unusual (a value `undefined`, an object that is not plain, a
 * `__proto__` key), so that zod, the definition of the format, decides and explains.
 *
 * Why: a form page validates its schema once, on load, with cold code. zod first builds the
 * schemas (nearly 400 schema objects) and then runs a parse context per key; this reader is a few
 * dozen closures. On the 200-field benchmark form, building and parsing with zod takes about five
 * times as long as this reading. It must stay in step with `form-schema.ts`: `read-form.test.ts`
 * compares both on the presets, generated forms, every key of every kind of object set to edge
 * values, and random mutations.
 */
export function readForm(input: unknown): Form | undefined {
  try {
    const form = readFormObject(input);
    return form === invalid ? undefined : (form as Form);
  } catch {
    return undefined; // a throwing getter, say: zod has the last word
  }
}

/** What a reader returns for a value it does not accept. */
const invalid: unique symbol = /*@__PURE__*/ Symbol('invalid');

type Reader = (value: unknown) => unknown;

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const string: Reader = (value) => (typeof value === 'string' ? value : invalid);
const matching =
  (pattern: RegExp): Reader =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? value : invalid;
const nonEmptyString: Reader = (value) => (typeof value === 'string' && value.length >= 1 ? value : invalid);
const boolean: Reader = (value) => (typeof value === 'boolean' ? value : invalid);
const finite: Reader = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : invalid);
/** `z.int()` with bounds: a safe integer. */
const int =
  (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Reader =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? value : invalid;
const positive: Reader = (value) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : invalid);
const oneOf =
  (...readers: Reader[]): Reader =>
  (value) => {
    for (const read of readers) {
      const result = read(value);
      if (result !== invalid) return result;
    }
    return invalid;
  };
const literal =
  (expected: string): Reader =>
  (value) =>
    value === expected ? value : invalid;
const enumOf =
  (...values: string[]): Reader =>
  (value) =>
    values.includes(value as string) ? value : invalid;

function arrayOf(read: Reader, minLength = 0): Reader {
  return (value) => {
    if (!Array.isArray(value) || value.length < minLength) return invalid;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = read(value[i]);
      if (item === invalid) return invalid;
      out[i] = item;
    }
    return out;
  };
}

/** `z.record(key, z.string())`: own keys in their order; a `__proto__` key, which zod skips, goes to zod. */
function recordOf(key: Reader): Reader {
  return (value) => {
    if (!isPlain(value) || Object.getOwnPropertySymbols(value).length > 0) return invalid;
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      if (name === '__proto__' || key(name) === invalid) return invalid;
      const item = value[name];
      if (typeof item !== 'string') return invalid;
      out[name] = item;
    }
    return out;
  };
}

/**
 * `z.strictObject(shape)`: no unknown keys, every key not in `optional` present, the output keys
 * in shape order. A present key holding `undefined` goes to zod.
 */
function strictObject(shape: Record<string, Reader>, optional: ReadonlySet<string>): Reader {
  const keys = Object.keys(shape);
  const order = new Map(keys.map((key, index) => [key, index]));
  const requiredCount = keys.length - optional.size;
  return (value) => {
    if (!isPlain(value)) return invalid;
    // One pass over the keys the input has (a field uses a few of its type's dozen or so).
    const out: Record<string, unknown> = {};
    let required = 0;
    let previous = -1;
    let inOrder = true;
    for (const name in value) {
      const index = order.get(name);
      const item = value[name];
      if (index === undefined || item === undefined) return invalid;
      const result = shape[name]!(item);
      if (result === invalid) return invalid;
      out[name] = result;
      if (!optional.has(name)) required += 1;
      if (index < previous) inOrder = false;
      previous = index;
    }
    if (required !== requiredCount) return invalid;
    if (inOrder) return out;
    const ordered: Record<string, unknown> = {};
    for (const name of keys) if (Object.hasOwn(out, name)) ordered[name] = out[name];
    return ordered;
  };
}

/** A strict object whose keys are all optional but those named. */
const object = (shape: Record<string, Reader>, ...required: string[]): Reader =>
  strictObject(shape, new Set(Object.keys(shape).filter((key) => !required.includes(key))));

const text = /*@__PURE__*/ oneOf(string, recordOf(matching(localePattern)));
const scalar = /*@__PURE__*/ oneOf(string, finite, boolean);
const stringOrNumber = /*@__PURE__*/ oneOf(string, finite);
const count = /*@__PURE__*/ int(0);

const readCondition: Reader = (value) => condition(value);
const condition: Reader = /*@__PURE__*/ object({
  field: string,
  equals: scalar,
  notEquals: scalar,
  in: arrayOf(stringOrNumber),
  notIn: arrayOf(stringOrNumber),
  gt: stringOrNumber,
  gte: stringOrNumber,
  lt: stringOrNumber,
  lte: stringOrNumber,
  contains: string,
  filled: boolean,
  all: arrayOf(readCondition),
  any: arrayOf(readCondition),
  not: readCondition,
});

const option = /*@__PURE__*/ object({ value: string, label: text }, 'value');

/** Keys of every field, in the order of `base()` in form-schema.ts. */
function field(type: string, defaultValue: Reader, extra: Record<string, Reader> = {}, ...required: string[]): Reader {
  return object(
    {
      type: literal(type),
      name: matching(fieldNamePattern),
      label: text,
      help: text,
      placeholder: text,
      required: boolean,
      requiredWhen: condition,
      visibleWhen: condition,
      default: defaultValue,
      prefill: nonEmptyString,
      autocomplete: string,
      ...extra,
    },
    'type',
    'name',
    ...required,
  );
}

const lengths = { minLength: count, maxLength: /*@__PURE__*/ int(1) };
const options = /*@__PURE__*/ arrayOf(option, 1);

const fields: Readonly<Record<string, Reader>> = {
  text: /*@__PURE__*/ field('text', string, { ...lengths, pattern: string }),
  textarea: /*@__PURE__*/ field('textarea', string, { ...lengths, rows: int(1, 50) }),
  email: /*@__PURE__*/ field('email', string),
  phone: /*@__PURE__*/ field('phone', string, { defaultCountry: matching(countryPattern), countries: arrayOf(matching(countryPattern), 1) }),
  number: /*@__PURE__*/ field('number', finite, { min: finite, max: finite, step: positive, integer: boolean }),
  date: /*@__PURE__*/ field('date', string, { min: string, max: string }),
  select: /*@__PURE__*/ field('select', string, { options }, 'options'),
  radio: /*@__PURE__*/ field('radio', string, { options }, 'options'),
  checkboxes: /*@__PURE__*/ field('checkboxes', arrayOf(string), { options, minSelected: count, maxSelected: int(1) }, 'options'),
  boolean: /*@__PURE__*/ field('boolean', boolean),
  consent: /*@__PURE__*/ field('consent', boolean, { version: string }),
  hidden: /*@__PURE__*/ field('hidden', string),
};

const anyField: Reader = (value) => {
  const type = isPlain(value) ? value['type'] : undefined;
  return typeof type === 'string' && Object.hasOwn(fields, type) ? fields[type]!(value) : invalid;
};

const step = /*@__PURE__*/ object(
  { id: matching(formIdPattern), title: text, description: text, fields: arrayOf(string, 1) },
  'id',
  'fields',
);

const submit = /*@__PURE__*/ object(
  {
    url: string,
    format: enumOf('json', 'text', 'form'),
    headers: recordOf(string),
    timeoutMs: int(1, 120_000),
    retries: int(1, 10),
  },
  'url',
);

const readFormObject = /*@__PURE__*/ object(
  {
    $schema: string,
    id: matching(formIdPattern),
    version: stringOrNumber,
    locale: matching(localePattern),
    title: text,
    description: text,
    fields: arrayOf(anyField, 1),
    steps: arrayOf(step, 1),
    tags: arrayOf(object({ tag: nonEmptyString, when: condition }, 'tag', 'when')),
    dedupe: arrayOf(string, 1),
    submit,
  },
  'id',
  'fields',
);
