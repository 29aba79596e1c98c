import type { Option } from '@intake/core';
import { baseKeys, fieldTypeTable, keysOf, type FieldTypeSpec, type KeySpec, type ValueSpec } from '@intake/core/internal';
import type { PropertyDeclaration } from 'lit';

/**
 * The attributes of a lone `<intake-field>` that define its field, derived from the table of field
 * types of `@intake/core` (`field-types.ts`): each key of each type is read from the property of
 * its name (attribute in kebab-case: `default-country`), or from the property the table names
 * (`min` and `max` for `minSelected` and `maxSelected`; `defaultValue`, attribute `value`, for
 * `default`). A key the table marks `element: false` (a condition, which names other fields of a
 * form) has none. A new key in the table is a new attribute here, with no change to this file.
 */

/** `countries="CN, HK, US"`: a list attribute, split on commas and spaces. */
const listConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
  toAttribute: (value: readonly string[] | undefined) => value?.join(','),
};

/** `level-labels="Section, Division"`: a list of texts, split on commas only (a label may hold spaces). */
const textListConverter = {
  fromAttribute: (value: string | null) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : undefined),
  toAttribute: (value: readonly string[] | undefined) => value?.join(', '),
};

/** Attribute names that are not the kebab-case of their property. */
const attributeNames: Readonly<Record<string, string>> = { defaultValue: 'value' };

/**
 * Properties the element reflects (`type`, `name`, `required`). `useDefault`: the values the
 * constructor gives are defaults, not written back to the attributes (a form renders hundreds of
 * fields, each of which reflected four attributes on load), and removing an attribute brings the
 * default back.
 */
const reflected: ReadonlySet<string> = new Set(['type', 'name', 'required']);

/** The property a key is read from, or `false`. */
const propertyOf = (key: string, spec: KeySpec): string | false => spec.element ?? key;

/** Every key of every type (the keys every field has first), with the property it is read from. */
function allKeys(): [key: string, spec: KeySpec, property: string][] {
  const keys: [string, KeySpec, string][] = [];
  for (const table of [baseKeys, ...Object.values(fieldTypeTable as Readonly<Record<string, FieldTypeSpec>>).map((type) => type.keys ?? {})]) {
    for (const [key, spec] of Object.entries(table) as [string, KeySpec][]) {
      const property = propertyOf(key, spec);
      if (property !== false) keys.push([key, spec, property]);
    }
  }
  return keys;
}

/** A property's lit declaration, from the kinds of the keys read from it. */
function declarationOf(property: string, kinds: ReadonlySet<ValueSpec['kind'] | 'textList'>): PropertyDeclaration {
  const declaration: PropertyDeclaration = {};
  const attribute = attributeNames[property] ?? property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  if (attribute !== property.toLowerCase()) (declaration as { attribute: string }).attribute = attribute;
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  // Options (a list, or a cascade's tree) and a field's own messages are objects: properties only.
  if ([...kinds].every((kind) => kind === 'options' || kind === 'tree') || only === 'messages') return { attribute: false };
  if (only === 'textList') (declaration as { converter: typeof textListConverter }).converter = textListConverter;
  if (only === 'boolean') (declaration as { type: BooleanConstructor }).type = Boolean;
  if (only === 'number') (declaration as { type: NumberConstructor }).type = Number;
  if (only === 'list') (declaration as { converter: typeof listConverter }).converter = listConverter;
  if (reflected.has(property)) Object.assign(declaration, { reflect: true, useDefault: true });
  return declaration;
}

function buildProperties(): Record<string, PropertyDeclaration> {
  const kinds = new Map<string, Set<ValueSpec['kind'] | 'textList'>>();
  for (const [key, spec, property] of allKeys()) {
    // `default` holds the type's kind; its attribute is text, read by `parseDefault`.
    const set = kinds.get(property) ?? new Set();
    set.add(key === 'default' ? 'text' : spec.kind === 'int' ? 'number' : spec.kind === 'list' && spec.of.kind === 'text' ? 'textList' : spec.kind);
    kinds.set(property, set);
  }
  const properties: Record<string, PropertyDeclaration> = {};
  for (const [property, set] of kinds) properties[property] = declarationOf(property, set);
  return properties;
}

/** The lit `static properties` entries of the definition attributes of `<intake-field>`. */
export const fieldAttributeProperties: Readonly<Record<string, PropertyDeclaration>> = /*@__PURE__*/ buildProperties();

/** The properties that define a lone field: a change of any of them rebuilds its definition. */
export const definitionProperties: readonly string[] = /*@__PURE__*/ Object.keys(fieldAttributeProperties);

/** The choices written as child `<option>` elements. */
function childOptions(host: Element): Option[] {
  return [...host.querySelectorAll('option')].map((option) => ({ value: option.value, label: option.textContent?.trim() || option.value }));
}

/** The attribute `value` as the default of a field whose values are of `kind`. */
function parseDefault(kind: ValueSpec['kind'], text: string): unknown {
  if (kind === 'list') return text.split(',').map((value) => value.trim()).filter(Boolean);
  if (kind === 'boolean') return text === '' || text === 'true' || text === 'on';
  if (kind === 'number') return text.trim() === '' ? undefined : Number(text);
  return text;
}

/** A property's value as the key's value: numbers from text, country codes in upper case. */
function valueOf(spec: ValueSpec, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if ((spec.kind === 'number' || spec.kind === 'int') && typeof value === 'string') return Number(value);
  if (spec.kind === 'string' && spec.pattern === 'country') return String(value).toUpperCase();
  if (spec.kind === 'list' && Array.isArray(value)) return value.map((item: unknown) => valueOf(spec.of, item));
  return value;
}

/**
 * The definition of a lone field, from the properties (attributes) of its element `host`: the
 * keys of its type that are set (not empty, not `false`), its `options` from the `options`
 * property or its child `<option>` elements, and its `default` from the attribute `value`.
 * An unknown `type` gets the keys every field has, so that `parseForm` names the allowed types.
 */
export function definitionFromAttributes(host: Element, name: string): Record<string, unknown> {
  const properties = host as unknown as Readonly<Record<string, unknown>>;
  const type = (properties['type'] as string | undefined) || 'text';
  const keys = Object.hasOwn(fieldTypeTable, type) ? keysOf(type as keyof typeof fieldTypeTable) : baseKeys;
  const definition: Record<string, unknown> = { type, name };
  for (const [key, spec] of Object.entries(keys) as [string, KeySpec][]) {
    const property = propertyOf(key, spec);
    if (property === false || key === 'type' || key === 'name') continue;
    const value = properties[property];
    if (spec.kind === 'options' || spec.kind === 'tree') definition[key] = value ?? childOptions(host);
    else if (key === 'default') {
      if (typeof value === 'string') definition[key] = parseDefault(spec.kind, value);
    } else {
      const converted = valueOf(spec, value);
      if (converted !== undefined && converted !== null && converted !== '' && converted !== false) definition[key] = converted;
    }
  }
  return definition;
}
