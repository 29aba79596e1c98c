import { empty, fail, ok, type NormalizeResult } from './result.js';

/** Normalizes a yes/no field: `true` or `false`. */
export function normalizeBoolean(raw: unknown): NormalizeResult<boolean> {
  if (raw === undefined || raw === null) return empty;
  return typeof raw === 'boolean' ? ok(raw) : fail('invalid_type');
}

/** Normalizes a consent tick box: `true` when ticked; unticked is empty. */
export function normalizeConsent(raw: unknown): NormalizeResult<true> {
  if (raw === undefined || raw === null || raw === false) return empty;
  return raw === true ? ok(true) : fail('invalid_type');
}

/** Normalizes a hidden value: any string as it is; numbers and booleans as strings. */
export function normalizeHidden(raw: unknown): NormalizeResult<string> {
  if (raw === undefined || raw === null || raw === '') return empty;
  if (typeof raw === 'string') return ok(raw);
  if (typeof raw === 'number' || typeof raw === 'boolean') return ok(String(raw));
  return fail('invalid_type');
}
