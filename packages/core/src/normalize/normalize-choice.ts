import type { Option } from '../schema/types.js';
import { empty, fail, ok, type NormalizeResult } from './result.js';

/**
 * Normalizes the choice of a select or radio field: the option `value`, never its label.
 */
export function normalizeChoice(raw: unknown, options: readonly Option[]): NormalizeResult<string> {
  if (raw === undefined || raw === null || raw === '') return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  return options.some((option) => option.value === raw) ? ok(raw) : fail('invalid_option');
}

/** Options of {@link normalizeChoices}. */
export interface ChoicesRules {
  readonly minSelected?: number;
  readonly maxSelected?: number;
}

/**
 * Normalizes the choices of a checkboxes field: the chosen option values, once each, in option
 * order; at least `minSelected` and at most `maxSelected` of them.
 */
export function normalizeChoices(
  raw: unknown,
  options: readonly Option[],
  rules: ChoicesRules = {},
): NormalizeResult<string[]> {
  if (raw === undefined || raw === null) return empty;
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === 'string')) return fail('invalid_type');
  const chosen = new Set<string>(raw);
  if (chosen.size === 0) return empty;
  const value = options.filter((option) => chosen.delete(option.value)).map((option) => option.value);
  if (chosen.size > 0) return fail('invalid_option');
  if (rules.minSelected !== undefined && value.length < rules.minSelected) {
    return fail('too_few_selected', { min: rules.minSelected });
  }
  if (rules.maxSelected !== undefined && value.length > rules.maxSelected) {
    return fail('too_many_selected', { max: rules.maxSelected });
  }
  return ok(value);
}
