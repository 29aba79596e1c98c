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
 * Only the provinces are read at once: a province's cities and districts are read the first time
 * its `children` or a code under it (`lineage`) is asked for. A page draws the province list
 * first and most people pick one province, and reading all 3,000 divisions up front took
 * 6–17 ms of a page's load (docs/BENCHMARKS.md).
 *
 * @example
 * parseRegionData(regionDataText, '2.7.0').lineage('440305')?.map((node) => node.name); // ['广东省', '深圳市', '南山区']
 */
export function parseRegionData(text: string, version: string): RegionData {
  const byCode = new Map<string, readonly RegionNode[]>();
  // The provinces by the first two digits of their codes (a Map: codes come from outside).
  const byPrefix = new Map<string, RegionNode>();
  const provinces = text.split('\n').map((line) => {
    const bar = line.indexOf('|');
    const head = bar < 0 ? line : line.slice(0, bar);
    const prefix = head.slice(0, 2);
    let children: readonly RegionNode[] | undefined;
    const province: RegionNode = {
      code: `${prefix}0000`,
      name: head.slice(2),
      get children() {
        return (children ??= bar < 0 ? [] : readCities(province, line.slice(bar + 1), byCode));
      },
    };
    byCode.set(province.code, [province]);
    byPrefix.set(prefix, province);
    return province;
  });
  return {
    version,
    provinces,
    lineage: (code) => {
      void byPrefix.get(code.slice(0, 2))?.children; // reads the province's divisions if not yet
      return byCode.get(code);
    },
  };
}

/** The cities (with their districts) of `province` from its part of the text, each noted in `byCode`. */
function readCities(province: RegionNode, text: string, byCode: Map<string, readonly RegionNode[]>): RegionNode[] {
  return text.split('|').map((part) => {
    const [cityHead, ...districtParts] = part.split(',');
    const city: RegionNode = { code: province.code.slice(0, 2) + cityHead!.slice(0, 4), name: cityHead!.slice(4), children: [] };
    byCode.set(city.code, [province, city]);
    for (const districtPart of districtParts) {
      const district: RegionNode = { code: city.code.slice(0, 4) + districtPart.slice(0, 2), name: districtPart.slice(2), children: [] };
      (city.children as RegionNode[]).push(district);
      byCode.set(district.code, [province, city, district]);
    }
    return city;
  });
}
