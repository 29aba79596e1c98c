import { fieldTypes, type FieldType } from '@intake/core';
import { keysOf, type KeySpec, type ValueSpec } from '@intake/core/internal';
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import { definitionProperties, fieldAttributeProperties } from './field-attributes.js';
import { IntakeField } from './intake-field.js';

// Walks the table of field types of @intake/core (the part of packages/core/src/schema/
// field-types.test.ts that needs a browser): every key of every type is taken by a lone
// `<intake-field>` from its attribute (or, for `options`, its property) into its definition.

/** The default of a field of `type` as the attribute `value` writes it, and as the definition holds it. */
const defaults: Readonly<Record<FieldType, readonly [string, unknown]>> = {
  text: ['a', 'a'],
  textarea: ['a', 'a'],
  email: ['a@example.com', 'a@example.com'],
  phone: ['+14155552671', '+14155552671'],
  number: ['2', 2],
  date: ['2026-01-01', '2026-01-01'],
  select: ['a', 'a'],
  radio: ['a', 'a'],
  checkboxes: ['a', ['a']],
  boolean: ['true', true],
  consent: ['false', false],
  hidden: ['a', 'a'],
  cascade: ['a', 'a'],
  region: ['440305', '440305'],
};

const options = [{ value: 'a', label: 'A' }];

/** An attribute text for a key, and the value the definition should then hold. */
function sample(type: FieldType, key: string, spec: ValueSpec | KeySpec): readonly [string, unknown] {
  if (key === 'default') return defaults[type];
  switch (spec.kind) {
    case 'string':
      if (spec.oneOf) return [spec.oneOf[0]!, spec.oneOf[0]];
      if (spec.pattern === 'country') return ['us', 'US'];
      return 'isoDate' in spec && spec.isoDate ? ['2026-01-01', '2026-01-01'] : ['a', 'a'];
    case 'number':
      return ['2', 2];
    case 'int':
      return [String(spec.min), spec.min];
    case 'boolean':
      return ['', true];
    case 'list': {
      if (spec.of.kind === 'text') return ['Section, Sub section', ['Section', 'Sub section']];
      const of = spec.of.kind === 'string' ? spec.of.oneOf : undefined;
      return of ? [`${of[0]}, ${of[1]}`, [of[0], of[1]]] : ['us, gb', ['US', 'GB']];
    }
    default:
      return ['A', 'A'];
  }
}

/** The attribute of a property, as lit derives it. */
function attributeOf(property: string): string {
  const declared = fieldAttributeProperties[property]?.attribute;
  return typeof declared === 'string' ? declared : property.toLowerCase();
}

const cases = fieldTypes.flatMap((type) =>
  Object.entries(keysOf(type))
    .filter(([key, spec]) => spec.element !== false && key !== 'type' && key !== 'name')
    .map(([key, spec]) => ({ type, key, spec })),
);

describe('field attributes: the table of field types on <intake-field>', () => {
  it('declares a property of the element for every key of every type (but those marked element: false)', () => {
    const declared = IntakeField.elementProperties;
    for (const type of fieldTypes) {
      for (const [key, spec] of Object.entries(keysOf(type))) {
        if (spec.element === false) {
          expect(spec.kind, `${type}.${key}`).to.equal('condition');
          continue;
        }
        const property = spec.element ?? key;
        expect(declared.has(property as keyof IntakeField), `${type}.${key} -> ${property}`).to.equal(true);
        expect(definitionProperties, `${type}.${key}`).to.include(property);
      }
    }
  });

  it('keeps the attribute names of the element (kebab-case, `value` for the default, options a property)', () => {
    expect(attributeOf('defaultCountry')).to.equal('default-country');
    expect(attributeOf('minLength')).to.equal('min-length');
    expect(attributeOf('defaultValue')).to.equal('value');
    expect(fieldAttributeProperties['options']).to.deep.equal({ attribute: false });
    expect(fieldAttributeProperties['type']).to.include({ reflect: true, useDefault: true });
  });

  for (const { type, key, spec } of cases) {
    it(`${type}.${key}: taken from ${spec.kind === 'options' || spec.kind === 'tree' || spec.kind === 'messages' ? `the ${key} property` : `the attribute ${attributeOf(spec.element || key)}`}`, async () => {
      const el = await fixture<IntakeField>(html`<intake-field type=${type} name="x"></intake-field>`);
      const choices = Object.hasOwn(keysOf(type), 'options');
      if (choices) el.options = options;
      let expected: unknown = options;
      if (spec.kind === 'messages') {
        expected = { required: { en: 'Tell us X' } };
        (el as unknown as { messages: unknown }).messages = expected;
      } else if (spec.kind !== 'options' && spec.kind !== 'tree') {
        const [text, value] = sample(type, key, spec);
        el.setAttribute(attributeOf(spec.element || key), text);
        expected = value;
      }
      await el.updateComplete;
      const field = el.controller?.form.fields[0] as unknown as Record<string, unknown> | undefined;
      expect(field, `${type}.${key}: the definition was refused`).to.not.equal(undefined);
      expect(field![key]).to.deep.equal(expected);
    });
  }
});
