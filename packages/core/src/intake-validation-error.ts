/**
 * Why `toRecord()` rejected: the form is not valid. `errors` maps each invalid visible field to
 * its localized message, in form order.
 */
export class IntakeValidationError extends Error {
  override readonly name = 'IntakeValidationError';
  constructor(readonly errors: Readonly<Record<string, string>>) {
    super(`The form has ${Object.keys(errors).length} invalid field(s): ${Object.keys(errors).join(', ')}`);
  }
}
