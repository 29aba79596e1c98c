import * as z from 'zod/mini';
import { valueIssueCodes } from './issue.js';
import { phoneCallingCodes } from './normalize/phone-metadata.js';
import { keysOf, type FieldType, type ValueSpec } from './schema/field-types.js';
import { formSchemas } from './schema/form-schema.js';
import { conditionOperators } from './schema/types.js';

type JsonSchema = Record<string, unknown>;

/**
 * The names a field, an option value or a locale key may not take: the members of
 * `Object.prototype` (`Object.getOwnPropertyNames(Object.prototype)` in V8, sorted; a test checks
 * the list). Written out so that the generated file does not depend on the engine that builds it.
 */
export const reservedNames: readonly string[] = [
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
];

/**
 * A real `YYYY-MM-DD` date of the proleptic Gregorian calendar (what `parseForm` asks of the
 * `min` and `max` of a date field): 29 February only in leap years. A test compares it with
 * `parseDate` on every day of four centuries.
 */
export const calendarDatePattern =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function at(schema: JsonSchema, ...path: string[]): JsonSchema {
  let node: unknown = schema;
  for (const key of path) {
    node = isSchema(node) ? node[key] : undefined;
    if (!isSchema(node)) throw new Error(`formJsonSchema: no schema at ${path.join('.')}`);
  }
  return node as JsonSchema;
}

/** Calls `visit` on every schema object in `node`, children first. */
function walk(node: unknown, visit: (schema: JsonSchema) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (isSchema(node)) {
    for (const value of Object.values(node)) walk(value, visit);
    visit(node);
  }
}

/**
 * `{ "type": ["string", "number"] }` (how zod writes a union of primitive types) as
 * `{ "anyOf": [{ "type": "string" }, { "type": "number" }] }`: the same data, and no union type,
 * which ajv's strict mode refuses (strictTypes) unless told `allowUnionTypes`.
 */
function splitUnionType(schema: JsonSchema): void {
  const type = schema['type'];
  if (!Array.isArray(type)) return;
  if (Object.keys(schema).length !== 1) throw new Error(`formJsonSchema: a union type with other keywords: ${JSON.stringify(schema)}`);
  delete schema['type'];
  schema['anyOf'] = type.map((one: unknown) => ({ type: one }));
}

/**
 * A condition is exactly one of its forms (docs/schema.md#conditions): `field` and one operator,
 * or `all`, `any` or `not` alone. The zod schema (like `readForm`) takes one object with every key
 * optional, so that a misspelt key is reported by name, and `parseForm` checks the form; JSON
 * Schema says it with `oneOf`, so editors flag `{}`, `{ "field": "email" }` or two operators too.
 */
function tightenCondition(condition: JsonSchema): void {
  const properties = at(condition, 'properties');
  const comparison = ['field', ...conditionOperators];
  for (const key of Object.keys(properties)) {
    if (!comparison.includes(key) && !['all', 'any', 'not'].includes(key)) throw new Error(`formJsonSchema: unexpected condition key ${key}`);
  }
  condition['description'] = 'A condition: `field` and exactly one operator, or exactly one of `all`, `any`, `not`.';
  // Each form repeats the key it requires in `properties` (as `true`: the key is described
  // above): ajv's strictRequired wants a required key defined in the same schema object, and
  // runs `oneOf` before the `properties` of the condition.
  const alone = (key: string, description: string) => ({ description, properties: { [key]: true }, required: [key], maxProperties: 1 });
  condition['oneOf'] = [
    {
      description: 'A comparison: `field` and exactly one operator.',
      properties: { field: true },
      required: ['field'],
      propertyNames: { enum: comparison },
      minProperties: 2,
      maxProperties: 2,
    },
    alone('all', 'Every condition of the list holds (an empty list holds).'),
    alone('any', 'At least one condition of the list holds (an empty list does not).'),
    alone('not', 'The condition does not hold.'),
  ];
}

/** What `parseForm` asks of a value of the table beyond the zod schema, where JSON Schema can say it. */
function tightenValue(schema: JsonSchema, spec: ValueSpec & { readonly isoDate?: true }): void {
  if (spec.kind === 'string' && spec.pattern === 'fieldName') schema['not'] = { enum: reservedNames };
  if (spec.kind === 'string' && spec.pattern === 'country') {
    for (const key of Object.keys(schema)) delete schema[key];
    schema['$ref'] = '#/$defs/country';
  }
  if (spec.isoDate) schema['pattern'] = calendarDatePattern;
  if (spec.kind === 'options') at(schema, 'items', 'properties', 'value')['not'] = { enum: reservedNames };
  if (spec.kind === 'list') tightenValue(at(schema, 'items'), spec.of);
  // `unknown_message_code`: a field's messages are keyed by value issue codes.
  if (spec.kind === 'messages') schema['propertyNames'] = { enum: [...valueIssueCodes] };
}

/**
 * The JSON Schema made as strict as `parseForm` wherever JSON Schema can say it (docs/schema.md,
 * "The JSON Schema for editors"): a condition is one of its forms, field names, option values and
 * header names are not `Object.prototype` members (locale keys cannot be: their pattern refuses them), a phone
 * country is one the phone check knows, a date bound is a real date, a consent does not start
 * agreed, a step names a field once, and no union types (so it compiles in ajv's strict mode).
 */
function tighten(generated: JsonSchema): JsonSchema {
  const schema = JSON.parse(JSON.stringify(generated)) as JsonSchema; // no shared nodes
  const defs = at(schema, '$defs');
  const fieldVariants = at(schema, 'properties', 'fields', 'items')['oneOf'] as JsonSchema[];

  // The condition, a recursive schema zod puts in $defs under a generated name: call it `condition`.
  const conditionRef = at(fieldVariants[0]!, 'properties', 'visibleWhen')['$ref'] as string;
  const generatedName = conditionRef.replace('#/$defs/', '');
  walk(schema, (node) => {
    if (node['$ref'] === conditionRef) node['$ref'] = '#/$defs/condition';
  });
  const condition = at(defs, generatedName);
  delete defs[generatedName];
  defs['condition'] = condition;
  tightenCondition(condition);
  // A cascade's option, also recursive (its `children`): call it `cascadeOption`; its value is no
  // `Object.prototype` member either.
  const cascadeVariant = fieldVariants.find((variant) => at(variant, 'properties', 'type')['const'] === 'cascade');
  if (cascadeVariant) {
    const treeRef = at(cascadeVariant, 'properties', 'options', 'items')['$ref'] as string;
    const treeName = treeRef.replace('#/$defs/', '');
    walk(schema, (node) => {
      if (node['$ref'] === treeRef) node['$ref'] = '#/$defs/cascadeOption';
    });
    const tree = at(defs, treeName);
    delete defs[treeName];
    tree['description'] = 'A choice of a cascade field: `value`, `label`, and the choices of the next level in `children`.';
    at(tree, 'properties', 'value')['not'] = { enum: reservedNames };
    defs['cascadeOption'] = tree;
  }
  defs['country'] = {
    description: 'An ISO 3166-1 alpha-2 country the phone check knows.',
    type: 'string',
    enum: [...phoneCallingCodes().keys()].sort(),
  };

  for (const variant of fieldVariants) {
    const properties = at(variant, 'properties');
    const type = at(properties, 'type')['const'] as FieldType;
    for (const [key, spec] of Object.entries(keysOf(type))) {
      if (key !== 'type') tightenValue(at(properties, key), spec);
    }
    // `consent_default`: a consent never starts agreed.
    if (type === 'consent') at(properties, 'default')['const'] = false;
  }
  // `step_duplicate_field`, within one step (a field in two steps is a rule across steps).
  at(schema, 'properties', 'steps', 'items', 'properties', 'fields')['uniqueItems'] = true;
  // `reserved_name` for header names too.
  at(schema, 'properties', 'submit', 'properties', 'headers')['propertyNames'] = { not: { enum: reservedNames } };

  walk(schema, splitUnionType);
  return schema;
}

function buildJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(formSchemas().formSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...tighten(schema),
    title: 'Intake form',
    description: 'An Intake form: fields, conditions, steps, tags and delivery. See the schema reference in the Intake docs.',
  };
}

/**
 * The JSON Schema (draft 2020-12) of the form format, generated from the zod schema that defines
 * it (`schema/form-schema.ts`; `parseForm` reads forms with `readForm`, a reader kept equal to
 * that schema, so browsers get no zod), then made as strict as `parseForm` wherever JSON Schema
 * can say it (see `tighten`). Also shipped as `@intake/core/form.schema.json`, so a form file can
 * say `"$schema": "./node_modules/@intake/core/form.schema.json"` and editors autocomplete it.
 * It compiles in ajv's strict mode. (Rules across fields, such as conditions naming real fields,
 * are checked by `parseForm` only: docs/schema.md lists them.)
 */
export const formJsonSchema: Readonly<Record<string, unknown>> = /*@__PURE__*/ buildJsonSchema();
