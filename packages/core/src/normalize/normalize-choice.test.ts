import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Option } from '../schema/types.js';
import { normalizeChoice, normalizeChoices, type ChoicesRules } from './normalize-choice.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';


const industries: readonly Option[] = [
  { value: 'mfg', label: { en: 'Manufacturing', 'zh-CN': '制造业' } },
  { value: 'energy', label: 'Energy' },
  { value: 'retail' },
  { value: 'Retail', label: 'Retail (wholesale)' },
];

const interests: readonly Option[] = [{ value: 'demo' }, { value: 'pricing' }, { value: 'support' }, { value: 'partnership' }];

describe('normalizeChoice (select and radio)', () => {
  it('gives the option value', () => {
    expect(normalizeChoice('mfg', industries)).toEqual({ ok: true, value: 'mfg' });
    expect(normalizeChoice('retail', industries)).toEqual({ ok: true, value: 'retail' });
    expect(normalizeChoice('Retail', industries)).toEqual({ ok: true, value: 'Retail' });
  });

  it('never takes a label for a value', () => {
    expect(normalizeChoice('Manufacturing', industries)).toEqual({ ok: false, code: 'invalid_option' });
    expect(normalizeChoice('制造业', industries)).toEqual({ ok: false, code: 'invalid_option' });
    expect(normalizeChoice('Energy', industries)).toEqual({ ok: false, code: 'invalid_option' });
  });

  it('matches the value exactly: case, spaces and width count', () => {
    for (const raw of ['MFG', ' mfg', 'mfg ', 'ｍｆｇ', 'mf', 'mfgx']) {
      expect(normalizeChoice(raw, industries), raw).toEqual({ ok: false, code: 'invalid_option' });
    }
  });

  it('reads nothing and the empty string as empty', () => {
    for (const raw of [undefined, null, '']) expect(normalizeChoice(raw, industries)).toEqual({ ok: true, value: undefined });
  });

  it('refuses values that are not strings, even when their text is an option', () => {
    const numbered: Option[] = [{ value: '1' }, { value: 'true' }];
    for (const raw of [1, true, ['1'], { value: '1' }]) {
      expect(normalizeChoice(raw, numbered)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });

  it('refuses everything when there are no options', () => {
    expect(normalizeChoice('mfg', [])).toEqual({ ok: false, code: 'invalid_option' });
  });
});

describe('normalizeChoices (checkboxes)', () => {
  it('gives the chosen values in option order', () => {
    expect(normalizeChoices(['support', 'demo'], interests)).toEqual({ ok: true, value: ['demo', 'support'] });
    expect(normalizeChoices(['partnership', 'pricing', 'demo'], interests)).toEqual({ ok: true, value: ['demo', 'pricing', 'partnership'] });
  });

  it('keeps each value once', () => {
    expect(normalizeChoices(['demo', 'demo', 'pricing', 'demo'], interests)).toEqual({ ok: true, value: ['demo', 'pricing'] });
  });

  it('refuses unknown values and labels', () => {
    expect(normalizeChoices(['demo', 'webinar'], interests)).toEqual({ ok: false, code: 'invalid_option' });
    expect(normalizeChoices(['Manufacturing'], industries)).toEqual({ ok: false, code: 'invalid_option' });
    expect(normalizeChoices(['DEMO'], interests)).toEqual({ ok: false, code: 'invalid_option' });
    expect(normalizeChoices([''], interests)).toEqual({ ok: false, code: 'invalid_option' });
  });

  it('reads nothing and an empty list as empty', () => {
    for (const raw of [undefined, null, []]) expect(normalizeChoices(raw, interests)).toEqual({ ok: true, value: undefined });
  });

  it('reads an empty list as empty even with minSelected (required-ness is checked elsewhere)', () => {
    expect(normalizeChoices([], interests, { minSelected: 2 })).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a list of strings', () => {
    for (const raw of ['demo', 'demo,pricing', ['demo', 1], [null], [['demo']], { 0: 'demo', length: 1 }, new Set(['demo']), true]) {
      expect(normalizeChoices(raw, interests)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });

  it('checks minSelected and maxSelected on the distinct values', () => {
    const rules: ChoicesRules = { minSelected: 2, maxSelected: 3 };
    expect(normalizeChoices(['demo'], interests, rules)).toEqual({ ok: false, code: 'too_few_selected', params: { min: 2 } });
    expect(normalizeChoices(['demo', 'demo'], interests, rules)).toEqual({ ok: false, code: 'too_few_selected', params: { min: 2 } });
    expect(normalizeChoices(['pricing', 'demo'], interests, rules)).toEqual({ ok: true, value: ['demo', 'pricing'] });
    expect(normalizeChoices(['support', 'pricing', 'demo'], interests, rules)).toEqual({ ok: true, value: ['demo', 'pricing', 'support'] });
    expect(normalizeChoices(['support', 'pricing', 'demo', 'partnership'], interests, rules)).toEqual({
      ok: false,
      code: 'too_many_selected',
      params: { max: 3 },
    });
  });

  it('reports an unknown value before the number of choices', () => {
    expect(normalizeChoices(['nope'], interests, { minSelected: 2 })).toEqual({ ok: false, code: 'invalid_option' });
  });

  it('does not change the array it was given', () => {
    const raw = ['support', 'demo', 'demo'];
    normalizeChoices(raw, interests);
    expect(raw).toEqual(['support', 'demo', 'demo']);
  });
});

describe('choice properties', () => {
  const optionValues = fc.uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 8,
  });
  const optionsAndPick = optionValues.chain((values) =>
    fc.tuple(
      fc.constant(values.map((value): Option => ({ value, label: `Label of ${value}` }))),
      fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 10 }),
    ),
  );
  const rules: fc.Arbitrary<ChoicesRules> = fc.record({ minSelected: fc.nat({ max: 5 }), maxSelected: fc.nat({ max: 8 }) }, { requiredKeys: [] });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(optionsAndPick, fc.anything(), rules, ([options], raw, choicesRules) => {
        expectWellFormed(normalizeChoice(raw, options));
        expectWellFormed(normalizeChoices(raw, options, choicesRules));
        expectWellFormed(normalizeChoices([raw], options, choicesRules));
      }),
    );
  });

  it('select gives an option value or refuses, and is idempotent', () => {
    fc.assert(
      fc.property(optionsAndPick, ([options, picks]) => {
        for (const raw of picks) {
          const result = normalizeChoice(raw, options);
          if (raw === '') expect(result).toEqual({ ok: true, value: undefined });
          else if (options.some((o) => o.value === raw)) expect(result).toEqual({ ok: true, value: raw });
          else expect(result).toEqual({ ok: false, code: 'invalid_option' });
          if (result.ok && result.value !== undefined) expect(normalizeChoice(result.value, options)).toEqual(result);
        }
      }),
    );
  });

  it('checkboxes give distinct option values in option order, within the bounds', () => {
    fc.assert(
      fc.property(optionsAndPick, rules, ([options, picks], choicesRules) => {
        const result = normalizeChoices(picks, options, choicesRules);
        if (!result.ok || result.value === undefined) return;
        const values = options.map((o) => o.value);
        expect(result.value).toEqual(values.filter((v) => picks.includes(v)));
        expect(new Set(result.value).size).toBe(result.value.length);
        expect(result.value.length).toBeGreaterThanOrEqual(choicesRules.minSelected ?? 0);
        expect(result.value.length).toBeLessThanOrEqual(choicesRules.maxSelected ?? Infinity);
      }),
    );
  });

  it('checkboxes refuse exactly the lists holding a value that is not an option', () => {
    fc.assert(
      fc.property(optionsAndPick, ([options, picks]) => {
        const unknown = picks.some((p) => !options.some((o) => o.value === p));
        const result = normalizeChoices(picks, options);
        if (unknown) expect(result).toEqual({ ok: false, code: 'invalid_option' });
        else expect(result.ok).toBe(true);
      }),
    );
  });

  it('checkboxes are idempotent under the same rules, and ignore the order of the input', () => {
    fc.assert(
      fc.property(optionsAndPick, rules, ([options, picks], choicesRules) => {
        const first = normalizeChoices(picks, options, choicesRules);
        expect(normalizeChoices([...picks].reverse(), options, choicesRules)).toEqual(first);
        if (first.ok && first.value !== undefined) expect(normalizeChoices(first.value, options, choicesRules)).toEqual(first);
      }),
    );
  });
});
