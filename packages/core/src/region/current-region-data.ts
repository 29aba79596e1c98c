import type { RegionData } from './region-data.js';

/**
 * The region data in use (docs/schema.md, "Region"): none until a page or a server provides it.
 * The core stays synchronous and fetches nothing; without data a region value cannot be checked,
 * so it is refused (`region_unavailable`), never accepted unchecked.
 */
let current: RegionData | undefined;
const listeners = new Set<() => void>();

/** The region data that judges region values now, if any. */
export function currentRegionData(): RegionData | undefined {
  return current;
}

/**
 * Makes `data` the region data from now on (from `@intake/core/region-data`, or the data file a
 * page loaded), and tells every listener.
 *
 * @example
 * import { regionData } from '@intake/core/region-data';
 * useRegionData(regionData);
 */
export function useRegionData(data: RegionData): void {
  if (data === current) return;
  current = data;
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after the region data is set. Returns the function that stops it. */
export function onRegionDataChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
