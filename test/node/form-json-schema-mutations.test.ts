// The shipped JSON Schema (`@intake/core/form.schema.json`) against parseForm on thousands of
// seeded random mutations of valid forms. Editors show the JSON Schema's verdict, `intake-check`
// shows parseForm's: they must agree, except where parseForm applies a rule JSON Schema cannot say
// (listed below, and in docs/schema.md, "The JSON Schema for editors").
//
// A failure prints its seed and mutations: `mutant(seed, index)` rebuilds the same form.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseForm, type SchemaIssueCode } from '@intake/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { codeBlocks, readDoc, root } from './docs-markdown.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const schema = JSON.parse(await readFile(resolve(root, 'packages/core/form.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true });
const validate = ajv.compile(schema);

/**
 * The issue codes of rules JSON Schema cannot express: a mutant parseForm refuses with these codes
 * only may pass the JSON Schema. Every other code must make the JSON Schema refuse too.
 */
const semanticOnly: Partial<Record<SchemaIssueCode, string>> = {
  duplicate_name: 'two fields (or steps) with the same name: uniqueness of one key across objects of a list',
  duplicate_option: 'two options with the same value: uniqueness of one key across objects of a list',
  unknown_field: 'a condition, step or dedupe names a field that does not exist: a reference to other data',
  condition_cycle: 'visibleWhen conditions that depend on each other in a loop: a property of the graph of references',
  condition_type: "an operand of the wrong kind for the field it names: depends on the type of another field",
  unknown_option: 'a condition names a value that is not an option of its field: depends on another field',
  invalid_pattern: 'a `pattern` that does not compile as a regular expression (with the `v` flag)',
  invalid_url: '`submit.url` that the WHATWG URL parser refuses',
  insecure_url: '`submit.url` not https (nor http on localhost): needs the URL parser (case, whitespace, 127.1, ...)',
  min_over_max: 'a lower bound over its upper bound: compares two values of the same object',
  invalid_default: 'a default the field itself would refuse (too long, not an option, out of range, a bad email...): runs the field',
  step_duplicate_field: 'a field in two steps: uniqueness across lists (within one step the JSON Schema checks it)',
  step_missing_field: 'steps must cover every visible field: a reference from the fields to the steps',
};

/** mulberry32: a small seeded PRNG, so every run makes the same mutants. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A form with every field type and every key of each. */
const everyType: JsonObject = {
  id: 'every-type',
  version: '2',
  locale: 'en',
  title: { en: 'Every type', 'zh-CN': '所有类型' },
  description: 'All of them',
  fields: [
    { type: 'text', name: 'company', label: 'Company', help: 'h', placeholder: 'p', required: true, minLength: 2, maxLength: 80, pattern: '[A-Za-z ]+', default: 'Acme', prefill: 'company', autocomplete: 'organization' },
    { type: 'textarea', name: 'message', label: { en: 'Message' }, minLength: 0, maxLength: 500, rows: 5 },
    { type: 'email', name: 'email', label: 'Email', default: 'li@example.com' },
    { type: 'phone', name: 'mobile', label: 'Mobile', defaultCountry: 'CN', countries: ['CN', 'US', 'GB'], numberTypes: ['mobile', 'fixed-line-or-mobile'] },
    { type: 'number', name: 'seats', label: 'Seats', min: 1, max: 100, step: 1, integer: true, default: 5 },
    { type: 'date', name: 'visit', label: 'Visit', min: '2024-02-29', max: '2030-12-31', default: '2026-05-01' },
    { type: 'select', name: 'size', label: 'Size', options: [{ value: 's', label: 'S' }, { value: 'm', label: { en: 'M' } }], default: 's' },
    { type: 'radio', name: 'plan', label: 'Plan', options: [{ value: 'free' }, { value: 'pro' }] },
    { type: 'checkboxes', name: 'topics', label: 'Topics', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }], minSelected: 1, maxSelected: 2, default: ['a'] },
    { type: 'boolean', name: 'newsletter', label: 'Newsletter', default: false },
    { type: 'consent', name: 'terms', label: 'Terms', required: true, version: '2026-01', default: false },
    { type: 'hidden', name: 'source', prefill: 'utm_source', default: 'web' },
    { type: 'cascade', name: 'industry', label: 'Industry', levelLabels: ['Section', { en: 'Division' }], options: [{ value: 'C', label: 'Manufacturing', children: [{ value: '13', label: 'Food' }, { value: '14' }] }, { value: 'I' }], default: '13' },
    { type: 'region', name: 'address', label: 'Address', levels: 2, required: true },
  ],
  steps: [
    { id: 'who', title: 'Who', description: { en: 'About you' }, fields: ['company', 'message', 'email', 'mobile'] },
    { id: 'what', fields: ['seats', 'visit', 'size', 'plan', 'topics', 'newsletter', 'terms', 'industry', 'address'] },
  ],
  tags: [{ tag: 'big', when: { field: 'seats', gte: 50 } }],
  dedupe: ['email', 'mobile'],
  submit: { url: 'https://example.com/hook', format: 'json', headers: { 'X-Key': 'k' }, timeoutMs: 5000, retries: 3 },
};

/** A form with every form of condition, nested, in visibleWhen, requiredWhen and tags. */
const everyCondition: JsonObject = {
  id: 'every-condition',
  fields: [
    { type: 'text', name: 'name', label: 'Name' },
    { type: 'email', name: 'email', label: 'Email', requiredWhen: { field: 'phone', filled: false } },
    { type: 'phone', name: 'phone', label: 'Phone', requiredWhen: { field: 'email', filled: false } },
    { type: 'select', name: 'industry', options: [{ value: 'mfg' }, { value: 'energy' }, { value: 'retail' }] },
    { type: 'number', name: 'budget', min: 0 },
    { type: 'date', name: 'start' },
    { type: 'checkboxes', name: 'interests', options: [{ value: 'demo' }, { value: 'pricing' }] },
    { type: 'boolean', name: 'decides' },
    { type: 'text', name: 'plants', visibleWhen: { field: 'industry', in: ['mfg', 'energy'] } },
    { type: 'text', name: 'stores', visibleWhen: { field: 'industry', equals: 'retail' } },
    { type: 'text', name: 'other', visibleWhen: { field: 'industry', notIn: ['mfg'] } },
    { type: 'text', name: 'notes', visibleWhen: { field: 'industry', notEquals: 'retail' } },
    { type: 'date', name: 'demoDate', visibleWhen: { field: 'interests', contains: 'demo' } },
    { type: 'text', name: 'scope', visibleWhen: { all: [{ field: 'decides', equals: true }, { not: { field: 'budget', lt: 1000 } }] } },
    {
      type: 'boolean',
      name: 'callback',
      visibleWhen: { any: [{ field: 'budget', gt: 500000 }, { field: 'start', lte: '2026-12-31' }, { field: 'start', gte: '2030-01-01' }] },
    },
    { type: 'text', name: 'corporate', visibleWhen: { field: 'email', contains: '@' }, requiredWhen: { all: [] } },
    { type: 'text', name: 'never', visibleWhen: { any: [] } },
    { type: 'region', name: 'address' },
    { type: 'cascade', name: 'sector', options: [{ value: 'C', children: [{ value: '13' }] }, { value: 'I', children: [{ value: '65' }] }] },
    { type: 'text', name: 'south', visibleWhen: { field: 'address', within: ['440000', '310100', '110101'] } },
    { type: 'text', name: 'maker', visibleWhen: { field: 'sector', within: ['C', '65'] } },
  ],
  tags: [
    { tag: 'lead', when: { not: { not: { field: 'name', filled: true } } } },
    { tag: 'big', when: { all: [{ any: [{ field: 'budget', gte: 100 }, { field: 'interests', in: ['demo'] }] }, { field: 'industry', notIn: ['retail'] }] } },
  ],
};

const valid: JsonObject[] = [everyType, everyCondition];
for (const name of ['crm-lead', 'contact']) {
  valid.push(JSON.parse(await readFile(resolve(root, `packages/core/presets/${name}.json`), 'utf8')));
}
for (const block of codeBlocks(readDoc('docs/schema.md'))) {
  if (block.lang !== 'json') continue;
  const json = JSON.parse(block.code) as Json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'fields' in json && parseForm(json).ok) valid.push(json);
}

const operators = ['equals', 'notEquals', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'filled', 'within'];
const conditionKeys = ['field', ...operators, 'all', 'any', 'not'];
const reservedNames = Object.getOwnPropertyNames(Object.prototype);
const keyPool = [
  'titel', 'requierd', 'x', 'en', 'zh-CN', 'EN', 'e', 'X-Other', 'type', 'name', 'label', 'value', 'options', 'min', 'max', 'default',
  'visibleWhen', 'tag', 'when', 'id', 'fields', 'children', 'levels', 'levelLabels', ...conditionKeys, '__proto__', 'constructor', 'toString',
];
const stringPool = [
  '', 'x', 'a b', '1a', '_x', 'CN', 'US', 'ZZ', 'cn', 'en', 'zh-CN', 'english', 'email', 'text', 'select', 'telephone', 'mobile', 'pager', 'fax',
  'json', 'xml', 'region', 'cascade', '440000', '4400', 'C', '13', '2026-02-29', '2024-02-29', '2026-13-01', '2026-1-5', 'https://example.com/x', 'http://example.com', 'http://localhost:3000/x',
  'ftp://x', 'not a url', '[', '(a', '\\d+', 'company', 'email', 'industry', 'mfg', 'demo', 'unknownField', ...reservedNames.slice(0, 6), '__proto__',
];
const numberPool = [0, -1, 1, 2, 0.5, 5, 50, 51, 100, 1000, 120000, 120001, 1e16, 2 ** 53, -(2 ** 53), 1e300];
const otherPool: Json[] = [null, true, false, [], {}, ['a'], [1, 2], { en: 'x' }, { field: 'email', filled: true }, { all: [] }, { value: 'v' }];

/** Every place in `root` holding a value: its container and key. */
function places(node: Json, out: { parent: Json[] | JsonObject; key: string | number }[] = []): { parent: Json[] | JsonObject; key: string | number }[] {
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      out.push({ parent: node, key: index });
      places(item, out);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      out.push({ parent: node, key });
      places(node[key]!, out);
    }
  }
  return out;
}

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCondition = (value: Json | undefined): value is JsonObject => isObject(value) && Object.keys(value).some((key) => conditionKeys.includes(key));

/** Sets a key as an own property, `__proto__` included (as JSON.parse does). */
function put(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(place: { parent: Json[] | JsonObject; key: string | number }, value: Json): void {
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else put(place.parent, place.key as string, value);
}

/** Applies one random mutation to `form` in place and says what it did. */
function mutateOnce(form: JsonObject, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const all = places(form);
  if (all.length === 0) return 'nothing';
  const clone = (value: Json): Json => JSON.parse(JSON.stringify(value));
  const anyValue = (): Json => {
    const r = random();
    if (r < 0.4) return pick(stringPool);
    if (r < 0.65) return pick(numberPool);
    if (r < 0.8) return clone(pick(otherPool));
    const elsewhere = pick(all); // a value from elsewhere in the form
    return clone((elsewhere.parent as JsonObject)[elsewhere.key as string]!);
  };
  const conditions = all.filter((place) => isCondition((place.parent as JsonObject)[place.key as string]));
  const objects = [form, ...all.map((place) => (place.parent as JsonObject)[place.key as string]).filter(isObject)];
  const where = (place: { parent: unknown; key: string | number }) => `${place.key}`;
  switch (Math.floor(random() * 13)) {
    case 0: {
      const place = pick(all);
      if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else delete place.parent[place.key as string];
      return `delete ${where(place)}`;
    }
    case 1: {
      const object = pick(objects);
      const key = pick(keyPool);
      put(object, key, anyValue());
      return `add key ${key}`;
    }
    case 2: {
      const place = pick(all);
      setAt(place, anyValue());
      return `replace ${where(place)}`;
    }
    case 3: {
      const place = pick(all);
      const value = (place.parent as JsonObject)[place.key as string];
      setAt(place, typeof value === 'string' ? '' : Array.isArray(value) ? [] : isObject(value) ? {} : 0);
      return `empty ${where(place)}`;
    }
    case 4: {
      // change the operator of a condition (or turn it into a group)
      const place = conditions.length ? pick(conditions) : pick(all);
      const condition = (place.parent as JsonObject)[place.key as string];
      if (!isObject(condition)) return 'nothing';
      const from = pick(Object.keys(condition));
      const to = pick(conditionKeys);
      const value = condition[from]!;
      delete condition[from];
      put(condition, to, value);
      return `rename ${from} to ${to}`;
    }
    case 5: {
      // a second operator, a field beside a group, a group beside a comparison
      const place = conditions.length ? pick(conditions) : pick(all);
      const condition = (place.parent as JsonObject)[place.key as string];
      if (!isObject(condition)) return 'nothing';
      const key = pick(conditionKeys);
      const existing = Object.values(condition);
      put(condition, key, random() < 0.5 && existing.length ? clone(pick(existing)) : anyValue());
      return `add condition key ${key}`;
    }
    case 6: {
      // nest a condition wrongly (or rightly)
      const place = conditions.length ? pick(conditions) : pick(all);
      const c = (place.parent as JsonObject)[place.key as string]!;
      const wrappers: Json[] = [{ not: c }, { all: c }, { any: [c, c] }, { all: [[c]] }, { not: [c] }, { field: c }, { field: 'name', not: c }, { all: [c], any: [c] }, [c]];
      setAt(place, clone(pick(wrappers)));
      return `wrap ${where(place)}`;
    }
    case 7: {
      // names: another field's, a reserved one, a bad one
      const named = all.filter((place) => ['name', 'field', 'value', 'id', 'tag'].includes(String(place.key)) || (Array.isArray(place.parent) && typeof place.parent[place.key as number] === 'string'));
      if (!named.length) return 'nothing';
      const place = pick(named);
      const names = all.flatMap((p) => (p.key === 'name' && typeof (p.parent as JsonObject)['name'] === 'string' ? [(p.parent as JsonObject)['name'] as string] : []));
      setAt(place, random() < 0.5 && names.length ? pick(names) : pick([...stringPool, ...reservedNames]));
      return `rename value at ${where(place)}`;
    }
    case 8: {
      const numbers = all.filter((place) => typeof (place.parent as JsonObject)[place.key as string] === 'number');
      if (!numbers.length) return 'nothing';
      const place = pick(numbers);
      setAt(place, pick(numberPool));
      return `number at ${where(place)}`;
    }
    case 9: {
      const strings = all.filter((place) => typeof (place.parent as JsonObject)[place.key as string] === 'string');
      if (!strings.length) return 'nothing';
      const place = pick(strings);
      setAt(place, pick(stringPool));
      return `string at ${where(place)}`;
    }
    case 11: {
      // a visibleWhen pointing back: field A shown when B is, B shown when A is
      const fields = Array.isArray(form['fields']) ? form['fields'].filter(isObject) : [];
      const a = pick(fields);
      const b = pick(fields);
      if (!a || !b) return 'nothing';
      put(a, 'visibleWhen', { field: String(b['name']), filled: true });
      put(b, 'visibleWhen', { not: { field: String(a['name']), filled: false } });
      return `cycle ${a['name']} ${b['name']}`;
    }
    case 12: {
      const texts = Array.isArray(form['fields']) ? form['fields'].filter((field) => isObject(field) && field['type'] === 'text') : [];
      if (texts.length && random() < 0.5) {
        const pattern = pick(['[a-z', '(?<x>a)(?<x>b)', 'a{2,1}', '\\p{Foo}', '[a-z]+', '(a|b)', '\\d{3}']);
        put(pick(texts) as JsonObject, 'pattern', pattern);
        return `pattern ${pattern}`;
      }
      const url = pick(['https://example.com/x', 'http://example.com/x', 'HTTPS://EXAMPLE.COM', 'http://127.1/x', 'http://localhost/x', 'http://[::1]:8080/', 'ftp://example.com', '//example.com', 'https:example.com', ' https://example.com']);
      const submit = isObject(form['submit']) ? form['submit'] : {};
      put(submit, 'url', url);
      put(form, 'submit', submit);
      return `submit.url ${url}`;
    }
    default: {
      // a reserved name as a locale key, header or option value
      const texts = all.filter((place) => ['label', 'title', 'description', 'headers', 'options'].includes(String(place.key)));
      if (!texts.length) return 'nothing';
      const place = pick(texts);
      const value = (place.parent as JsonObject)[place.key as string];
      const name = pick(reservedNames);
      if (Array.isArray(value)) value.push({ value: name });
      else if (isObject(value)) put(value, name, 'x');
      else setAt(place, JSON.parse(`{${JSON.stringify(name)}: "x"}`));
      return `reserved ${name} in ${where(place)}`;
    }
  }
}

const seed = 20_260_521;
const count = 8000;

/** Mutant `index` of the run seeded with `seed`: one to three mutations of a valid form, as JSON. */
function mutant(seed: number, index: number): { form: Json; log: string[] } {
  const random = mulberry32(seed + index * 7919);
  const form = JSON.parse(JSON.stringify(valid[Math.floor(random() * valid.length)])) as JsonObject;
  const log: string[] = [`${form['id']}`];
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) log.push(mutateOnce(form, random));
  return { form: JSON.parse(JSON.stringify(form)) as Json, log };
}

describe('form.schema.json and parseForm on mutations of valid forms', () => {
  it('starts from valid forms that both accept', () => {
    expect(valid.length).toBeGreaterThan(10);
    for (const form of valid) {
      expect(parseForm(form).ok, String(form['id'])).toBe(true);
      expect(validate(form), `${form['id']}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it(`agree on ${count} mutants, except where parseForm applies a rule JSON Schema cannot say`, () => {
    let agreed = 0;
    let bothAccept = 0;
    let semantic = 0;
    const looser: string[] = [];
    const stricter: string[] = [];
    const semanticCodes = new Set<string>();
    for (let index = 0; index < count; index++) {
      const { form, log } = mutant(seed, index);
      const schemaOk = validate(form) as boolean;
      const parsed = parseForm(form);
      const what = () => `mutant(${seed}, ${index}) [${log.join('; ')}]`;
      if (schemaOk === parsed.ok) {
        agreed++;
        if (schemaOk) bothAccept++;
      } else if (!parsed.ok) {
        // parseForm refuses, the JSON Schema accepts: only for rules it cannot express
        const codes = [...new Set(parsed.issues.map((issue) => issue.code))];
        const other = codes.filter((code) => !Object.hasOwn(semanticOnly, code));
        if (other.length === 0) {
          semantic++;
          codes.forEach((code) => semanticCodes.add(code));
        } else {
          looser.push(`${what()}: ${parsed.issues.filter((i) => other.includes(i.code)).map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}`);
        }
      } else {
        stricter.push(`${what()}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    console.log(
      `form.schema.json vs parseForm: ${count} mutants, ${agreed} agreed (${bothAccept} accepted by both), ` +
        `${semantic} refused by parseForm only for a rule JSON Schema cannot say (${[...semanticCodes].sort().join(', ')})`,
    );
    expect(looser.slice(0, 10), 'parseForm refuses, the JSON Schema accepts').toEqual([]);
    expect(stricter.slice(0, 10), 'the JSON Schema refuses, parseForm accepts').toEqual([]);
    // the mutants are varied: both verdicts occur, and the exceptions are exercised
    expect(bothAccept).toBeGreaterThan(count / 20);
    expect(agreed - bothAccept).toBeGreaterThan(count / 2);
    expect(semantic).toBeGreaterThan(count / 50);
    // and every rule said to be beyond JSON Schema is one that occurs
    expect([...semanticCodes].sort()).toEqual(Object.keys(semanticOnly).sort());
  });
});
