// The shipped JSON Schema (`@intake/core/form.schema.json`) judged by ajv, a validator nobody here
// wrote: every form the docs and presets call valid passes it, and on forms that are broken in the
// structure of one field or key (not in a rule across fields, which JSON Schema cannot say) ajv and
// parseForm agree. See docs/schema.md#the-json-schema-for-editors.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseForm } from '@intake/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { codeBlocks, readDoc, root } from './docs-markdown.js';

const schema = JSON.parse(await readFile(resolve(root, 'packages/core/form.schema.json'), 'utf8'));
// Strict mode: an unknown keyword, a union type, a required key not defined beside it... throws.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** A valid base form to break one piece at a time. */
const base = () => ({
  id: 'probe',
  title: 'Probe',
  fields: [
    { name: 'name', type: 'text', label: 'Name', required: true, maxLength: 80 },
    { name: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
    { name: 'phone', type: 'phone', label: 'Phone', defaultCountry: 'CN', countries: ['CN', 'US'] },
    { name: 'size', type: 'select', label: 'Size', options: [{ value: 's', label: 'S' }, { value: 'm', label: 'M' }] },
    { name: 'topics', type: 'checkboxes', label: 'Topics', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], minSelected: 1, maxSelected: 2 },
    { name: 'visit', type: 'date', label: 'Visit' },
    { name: 'seats', type: 'number', label: 'Seats', min: 1, max: 10 },
    { name: 'agree', type: 'consent', label: 'I agree', required: true },
  ],
  submit: { url: 'https://example.com/hook' },
});

type Mutation = [what: string, mutate: (form: ReturnType<typeof base>) => void];
const mutations: Mutation[] = [
  ['an unknown top-level key', (f) => Object.assign(f, { titel: 'x' })],
  ['an unknown field key', (f) => Object.assign(f.fields[0]!, { maxLenght: 3 })],
  ['an unknown field type', (f) => Object.assign(f.fields[0]!, { type: 'telephone' })],
  ['a field without a name', (f) => delete (f.fields[0] as { name?: string }).name],
  ['a number where a string belongs', (f) => Object.assign(f.fields[0]!, { label: 7 })],
  ['a string where a number belongs', (f) => Object.assign(f.fields[6]!, { min: '1' })],
  ['a fractional maxLength', (f) => Object.assign(f.fields[0]!, { maxLength: 1.5 })],
  ['a choice without options', (f) => delete (f.fields[3] as { options?: unknown }).options],
  ['an option without a value', (f) => Object.assign(f.fields[3]!, { options: [{ label: 'S' }] })],
  ['minSelected on a select', (f) => Object.assign(f.fields[3]!, { minSelected: 1 })],
  ['a negative minSelected', (f) => Object.assign(f.fields[4]!, { minSelected: -1 })],
  ['countries not a list', (f) => Object.assign(f.fields[2]!, { countries: 'CN' })],
  ['fields not a list', (f) => Object.assign(f, { fields: {} })],
  ['a form id with a space', (f) => Object.assign(f, { id: 'a b' })],
  ['submit without a url', (f) => Object.assign(f, { submit: {} })],
  ['an empty condition', (f) => Object.assign(f.fields[1]!, { visibleWhen: {} })],
  ['a condition without an operator', (f) => Object.assign(f.fields[1]!, { visibleWhen: { field: 'name' } })],
  ['a condition with two operators', (f) => Object.assign(f.fields[1]!, { visibleWhen: { field: 'name', filled: true, equals: 'x' } })],
  ['a comparison with a group', (f) => Object.assign(f.fields[1]!, { visibleWhen: { field: 'name', filled: true, all: [] } })],
  ['two groups in one condition', (f) => Object.assign(f.fields[1]!, { visibleWhen: { all: [], any: [] } })],
  ['an operator without a field', (f) => Object.assign(f.fields[1]!, { visibleWhen: { not: { filled: true } } })],
  ['a bad condition deep in a tag', (f) => Object.assign(f, { tags: [{ tag: 't', when: { any: [{ all: [{ field: 'name' }] }] } }] })],
  ['a phone country the phone check does not know', (f) => Object.assign(f.fields[2]!, { countries: ['CN', 'ZZ'] })],
  ['a date bound that is no real day', (f) => Object.assign(f.fields[5]!, { min: '2026-02-29' })],
  ['a consent that starts agreed', (f) => Object.assign(f.fields[7]!, { default: true })],
  ['a step naming a field twice', (f) => Object.assign(f, { steps: [{ id: 's', fields: ['name', 'name'] }] })],
];

describe('form.schema.json, judged by ajv', () => {
  it('compiles in ajv strict mode, every strict option on', () => {
    const strictest = { strict: true, strictSchema: true, strictNumbers: true, strictTypes: true, strictTuples: true, strictRequired: true } as const;
    expect(() => new Ajv2020(strictest).compile(schema)).not.toThrow();
    // and strict mode is not a no-op here: a union type is refused
    expect(() => new Ajv2020(strictest).compile({ type: ['string', 'number'] })).toThrow(/union type/);
  });

  it('accepts every form of condition, alone and nested', () => {
    const form = base();
    const conditions = [
      ...['equals', 'notEquals'].map((op) => ({ field: 'name', [op]: 'x' })),
      { field: 'size', in: ['s'] },
      { field: 'size', notIn: ['s'] },
      ...['gt', 'gte', 'lt', 'lte'].map((op) => ({ field: 'seats', [op]: 3 })),
      { field: 'topics', contains: 'a' },
      { field: 'name', filled: false },
      { all: [] },
      { any: [{ field: 'name', filled: true }, { not: { all: [{ field: 'seats', gt: 1 }] } }] },
    ];
    Object.assign(form, { tags: conditions.map((when, i) => ({ tag: `t${i}`, when })) });
    expect(parseForm(form).ok).toBe(true);
    expect(validate(form), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('refuses Object.prototype members as field names and option values', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const named = base();
      Object.assign(named.fields[0]!, { name });
      expect(validate(named), name).toBe(false);
      const option = base();
      Object.assign(option.fields[3]!, { options: [{ value: name }] });
      expect(validate(option), name).toBe(false);
      const label = JSON.parse(`{"id":"p","fields":[{"type":"text","name":"a","label":{${JSON.stringify(name)}:"x"}}]}`);
      expect(validate(label), name).toBe(false);
    }
  });

  it('accepts the presets', async () => {
    for (const name of ['crm-lead', 'contact']) {
      const preset = JSON.parse(await readFile(resolve(root, `packages/core/presets/${name}.json`), 'utf8'));
      expect(validate(preset), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('accepts every form of docs/schema.md that parseForm accepts', () => {
    let checked = 0;
    for (const block of codeBlocks(readDoc('docs/schema.md')).filter((b) => b.lang === 'json')) {
      const json = JSON.parse(block.code);
      if (typeof json !== 'object' || json === null || !('fields' in json)) continue;
      if (!parseForm(json).ok) continue;
      expect(validate(json), `docs/schema.md line ${block.line}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('accepts the base form', () => {
    expect(validate(base()), ajv.errorsText(validate.errors)).toBe(true);
    expect(parseForm(base()).ok).toBe(true);
  });

  it.each(mutations)('refuses %s, as parseForm does', (_what, mutate) => {
    const form = base();
    mutate(form);
    expect(validate(form)).toBe(false);
    expect(parseForm(form).ok).toBe(false);
  });
});
