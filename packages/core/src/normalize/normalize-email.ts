import { withoutFormatCharacters } from './clean-text.js';
import { empty, fail, ok, type NormalizeResult } from './result.js';

// Plausible, not RFC 5322: one @, a local part without spaces or control characters, a dotted
// domain whose labels are letters (any script), digits and inner hyphens, and a top-level label of
// two or more letters.
const local = /^[^\s\p{Cc}\p{Cs}@"(),:;<>[\\\]]+$/u;
const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const topLevel = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/**
 * Normalizes an email address: NFKC (full-width `＠` becomes `@`), trimmed, lower-cased, then NFKC
 * again so the result is stable (lower-casing `H` + U+0331 gives `h` + U+0331, which NFKC composes
 * to `ẖ`); it must be a plausible address.
 *
 * @example
 * normalizeEmail(' Li.Lei＠Example.COM ').value; // 'li.lei@example.com'
 */
export function normalizeEmail(raw: unknown): NormalizeResult<string> {
  if (raw === undefined || raw === null) return empty;
  if (typeof raw !== 'string') return fail('invalid_type');
  // Invisible format characters (a zero-width space, a soft hyphen) go; a control character or a
  // lone surrogate makes the address invalid (docs/schema.md, "What text can hold").
  const value = withoutFormatCharacters(raw).normalize('NFKC').trim().toLowerCase().normalize('NFKC');
  if (value === '') return empty;
  const at = value.lastIndexOf('@');
  const user = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split('.');
  const plausible =
    at > 0 &&
    value.length <= 254 &&
    user.length <= 64 &&
    local.test(user) &&
    !user.startsWith('.') &&
    !user.endsWith('.') &&
    !user.includes('..') &&
    labels.length >= 2 &&
    labels.every((part) => part.length <= 63 && label.test(part)) &&
    topLevel.test(labels[labels.length - 1]!);
  return plausible ? ok(value) : fail('invalid_email');
}
