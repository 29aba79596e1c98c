import type { CascadeOption } from '../schema/types.js';
import { empty, fail, ok, type NormalizeResult } from './result.js';

const lineages = new WeakMap<readonly CascadeOption[], ReadonlyMap<string, readonly string[]>>();

/**
 * The values from the top level down to each option of a cascade's tree (`'C'` → `['C']`,
 * `'13'` → `['C', '13']`), made once per options array.
 */
export function cascadeLineages(options: readonly CascadeOption[]): ReadonlyMap<string, readonly string[]> {
  let map = lineages.get(options);
  if (!map) {
    const found = new Map<string, readonly string[]>();
    const visit = (level: readonly CascadeOption[], above: readonly string[]) => {
      for (const option of level) {
        const lineage = [...above, option.value];
        if (!found.has(option.value)) found.set(option.value, lineage);
        if (option.children) visit(option.children, lineage);
      }
    };
    visit(options, []);
    lineages.set(options, (map = found));
  }
  return map;
}

/** The option of a cascade's tree with this value. */
export function cascadeOption(options: readonly CascadeOption[], value: string): CascadeOption | undefined {
  const lineage = cascadeLineages(options).get(value);
  if (!lineage) return undefined;
  let level: readonly CascadeOption[] | undefined = options;
  let option: CascadeOption | undefined;
  for (const step of lineage) {
    option = level?.find((one) => one.value === step);
    level = option?.children;
  }
  return option;
}

/**
 * Normalizes the choice of a cascade field: the value of an option with no children (the deepest
 * level chosen). An option that has children is `incomplete_choice`, with the `level` (1-based)
 * still to choose.
 *
 * @example
 * normalizeCascade('13', [{ value: 'C', children: [{ value: '13' }] }]).value; // '13'
 */
export function normalizeCascade(raw: unknown, options: readonly CascadeOption[]): NormalizeResult<string> {
  if (raw === undefined || raw === null || raw === '') return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  const option = cascadeOption(options, raw);
  if (!option) return fail('invalid_option');
  if (option.children && option.children.length > 0) return fail('incomplete_choice', { level: cascadeLineages(options).get(raw)!.length + 1 });
  return ok(raw);
}
