import type { ValueIssueCode } from '@intake/core';

/**
 * The native `ValidityState` flag for each problem code of the core, so `<intake-field>` takes
 * part in constraint validation like a built-in input (`:invalid`, `validity.valueMissing`, ...).
 * A webhook's refusal (`refused`) and codes of their own are a `customError`.
 */
export function validityFlags(code: ValueIssueCode | 'refused'): ValidityStateFlags {
  switch (code) {
    case 'required':
    case 'required_choice':
    case 'consent_required':
    case 'hidden_missing':
    case 'incomplete_choice':
      return { valueMissing: true };
    case 'too_long':
      return { tooLong: true };
    case 'too_short':
      return { tooShort: true };
    case 'pattern_mismatch':
      return { patternMismatch: true };
    case 'invalid_email':
    case 'invalid_phone':
      return { typeMismatch: true };
    case 'invalid_number':
    case 'invalid_date':
    case 'invalid_type':
      return { badInput: true };
    case 'number_too_small':
    case 'date_too_early':
      return { rangeUnderflow: true };
    case 'number_too_big':
    case 'date_too_late':
      return { rangeOverflow: true };
    case 'step_mismatch':
    case 'not_integer':
      return { stepMismatch: true };
    default:
      return { customError: true };
  }
}
