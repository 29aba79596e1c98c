import type { Field } from './schema/types.js';

/**
 * The raw value of an empty field, as an input shows it: `''` for text-like fields, `[]` for
 * checkboxes, `false` for boolean and consent tick boxes.
 */
export function emptyRawValue(field: Field): unknown {
  switch (field.type) {
    case 'checkboxes':
      return [];
    case 'boolean':
    case 'consent':
      return false;
    default:
      return '';
  }
}

const yes = new Set(['true', '1', 'yes', 'on', 'y']);
const no = new Set(['false', '0', 'no', 'off', 'n']);

/**
 * The raw value a URL query gives a field with `prefill`, or `undefined` when the query does not
 * set it. Checkboxes take repeated or comma-separated values; boolean takes true/false/1/0/yes/no.
 * Consent is never prefilled: a person must tick it.
 */
export function prefillValue(field: Field, query: URLSearchParams): unknown {
  if (!field.prefill || field.type === 'consent' || !query.has(field.prefill)) return undefined;
  const values = query.getAll(field.prefill);
  switch (field.type) {
    case 'checkboxes':
      return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
    case 'boolean': {
      const word = values[0]!.trim().toLowerCase();
      return yes.has(word) ? true : no.has(word) ? false : undefined;
    }
    default:
      return values[0];
  }
}

/** The first raw values of a form: given values, then URL prefill, then defaults, then empty. */
export function initialRawValues(
  fields: readonly Field[],
  query: URLSearchParams,
  given: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    values[field.name] =
      given[field.name] ?? prefillValue(field, query) ?? (field.default !== undefined ? structuredCopy(field.default) : emptyRawValue(field));
  }
  return values;
}

function structuredCopy(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}
