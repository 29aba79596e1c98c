import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateForm } from '../bench/generate-form.js';
import { createIntake, type Intake } from './create-intake.js';
import { affectedBy } from './form-model.js';
import type { Form } from './schema/types.js';
import { parsed } from './test-support/parsed-form.js';

/**
 * A change re-checks only the fields it can alter (`affectedBy`): the fast path must leave every
 * field exactly as checking the whole form again from the same values does (the original).
 */

/** Everything a UI reads of each field. */
function view(intake: Intake, form: Form) {
  return form.fields.map((field) => ({
    name: field.name,
    visible: intake.isVisible(field.name),
    required: intake.isRequired(field.name),
    value: intake.normalized(field.name),
    issue: intake.issueFor(field.name),
  }));
}

describe('checking again after a change', () => {
  // The benchmarks' 200 generated fields: every type, `visibleWhen` / `requiredWhen` on earlier fields.
  const generated = generateForm(200);
  const form = parsed(generated.json);
  const names = form.fields.map((field) => field.name);
  const conditioned = form.fields.filter((field) => field.visibleWhen || field.requiredWhen).length;

  it('uses a form whose conditions read other fields', () => {
    expect(conditioned).toBeGreaterThan(20);
    expect(names.some((name) => affectedBy(form, [name]).size > 2)).toBe(true);
  });

  it('leaves every field as a full check of the same values does, over random edits', () => {
    // An edit: a field, and a valid value, an invalid one, or empty.
    const edit = fc.record({
      name: fc.constantFrom(...names),
      kind: fc.constantFrom('valid', 'empty', 'junk'),
      junk: fc.string({ maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const intake = createIntake(form, { context: { url: 'https://example.com/', referrer: '' } });
        for (const { name, kind, junk } of edits) {
          const valid = generated.values[name];
          intake.set(name, kind === 'valid' && valid !== undefined ? valid : kind === 'junk' ? junk : '');
          const fresh = createIntake(form, { values: intake.values, context: { url: 'https://example.com/', referrer: '' } });
          expect(view(intake, form)).toEqual(view(fresh, form));
        }
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });

  it('tells listeners of every field whose state changed, and of the one set', () => {
    const intake = createIntake(form, { values: generated.values, context: { url: 'https://example.com/', referrer: '' } });
    // A field read by others' conditions: emptying it changes their visibility or requirement.
    let told: readonly string[] = [];
    intake.subscribe((change) => (told = change.names));
    let checked = 0;
    for (const read of form.fields.filter((field) => affectedBy(form, [field.name]).size > 1)) {
      const before = view(intake, form);
      intake.set(read.name, '');
      const after = view(intake, form);
      const changed = after.filter((state, i) => JSON.stringify(state) !== JSON.stringify(before[i])).map((state) => state.name);
      expect(new Set(told)).toEqual(new Set([read.name, ...changed]));
      if (changed.some((name) => name !== read.name)) checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('affectedBy', () => {
  const form = parsed({
    id: 'chain',
    fields: [
      { type: 'boolean', name: 'a' },
      { type: 'text', name: 'b', visibleWhen: { field: 'a', equals: true } },
      { type: 'text', name: 'c', requiredWhen: { not: { field: 'b', filled: true } } },
      { type: 'text', name: 'd' },
    ],
  });

  it('follows conditions from field to field', () => {
    expect(affectedBy(form, ['a'])).toEqual(new Set(['a', 'b', 'c']));
    expect(affectedBy(form, ['b'])).toEqual(new Set(['b', 'c']));
    expect(affectedBy(form, ['d'])).toEqual(new Set(['d']));
  });
});
