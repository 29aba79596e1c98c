import type { FieldValue } from '../normalize/normalize-field.js';
import { cascadeLineages } from '../normalize/normalize-cascade.js';
import { regionWithin } from '../normalize/normalize-region.js';
import type { Condition, Field } from '../schema/types.js';

/** Reads the normalized value of a field; `undefined` when it is empty, invalid or hidden. */
export type ValueReader = (name: string) => FieldValue | undefined;

/**
 * `within`: a region's code is one of the divisions or inside one; a cascade's value is one of the
 * options or below one (its tree comes from `field`).
 */
function isWithin(list: readonly string[], value: FieldValue | undefined, field: Field | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'object' && !Array.isArray(value)) return list.some((division) => regionWithin((value as { code: string }).code, division));
  if (typeof value !== 'string') return false;
  const lineage = field?.type === 'cascade' ? cascadeLineages(field.options).get(value) : undefined;
  return list.some((target) => (lineage ? lineage.includes(target) : target === value));
}

function includesValue(list: readonly (string | number)[], value: FieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((item) => list.includes(item));
  return list.includes(value as string | number);
}

function compare(value: FieldValue | undefined, operand: number | string): number | undefined {
  if (typeof value === 'number' && typeof operand === 'number') return value - operand;
  if (typeof value === 'string' && typeof operand === 'string') return value < operand ? -1 : value > operand ? 1 : 0;
  return undefined;
}

/**
 * Evaluates a condition on normalized values, without `eval`: conditions are data.
 * An empty (or hidden, or invalid) field has no value: only `filled: false`, `notEquals` and
 * `notIn` hold for it. `in` on a checkboxes field holds when any chosen value is listed. `within`
 * reads a cascade's tree through `fieldOf` (without it, only the value itself matches).
 *
 * @example
 * evaluateCondition({ field: 'budget', gte: 100000 }, (name) => ({ budget: 250000 })[name]); // true
 */
export function evaluateCondition(condition: Condition, read: ValueReader, fieldOf?: (name: string) => Field | undefined): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, read, fieldOf));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, read, fieldOf));
  if ('not' in condition) return !evaluateCondition(condition.not, read, fieldOf);
  const value = read(condition.field);
  if (condition.within !== undefined) return isWithin(condition.within, value, fieldOf?.(condition.field));
  if (condition.filled !== undefined) return (value !== undefined) === condition.filled;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.notEquals !== undefined) return value !== condition.notEquals;
  if (condition.in !== undefined) return includesValue(condition.in, value);
  if (condition.notIn !== undefined) return !includesValue(condition.notIn, value);
  if (condition.contains !== undefined) {
    if (Array.isArray(value)) return value.includes(condition.contains);
    return typeof value === 'string' && value.includes(condition.contains);
  }
  const order =
    condition.gt ?? condition.gte ?? condition.lt ?? condition.lte;
  if (order === undefined) return false;
  const difference = compare(value, order);
  if (difference === undefined) return false;
  if (condition.gt !== undefined) return difference > 0;
  if (condition.gte !== undefined) return difference >= 0;
  if (condition.lt !== undefined) return difference < 0;
  return difference <= 0;
}

/** The names of the fields a condition reads, in the order they appear. */
export function conditionFields(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((part) => conditionFields(part, into));
  else if ('any' in condition) condition.any.forEach((part) => conditionFields(part, into));
  else if ('not' in condition) conditionFields(condition.not, into);
  else into.add(condition.field);
  return into;
}
