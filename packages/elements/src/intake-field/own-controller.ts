import { createIntake, formatPath, parseForm, type Intake } from '@intake/core';

/** What {@link ownController} makes of a standalone field's definition: its controller, or what is wrong with it. */
export type OwnController = { readonly controller: Intake; readonly error?: undefined } | { readonly controller?: undefined; readonly error: string };

/**
 * The one-field controller of a standalone `<intake-field>` from the definition its attributes
 * give (docs/schema.md), in `locale`; a problem of the definition is said in one line. What was
 * typed in the `previous` controller stays when the field keeps its type.
 */
export function ownController(definition: Record<string, unknown>, locale: string, previous: Intake | undefined): OwnController {
  const parsed = parseForm({ id: 'intake-field', fields: [definition] }, { locale });
  if (!parsed.ok) {
    return { error: parsed.issues.map((issue) => `${formatPath(issue.path.slice(2)) || definition['type']}: ${issue.message}`).join('; ') };
  }
  const controller = createIntake(parsed.form, { locale });
  const before = previous?.form.fields[0];
  const field = parsed.form.fields[0]!;
  if (before && before.type === field.type) {
    const kept = previous.get(before.name);
    if (kept !== undefined) controller.set(field.name, kept);
  }
  return { controller };
}
