import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateForm } from '../../bench/generate-form.js';
import contact from '../../presets/contact.json' with { type: 'json' };
import crmLead from '../../presets/crm-lead.json' with { type: 'json' };
import { formSchemas } from './form-schema.js';
import { readForm } from './read-form.js';

type Json = Record<string, unknown>;

/** What zod makes of the input: its data as JSON text (key order included), or undefined. */
function viaZod(input: unknown): string | undefined {
  const result = formSchemas().formSchema.safeParse(input);
  return result.success ? JSON.stringify(result.data) : undefined;
}

function viaReader(input: unknown): string | undefined {
  const form = readForm(input);
  return form === undefined ? undefined : JSON.stringify(form);
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
const keys = fc.constantFrom(
  'type', 'name', 'label', 'help', 'placeholder', 'required', 'requiredWhen', 'visibleWhen', 'default', 'prefill', 'autocomplete',
  'minLength', 'maxLength', 'pattern', 'rows', 'defaultCountry', 'countries', 'min', 'max', 'step', 'integer', 'options', 'minSelected',
  'maxSelected', 'version', 'value', 'field', 'equals', 'in', 'all', 'any', 'not', 'filled', 'contains', 'id', 'fields', 'steps', 'tags',
  'dedupe', 'submit', 'url', 'format', 'headers', 'timeoutMs', 'retries', 'title', 'description', 'locale', '$schema', 'tag', 'when', 'en',
  'zh-CN', 'x', 'requierd', '__proto__', 'constructor',
);
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'delete', 'add'),
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
    } else if (kind === 'add' && !Array.isArray(target)) {
      target[key] = value;
    } else {
      target[last as string] = value;
    }
  }
  // Through JSON, as a page gives it (own `__proto__` keys included).
  return JSON.parse(JSON.stringify(copy)) as Json;
}

describe('readForm', () => {
  it('reads valid forms exactly as zod does, key order included', () => {
    for (const form of valid) {
      expect(viaZod(form), JSON.stringify(formSchemas().formSchema.safeParse(form).error?.issues)).toBeDefined();
      expect(viaReader(form)).toBe(viaZod(form));
      // Fresh objects, as zod returns: the caller's object is never shared.
      const read = readForm(form)!;
      expect(read).not.toBe(form);
      expect(read.fields[0]).not.toBe((form as { fields: unknown[] }).fields[0]);
    }
  });

  it('agrees with zod on every key of every kind of object set to each edge value, or removed', () => {
    let accepted = 0;
    let checked = 0;
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
        const input = copy;
        const zod = viaZod(input);
        const reader = viaReader(input);
        checked += 1;
        if (zod !== undefined) accepted += 1;
        if (value === undefined) expect(reader === undefined || reader === zod, `${path.join('.')} = undefined`).toBe(true);
        else expect(reader, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(zod);
        if (value === 'remove' && Array.isArray(target)) target.splice(last as number, 0, original);
        else target[last as string] = original;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(500);
  });

  it('agrees with zod on mutations of valid forms', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: small.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const input = mutate(small[which]!, mutations);
        const zod = viaZod(input);
        if (zod !== undefined) accepted += 1;
        expect(viaReader(input)).toBe(zod);
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(100); // the mutations also produce valid forms
  });

  it('leaves unusual input to zod', () => {
    const base = { id: 'x', fields: [{ type: 'text', name: 'a' }] };
    const cases: unknown[] = [
      { ...base, title: undefined },
      { ...base, fields: [{ type: 'text', name: 'a', label: undefined }] },
      { ...base, fields: [Object.assign(Object.create(null) as Json, { type: 'text', name: 'a' })] },
      { ...base, title: Object.assign(Object.create(null) as Json, { en: 'T' }) },
      JSON.parse('{"id":"x","title":{"__proto__":"p","en":"T"},"fields":[{"type":"text","name":"a"}]}'),
      { ...base, title: { en: 'T', [Symbol('s')]: 'S' } },
      new (class {
        id = 'x';
        fields = [{ type: 'text', name: 'a' }];
      })(),
    ];
    for (const input of cases) {
      expect(readForm(input)).toBeUndefined();
      expect(readForm({ ...base })).toEqual(base);
    }
  });

  it('never throws', () => {
    const throwing = { id: 'x', get fields(): unknown {
      throw new Error('boom');
    } };
    expect(readForm(throwing)).toBeUndefined();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(viaReader(value)).toBe(viaZod(value));
      }),
      { numRuns: 500 },
    );
  });
});
