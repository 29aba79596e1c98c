/**
 * What counts as an object in a form's JSON, as zod decides it (the structural reader follows zod
 * to its edge cases; the schema check and the normalizers use the same test).
 */

/** zod's `isObject`: what `z.strictObject` and `z.discriminatedUnion` accept (not `null`, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's `isPlainObject`: what `z.record` accepts (its constructor's prototype has its own `isPrototypeOf`). */
export function isPlainObject(value: unknown): value is Record<string | number | symbol, unknown> {
  if (!isObject(value)) return false;
  const constructor: unknown = value['constructor'];
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = (constructor as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}
