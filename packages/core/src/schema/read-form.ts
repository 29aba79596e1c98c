import type { IssueParams, Path, SchemaIssueCode } from '../issue.js';
import { countryPattern, fieldNamePattern, formIdPattern, localePattern } from './patterns.js';
import { kindOf, type RawSchemaIssue } from './raw-issue.js';
import { suggestKey } from '../locale/schema-catalogue.js';
import { keysOf, type ValueSpec } from './field-types.js';
import { isObject, isPlainObject } from './is-object.js';
import { fieldTypes, type Form } from './types.js';

/** What {@link readForm} returns: the form, or every structural problem found in it. */
export type ReadFormResult =
  | { readonly ok: true; readonly form: Form }
  | { readonly ok: false; readonly issues: readonly RawSchemaIssue[] };

/**
 * The structural reading of a form, without zod so that `parseForm` does not carry zod into
 * browsers. The format is defined by the zod schema of `form-schema.ts` (which also gives
 * `formJsonSchema()`); this reader does exactly what it does, and takes the keys of fields from
 * the same table (`field-types.ts`). For a valid form it returns what
 * `formSchema.safeParse(input).data` would (the same keys, in the same order, on fresh objects and
 * arrays); otherwise the issues that `fromZodIssues` makes of zod's, in the same order: missing
 * and unknown keys (with a "did you mean"), wrong types, unknown field types naming the allowed
 * ones, values out of range, bad ids, names, locales and countries, empty lists.
 *
 * It follows zod down to its edge cases (a key holding `undefined`, objects that are not plain, an
 * own `__proto__` key, a `length` on a non-array), because `read-form.test.ts` compares both,
 * issues included, on the presets, generated forms, every key of every kind of object set to edge
 * values, and thousands of random mutations. The keys of fields are not written here: both this
 * reader and the zod schema build them from the table of `field-types.ts`.
 *
 * Why not zod at run time: zod/mini was 28 KB minified, 8.3 KB gzip, of the elements bundle (the
 * script-tag file has a 45 KB gzip budget), and building its schemas (nearly 400 objects) made
 * the first `parseForm` of an invalid form about four times slower than this reading. Valid forms
 * were already read by hand; this reader is as fast on them (a one-pass read of the keys an
 * object has). Like zod, it throws only if the input itself throws (a getter).
 */
export function readForm(input: unknown): ReadFormResult {
  const outer = issues;
  issues = [];
  try {
    const form = formObject(input, undefined, undefined);
    return issues.length === 0 && form !== invalid ? { ok: true, form: form as Form } : { ok: false, issues };
  } finally {
    issues = outer;
  }
}

/** The issues of the reading under way (readers are synchronous, `readForm` saves and restores it). */
let issues: RawSchemaIssue[] = [];

/** What a reader returns for a value it does not accept (after reporting why). */
const invalid: unique symbol = /*@__PURE__*/ Symbol('invalid');

type Key = string | number | symbol;

/** Where a container sits; paths are only built for issues. */
interface Place {
  readonly parent: Place | undefined;
  readonly key: Key | undefined;
}

/**
 * Reads `value`, found at `key` of the container at `parent`: the value as zod would output it, or
 * `invalid` after pushing the issues.
 */
type Reader = (value: unknown, parent: Place | undefined, key: Key | undefined) => unknown;

function pathOf(parent: Place | undefined, key: Key | undefined): Path {
  const path: Key[] = key === undefined ? [] : [key];
  for (let place = parent; place; place = place.parent) if (place.key !== undefined) path.push(place.key);
  // A symbol key (only in a non-JSON record) stays in the path, as in zod's issues.
  return path.reverse() as unknown as Path;
}

function report(code: SchemaIssueCode, parent: Place | undefined, key: Key | undefined, params?: IssueParams): typeof invalid {
  issues.push(params ? { code, path: pathOf(parent, key), params } : { code, path: pathOf(parent, key) });
  return invalid;
}

/** A value of the wrong kind; nothing at a key reads as a missing key. */
function wrongType(expected: string, value: unknown, parent: Place | undefined, key: Key | undefined): typeof invalid {
  return value === undefined && typeof key === 'string'
    ? report('missing_key', parent, key, { key })
    : report('invalid_type', parent, key, { expected, received: kindOf(value) });
}

/**
 * zod's `minLength(min)` on a value that already failed its type: it still runs on anything with a
 * `length` (a string where a list belongs, an object with a `length` key).
 */
function tooShortOther(value: unknown, min: number, parent: Place | undefined, key: Key | undefined): void {
  if (value === null || value === undefined) return;
  const length = (value as { length?: unknown }).length;
  if (length === undefined || (length as number) >= min) return;
  if (Array.isArray(value) || typeof value === 'string') report('empty', parent, key);
  else report('too_small_value', parent, key, { min });
}

const string: Reader = (value, parent, key) => (typeof value === 'string' ? value : wrongType('string', value, parent, key));

const boolean: Reader = (value, parent, key) => (typeof value === 'boolean' ? value : wrongType('boolean', value, parent, key));

/** `z.number()`: finite. */
const finite: Reader = (value, parent, key) =>
  typeof value === 'number' && Number.isFinite(value) ? value : wrongType('number', value, parent, key);

/** `z.number().check(z.gt(0))` */
const positive: Reader = (value, parent, key) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('number', value, parent, key);
  return value > 0 ? value : report('too_small_value', parent, key, { min: 0 });
};

/** `z.int()` with optional `gte(min)` and `lte(max)`: a safe integer; every bound is checked. */
function int(min?: number, max?: number): Reader {
  return (value, parent, key) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('number', value, parent, key);
    if (!Number.isInteger(value)) return wrongType('int', value, parent, key);
    let result: unknown = value;
    if (!Number.isSafeInteger(value)) {
      result = value > 0
        ? report('too_big_value', parent, key, { max: Number.MAX_SAFE_INTEGER })
        : report('too_small_value', parent, key, { min: Number.MIN_SAFE_INTEGER });
    }
    if (min !== undefined && !(value >= min)) result = report('too_small_value', parent, key, { min });
    if (max !== undefined && !(value <= max)) result = report('too_big_value', parent, key, { max });
    return result;
  };
}

/** `z.string().check(z.minLength(1))` */
const nonEmptyString: Reader = (value, parent, key) => {
  if (typeof value === 'string') return value.length >= 1 ? value : report('empty', parent, key);
  wrongType('string', value, parent, key);
  tooShortOther(value, 1, parent, key);
  return invalid;
};

/** `z.string().check(z.regex(pattern))`; a mismatch is reported by what the key holds, as `fromZodIssues` does. */
function matching(pattern: RegExp): Reader {
  return (value, parent, key) => {
    if (typeof value !== 'string') return wrongType('string', value, parent, key);
    if (pattern.test(value)) return value;
    if (key === 'id') return report('invalid_form_id', parent, key);
    if (key === 'name') return report('invalid_field_name', parent, key);
    if (key === 'locale') return report('invalid_locale', parent, key, { key: value });
    if (key === 'defaultCountry' || parent?.key === 'countries') {
      return report('invalid_value', parent, key, { allowed: 'ISO 3166-1 alpha-2 (CN, US, GB, ...)' });
    }
    return report('invalid_value', parent, key, { allowed: '' });
  };
}

/** `z.union` of primitive types: the first that matches, else one issue naming them all (`string|number`). */
function primitives(expected: string, ...accepts: ((value: unknown) => boolean)[]): Reader {
  return (value, parent, key) => {
    for (const accept of accepts) if (accept(value)) return value;
    return wrongType(expected, value, parent, key);
  };
}
const isString = (value: unknown): boolean => typeof value === 'string';
const isFinite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';

/** `z.enum(values)` */
function enumOf(...values: string[]): Reader {
  const allowed = values.join(', ');
  return (value, parent, key) => (values.includes(value as string) ? value : report('invalid_value', parent, key, { allowed }));
}

/** `z.array(item)`, with `.check(z.minLength(minLength))` when `minLength` > 0. */
function arrayOf(item: Reader, minLength = 0): Reader {
  return (value, parent, key) => {
    if (!Array.isArray(value)) {
      wrongType('array', value, parent, key);
      if (minLength > 0) tooShortOther(value, minLength, parent, key);
      return invalid;
    }
    if (value.length < minLength) return report('empty', parent, key);
    const here: Place = { parent, key };
    const out: unknown[] = new Array(value.length);
    let ok = true;
    for (let i = 0; i < value.length; i++) {
      const result = item(value[i], here, i);
      if (result === invalid) ok = false;
      else out[i] = result;
    }
    return ok ? out : invalid;
  };
}

/**
 * `z.record(keys, z.string())` (or of `readItem`'s values) on a plain object: its own enumerable
 * keys in their order (strings, then symbols), an own `__proto__` key skipped; a key that is not a
 * string or does not match `keyPattern` is reported as a bad locale, as `fromZodIssues` does.
 */
function readRecord(value: Record<Key, unknown>, parent: Place | undefined, key: Key | undefined, keyPattern?: RegExp, readItem?: Reader): unknown {
  const here: Place = { parent, key };
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const name of Object.keys(value)) {
    if (name === '__proto__') continue;
    if (keyPattern && !keyPattern.test(name)) {
      ok = false;
      report('invalid_locale', here, name, { key: name });
      continue;
    }
    const item = value[name];
    if (readItem) {
      const result = readItem(item, here, name);
      if (result === invalid) ok = false;
      else out[name] = result;
    } else if (typeof item === 'string') {
      out[name] = item;
    } else {
      ok = false;
      wrongType('string', item, here, name);
    }
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (!Object.prototype.propertyIsEnumerable.call(value, symbol)) continue;
    ok = false;
    report('invalid_locale', here, symbol, { key: String(symbol) });
  }
  return ok ? out : invalid;
}

/** `z.record(z.string(), z.string())` */
const headers: Reader = (value, parent, key) =>
  isPlainObject(value) ? readRecord(value, parent, key) : wrongType('record', value, parent, key);

/**
 * Text: a string, or a map of locale to string. A map's own problems are reported where they are
 * (`label.en`); anything else is "expected text".
 */
const text: Reader = (value, parent, key) => {
  if (typeof value === 'string') return value;
  return isPlainObject(value) ? readRecord(value, parent, key, localePattern) : wrongType('text', value, parent, key);
};

/** `z.record(z.string(), text)`: a field's own messages, by issue code (checkForm checks the codes). */
const messages: Reader = (value, parent, key) =>
  isPlainObject(value) ? readRecord(value, parent, key, undefined, text) : wrongType('record', value, parent, key);

/** Every key of the format, in the order zod's shapes list them: the candidates of a "did you mean". */
let knownKeys: Set<string> | undefined;

/**
 * `z.strictObject(shape)`: the keys of `shape` in its order (those not in `required` may be
 * absent or hold `undefined`), then the unknown keys, each with the closest known key.
 *
 * An ordinary object (prototype `Object.prototype`) is read in one pass over the keys it has, a
 * few of the dozen or so a field may have; its output and its issues are then put in shape order.
 * Any other object is read key by key of the shape, as zod does, so inherited and
 * non-enumerable keys count. (A key made non-enumerable on an ordinary object is not seen.)
 */
function strictObject(shape: Readonly<Record<string, Reader>>, required: readonly string[]): Reader {
  const keys = Object.keys(shape);
  const readers = keys.map((name) => shape[name]!);
  const order = new Map(keys.map((name, index) => [name, index]));
  const isRequired = keys.map((name) => required.includes(name));
  const requiredMask = isRequired.reduce((mask, yes, index) => (yes ? mask | (1 << index) : mask), 0);
  if (keys.length > 30) throw new Error('strictObject: at most 30 keys (a bit mask tracks them)');

  function readOrdinary(value: Record<string, unknown>, here: Place): unknown {
    const out: Record<string, unknown> = {};
    const start = issues.length;
    let ok = true;
    let seen = 0;
    let previous = -1;
    let inOrder = true;
    let unknown: string[] | undefined;
    /** Triples (shape index, first issue, end) of the keys that reported issues. */
    let segments: number[] | undefined;
    for (const name in value) {
      const index = order.get(name);
      if (index === undefined) {
        (unknown ??= []).push(name);
        continue;
      }
      seen |= 1 << index;
      if (index < previous) inOrder = false;
      previous = index;
      const item = value[name];
      if (item === undefined && !isRequired[index]) {
        out[name] = undefined;
        continue;
      }
      const before = issues.length;
      const result = readers[index]!(item, here, name);
      if (result === invalid) ok = false;
      else out[name] = result;
      if (issues.length !== before) (segments ??= []).push(index, before, issues.length);
    }
    if ((seen & requiredMask) !== requiredMask) {
      ok = false;
      inOrder = false;
      for (let index = 0; index < keys.length; index++) {
        if (!isRequired[index] || seen & (1 << index)) continue;
        const before = issues.length;
        readers[index]!(undefined, here, keys[index]); // reports the missing key
        (segments ??= []).push(index, before, issues.length);
      }
    }
    if (segments && !inOrder) putInShapeOrder(segments, start);
    if (unknown) {
      reportUnknown(unknown, here);
      return invalid;
    }
    if (!ok) return invalid;
    if (inOrder) return out;
    const ordered: Record<string, unknown> = {};
    for (const name of keys) if (Object.hasOwn(out, name)) ordered[name] = out[name];
    return ordered;
  }

  function readAny(value: Record<string, unknown>, here: Place): unknown {
    const out: Record<string, unknown> = {};
    let ok = true;
    for (let index = 0; index < keys.length; index++) {
      const name = keys[index]!;
      const item = value[name];
      if (item === undefined && !isRequired[index]) {
        if (name in value) out[name] = undefined;
        continue;
      }
      const result = readers[index]!(item, here, name);
      if (result === invalid) ok = false;
      else out[name] = result;
    }
    let unknown: string[] | undefined;
    for (const name in value) if (!order.has(name)) (unknown ??= []).push(name);
    if (unknown) {
      reportUnknown(unknown, here);
      return invalid;
    }
    return ok ? out : invalid;
  }

  return (value, parent, key) => {
    if (!isObject(value)) return wrongType('object', value, parent, key);
    const here: Place = { parent, key };
    return Object.getPrototypeOf(value) === Object.prototype ? readOrdinary(value, here) : readAny(value, here);
  };
}

/** Reorders the issues from `start` on by the shape index of the key that reported them. */
function putInShapeOrder(segments: number[], start: number): void {
  const reported = issues.slice(start);
  const byIndex: number[] = [];
  for (let i = 0; i < segments.length; i += 3) byIndex.push(i);
  byIndex.sort((a, b) => segments[a]! - segments[b]!);
  issues.length = start;
  for (const i of byIndex) for (let at = segments[i + 1]!; at < segments[i + 2]!; at++) issues.push(reported[at - start]!);
}

function reportUnknown(names: readonly string[], here: Place): void {
  knownKeys ??= allKeys();
  for (const name of names) {
    const suggestion = suggestKey(name, knownKeys);
    report('unknown_key', here, name, suggestion ? { key: name, suggestion } : { key: name });
  }
}

const scalar = /*@__PURE__*/ primitives('string|number|boolean', isString, isFinite, isBoolean);
const stringOrNumber = /*@__PURE__*/ primitives('string|number', isString, isFinite);
const numberOrString = /*@__PURE__*/ primitives('number|string', isFinite, isString);

const readCondition: Reader = (value, parent, key) => condition(value, parent, key);
const conditionShape: Record<string, Reader> = {
  field: string,
  equals: scalar,
  notEquals: scalar,
  in: /*@__PURE__*/ arrayOf(stringOrNumber),
  notIn: /*@__PURE__*/ arrayOf(stringOrNumber),
  gt: numberOrString,
  gte: numberOrString,
  lt: numberOrString,
  lte: numberOrString,
  contains: string,
  filled: boolean,
  within: /*@__PURE__*/ arrayOf(string),
  all: /*@__PURE__*/ arrayOf(readCondition),
  any: /*@__PURE__*/ arrayOf(readCondition),
  not: readCondition,
};
const condition: Reader = /*@__PURE__*/ strictObject(conditionShape, []);

const optionShape: Record<string, Reader> = { value: string, label: text };
const options = /*@__PURE__*/ arrayOf(/*@__PURE__*/ strictObject(optionShape, ['value']), 1);
const readTreeOption: Reader = (value, parent, key) => treeOption(value, parent, key);
const treeOptionShape: Record<string, Reader> = { value: string, label: text, children: /*@__PURE__*/ arrayOf(readTreeOption, 1) };
const treeOption: Reader = /*@__PURE__*/ strictObject(treeOptionShape, ['value']);
const tree = /*@__PURE__*/ arrayOf(treeOption, 1);
const patterns = { fieldName: fieldNamePattern, country: countryPattern };

/** The reader of a value of the table (`field-types.ts`), as `valueSchema` of form-schema.ts builds zod's. */
function readerOf(spec: ValueSpec): Reader {
  switch (spec.kind) {
    case 'string':
      if (spec.oneOf) return enumOf(...spec.oneOf);
      if (spec.pattern) return matching(patterns[spec.pattern]);
      return spec.minLength ? nonEmptyString : string;
    case 'number':
      return spec.gt === undefined ? finite : positive;
    case 'int':
      return int(spec.min, spec.max);
    case 'boolean':
      return boolean;
    case 'text':
      return text;
    case 'condition':
      return condition;
    case 'messages':
      return messages;
    case 'options':
      return options;
    case 'tree':
      return tree;
    case 'list':
      return arrayOf(readerOf(spec.of), spec.minLength);
  }
}

/** The shape of each field type (its keys in the table's order, `type` its literal), and its required keys. */
function fieldReaders(): { readonly shapes: Readonly<Record<string, Record<string, Reader>>>; readonly readers: Readonly<Record<string, Reader>> } {
  const shapes: Record<string, Record<string, Reader>> = {};
  const readers: Record<string, Reader> = {};
  for (const type of fieldTypes) {
    const shape: Record<string, Reader> = {};
    const required: string[] = [];
    for (const [key, spec] of Object.entries(keysOf(type))) {
      shape[key] = key === 'type' ? enumOf(type) : readerOf(spec);
      if (spec.required) required.push(key);
    }
    shapes[type] = shape;
    readers[type] = strictObject(shape, required);
  }
  return { shapes, readers };
}
const { shapes: fieldShapes, readers: fields } = /*@__PURE__*/ fieldReaders();

/** `z.discriminatedUnion('type', …)`: the field's type picks its reader. */
const anyField: Reader = (value, parent, key) => {
  if (!isObject(value)) return wrongType('object', value, parent, key);
  const type = value['type'];
  if (typeof type === 'string' && Object.hasOwn(fields, type)) return fields[type]!(value, parent, key);
  const here: Place = { parent, key };
  if (type === undefined) return report('missing_key', here, 'type', { key: 'type' });
  if (typeof type !== 'string') return report('invalid_type', here, 'type', { expected: 'string', received: kindOf(type) });
  return report('unknown_field_type', here, 'type', { received: type, allowed: fieldTypes.join(', ') });
};

const stepShape: Record<string, Reader> = {
  id: /*@__PURE__*/ matching(formIdPattern),
  title: text,
  description: text,
  fields: /*@__PURE__*/ arrayOf(string, 1),
};

const tagShape: Record<string, Reader> = { tag: nonEmptyString, when: condition };

const submitShape: Record<string, Reader> = {
  url: string,
  format: /*@__PURE__*/ enumOf('json', 'text', 'form'),
  headers,
  timeoutMs: /*@__PURE__*/ int(1, 120_000),
  retries: /*@__PURE__*/ int(1, 10),
};

const formShape: Record<string, Reader> = {
  $schema: string,
  id: /*@__PURE__*/ matching(formIdPattern),
  version: numberOrString,
  locale: /*@__PURE__*/ matching(localePattern),
  title: text,
  description: text,
  fields: /*@__PURE__*/ arrayOf(anyField, 1),
  steps: /*@__PURE__*/ arrayOf(/*@__PURE__*/ strictObject(stepShape, ['id', 'fields']), 1),
  tags: /*@__PURE__*/ arrayOf(/*@__PURE__*/ strictObject(tagShape, ['tag', 'when'])),
  dedupe: /*@__PURE__*/ arrayOf(string, 1),
  submit: /*@__PURE__*/ strictObject(submitShape, ['url']),
};

const formObject: Reader = /*@__PURE__*/ strictObject(formShape, ['id', 'fields']);

function allKeys(): Set<string> {
  return new Set(
    [formShape, ...Object.values(fieldShapes), conditionShape, optionShape, treeOptionShape, tagShape, submitShape].flatMap((shape) => Object.keys(shape)),
  );
}
