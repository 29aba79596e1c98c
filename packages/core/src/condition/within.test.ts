import { describe, expect, it } from 'vitest';
import { createIntake } from '../create-intake.js';
import { parseForm } from '../parse-form.js';
import { useRegionData } from '../region/current-region-data.js';
import { regionData } from '../region/region-data-module.js';
import type { Form } from '../schema/types.js';

useRegionData(regionData);

const form = {
  id: 'within',
  fields: [
    { type: 'region', name: 'address', label: 'Address' },
    { type: 'cascade', name: 'industry', label: 'Industry', levelLabels: ['Section', 'Division'], options: [{ value: 'C', children: [{ value: '13' }, { value: '14' }] }, { value: 'I', children: [{ value: '65' }] }] },
    { type: 'text', name: 'south', visibleWhen: { field: 'address', within: ['440000', '310100'] } },
    { type: 'text', name: 'maker', visibleWhen: { field: 'industry', within: ['C', '65'] } },
  ],
} as const satisfies Form;

describe('within', () => {
  it('holds for a region inside a province or a city, and for a cascade value below an option', () => {
    const intake = createIntake(form);
    const parsed = parseForm(form);
    expect(parsed.ok).toBe(true);
    for (const [code, shown] of [['440305', true], ['310115', true], ['310000', false], ['110101', false]] as const) {
      intake.set('address', code);
      expect(intake.isVisible('south'), code).toBe(shown);
    }
    for (const [value, shown] of [['13', true], ['65', true], ['C', false], ['I', false]] as const) {
      intake.set('industry', value);
      expect(intake.isVisible('maker'), value).toBe(shown);
    }
  });

  it('is checked by parseForm: the field type, the shape of region codes, cascade values in the tree', () => {
    const bad = (condition: object) => parseForm({ ...form, fields: [...form.fields, { type: 'text', name: 'x', visibleWhen: condition }] });
    const codes = (condition: object) => { const r = bad(condition); return r.ok ? [] : r.issues.map((i) => i.code); };
    expect(codes({ field: 'south', within: ['440000'] })).toEqual(['condition_type']);
    expect(codes({ field: 'address', within: ['4400'] })).toEqual(['condition_type']);
    expect(codes({ field: 'address', within: ['999900'] })).toEqual(['unknown_option']);
    expect(codes({ field: 'address', equals: '440000' })).toEqual(['condition_type']);
    expect(codes({ field: 'industry', within: ['Z'] })).toEqual(['unknown_option']);
    expect(codes({ field: 'industry', in: ['13', 'C'] })).toEqual([]);
  });

  it('refuses a partial choice with the level still to choose, in both locales', () => {
    const partial = { ...form, fields: [{ ...form.fields[0], required: true }, form.fields[1]] } as Form;
    const errors = (locale: string) => {
      const intake = createIntake(partial, { locale });
      intake.set('address', '440000');
      intake.set('industry', 'C');
      expect(intake.issueFor('address')?.code).toBe('incomplete_choice');
      return intake.validate().errors;
    };
    expect(errors('en')).toEqual({ address: 'Select the city for address', industry: 'Select the division for industry' });
    expect(errors('zh-CN')).toEqual({ address: '请选择Address的城市', industry: '请选择Industry的Division' });
  });

  it('a duplicate value anywhere in a cascade tree is a schema error', () => {
    const result = parseForm({ id: 'f', fields: [{ type: 'cascade', name: 'c', options: [{ value: 'a', children: [{ value: 'b' }] }, { value: 'b' }] }] });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['duplicate_option']);
  });
});
