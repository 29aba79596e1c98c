import fc from 'fast-check';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import contact from '../presets/contact.json' with { type: 'json' };
import crmLead from '../presets/crm-lead.json' with { type: 'json' };
import { formatPath } from './issue.js';
import { enSchema } from './locale/schema-messages.js';
import { parseForm, type ParseFormResult } from './parse-form.js';
import { fieldTypes } from './schema/types.js';

function issuesOf(result: ParseFormResult) {
  if (result.ok) throw new Error('expected the form to be invalid');
  return result.issues.map((issue) => ({ code: issue.code, path: formatPath(issue.path), message: issue.message }));
}

function only(json: unknown, locale?: string) {
  return issuesOf(parseForm(json, locale ? { locale } : {}));
}

const form = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'test', fields, ...extra });

describe('parseForm', () => {
  it('accepts both presets', () => {
    for (const preset of [crmLead, contact]) {
      const result = parseForm(preset);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  it('accepts a minimal form and returns it', () => {
    const result = parseForm(form([{ type: 'text', name: 'a' }]));
    expect(result).toEqual({ ok: true, form: { id: 'test', fields: [{ type: 'text', name: 'a' }] } });
  });

  it('parses JSON text and reports broken JSON', () => {
    expect(parseForm(JSON.stringify(contact)).ok).toBe(true);
    const [issue] = only('{"id": ');
    expect(issue).toMatchObject({ code: 'invalid_json', path: '(root)' });
    expect(issue!.message).toMatch(/not valid JSON/);
  });

  it('requires id and a non-empty fields array', () => {
    expect(only({})).toEqual([
      expect.objectContaining({ code: 'missing_key', path: 'id', message: 'Missing required key "id"' }),
      expect.objectContaining({ code: 'missing_key', path: 'fields' }),
    ]);
    expect(only({ id: 'x', fields: [] })).toEqual([expect.objectContaining({ code: 'empty', path: 'fields' })]);
    expect(only({ id: 'bad id!', fields: [{ type: 'text', name: 'a' }] })[0]).toMatchObject({ code: 'invalid_form_id', path: 'id' });
  });

  it('names misspelt keys with a suggestion, at every level', () => {
    const issues = only({
      id: 'x',
      titel: 'Hi',
      fields: [{ type: 'text', name: 'a', requierd: true, visibleWhen: { feild: 'b', filled: true } }, { type: 'text', name: 'b' }],
    });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unknown_key', path: 'titel', message: 'Unknown key "titel" (did you mean "title"?)' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unknown_key', path: 'fields[0].requierd', message: 'Unknown key "requierd" (did you mean "required"?)' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unknown_key', path: 'fields[0].visibleWhen.feild' }));
  });

  it('allows $schema at the top level only', () => {
    expect(parseForm(form([{ type: 'text', name: 'a' }], { $schema: './form.schema.json' })).ok).toBe(true);
    expect(only(form([{ type: 'text', name: 'a', $schema: 'x' }]))[0]).toMatchObject({ code: 'unknown_key', path: 'fields[0].$schema' });
  });

  it('rejects keys that belong to another field type', () => {
    expect(only(form([{ type: 'email', name: 'e', options: [] }]))[0]).toMatchObject({ code: 'unknown_key', path: 'fields[0].options' });
  });

  it('names the allowed field types for an unknown one', () => {
    const [issue] = only(form([{ type: 'telephone', name: 'p' }]));
    expect(issue).toMatchObject({ code: 'unknown_field_type', path: 'fields[0].type' });
    for (const type of fieldTypes) expect(issue!.message).toContain(type);
    expect(only(form([{ name: 'p' }]))[0]).toMatchObject({ code: 'missing_key', path: 'fields[0].type' });
  });

  it('reports wrong value types with what was expected and found', () => {
    const issues = only(form([{ type: 'text', name: 'a', required: 'yes', label: { en: 3 }, maxLength: 1.5 }]));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'fields[0].required', message: 'Expected true or false, got a string' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'fields[0].label.en', message: 'Expected a string, got a number' }));
    expect(issues).toContainEqual(expect.objectContaining({ path: 'fields[0].maxLength' }));
  });

  it('rejects bad field names, locales and duplicate names', () => {
    const issues = only(form([{ type: 'text', name: '1st' }, { type: 'text', name: 'a', label: { english: 'A' } }, { type: 'email', name: 'a' }]));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid_field_name', path: 'fields[0].name' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid_locale' }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'duplicate_name', path: 'fields[2].name', message: 'Field name "a" is already used by fields[1]' }));
  });

  it('rejects conditions naming unknown fields, with the path of the name', () => {
    const issues = only(
      form([{ type: 'text', name: 'a', visibleWhen: { all: [{ field: 'a2', filled: true }] } }], {
        tags: [{ tag: 't', when: { not: { field: 'zz', equals: 'x' } } }],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_field', path: 'fields[0].visibleWhen.all[0].field', message: 'No field is named "a2"' }),
      expect.objectContaining({ code: 'unknown_field', path: 'tags[0].when.not.field' }),
    ]);
  });

  it('requires exactly one operator per condition', () => {
    const fields = [{ type: 'number', name: 'n' }];
    expect(only(form([...fields, { type: 'text', name: 'a', visibleWhen: { field: 'n', gt: 1, lt: 5 } }]))[0]).toMatchObject({ code: 'condition_operator' });
    expect(only(form([...fields, { type: 'text', name: 'a', visibleWhen: { field: 'n' } }]))[0]).toMatchObject({ code: 'condition_operator' });
    expect(only(form([...fields, { type: 'text', name: 'a', visibleWhen: { all: [], any: [] } }]))[0]).toMatchObject({ code: 'condition_operator' });
  });

  it('checks condition operands against the field type and options', () => {
    const fields = [
      { type: 'number', name: 'n' },
      { type: 'select', name: 's', options: [{ value: 'mfg' }, { value: 'energy' }] },
      { type: 'boolean', name: 'b' },
    ];
    const issues = only(
      form([
        ...fields,
        { type: 'text', name: 'a', visibleWhen: { field: 'n', gte: '5' } },
        { type: 'text', name: 'c', visibleWhen: { field: 's', in: ['mfg', 'energi'] } },
        { type: 'text', name: 'd', visibleWhen: { field: 'b', equals: 'true' } },
        { type: 'text', name: 'e', visibleWhen: { field: 's', gt: 3 } },
      ]),
    );
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'condition_type fields[3].visibleWhen.gte',
      'unknown_option fields[4].visibleWhen.in[1]',
      'condition_type fields[5].visibleWhen.equals',
      'condition_type fields[6].visibleWhen.gt',
    ]);
  });

  it('finds cycles between visibility conditions, including a field that depends on itself', () => {
    const issues = only(
      form([
        { type: 'text', name: 'a', visibleWhen: { field: 'b', filled: true } },
        { type: 'text', name: 'b', visibleWhen: { field: 'c', filled: true } },
        { type: 'text', name: 'c', visibleWhen: { any: [{ field: 'a', filled: true }] } },
        { type: 'text', name: 'd', visibleWhen: { field: 'd', filled: true } },
      ]),
    );
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'condition_cycle' });
    expect(issues[0]!.message).toContain('a → b → c → a');
    expect(issues[1]!.message).toContain('d → d');
  });

  it('allows requiredWhen conditions that refer to each other (one of phone or email)', () => {
    const result = parseForm(
      form([
        { type: 'phone', name: 'phone', requiredWhen: { field: 'email', filled: false } },
        { type: 'email', name: 'email', requiredWhen: { field: 'phone', filled: false } },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it('checks steps: known fields, each in one step, every shown field in a step', () => {
    const issues = only(
      form(
        [
          { type: 'text', name: 'a' },
          { type: 'text', name: 'b' },
          { type: 'text', name: 'c' },
          { type: 'hidden', name: 'h' },
        ],
        { steps: [{ id: 'one', fields: ['a', 'x'] }, { id: 'two', fields: ['a', 'b'] }] },
      ),
    );
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'unknown_field steps[0].fields[1]',
      'step_duplicate_field steps[1].fields[0]',
      'step_missing_field fields[2].name',
    ]);
  });

  it('checks dedupe names', () => {
    expect(only(form([{ type: 'email', name: 'email' }], { dedupe: ['email', 'phone'] }))).toEqual([
      expect.objectContaining({ code: 'unknown_field', path: 'dedupe[1]' }),
    ]);
  });

  it('reports patterns that do not compile', () => {
    const [issue] = only(form([{ type: 'text', name: 'a', pattern: '[a-' }]));
    expect(issue).toMatchObject({ code: 'invalid_pattern', path: 'fields[0].pattern' });
    expect(issue!.message).toMatch(/does not compile/);
  });

  it('accepts https and local http webhooks only', () => {
    const withUrl = (url: string) => parseForm(form([{ type: 'text', name: 'a' }], { submit: { url } }));
    for (const url of ['https://hooks.example.com/x', 'http://localhost:8787/hook', 'http://127.0.0.1/x', 'http://[::1]:3000/']) {
      expect(withUrl(url).ok, url).toBe(true);
    }
    expect(issuesOf(withUrl('http://example.com/hook'))[0]).toMatchObject({ code: 'insecure_url', path: 'submit.url' });
    expect(issuesOf(withUrl('http://localhost.evil.com/'))[0]).toMatchObject({ code: 'insecure_url' });
    expect(issuesOf(withUrl('ftp://localhost/'))[0]).toMatchObject({ code: 'insecure_url' });
    expect(issuesOf(withUrl('/relative'))[0]).toMatchObject({ code: 'invalid_url' });
  });

  it('checks bounds, options and defaults', () => {
    const issues = only(
      form([
        { type: 'number', name: 'n', min: 10, max: 1, default: 50 },
        { type: 'date', name: 'd', min: '2026-02-30' },
        { type: 'select', name: 's', options: [{ value: 'a' }, { value: 'a' }], default: 'b' },
        { type: 'text', name: 't', minLength: 5, maxLength: 2 },
        { type: 'phone', name: 'p', defaultCountry: 'XX' },
      ]),
    );
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'min_over_max fields[0].min',
      'invalid_default fields[0].default',
      'invalid_date_bound fields[1].min',
      'duplicate_option fields[2].options[1].value',
      'invalid_default fields[2].default',
      'min_over_max fields[3].minLength',
      'invalid_value fields[4].defaultCountry',
    ]);
    expect(issues[1]!.message).toBe('The default value is not valid for this field: n must be 1 or less');
  });

  it('refuses a consent ticked in advance', () => {
    expect(only(form([{ type: 'consent', name: 'privacy', default: true }]))).toEqual([
      expect.objectContaining({ code: 'consent_default', path: 'fields[0].default', message: 'A consent cannot be ticked in advance: the person must tick it' }),
    ]);
    expect(parseForm(form([{ type: 'consent', name: 'privacy', default: false }])).ok).toBe(true);
  });

  it('reports problems of several kinds in one pass', () => {
    const issues = only({ id: 'x', fields: [{ type: 'txt', name: 'a' }, { type: 'text', name: 'a', pattern: '(' }], dedupe: ['nope'] });
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['unknown_field_type', 'duplicate_name', 'invalid_pattern', 'unknown_field']));
  });

  it('writes messages in Chinese', () => {
    const [issue] = only(form([{ type: 'text', name: 'a', requierd: true }]), 'zh-CN');
    expect(issue!.message).toBe('未知的键 "requierd"（是否想写 "required"？）');
    expect(only({}, 'zh-CN')[0]!.message).toBe('缺少必需的键 "id"');
  });

  it('never throws on arbitrary JSON, and every issue has a path and a filled-in message', () => {
    // Every placeholder name of the schema messages: none may be left unfilled.
    const placeholders = new Set(Object.values(enSchema.schema).flatMap((template) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.string()), (input) => {
        const result = parseForm(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(Array.isArray(issue.path)).toBe(true);
            expect(issue.message.trim()).not.toBe('');
            for (const name of placeholders) expect(issue.message).not.toContain(`{${name}}`);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports the problems of an object in the order of the format, whatever the order of its keys', () => {
    const issues = only({ fields: [{ label: 5, name: '1st', type: 'text', requierd: true }], id: 'bad id!' });
    expect(issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'invalid_form_id id',
      'invalid_field_name fields[0].name',
      'invalid_type fields[0].label',
      'unknown_key fields[0].requierd',
    ]);
    expect(issues[2]!.message).toBe('Expected a text (a string, or an object of locale to string), got a number');
  });

  it('reports an own __proto__ key (as an unknown key, or in a map as a reserved name) and never lets it reach the form', () => {
    const input = JSON.parse('{"id":"x","fields":[{"type":"text","name":"a","label":{"__proto__":{"polluted":1},"en":"A"}}]}') as unknown;
    expect(only(input)).toEqual([expect.objectContaining({ code: 'reserved_name', path: 'fields[0].label.__proto__' })]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(only(JSON.parse('{"id":"x","__proto__":{},"fields":[{"type":"text","name":"a"}]}'))).toEqual([
      expect.objectContaining({ code: 'unknown_key', path: '__proto__' }),
    ]);
  });

  it('brings no zod into a bundle: zod defines the format, the hand-written reader applies it', async () => {
    const result = await build({
      stdin: { contents: "export { parseForm, createIntake } from './index.ts';", resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
    });
    const bundled = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    expect(bundled.some((path) => path.endsWith('schema/read-form.ts'))).toBe(true);
    expect(bundled.filter((path) => /node_modules.*zod|form-schema|zod-issues/.test(path))).toEqual([]);
  });

  it('never throws on mutations of a valid form', () => {
    const keys = ['type', 'name', 'options', 'visibleWhen', 'requiredWhen', 'default', 'pattern', 'min', 'max', 'countries', 'fields', 'steps', 'all', 'field', 'in'];
    const mutation = fc.record({ path: fc.array(fc.oneof(fc.constantFrom(...keys), fc.nat(5)), { minLength: 1, maxLength: 5 }), value: fc.jsonValue() });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (mutations) => {
        const copy = structuredClone(crmLead) as unknown as Record<string, unknown>;
        for (const { path, value } of mutations) {
          let node: unknown = copy;
          for (const key of path.slice(0, -1)) {
            if (node && typeof node === 'object') node = (node as Record<string, unknown>)[key as string];
          }
          if (node && typeof node === 'object') (node as Record<string, unknown>)[path[path.length - 1] as string] = value;
        }
        const result = parseForm(copy);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseForm and names every object has', () => {
  it('refuses Object.prototype members as field names, option values and header names, and any own __proto__ key, each with its path', () => {
    const issuesOf = (form: unknown) => {
      const result = parseForm(form);
      return result.ok ? [] : result.issues.map((issue) => `${issue.code} ${JSON.stringify(issue.path)}`);
    };
    expect(issuesOf({ id: 'p', fields: [{ type: 'text', name: '__proto__' }] })).toEqual(['reserved_name ["fields",0,"name"]']);
    expect(issuesOf({ id: 'p', fields: [{ type: 'text', name: 'constructor' }, { type: 'text', name: 'hasOwnProperty' }] })).toEqual([
      'reserved_name ["fields",0,"name"]',
      'reserved_name ["fields",1,"name"]',
    ]);
    expect(issuesOf({ id: 'p', fields: [{ type: 'select', name: 'a', options: [{ value: 'ok' }, { value: 'toString' }] }] })).toEqual(['reserved_name ["fields",0,"options",1,"value"]']);
    expect(issuesOf(JSON.parse('{"id":"p","fields":[{"type":"text","name":"a","label":{"en":"A","__proto__":"x"}}]}'))).toEqual(['reserved_name ["fields",0,"label","__proto__"]']);
    expect(issuesOf(JSON.parse('{"id":"p","fields":[{"type":"text","name":"a"}],"submit":{"url":"https://example.com/h","headers":{"__proto__":"x","valueOf":"y"}}}'))).toEqual([
      'reserved_name ["submit","headers","valueOf"]',
      'reserved_name ["submit","headers","__proto__"]',
    ]);
    const message = parseForm({ id: 'p', fields: [{ type: 'text', name: '__proto__' }] });
    expect(message.ok ? '' : message.issues[0]!.message).toContain('"__proto__" cannot be used as a name');
    // Names that merely look alike are fine.
    expect(parseForm({ id: 'p', fields: [{ type: 'text', name: 'proto' }, { type: 'text', name: '_constructor' }] }).ok).toBe(true);
  });
});
