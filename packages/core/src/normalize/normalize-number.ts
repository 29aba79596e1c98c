import { empty, fail, ok, type NormalizeResult } from './result.js';

/** Options of {@link normalizeNumber}. */
export interface NumberRules {
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly integer?: boolean;
}

const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const grouped = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses what a person typed as a number: full-width digits, a leading `+`, thousands separators
 * (`1,000,000`) and spaces are accepted. Returns `undefined` for anything else.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.normalize('NFKC').replace(/[\s\u3000_]/g, '').replace(/[\u2212\u2012-\u2015]/g, '-');
  if (s.includes(',')) {
    if (!grouped.test(s)) return undefined;
    s = s.replace(/,/g, '');
  }
  if (!decimal.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Normalizes a number: a JSON number within `min`/`max`, a whole number when `integer`, and a
 * multiple of `step` counted from `min` (or 0).
 *
 * @example
 * normalizeNumber('１,２００', { integer: true }).value; // 1200
 */
export function normalizeNumber(raw: unknown, rules: NumberRules = {}): NormalizeResult<number> {
  if (raw === undefined || raw === null) return empty;
  let value: number | undefined;
  if (typeof raw === 'number') {
    value = Number.isFinite(raw) ? raw : undefined;
  } else if (typeof raw === 'string') {
    if (raw.trim() === '') return empty;
    value = parseNumber(raw);
  } else {
    return fail('invalid_type');
  }
  if (value === undefined) return fail('invalid_number');
  if (Object.is(value, -0)) value = 0;
  if (rules.integer && !Number.isInteger(value)) return fail('not_integer');
  if (rules.min !== undefined && value < rules.min) return fail('number_too_small', { min: rules.min });
  if (rules.max !== undefined && value > rules.max) return fail('number_too_big', { max: rules.max });
  if (rules.step !== undefined && !isMultiple(value - (rules.min ?? 0), rules.step)) {
    return fail('step_mismatch', { step: rules.step });
  }
  return ok(value);
}

function isMultiple(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9 * Math.max(1, Math.abs(quotient));
}
