import type { SubmitOptions } from '../schema/types.js';

/** A request body and its content type. */
export interface EncodedBody {
  readonly body: string;
  readonly contentType: string;
}

function flatten(value: unknown, key: string, into: URLSearchParams): void {
  if (value === undefined) return;
  if (value === null) {
    into.append(key, '');
  } else if (Array.isArray(value)) {
    const scalars = value.every((item) => item === null || typeof item !== 'object');
    value.forEach((item, index) => (scalars ? flatten(item, key, into) : flatten(item, `${key}.${index}`, into)));
  } else if (typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) flatten(inner, key ? `${key}.${name}` : name, into);
  } else {
    into.append(key, String(value));
  }
}

/**
 * Encodes a payload in one of the delivery formats of docs/delivery.md:
 * `json` (`application/json`), `text` (the same JSON as `text/plain;charset=UTF-8`, which needs no
 * CORS preflight) or `form` (`application/x-www-form-urlencoded`: nested keys joined with dots, an
 * array of scalars repeats its key, an array of objects uses indices).
 *
 * @example
 * encodeRecord({ data: { interests: ['demo', 'pricing'] } }, 'form').body;
 * // 'data.interests=demo&data.interests=pricing'
 */
export function encodeRecord(payload: unknown, format: SubmitOptions['format'] = 'json'): EncodedBody {
  if (format === 'form') {
    const params = new URLSearchParams();
    flatten(payload, '', params);
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  return { body: JSON.stringify(payload), contentType: format === 'text' ? 'text/plain;charset=UTF-8' : 'application/json' };
}
