import { cleanText } from './clean-text.js';
import { characterCount, empty, fail, ok, type NormalizeResult } from './result.js';

/** Options shared by the text normalizers. */
export interface TextRules {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Compiled `pattern`; the whole value must match. */
  readonly pattern?: RegExp;
}

function checkLength(value: string, rules: TextRules): NormalizeResult<string> {
  const length = characterCount(value);
  if (rules.maxLength !== undefined && length > rules.maxLength) {
    return fail('too_long', { max: rules.maxLength, length });
  }
  if (rules.minLength !== undefined && length < rules.minLength) {
    return fail('too_short', { min: rules.minLength, length });
  }
  if (rules.pattern && !rules.pattern.test(value)) return fail('pattern_mismatch');
  return ok(value);
}

/**
 * Normalizes a single-line text: what a record may not hold removed (`cleanText`: lone surrogates,
 * control characters, bidi overrides and isolates, U+FEFF), NFC, trimmed, every run of white space
 * (line breaks, tabs, VT, FF, NEL, no-break and ideographic spaces) collapsed to one space.
 *
 * @example
 * normalizeText('  Acme \n  Ltd ').value; // 'Acme Ltd'
 */
export function normalizeText(raw: unknown, rules: TextRules = {}): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  const value = cleanText(raw).normalize('NFC').replace(/[\s\u0085]+/g, ' ').trim();
  return value === '' ? empty : checkLength(value, rules);
}

/**
 * Normalizes a multi-line text: NFC, line endings `\n` (from CRLF, CR, VT, FF, NEL, U+2028 and
 * U+2029), then `cleanText` (tab stays), trimmed. Lines keep their inner spacing.
 */
export function normalizeTextarea(raw: unknown, rules: TextRules = {}): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  const value = cleanText(raw)
    .replace(/\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g, '\n')
    .normalize('NFC')
    .trim();
  return value === '' ? empty : checkLength(value, rules);
}

/**
 * Compiles a schema `pattern` the way HTML does: anchored to the whole value, with the `v` (Unicode sets) flag.
 * Returns `undefined` for a pattern that does not compile (parseForm reports those).
 */
export function compilePattern(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'v');
  } catch {
    return undefined;
  }
}
