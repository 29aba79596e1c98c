import { parseForm } from '../parse-form.js';
import type { Form } from '../schema/types.js';

/** The parsed form of a test's JSON; a form the test expects valid throws with its issues otherwise. */
export function parsed(json: unknown): Form {
  const result = parseForm(json);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.form;
}
