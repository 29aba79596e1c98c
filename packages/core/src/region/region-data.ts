/** One division of China (GB/T 2260): a province, a city or a district. */
export interface RegionNode {
  /** The 6-digit code (`440000`, `440300`, `440305`). */
  readonly code: string;
  /** The official name (`广东省`, `深圳市`, `南山区`); a municipality's city reads its own name (`上海市`). */
  readonly name: string;
  /** The divisions of the next level; empty for a district, and for a city with no district level (`东莞市`). */
  readonly children: readonly RegionNode[];
}

/** China's administrative divisions as the `region` field uses them (docs/schema.md, "Region"). */
export interface RegionData {
  /** The version of the npm package the data was generated from. */
  readonly version: string;
  /** The provinces (省、自治区、直辖市), in code order. */
  readonly provinces: readonly RegionNode[];
  /** The divisions from the province down to the one with this 6-digit code, or `undefined` for an unknown code. */
  lineage(code: string): readonly RegionNode[] | undefined;
}

/**
 * Reads the compact text written by `scripts/build-region-data.mjs` into a {@link RegionData}.
 *
 * @example
 * parseRegionData(regionDataText, '2.7.0').lineage('440305')?.map((node) => node.name); // ['广东省', '深圳市', '南山区']
 */
export function parseRegionData(text: string, version: string): RegionData {
  const byCode = new Map<string, readonly RegionNode[]>();
  const provinces = text.split('\n').map((line) => {
    const [head, ...cityParts] = line.split('|');
    const province: RegionNode = { code: `${head!.slice(0, 2)}0000`, name: head!.slice(2), children: [] };
    byCode.set(province.code, [province]);
    for (const part of cityParts) {
      const [cityHead, ...districtParts] = part.split(',');
      const city: RegionNode = { code: head!.slice(0, 2) + cityHead!.slice(0, 4), name: cityHead!.slice(4), children: [] };
      (province.children as RegionNode[]).push(city);
      byCode.set(city.code, [province, city]);
      for (const districtPart of districtParts) {
        const district: RegionNode = { code: city.code.slice(0, 4) + districtPart.slice(0, 2), name: districtPart.slice(2), children: [] };
        (city.children as RegionNode[]).push(district);
        byCode.set(district.code, [province, city, district]);
      }
    }
    return province;
  });
  return { version, provinces, lineage: (code) => byCode.get(code) };
}
