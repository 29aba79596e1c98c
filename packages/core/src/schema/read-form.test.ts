import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateForm } from '../../bench/generate-form.js';
import contact from '../../presets/contact.json' with { type: 'json' };
import crmLead from '../../presets/crm-lead.json' with { type: 'json' };
import { keysOf } from './field-types.js';
import { formSchemas } from './form-schema.js';
import type { RawSchemaIssue } from './raw-issue.js';
import { readForm } from './read-form.js';
import { fieldTypes } from './types.js';
import { fromZodIssues } from './zod-issues.js';

type Json = Record<string, unknown>;

/** What a reading gives: the parsed form (as JSON text, key order included, and as a value) or the issues. */
type Reading = { ok: true; json: string; value: unknown } | { ok: false; issues: readonly RawSchemaIssue[] };

let zodKeys: string[] | undefined;

/** Every key of zod's shapes, in their order: the "did you mean" candidates zod's path used. */
function allZodKeys(): string[] {
  const { formSchema, fieldSchemas, conditionSchema } = formSchemas();
  zodKeys ??= [
    ...new Set([
      ...Object.keys(formSchema.def.shape),
      ...Object.values(fieldSchemas).flatMap((schema) => Object.keys(schema.def.shape)),
      ...Object.keys((conditionSchema as unknown as typeof formSchema).def.shape),
      'value',
      'tag',
      'when',
      'url',
      'format',
      'headers',
      'timeoutMs',
      'retries',
    ]),
  ];
  return zodKeys;
}

/** The oracle: zod, the definition of the format, and `fromZodIssues`, as `parseForm` used them. */
function viaZod(input: unknown): Reading {
  const result = formSchemas().formSchema.safeParse(input);
  if (result.success) return { ok: true, json: JSON.stringify(result.data), value: result.data };
  return { ok: false, issues: fromZodIssues(result.error.issues, input, allZodKeys) };
}

function viaReader(input: unknown): Reading {
  const result = readForm(input);
  return result.ok ? { ok: true, json: JSON.stringify(result.form), value: result.form } : { ok: false, issues: result.issues };
}

/**
 * Reads the input both ways and expects the same result: the same form (key order and keys holding
 * `undefined` included) or the same issues in the same order. Returns whether it was accepted.
 */
function expectSame(input: unknown, label = ''): boolean {
  const zod = viaZod(input);
  const reader = viaReader(input);
  expect(reader, label).toStrictEqual(zod);
  return zod.ok;
}

const anyCondition = { not: { any: [{ field: 'n', gt: 1 }, { all: [{ field: 'a', in: ['x', 1] }] }] } };
const base = { label: { en: 'L' }, help: 'H', placeholder: 'P', required: false, requiredWhen: { field: 'a', filled: true }, visibleWhen: anyCondition, prefill: 'q', autocomplete: 'on' };
const choices = [{ value: 'x' }, { value: 'y', label: 'Y' }];

/** A form with every key of every object kind present. */
const kitchenSink: Json = {
  $schema: './form.schema.json',
  id: 'sink',
  version: 1,
  locale: 'en',
  title: { en: 'T' },
  description: 'D',
  fields: [
    { type: 'text', name: 'a', ...base, default: 'x', minLength: 0, maxLength: 9, pattern: 'x+' },
    { type: 'textarea', name: 'b', default: 'b', minLength: 1, maxLength: 9, rows: 3 },
    { type: 'email', name: 'e', default: 'a@b.co' },
    { type: 'phone', name: 'p', default: '', defaultCountry: 'CN', countries: ['CN', 'US'] },
    { type: 'number', name: 'n', default: 1, min: -1, max: 2, step: 0.5, integer: false },
    { type: 'date', name: 'd', default: '2024-01-01', min: '2020-01-01', max: '2030-01-01' },
    { type: 'select', name: 's', default: 'x', options: choices },
    { type: 'radio', name: 'r', default: 'y', options: choices },
    { type: 'checkboxes', name: 'c', default: ['x'], options: choices, minSelected: 0, maxSelected: 2 },
    { type: 'boolean', name: 'z', default: false },
    { type: 'consent', name: 'k', default: false, version: '1' },
    { type: 'hidden', name: 'h', default: '' },
    { type: 'text', name: 'conditions', visibleWhen: { all: [{ field: 'a', equals: 'x' }, { field: 'n', notEquals: 2 }, { field: 's', notIn: ['y'] }, { field: 'd', gte: '2020-01-01' }, { field: 'n', lt: 3 }, { field: 'n', lte: 3 }, { field: 'c', contains: 'x' }] } },
  ],
  steps: [{ id: 's1', title: 'One', description: { en: 'D' }, fields: ['a', 'b'] }],
  tags: [{ tag: 't', when: { field: 'c', contains: 'x' } }],
  dedupe: ['a'],
  submit: { url: 'https://example.com', format: 'json', headers: { 'x-key': 'v' }, timeoutMs: 1000, retries: 3 },
};

/** Values at the edges of what each key accepts. */
const edgeValues: unknown[] = [
  undefined, '', 'x', 'CN', 'cn', 'C', 'en', 'zh-CN', 'a b', '1a', '_a', 'https://x', '2020-01-01', 'json', 'form', 'xml', 'text', 'select',
  0, -0, 1, -1, 1.5, 2, 10, 11, 50, 51, 120_000, 120_001, 2 ** 53 - 1, 2 ** 53, true, false, null,
  [], [''], ['x'], ['x', 'y'], [1], [1.5], [true], [null], ['CN'], ['cn'], [{ value: 'v' }], [{ value: '' }], [{ value: 1 }], [{ field: 'a', filled: true }], [[]],
  {}, { en: 'E' }, { en: 'E', 'zh-Hant-TW': 'Z' }, { e: 'x' }, { 'en-': 'x' }, { en: 1 }, { en: null }, { field: 'a', equals: 'x' }, { field: 'a', in: [true] },
  { all: [] }, { not: { field: 'a', filled: false } }, { value: 'v', label: 'L' }, { url: 'https://x' }, { tag: 't', when: { field: 'a', filled: true } },
];

const valid: Json[] = [
  kitchenSink,
  crmLead as Json,
  contact as Json,
  generateForm(200).json as unknown as Json,
  generateForm(60, 7).json as unknown as Json,
  {
    id: 'all',
    version: '2',
    locale: 'zh-CN',
    title: 'T',
    fields: [
      { type: 'text', name: 'a', minLength: 0, maxLength: 3, pattern: 'x+', default: 'xx', prefill: 'a', autocomplete: 'name' },
      { type: 'textarea', name: 'b', rows: 50, label: { en: 'B', 'zh-Hant-TW': '乙' } },
      { type: 'number', name: 'n', min: -1.5, max: 2, step: 0.5, integer: false, default: -1 },
      { type: 'phone', name: 'p', defaultCountry: 'CN', countries: ['CN', 'US'] },
      { type: 'checkboxes', name: 'c', options: [{ value: 'x' }, { value: 'y', label: 'Y' }], minSelected: 0, maxSelected: 1, default: [] },
      { type: 'consent', name: 'k', version: '1', required: true },
      { type: 'hidden', name: 'h', default: '' },
      { type: 'date', name: 'd', min: '2020-01-01', max: '2030-01-01' },
      { type: 'boolean', name: 'z', default: false, visibleWhen: { not: { any: [{ field: 'n', gt: 1 }, { all: [{ field: 'a', in: ['x', 1] }] }] } } },
    ],
    steps: [{ id: 's1', title: { en: 'One' }, fields: ['a'] }],
    tags: [{ tag: 't', when: { field: 'c', contains: 'x' } }],
    dedupe: ['a'],
    submit: { url: 'https://example.com', format: 'form', headers: { 'x-key': 'v' }, timeoutMs: 120000, retries: 10 },
  },
];

/** The valid forms small enough to mutate thousands of times. */
const small = valid.filter((form) => (form['fields'] as unknown[]).length <= 60);

/** Every path to a value inside a JSON document. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

const interesting = fc.constantFrom<unknown>(
  '', 'x', 'CN', 'cn', 'en', 'zh-CN', 'a b', 'https://x', '2020-01-01', '[', 'json', 'yaml', 'text', 'phone', 'hidden',
  0, -0, 1, -1, 1.5, 50, 51, 120001, 2 ** 53, -(2 ** 53), true, false, null,
  [], [''], ['x'], [1], ['CN'], [{ value: 'v' }], [{ field: 'a', filled: true }], {}, { en: 'E' }, { EN: 'E', 'zh-CN': 'Z' }, { en: 1 }, { 'e-': 'x' },
  { field: 'a', equals: 'x' }, { all: [] }, { not: { field: 'a', filled: false } }, { value: 'v', label: 'L' }, { url: 'https://x' },
);
/** Every key of every field type, from the table (`field-types.ts`), in its order. */
const fieldKeys = [...new Set(fieldTypes.flatMap((type) => Object.keys(keysOf(type))))];
const keys = fc.constantFrom(
  ...fieldKeys, 'value', 'field', 'equals', 'in', 'all', 'any', 'not', 'filled', 'contains', 'id', 'fields', 'steps', 'tags',
  'dedupe', 'submit', 'url', 'format', 'headers', 'timeoutMs', 'retries', 'title', 'description', 'locale', '$schema', 'tag', 'when', 'en',
  'zh-CN', 'x', 'requierd', '__proto__', 'constructor',
);
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'delete', 'add', 'reverse'),
  key: keys,
  value: fc.oneof(interesting, fc.jsonValue({ maxDepth: 2 })),
});

function mutate(form: Json, mutations: readonly { at: number; kind: string; key: string; value: unknown }[]): Json {
  const copy = JSON.parse(JSON.stringify(form)) as Json;
  for (const { at, kind, key, value } of mutations) {
    const paths = pathsOf(copy).filter((path) => path.length > 0);
    const path = paths[at % paths.length]!;
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Json)[step as string];
    const last = path[path.length - 1]!;
    const target = parent as Json;
    if (kind === 'delete') {
      if (Array.isArray(target)) target.splice(last as number, 1);
      else delete target[last as string];
    } else if (kind === 'reverse') {
      // The keys of an object in the opposite order: zod reports and outputs in shape order.
      const item = target[last as string];
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        target[last as string] = Object.fromEntries(Object.entries(item).reverse());
      }
    } else if (kind === 'add' && !Array.isArray(target)) {
      target[key] = structuredClone(value);
    } else {
      // A copy: the generated values (the constants above among them) are shared between runs, and
      // a later mutation writing into an inserted object in place could make it contain itself.
      target[last as string] = structuredClone(value);
    }
  }
  // Through JSON, as a page gives it (own `__proto__` keys included).
  return JSON.parse(JSON.stringify(copy)) as Json;
}

/** Values that are not JSON: what a page's own code may hand to `parseForm`. */
class Instance {
  id = 'x';
  fields = [{ type: 'text', name: 'a' }];
}
const unusual = fc.constantFrom<unknown>(
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Object.assign(Object.create(null) as Json, { en: 'E' }),
  Object.assign(Object.create(null) as Json, { type: 'text', name: 'n' }),
  Object.assign(Object.create(null) as Json, { field: 'a', filled: true }),
  new Instance(),
  { length: 0 },
  { length: 2 },
  { length: '0' },
  { length: null },
  new Date(0),
  new Map([['en', 'E']]),
  Object.assign(Object.create({ inherited: 'x' }) as Json, { en: 'E' }),
  Object.assign(Object.create({ label: 'L' }) as Json, { type: 'text', name: 'n' }),
  { constructor: 'x', en: 'E' },
  JSON.parse('{"__proto__":"p","en":"E"}'),
  JSON.parse('{"__proto__":{"en":"E"},"value":"v"}'),
  // A hole in an array.
  [, 'x'],
);

/**
 * Sets values at paths of a valid form without a trip through JSON, so unusual values stay. The
 * values come from shared constants: later mutations never reach inside them.
 */
function mutateInPlace(form: Json, mutations: readonly { at: number; kind: string; key: string; value: unknown }[]): Json {
  const copy = structuredClone(form);
  const inserted = new WeakSet<object>();
  const pathsIn = (value: unknown, path: (string | number)[], out: (string | number)[][]): void => {
    out.push(path);
    if (value === null || typeof value !== 'object' || inserted.has(value)) return;
    if (Array.isArray(value)) value.forEach((item, i) => pathsIn(item, [...path, i], out));
    else for (const [key, item] of Object.entries(value)) pathsIn(item, [...path, key], out);
  };
  for (const { at, kind, key, value } of mutations) {
    const paths: (string | number)[][] = [];
    pathsIn(copy, [], paths);
    const candidates = paths.filter((path) => path.length > 0);
    const path = candidates[at % candidates.length]!;
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Json)[step as string];
    const target = parent as Json;
    if (kind === 'add' && !Array.isArray(target)) target[key] = value;
    else target[path[path.length - 1] as string] = value;
    if (value !== null && typeof value === 'object') inserted.add(value);
  }
  return copy;
}

describe('readForm', () => {
  it('reads valid forms exactly as zod does, key order included', () => {
    const generated = [1, 2, 3, 4, 5].map((seed) => generateForm(40, seed).json as unknown as Json);
    for (const form of [...valid, ...generated]) {
      const zod = viaZod(form);
      expect(zod.ok, JSON.stringify(zod)).toBe(true);
      expectSame(form);
      // Fresh objects, as zod returns: the caller's object is never shared.
      const read = readForm(form);
      if (!read.ok) throw new Error('expected the form to be read');
      expect(read.form).not.toBe(form);
      expect(read.form.fields[0]).not.toBe((form as { fields: unknown[] }).fields[0]);
    }
  });

  it('agrees with zod, issues included, on every key of every kind of object set to each edge value, or removed', () => {
    let accepted = 0;
    let checked = 0;
    const codes = new Set<string>();
    for (const path of pathsOf(kitchenSink).filter((p) => p.length > 0)) {
      const copy = structuredClone(kitchenSink);
      let parent: unknown = copy;
      for (const step of path.slice(0, -1)) parent = (parent as Json)[step as string];
      const last = path[path.length - 1]!;
      const target = parent as Json;
      const original = target[last as string];
      for (const value of [...edgeValues, 'remove']) {
        if (value === 'remove') {
          if (Array.isArray(target)) target.splice(last as number, 1);
          else delete target[last as string];
        } else {
          target[last as string] = value;
        }
        checked += 1;
        if (expectSame(copy, `${path.join('.')} = ${JSON.stringify(value)}`)) accepted += 1;
        const read = readForm(copy);
        if (!read.ok) for (const issue of read.issues) codes.add(issue.code);
        if (value === 'remove' && Array.isArray(target)) target.splice(last as number, 0, original);
        else target[last as string] = original;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(500);
    // Every kind of structural issue came up and was compared.
    for (const code of ['missing_key', 'unknown_key', 'invalid_type', 'unknown_field_type', 'invalid_value', 'invalid_form_id', 'invalid_field_name', 'invalid_locale', 'empty', 'too_small_value', 'too_big_value']) {
      expect(codes, code).toContain(code);
    }
  });

  it('agrees with zod, issues included, on thousands of mutations of valid forms', () => {
    let accepted = 0;
    let suggestions = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const input = mutate(small[which]!, mutations);
        if (expectSame(input)) accepted += 1;
        const read = readForm(input);
        if (!read.ok && read.issues.some((issue) => issue.params?.['suggestion'] !== undefined)) suggestions += 1;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // the mutations also produce valid forms
    expect(suggestions).toBeGreaterThan(30); // and misspelt keys with a "did you mean"
  });

  it('suggests the same key as zod for a misspelling of every key, in every kind of object', () => {
    const misspell = (key: string) => [key.slice(1), `${key}s`, key.toUpperCase(), key.length > 2 ? key[1]! + key[0]! + key.slice(2) : `_${key}`];
    const where: ((form: Json) => Json)[] = [
      (form) => form,
      (form) => (form['fields'] as Json[])[0]!,
      (form) => (form['fields'] as Json[])[0]!['visibleWhen'] as Json,
      (form) => ((form['fields'] as Json[])[1]!['options'] as Json[])[0]!,
      (form) => (form['steps'] as Json[])[0]!,
      (form) => form['submit'] as Json,
    ];
    const base: Json = {
      id: 'x',
      fields: [{ type: 'text', name: 'a', visibleWhen: { field: 'b', filled: true } }, { type: 'select', name: 'b', options: [{ value: 'v' }] }],
      steps: [{ id: 's', fields: ['a', 'b'] }],
      submit: { url: 'https://example.com' },
    };
    let suggested = 0;
    for (const key of allZodKeys()) {
      for (const typo of misspell(key)) {
        for (const at of where) {
          const form = structuredClone(base);
          at(form)[typo] = 'x';
          expectSame(form, `${typo} in ${JSON.stringify(at(form))}`);
          const read = readForm(form);
          if (!read.ok && read.issues.some((issue) => issue.params?.['suggestion'] !== undefined)) suggested += 1;
        }
      }
    }
    expect(suggested).toBeGreaterThan(500);
  });

  it('agrees with zod on mutations that put values no JSON holds into a form', () => {
    const value = fc.oneof(
      unusual,
      interesting,
      fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withDate: true, withMap: true, maxDepth: 2 }),
    );
    const unusualMutation = fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'add'), key: keys, value });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length - 1 }), fc.array(unusualMutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        expectSame(mutateInPlace(small[which]!, mutations));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads unusual input as zod does', () => {
    const base = { id: 'x', fields: [{ type: 'text', name: 'a' }] };
    const cases: unknown[] = [
      { ...base, title: undefined },
      { ...base, fields: [{ type: 'text', name: 'a', label: undefined }] },
      { ...base, fields: [Object.assign(Object.create(null) as Json, { type: 'text', name: 'a' })] },
      { ...base, title: Object.assign(Object.create(null) as Json, { en: 'T' }) },
      JSON.parse('{"id":"x","title":{"__proto__":"p","en":"T"},"fields":[{"type":"text","name":"a"}]}'),
      JSON.parse('{"id":"x","__proto__":{},"fields":[{"type":"text","name":"a","__proto__":1}]}'),
      { ...base, submit: { url: 'https://x', headers: JSON.parse('{"__proto__":"p","a":"b"}') as Json } },
      { ...base, title: { en: 'T', [Symbol('s')]: 'S' } },
      { ...base, title: { en: undefined } },
      { ...base, fields: '' },
      { ...base, fields: { length: 0 } },
      { ...base, steps: 'ab' },
      { ...base, tags: [{ tag: [], when: { field: 'a', filled: true } }] },
      { ...base, fields: [{ type: 'textarea', name: 'a', rows: 2 ** 53 }] },
      { ...base, fields: [{ type: 'checkboxes', name: 'a', options: [{ value: 'x' }], minSelected: -(2 ** 53) }] },
      { ...base, version: Number.NaN },
      new Instance(),
      undefined,
      null,
      [],
      'form',
    ];
    let rejected = 0;
    for (const input of cases) if (!expectSame(input, String(cases.indexOf(input)))) rejected += 1;
    expect(rejected).toBeGreaterThan(10);
    // zod keeps a key that holds `undefined` (JSON.stringify hides it; toStrictEqual above does not).
    const read = readForm({ ...base, title: undefined });
    expect(read.ok && Object.hasOwn(read.form, 'title')).toBe(true);
  });

  it('throws only when the input does, as zod does', () => {
    const throwing = {
      id: 'x',
      get fields(): unknown {
        throw new Error('boom');
      },
    };
    expect(() => formSchemas().formSchema.safeParse(throwing)).toThrow('boom');
    expect(() => readForm(throwing)).toThrow('boom');
    // A reading after a throw starts afresh.
    expect(readForm({ id: 'x', fields: [{ type: 'text', name: 'a' }] }).ok).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true })), (value) => {
        expectSame(value);
      }),
      { numRuns: 1000 },
    );
  });
});
