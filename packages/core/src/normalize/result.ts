import type { IssueParams, ValueIssueCode } from '../issue.js';

/**
 * What a normalizer returns. Never throws: `ok: true` with the normalized value (`undefined`
 * when the input is empty), or `ok: false` with a typed problem.
 */
export type NormalizeResult<T> =
  | { readonly ok: true; readonly value: T | undefined }
  | { readonly ok: false; readonly code: ValueIssueCode; readonly params?: IssueParams };

/** An empty input: normalizes to nothing. */
export const empty = { ok: true, value: undefined } as const;

/** Builds a success. */
export function ok<T>(value: T): NormalizeResult<T> {
  return { ok: true, value };
}

/** Builds a failure. */
export function fail(code: ValueIssueCode, params?: IssueParams): NormalizeResult<never> {
  return params ? { ok: false, code, params } : { ok: false, code };
}

/** Counts characters the way people do: code points, so `你好` and `👍` count 2 and 1. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
