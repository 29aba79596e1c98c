import { empty, fail, ok, type NormalizeResult } from './result.js';

/** Options of {@link normalizeDate}. */
export interface DateRules {
  /** Earliest date, `YYYY-MM-DD`; {@link defaultDateMin} when absent. */
  readonly min?: string | undefined;
  /** Latest date, `YYYY-MM-DD`; {@link defaultDateMax} when absent. */
  readonly max?: string | undefined;
}

/**
 * The bounds of a date without its own `min` or `max` (docs/schema.md#date): a year typed into
 * the wrong segment of a date input (`6315`, `0026`) is refused, not taken for another date.
 */
export const defaultDateMin = '1900-01-01';
/** See {@link defaultDateMin}. */
export const defaultDateMax = '2100-12-31';

// 2026-11-23, 2026/11/23, 2026.11.23, 2026年11月23日 (after NFKC, so full-width digits work too).
const shape = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** Whether a year, month and day form a real date of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Parses `YYYY-MM-DD` and its common written forms into `YYYY-MM-DD`, or `undefined`. */
export function parseDate(text: string): string | undefined {
  const match = shape.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (!isRealDate(year, month, day)) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Normalizes a date to `YYYY-MM-DD`, checking it is a real date within `min` and `max` (by
 * default {@link defaultDateMin} and {@link defaultDateMax}).
 *
 * @example
 * normalizeDate('2026年1月5日').value; // '2026-01-05'
 */
export function normalizeDate(raw: unknown, rules: DateRules = {}): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  if (raw.trim() === '') return empty;
  const value = parseDate(raw);
  if (value === undefined) return fail('invalid_date', { example: rules.min ?? '2026-01-31' });
  const { min = defaultDateMin, max = defaultDateMax } = rules;
  if (value < min) return fail('date_too_early', { min });
  if (value > max) return fail('date_too_late', { max });
  return ok(value);
}
