import { valueIssueCodes, type Path } from './issue.js';
import { currentRegionData } from './region/current-region-data.js';
import { suggestKey } from './locale/schema-catalogue.js';
import { normalizeField } from './normalize/normalize-field.js';
import { parseDate } from './normalize/normalize-date.js';
import { phoneCallingCodes } from './normalize/phone-metadata.js';
import { fieldTypeTable, keysOf, type FieldType } from './schema/field-types.js';
import { isoDatePattern } from './schema/patterns.js';
import type { RawSchemaIssue } from './schema/raw-issue.js';
import { conditionOperators, fieldTypes, type Field, type FieldCondition } from './schema/types.js';
import { isObject } from './schema/is-object.js';

type Json = Record<string, unknown>;

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The checks of a form that a structural schema cannot express: unique names, conditions naming
 * real fields of the right kind, no cycles between conditions, steps and `dedupe` naming real
 * fields, patterns that compile, sensible bounds, valid defaults and a safe `submit.url`.
 *
 * Runs on the raw JSON and skips what is malformed (zod reports that), so a form with several
 * kinds of problems gets all of them reported in one pass.
 */
/**
 * Whether a name is a member of `Object.prototype` (`__proto__`, `constructor`, `toString`, …):
 * such a field name or option value would be read from every plain object by a lookup keyed by
 * it (`record.data[name]`), so the form format refuses them (docs/schema.md, "Names").
 */
function isReserved(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(Object.prototype, name);
}

export function checkForm(input: unknown): RawSchemaIssue[] {
  const issues: RawSchemaIssue[] = [];
  if (!isObject(input)) return issues;
  const fields = new Map<string, { field: Json; index: number }>();

  arrayOf(input['fields']).forEach((field, index) => {
    if (!isObject(field) || typeof field['name'] !== 'string') return;
    if (isReserved(field['name'])) issues.push({ code: 'reserved_name', path: ['fields', index, 'name'], params: { name: field['name'] } });
    const seen = fields.get(field['name']);
    if (seen) {
      issues.push({ code: 'duplicate_name', path: ['fields', index, 'name'], params: { name: field['name'], first: seen.index } });
    } else {
      fields.set(field['name'], { field, index });
    }
  });

  const checkCondition = (condition: unknown, path: Path): void => {
    if (!isObject(condition)) return;
    const groups = (['all', 'any', 'not'] as const).filter((key) => key in condition);
    const operators = conditionOperators.filter((key) => key in condition);
    const allowed = conditionOperators.join(', ');
    if (groups.length > 0) {
      if (groups.length > 1 || 'field' in condition || operators.length > 0) {
        issues.push({ code: 'condition_operator', path, params: { allowed } });
        return;
      }
      const group = groups[0]!;
      if (group === 'not') checkCondition(condition['not'], [...path, 'not']);
      else arrayOf(condition[group]).forEach((part, i) => checkCondition(part, [...path, group, i]));
      return;
    }
    if (typeof condition['field'] !== 'string' || operators.length !== 1) {
      issues.push({ code: 'condition_operator', path, params: { allowed } });
      return;
    }
    const target = fields.get(condition['field']);
    if (!target) {
      issues.push({ code: 'unknown_field', path: [...path, 'field'], params: { name: condition['field'] } });
      return;
    }
    checkOperand(condition as unknown as FieldCondition, operators[0]!, target.field, path, issues);
  };

  arrayOf(input['fields']).forEach((field, index) => {
    if (isObject(field)) checkField(field, ['fields', index], issues);
  });
  const visibleDeps = new Map<string, Set<string>>();
  for (const [name, { field, index }] of fields) {
    const path: Path = ['fields', index];
    for (const key of ['visibleWhen', 'requiredWhen'] as const) {
      if (key in field) checkCondition(field[key], [...path, key]);
    }
    if (isObject(field['visibleWhen'])) {
      visibleDeps.set(name, namesIn(field['visibleWhen'], new Set()));
    }
  }
  checkCycles(visibleDeps, fields, issues);

  arrayOf(input['tags']).forEach((rule, i) => {
    if (isObject(rule)) checkCondition(rule['when'], ['tags', i, 'when']);
  });

  const knownName = (name: unknown, path: Path): boolean => {
    if (typeof name !== 'string') return false;
    if (fields.has(name)) return true;
    issues.push({ code: 'unknown_field', path, params: { name } });
    return false;
  };

  arrayOf(input['dedupe']).forEach((name, i) => knownName(name, ['dedupe', i]));

  if (Array.isArray(input['steps'])) {
    const stepOf = new Map<string, number>();
    const stepIds = new Map<string, number>();
    input['steps'].forEach((step, s) => {
      if (!isObject(step)) return;
      if (typeof step['id'] === 'string') {
        const first = stepIds.get(step['id']);
        if (first !== undefined) issues.push({ code: 'duplicate_name', path: ['steps', s, 'id'], params: { name: step['id'], first } });
        else stepIds.set(step['id'], s);
      }
      arrayOf(step['fields']).forEach((name, i) => {
        if (!knownName(name, ['steps', s, 'fields', i])) return;
        const first = stepOf.get(name as string);
        if (first !== undefined) {
          issues.push({ code: 'step_duplicate_field', path: ['steps', s, 'fields', i], params: { name: name as string, first: first + 1 } });
        } else {
          stepOf.set(name as string, s);
        }
      });
    });
    for (const [name, { field, index }] of fields) {
      if (field['type'] !== 'hidden' && !stepOf.has(name)) {
        issues.push({ code: 'step_missing_field', path: ['fields', index, 'name'], params: { name } });
      }
    }
  }

  const submit = input['submit'];
  if (isObject(submit) && typeof submit['url'] === 'string') checkUrl(submit['url'], issues);
  if (isObject(submit) && isObject(submit['headers'])) {
    for (const name of Object.keys(submit['headers'])) {
      if (isReserved(name) && name !== '__proto__') issues.push({ code: 'reserved_name', path: ['submit', 'headers', name], params: { name } });
    }
  }
  findProtoKeys(input, issues);
  return issues;
}

/**
 * An own `__proto__` key anywhere in the form (`JSON.parse` makes one: a locale map
 * `{"__proto__": "…"}`, a header): reported where it is, as a reader would otherwise drop it
 * silently. Iterative, so a deeply nested form cannot exhaust the stack, and allocation-free per
 * node (every form is walked on every parse): the stack holds each node with its key and depth,
 * and `path` the keys down to the node being looked at, spelled out only for a key found.
 */
function findProtoKeys(input: Json, issues: RawSchemaIssue[]): void {
  const path: (string | number)[] = [];
  // Flat triples: a value, its key in its parent (unused for the root), its depth (the root's is 0).
  const stack: unknown[] = [input, '', 0];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const key = stack.pop() as string | number;
    const value = stack.pop();
    // Depth-first: the node's parent is the last node looked at one level up, so `path` up to
    // `depth` holds the keys down to this node (what lies beyond is stale and never read).
    if (depth > 0) path[depth - 1] = key;
    if (Array.isArray(value)) value.forEach((item, index) => stack.push(item, index, depth + 1));
    else if (isObject(value)) {
      for (const name of Object.keys(value)) {
        if (name === '__proto__') issues.push({ code: 'reserved_name', path: [...path.slice(0, depth), name], params: { name } });
        else stack.push(value[name], name, depth + 1);
      }
    }
  }
}

function checkUrl(url: string, issues: RawSchemaIssue[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    issues.push({ code: 'invalid_url', path: ['submit', 'url'] });
    return;
  }
  const local = parsed.protocol === 'http:' && localHosts.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !local) issues.push({ code: 'insecure_url', path: ['submit', 'url'] });
}

function checkField(field: Json, path: Path, issues: RawSchemaIssue[]): void {
  const type = field['type'];
  if (typeof field['pattern'] === 'string') {
    try {
      new RegExp(`^(?:${field['pattern']})$`, 'v');
    } catch (error) {
      issues.push({ code: 'invalid_pattern', path: [...path, 'pattern'], params: { detail: (error as Error).message } });
    }
  }
  const bound = (min: string, max: string) => {
    const low = field[min];
    const high = field[max];
    if (typeof low === typeof high && (typeof low === 'number' || typeof low === 'string') && low! > (high as typeof low)) {
      issues.push({ code: 'min_over_max', path: [...path, min], params: { min, max } });
    }
  };
  if (typeof type === 'string' && Object.hasOwn(fieldTypeTable, type)) {
    const keys = Object.entries(keysOf(type as FieldType));
    for (const [key, spec] of keys) {
      const value = field[key];
      if (spec.isoDate && typeof value === 'string' && !(isoDatePattern.test(value) && parseDate(value) === value)) {
        issues.push({ code: 'invalid_date_bound', path: [...path, key] });
      }
    }
    for (const [key, spec] of keys) if (spec.atMost) bound(key, spec.atMost);
  }
  if (type === 'phone') {
    const countries = [field['defaultCountry'], ...arrayOf(field['countries'])];
    countries.forEach((country, i) => {
      if (typeof country === 'string' && /^[A-Z]{2}$/.test(country) && !phoneCallingCodes().has(country)) {
        issues.push({
          code: 'invalid_value',
          path: i === 0 ? [...path, 'defaultCountry'] : [...path, 'countries', i - 1],
          params: { allowed: 'ISO 3166-1 alpha-2 (CN, US, GB, ...)' },
        });
      }
    });
  }
  if (isObject(field['messages'])) {
    for (const code of Object.keys(field['messages'])) {
      if (code === '__proto__' || (valueIssueCodes as readonly string[]).includes(code)) continue; // __proto__: findProtoKeys
      issues.push({ code: 'unknown_message_code', path: [...path, 'messages', code], params: { key: code, suggestion: suggestKey(code, valueIssueCodes) ?? '' } });
    }
  }
  // Option values are unique in the list; a cascade's across its whole tree (`first` is then the
  // index of the top-level option under which the value was first used).
  const values = new Map<string, number>();
  const visitOptions = (options: unknown[], at: Path) => {
    options.forEach((option, i) => {
      if (!isObject(option)) return;
      const here = [...at, i];
      if (typeof option['value'] === 'string') {
        if (isReserved(option['value'])) issues.push({ code: 'reserved_name', path: [...here, 'value'], params: { name: option['value'] } });
        const first = values.get(option['value']);
        if (first !== undefined) issues.push({ code: 'duplicate_option', path: [...here, 'value'], params: { value: option['value'], first } });
        else values.set(option['value'], here[path.length + 1] as number);
      }
      if (type === 'cascade') visitOptions(arrayOf(option['children']), [...here, 'children']);
    });
  };
  visitOptions(arrayOf(field['options']), [...path, 'options']);
  if (type === 'consent' && field['default'] === true) {
    issues.push({ code: 'consent_default', path: [...path, 'default'] });
  }
  if (field['default'] !== undefined && fieldTypes.includes(type as Field['type'])) {
    let result: ReturnType<typeof normalizeField> | undefined;
    try {
      // A region's default is checked against the region data where it is loaded (Node, or a page
      // that loaded it); elsewhere only its shape: the field refuses an unknown code when shown.
      const unchecked = type === 'region' && !currentRegionData();
      result = unchecked ? (typeof field['default'] === 'string' && /^\d{6}$/.test(field['default']) ? undefined : { ok: false, code: 'invalid_option' }) : normalizeField(field as unknown as Field, field['default']);
    } catch {
      result = undefined; // a malformed field: zod has reported why
    }
    if (result && !result.ok) {
      issues.push({
        code: 'invalid_default',
        path: [...path, 'default'],
        params: { ...result.params, detail: result.code, label: String(field['name']) },
      });
    }
  }
}

function checkOperand(condition: FieldCondition, operator: (typeof conditionOperators)[number], target: Json, path: Path, issues: RawSchemaIssue[]): void {
  const type = target['type'] as Field['type'];
  const operand = condition[operator];
  const name = condition.field;
  const wrong = (expected: string) =>
    issues.push({ code: 'condition_type', path: [...path, operator], params: { operator, expected, name, type } });
  const valuesOf = (options: unknown[]): string[] =>
    options.flatMap((o) => (isObject(o) ? [...(typeof o['value'] === 'string' ? [o['value']] : []), ...(type === 'cascade' ? valuesOf(arrayOf(o['children'])) : [])] : []));
  const optionValues = valuesOf(arrayOf(target['options']));
  const checkOption = (value: unknown, at: Path) => {
    if (optionValues.length > 0 && !optionValues.includes(value as string)) {
      issues.push({ code: 'unknown_option', path: at, params: { value: String(value) } });
    }
  };
  // A region's value is an object: it is read by `within` (and `filled`) only.
  if (type === 'region' && operator !== 'filled' && operator !== 'within') {
    wrong('regionCodes');
    return;
  }
  switch (operator) {
    case 'filled':
      return;
    case 'within': {
      if (type !== 'region' && type !== 'cascade') {
        wrong('option');
        return;
      }
      const data = type === 'region' ? currentRegionData() : undefined;
      arrayOf(operand).forEach((item, i) => {
        if (type === 'cascade') checkOption(item, [...path, operator, i]);
        // The shape of a GB/T 2260 code; whether it exists is checked where the data is (intake-check, a receiver).
        else if (typeof item !== 'string' || !/^[1-9]\d{5}$/.test(item)) wrong('regionCodes');
        else if (data && !data.lineage(item)) issues.push({ code: 'unknown_option', path: [...path, operator, i], params: { value: item } });
      });
      return;
    }
    case 'contains':
      if (type === 'checkboxes') checkOption(operand, [...path, operator]);
      else if (!['text', 'textarea', 'email', 'hidden'].includes(type)) wrong('option');
      return;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (type === 'number') {
        if (typeof operand !== 'number') wrong('number');
      } else if (type === 'date') {
        if (typeof operand !== 'string' || parseDate(operand) !== operand) wrong('date');
      } else {
        wrong(typeof operand === 'number' ? 'number' : 'date');
      }
      return;
    case 'equals':
    case 'notEquals': {
      const expected = type === 'number' ? 'number' : type === 'boolean' || type === 'consent' ? 'boolean' : 'string';
      if (type === 'checkboxes') wrong('option');
      else if (typeof operand !== expected) wrong(expected);
      else if (type === 'select' || type === 'radio' || type === 'cascade') checkOption(operand, [...path, operator]);
      return;
    }
    case 'in':
    case 'notIn': {
      const list = Array.isArray(operand) ? operand : [];
      const expected = type === 'number' ? 'number' : 'string';
      list.forEach((item, i) => {
        if (typeof item !== expected) wrong(expected);
        else if (['select', 'radio', 'checkboxes', 'cascade'].includes(type)) checkOption(item, [...path, operator, i]);
      });
      return;
    }
  }
}

/** The field names a raw (possibly malformed) condition reads. */
function namesIn(condition: unknown, into: Set<string>): Set<string> {
  if (!isObject(condition)) return into;
  if (typeof condition['field'] === 'string') into.add(condition['field']);
  for (const key of ['all', 'any'] as const) arrayOf(condition[key]).forEach((part) => namesIn(part, into));
  namesIn(condition['not'], into);
  return into;
}

function checkCycles(
  deps: Map<string, Set<string>>,
  fields: Map<string, { field: Json; index: number }>,
  issues: RawSchemaIssue[],
): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of deps.get(name) ?? []) {
      if (!fields.has(next)) continue;
      const seen = state.get(next);
      if (seen === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...new Set(cycle)].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          issues.push({
            code: 'condition_cycle',
            path: ['fields', fields.get(name)!.index, 'visibleWhen'],
            params: { cycle: cycle.join(' → ') },
          });
        }
      } else if (seen === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of deps.keys()) if (!state.has(name)) visit(name);
}
