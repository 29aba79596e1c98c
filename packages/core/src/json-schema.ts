import * as z from 'zod/mini';
import { formSchemas } from './schema/form-schema.js';

function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(formSchemas().formSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Intake form',
    description: 'An Intake form: fields, conditions, steps, tags and delivery. See the schema reference in the Intake docs.',
  };
}

/**
 * The JSON Schema (draft 2020-12) of the form format, generated from the zod schema that defines
 * it (`schema/form-schema.ts`; `parseForm` reads forms with `readForm`, a reader kept equal to
 * that schema, so browsers get no zod). Also shipped as `@intake/core/form.schema.json`, so a form file can say
 * `"$schema": "./node_modules/@intake/core/form.schema.json"` and editors autocomplete it.
 * (Cross-field rules, such as conditions naming real fields, are checked by `parseForm` only.)
 */
export const formJsonSchema: Readonly<Record<string, unknown>> = /*@__PURE__*/ buildJsonSchema();
