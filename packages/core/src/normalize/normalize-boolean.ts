import { cleanText } from './clean-text.js';
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

/**
 * Normalizes a hidden value: a string as it is but for what no record may hold (`cleanText`), and
 * line breaks that are control characters (CRLF, CR, VT, FF, NEL) made `\n` as in a textarea, so it
 * holds no control character but tab and line feed; numbers and booleans as strings.
 */
export function normalizeHidden(raw: unknown): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw === 'string') {
    const value = cleanText(raw).replace(/\r\n?|[\u000B\u000C\u0085]/g, '\n');
    return value === '' ? empty : ok(value);
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return ok(String(raw));
  return fail('invalid_type');
}
