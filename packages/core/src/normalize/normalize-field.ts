import type { Field } from '../schema/types.js';
import { normalizeBoolean, normalizeConsent, normalizeHidden } from './normalize-boolean.js';
import { normalizeCascade } from './normalize-cascade.js';
import { normalizeChoice, normalizeChoices } from './normalize-choice.js';
import { normalizeDate } from './normalize-date.js';
import { normalizeEmail } from './normalize-email.js';
import { normalizeNumber } from './normalize-number.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeRegion, type RegionValue } from './normalize-region.js';
import { compilePattern, normalizeText, normalizeTextarea } from './normalize-text.js';
import type { NormalizeResult } from './result.js';

/** A normalized value as it appears in `record.data`. */
export type FieldValue = string | number | boolean | readonly string[] | RegionValue;

/** Default `maxLength` of text fields. */
export const defaultTextMaxLength = 200;
/** Default `maxLength` of textarea fields. */
export const defaultTextareaMaxLength = 5000;

const patterns = new WeakMap<Field, RegExp | undefined>();

function patternOf(field: Field & { pattern?: string }): RegExp | undefined {
  if (field.pattern === undefined) return undefined;
  if (!patterns.has(field)) patterns.set(field, compilePattern(field.pattern));
  return patterns.get(field);
}

/**
 * Normalizes the raw value of any field by its type (the table of docs/schema.md) and checks the field's
 * own rules (lengths, pattern, bounds, options). Never throws. Required-ness is not checked here:
 * an empty value is `{ ok: true, value: undefined }`.
 *
 * @example
 * normalizeField({ type: 'email', name: 'email' }, ' Ann@Example.com').value; // 'ann@example.com'
 */
export function normalizeField(field: Field, raw: unknown): NormalizeResult<FieldValue> {
  switch (field.type) {
    case 'text':
      return normalizeText(raw, {
        minLength: field.minLength,
        maxLength: field.maxLength ?? defaultTextMaxLength,
        pattern: patternOf(field),
      });
    case 'textarea':
      return normalizeTextarea(raw, {
        minLength: field.minLength,
        maxLength: field.maxLength ?? defaultTextareaMaxLength,
      });
    case 'email':
      return normalizeEmail(raw);
    case 'phone':
      return normalizePhone(raw, field);
    case 'number':
      return normalizeNumber(raw, field);
    case 'date':
      return normalizeDate(raw, field);
    case 'select':
    case 'radio':
      return normalizeChoice(raw, field.options);
    case 'checkboxes':
      return normalizeChoices(raw, field.options, field);
    case 'boolean':
      return normalizeBoolean(raw);
    case 'consent':
      return normalizeConsent(raw);
    case 'hidden':
      return normalizeHidden(raw);
    case 'cascade':
      return normalizeCascade(raw, field.options);
    case 'region':
      return normalizeRegion(raw, field);
  }
}
