import { empty, fail, ok, type NormalizeResult } from './result.js';

/** Options of {@link normalizeDate}. */
export interface DateRules {
  /** Earliest date, `YYYY-MM-DD`. */
  readonly min?: string;
  /** Latest date, `YYYY-MM-DD`. */
  readonly max?: string;
}

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
 * Normalizes a date to `YYYY-MM-DD`, checking it is a real date within `min` and `max`.
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
  if (rules.min !== undefined && value < rules.min) return fail('date_too_early', { min: rules.min });
  if (rules.max !== undefined && value > rules.max) return fail('date_too_late', { max: rules.max });
  return ok(value);
}
