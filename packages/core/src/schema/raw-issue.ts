import type { IssueParams, Path, SchemaIssueCode } from '../issue.js';

/** A schema problem before its message is written in a locale. */
export interface RawSchemaIssue {
  readonly code: SchemaIssueCode;
  readonly path: Path;
  readonly params?: IssueParams;
}

/** Reads the value at a path of raw JSON, or `undefined`. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The JSON kind of a value: `string`, `number`, `boolean`, `array`, `object`, `null` or `undefined`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'bigint' ? 'number' : typeof value;
}
