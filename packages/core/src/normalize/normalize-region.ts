import { currentRegionData } from '../region/current-region-data.js';
import type { RegionNode } from '../region/region-data.js';
import { empty, fail, ok, type NormalizeResult } from './result.js';
import { isObject } from '../schema/is-object.js';

/**
 * A region's value in `record.data` (docs/schema.md, "Region"): the 6-digit code of the deepest
 * level chosen and the official names, keys in this order; no `district` with `levels: 2` or for
 * a city with no district level.
 */
export interface RegionValue {
  readonly code: string;
  readonly province: string;
  readonly city: string;
  readonly district?: string;
}

/** The keys of a region field that its normalization reads. */
export interface RegionRules {
  /** 3 (province, city, district; the default) or 2 (province, city). */
  readonly levels?: number;
}

/** The record value of a complete choice. */
function recordOf(lineage: readonly RegionNode[]): RegionValue {
  const [province, city, district] = lineage;
  const code = lineage[lineage.length - 1]!.code;
  return district ? { code, province: province!.name, city: city!.name, district: district.name } : { code, province: province!.name, city: city!.name };
}

/**
 * Normalizes a region: the raw value is the 6-digit code of the deepest level chosen (what the
 * selects give); a received record's object `{ code, province, city, district? }` is accepted
 * when its names are exactly those of the code (else `region_mismatch`). The code must exist
 * (`invalid_option`), at the field's depth: a province alone, or a city where districts are
 * asked for, is `incomplete_choice` with the `level` (1-based) still to choose. Without region
 * data (`useRegionData`) nothing can be checked: `region_unavailable`.
 *
 * @example
 * normalizeRegion('440305', {}).value; // { code: '440305', province: '广东省', city: '深圳市', district: '南山区' }
 */
export function normalizeRegion(raw: unknown, rules: RegionRules = {}): NormalizeResult<RegionValue> {
  if (raw === undefined || raw === null || raw === '') return empty;
  const received = isObject(raw) ? raw : undefined;
  const code = received ? received['code'] : raw;
  if (typeof code !== 'string') return fail('invalid_type');
  if (!/^\d{6}$/.test(code)) return fail('invalid_option');
  const data = currentRegionData();
  if (!data) return fail('region_unavailable');
  const lineage = data.lineage(code);
  const levels = rules.levels ?? 3;
  if (!lineage || lineage.length > levels) return fail('invalid_option');
  const last = lineage[lineage.length - 1]!;
  if (lineage.length < levels && last.children.length > 0) return fail('incomplete_choice', { level: lineage.length + 1 });
  const value = recordOf(lineage);
  if (received && JSON.stringify(received) !== JSON.stringify(value)) return fail('region_mismatch');
  return ok(value);
}

/** Whether a normalized region lies within a division: the division itself, or inside it (`440000` holds `440305`). */
export function regionWithin(code: string, division: string): boolean {
  const prefix = division.endsWith('0000') ? division.slice(0, 2) : division.endsWith('00') ? division.slice(0, 4) : division;
  return code.startsWith(prefix);
}
