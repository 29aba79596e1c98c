/**
 * The forms of the peer benchmark and what each contender must show for them: the 30-field
 * crm-lead preset and a generated 200-field form, on one page (steps removed) so every field
 * renders at once, plus the preset with its 5 steps for the stepped extra row.
 */
import { createIntake, parseForm, type Form } from '@intake/core';
import { generateForm } from '../../packages/core/bench/generate-form.js';
import crmLead from '../../packages/core/presets/crm-lead.json' with { type: 'json' };

/** One form of the benchmark, with what an empty form shows (computed by @intake/core). */
export interface BenchForm {
  readonly form: Form;
  /** Names of the non-hidden fields visible on the empty form (on its first step when stepped). */
  readonly visible: readonly string[];
  /** Names of the fields an empty form reports as missing (required and visible), in order. */
  readonly required: readonly string[];
  /** The first visible text field: the one the keystroke benchmark types into. */
  readonly textField: string;
  /** The field typed into after a full validation: the first required email field, else the first required text field without a pattern. */
  readonly errorField: string;
  readonly stepped: boolean;
}

function withoutSteps(json: Form): Form {
  const { steps: _steps, ...rest } = json as Form & { steps?: unknown };
  return rest as Form;
}

function describe(json: Form): BenchForm {
  const parsed = parseForm(json);
  if (!parsed.ok) throw new Error(`bench form ${json.id} is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const form = parsed.form;
  const intake = createIntake(form, { locale: 'en', context: { url: 'http://127.0.0.1/', referrer: '' } });
  const stepped = (form.steps?.length ?? 0) > 0;
  const onPage = stepped ? new Set(form.steps![0]!.fields) : undefined;
  const visible = form.fields.filter((f) => f.type !== 'hidden' && intake.isVisible(f.name) && (!onPage || onPage.has(f.name))).map((f) => f.name);
  const errors = intake.validate().errors;
  const required = form.fields.map((f) => f.name).filter((name) => name in errors);
  const textField = form.fields.find((f) => f.type === 'text' && visible.includes(f.name))?.name;
  if (!textField) throw new Error(`bench form ${json.id} has no visible text field`);
  const requiredOf = (type: string) => form.fields.find((f) => f.type === type && required.includes(f.name) && !('pattern' in f))?.name;
  const errorField = requiredOf('email') ?? requiredOf('text');
  if (!errorField) throw new Error(`bench form ${json.id} has no required email or text field`);
  return { form: json, visible, required, textField, errorField, stepped };
}

/** The forms by key: `30` and `200` on one page, `30-steps` the preset with its steps. */
export function benchForms(): Record<'30' | '200' | '30-steps', BenchForm> {
  const preset = crmLead as unknown as Form;
  return {
    '30': describe(withoutSteps(preset)),
    '200': describe(withoutSteps(generateForm(200).json)),
    '30-steps': describe(preset),
  };
}
