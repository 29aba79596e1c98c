// A required region field before (or without) the region data: nobody can choose a region then,
// so the field says the list has not loaded instead of asking for a choice; once the data is
// there, it asks for the choice again. (Its own file: the region data is module state, and the
// other tests of this package load it.)
import { describe, expect, it } from 'vitest';
import { createIntake } from '../create-intake.js';
import { parsed } from '../test-support/parsed-form.js';
import { currentRegionData, useRegionData } from './current-region-data.js';
import { regionData } from './region-data-module.js';

const form = parsed({
  id: 'region-unavailable',
  fields: [
    { type: 'region', name: 'address', label: { en: 'Company address', 'zh-CN': '公司所在地区' }, required: true },
    { type: 'region', name: 'branch', label: 'Branch' },
  ],
});

describe('a required region field without region data', () => {
  it('says the list has not loaded, in both locales, and asks for a choice once the data is there', () => {
    expect(currentRegionData()).toBeUndefined();
    const intake = createIntake(form, { locale: 'en' });
    const seen: string[][] = [];
    const stop = intake.subscribe((change) => seen.push([...change.names]));
    const before = intake.validate();
    expect(before.valid).toBe(false);
    expect(intake.issueFor('address')).toEqual({ code: 'region_unavailable', message: 'The list of regions has not loaded. Wait a moment or reload the page' });
    // An optional empty region field is fine either way.
    expect(intake.issueFor('branch')).toBeUndefined();
    intake.locale = 'zh-CN';
    expect(intake.errorFor('address')).toBe('地区列表尚未加载，请稍候或刷新页面');

    useRegionData(regionData);
    expect(seen.length).toBeGreaterThan(0);
    expect(intake.issueFor('address')?.code).toBe('required_choice');
    expect(intake.errorFor('address')).not.toBe('地区列表尚未加载，请稍候或刷新页面');
    intake.set('address', '440305');
    expect(intake.validate().valid).toBe(true);
    expect(intake.normalized('address')).toEqual({ code: '440305', province: '广东省', city: '深圳市', district: '南山区' });
    stop();
  });
});
