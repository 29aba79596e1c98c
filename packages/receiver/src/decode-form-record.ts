import type { Field, Form } from '@intake/core';

type Json = Record<string, unknown>;

const decimal = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Sets an own property, even for names like `__proto__`, so no key can reach a prototype. */
function define(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function child(target: Json, key: string): Json {
  const existing = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
  if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) return existing as Json;
  const created: Json = {};
  define(target, key, created);
  return created;
}

/** One value per key; a repeated key becomes an array, which validation then reports. */
function scalar(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0]! : values;
}

function toNumber(values: readonly string[]): unknown {
  const value = scalar(values);
  return typeof value === 'string' && decimal.test(value) ? Number(value) : value;
}

function toBoolean(values: readonly string[]): unknown {
  const value = scalar(values);
  return value === 'true' ? true : value === 'false' ? false : value;
}

function dataValue(field: Field | undefined, values: readonly string[]): unknown {
  switch (field?.type) {
    case 'number':
      return toNumber(values);
    case 'boolean':
    case 'consent':
      return toBoolean(values);
    case 'checkboxes':
      return [...values];
    default:
      return scalar(values);
  }
}

function setPath(target: Json, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = child(node, key);
  define(node, path[path.length - 1]!, value);
}

/**
 * Rebuilds a record sent in the `form` format (`application/x-www-form-urlencoded`, docs/delivery.md), the
 * inverse of `encodeRecord(record, 'form')` from `@intake/core`: nested keys joined with dots,
 * repeated keys for arrays of scalars (`tags`, checkboxes), indices for arrays of objects
 * (`consents.0.version`). Values are typed by the form: `data.<name>` by its field type (number,
 * `true`/`false` for boolean and consent, an array for checkboxes, a string otherwise),
 * `context.fillMs` as a number, an empty `dedupeKey` as `null`; empty arrays and objects, which
 * the format cannot carry, come back empty.
 *
 * Never throws: whatever does not fit (an unknown key, a repeated scalar, a number that is not
 * one) is kept as it came, so `validateRecord` reports it with its path.
 *
 * @example
 * decodeFormRecord(form, new URLSearchParams('data.interests=demo&data.interests=pricing')).data;
 * // { interests: ['demo', 'pricing'] }
 */
export function decodeFormRecord(form: Form, params: URLSearchParams): Json {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    const values = grouped.get(key);
    if (values) values.push(value);
    else grouped.set(key, [value]);
  }
  const fields = new Map(form.fields.map((field) => [field.name, field]));
  const record: Json = {};
  const data: Json = {};
  const context: Json = {};
  const utm: Json = {};
  const consents: Json[] = [];
  const consentKeys = /^consents\.(\d{1,3})\.([^.]+)$/;
  const rest: [string, readonly string[]][] = [];

  for (const [key, values] of grouped) {
    const [head = '', ...tail] = key.split('.');
    const consent = consentKeys.exec(key);
    if (key === 'id' || key === 'submittedAt' || key === 'locale') {
      define(record, key, scalar(values));
    } else if (key === 'tags') {
      define(record, 'tags', [...values]);
    } else if (key === 'dedupeKey') {
      const value = scalar(values);
      define(record, 'dedupeKey', value === '' ? null : value);
    } else if (key === 'form.id') {
      child(record, 'form')['id'] = scalar(values);
    } else if (key === 'form.version') {
      child(record, 'form')['version'] = typeof form.version === 'number' ? toNumber(values) : scalar(values);
    } else if (head === 'data' && tail.length === 2 && fields.get(tail[0]!)?.type === 'region') {
      // A region's record value is an object: `data.address.code`, `data.address.province`, …
      define(child(data, tail[0]!), tail[1]!, scalar(values));
    } else if (head === 'data' && tail.length > 0) {
      const name = tail.join('.');
      define(data, name, dataValue(fields.get(name), values));
    } else if (key === 'context.fillMs') {
      context['fillMs'] = toNumber(values);
    } else if (head === 'context' && tail[0] === 'utm' && tail.length === 2) {
      define(utm, tail[1]!, scalar(values));
    } else if (head === 'context' && tail.length > 0 && tail[0] !== 'utm') {
      setPath(context, tail, scalar(values));
    } else if (consent && Number(consent[1]) < grouped.size) {
      const index = Number(consent[1]);
      consents[index] ??= {};
      define(consents[index], consent[2]!, scalar(values));
    } else {
      rest.push([key, values]);
    }
  }
  // Holes (consents.0 and consents.2 without consents.1) stay as `undefined`, which validation reports.
  const filled = Array.from({ length: consents.length }, (_, index) => consents[index]);
  record['form'] = child(record, 'form');
  record['data'] = data;
  record['tags'] ??= [];
  record['consents'] = filled;
  context['utm'] = utm;
  record['context'] = context;
  for (const [key, values] of rest) setPath(record, key.split('.'), scalar(values));
  return record;
}
