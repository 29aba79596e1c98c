import { expect } from 'vitest';
import type { NormalizeResult } from '../normalize/result.js';

/**
 * Asserts the shape every normalizer promises: `{ ok: true, value }`, or `{ ok: false, code }`
 * with a snake_case code and string or number parameters (tests only).
 */
export function expectWellFormed(result: NormalizeResult<unknown>): void {
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
  } else {
    expect(result.ok).toBe(false);
    expect(typeof result.code).toBe('string');
    expect(result.code).toMatch(/^[a-z_]+$/);
    for (const param of Object.values(result.params ?? {})) expect(['string', 'number']).toContain(typeof param);
  }
}
