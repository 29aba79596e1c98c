import { fieldTypes, type Field } from '@intake/core';
import { expect } from '@open-wc/testing';
import { rendererFor, rendererInUse } from './registry.js';

// Walks core's table of field types (core/src/schema/field-types.ts): a type added there without
// a renderer here would render nothing, so this fails until it has one (docs/ARCHITECTURE.md).
describe('renderers/registry', () => {
  it('has a renderer for every field type of the table but hidden, which shows nothing', () => {
    expect(fieldTypes.length).to.be.greaterThan(10);
    for (const type of fieldTypes) {
      const renderer = rendererFor(type);
      if (type === 'hidden') expect(renderer, type).to.equal(undefined);
      else expect(renderer?.render, type).to.be.a('function');
    }
  });

  it('finds nothing for names that are not types, __proto__ included', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(rendererFor(name as Field['type']), name).to.equal(undefined);
    }
  });

  it('keeps the renderer and its state while the type stays, and starts afresh when it changes', () => {
    const first = rendererInUse(undefined, 'phone');
    expect(rendererInUse(first, 'phone')).to.equal(first);
    const changed = rendererInUse(first, 'text');
    expect(changed.type).to.equal('text');
    expect(changed.renderer).to.equal(rendererFor('text'));
    expect(changed).not.to.equal(first);
  });
});
