import type * as z from 'zod/mini';
import type { Path } from '../issue.js';
import { kindOf, valueAt, type RawSchemaIssue } from './raw-issue.js';
import { suggestKey } from './suggest-key.js';
import { fieldTypes } from './types.js';

type ZodIssue = z.core.$ZodIssue;

const textKeys = new Set(['label', 'help', 'placeholder', 'title', 'description']);

function last(path: Path): string | number | undefined {
  return path[path.length - 1];
}

function expectedOf(issue: ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'int' : String(issue.expected);
  return undefined;
}

/**
 * Turns the issues zod found in a form into Intake's schema issues (codes and parameters, no
 * messages yet), using the raw input to say what was there. `allowedKeys` maps an object path to
 * the keys allowed there, for "did you mean" hints.
 */
export function fromZodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  allowedKeys: (path: Path) => readonly string[],
): RawSchemaIssue[] {
  const out: RawSchemaIssue[] = [];
  for (const issue of issues) mapIssue(issue, issue.path as Path, input, allowedKeys, out);
  return out;
}

function mapIssue(
  issue: ZodIssue,
  path: Path,
  input: unknown,
  allowedKeys: (path: Path) => readonly string[],
  out: RawSchemaIssue[],
): void {
  const received = valueAt(input, path);
  const key = last(path);
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined && typeof key === 'string') {
        out.push({ code: 'missing_key', path, params: { key } });
      } else {
        out.push({ code: 'invalid_type', path, params: { expected: expectedOf(issue)!, received: kindOf(received) } });
      }
      return;
    case 'unrecognized_keys':
      for (const name of issue.keys) {
        const suggestion = suggestKey(name, allowedKeys(path));
        out.push({
          code: 'unknown_key',
          path: [...path, name],
          params: suggestion ? { key: name, suggestion } : { key: name },
        });
      }
      return;
    case 'invalid_union': {
      if ('note' in issue && 'discriminator' in issue && issue.discriminator === 'type') {
        const typePath = path[path.length - 1] === 'type' ? path : [...path, 'type'];
        const type = valueAt(input, typePath);
        if (type === undefined) out.push({ code: 'missing_key', path: typePath, params: { key: 'type' } });
        else if (typeof type !== 'string') out.push({ code: 'invalid_type', path: typePath, params: { expected: 'string', received: kindOf(type) } });
        else out.push({ code: 'unknown_field_type', path: typePath, params: { received: type, allowed: fieldTypes.join(', ') } });
        return;
      }
      // A branch that got past the type check explains the problem best (e.g. `label.en` is a number).
      const deeper = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0 || inner.code !== 'invalid_type'));
      if (deeper) {
        for (const inner of deeper) mapIssue(inner, [...path, ...(inner.path as Path)], input, allowedKeys, out);
        return;
      }
      // Text: the text keys, each value of a field's `messages`, each item of `levelLabels`.
      const expected = (typeof key === 'string' && (textKeys.has(key) || path[path.length - 2] === 'messages')) || (typeof key === 'number' && path[path.length - 2] === 'levelLabels')
        ? 'text'
        : [...new Set(issue.errors.flatMap((branch) => branch.map(expectedOf)).filter((e) => e !== undefined))].join('|');
      if (received === undefined && typeof key === 'string') out.push({ code: 'missing_key', path, params: { key } });
      else out.push({ code: 'invalid_type', path, params: { expected, received: kindOf(received) } });
      return;
    }
    case 'invalid_format':
      out.push(formatIssue(path, key, received));
      return;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') out.push({ code: 'empty', path });
      else out.push({ code: 'too_small_value', path, params: { min: Number(issue.minimum) } });
      return;
    case 'too_big':
      out.push({ code: 'too_big_value', path, params: { max: Number(issue.maximum) } });
      return;
    case 'invalid_value':
      out.push({ code: 'invalid_value', path, params: { allowed: issue.values.map((v) => String(v)).join(', ') } });
      return;
    case 'invalid_key':
      out.push({ code: 'invalid_locale', path, params: { key: String(key) } });
      return;
    case 'invalid_element':
      for (const inner of issue.issues) mapIssue(inner, [...path, ...(inner.path as Path)], input, allowedKeys, out);
      return;
    default:
      out.push({ code: 'invalid_value', path, params: { allowed: '' } });
  }
}

function formatIssue(path: Path, key: string | number | undefined, received: unknown): RawSchemaIssue {
  const parent = path[path.length - 2];
  if (key === 'id') return { code: 'invalid_form_id', path };
  if (key === 'name') return { code: 'invalid_field_name', path };
  if (key === 'locale') return { code: 'invalid_locale', path, params: { key: String(received) } };
  if (key === 'defaultCountry' || parent === 'countries') {
    return { code: 'invalid_value', path, params: { allowed: 'ISO 3166-1 alpha-2 (CN, US, GB, ...)' } };
  }
  return { code: 'invalid_value', path, params: { allowed: '' } };
}
