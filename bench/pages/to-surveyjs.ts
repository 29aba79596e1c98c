/**
 * Converts an Intake form to SurveyJS JSON for the peer benchmark, so both libraries render the
 * same questions: field types to question types, `required` to `isRequired`, `visibleWhen` /
 * `requiredWhen` to `visibleIf` / `requiredIf` expressions, format checks to validators and
 * question properties, steps to pages (or one page when the form has no steps).
 */
import { resolveText, type Condition, type Field, type Form } from '@intake/core';
import { regionData } from '@intake/core/region-data';

type Json = Record<string, unknown>;

const literal = (value: string | number | boolean) => (typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value));
const list = (values: readonly (string | number)[]) => `[${values.map(literal).join(', ')}]`;

/** A SurveyJS expression with the meaning of an Intake condition (an empty field has no value). */
export function toExpression(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => `(${toExpression(c)})`).join(' and ');
  if ('any' in condition) return condition.any.map((c) => `(${toExpression(c)})`).join(' or ');
  if ('not' in condition) return `!(${toExpression(condition.not)})`;
  const f = `{${condition.field}}`;
  if (condition.filled !== undefined) return `${f} ${condition.filled ? 'notempty' : 'empty'}`;
  if (condition.equals !== undefined) return `${f} = ${literal(condition.equals)}`;
  if (condition.notEquals !== undefined) return `${f} <> ${literal(condition.notEquals)}`;
  if (condition.in !== undefined) return `${f} anyof ${list(condition.in)}`;
  if (condition.notIn !== undefined) return `${f} noneof ${list(condition.notIn)}`;
  if (condition.contains !== undefined) return `${f} contains ${literal(condition.contains)}`;
  // Intake compares only a filled value; SurveyJS would compare an empty one as 0 or ''.
  const order: [string, string | number | undefined][] = [['>', condition.gt], ['>=', condition.gte], ['<', condition.lt], ['<=', condition.lte]];
  const [op, operand] = order.find(([, v]) => v !== undefined) ?? ['=', undefined];
  if (operand === undefined) return 'false';
  return `${f} notempty and ${f} ${op} ${literal(operand)}`;
}

function question(field: Field, locale: string): Json | undefined {
  const text = (value: Parameters<typeof resolveText>[0]) => (value === undefined ? undefined : resolveText(value, locale));
  const q: Json = { name: field.name, title: text(field.label) || field.name };
  const help = text(field.help);
  if (help) q['description'] = help;
  const placeholder = text(field.placeholder);
  if (placeholder) q['placeholder'] = placeholder;
  if (field.required) q['isRequired'] = true;
  // SurveyJS lets requiredIf override isRequired; Intake requires when either holds.
  else if (field.requiredWhen) q['requiredIf'] = toExpression(field.requiredWhen);
  if (field.visibleWhen) q['visibleIf'] = toExpression(field.visibleWhen);
  if (field.autocomplete) q['autocomplete'] = field.autocomplete;
  const validators: Json[] = [];
  const choices = () => ('options' in field ? field.options.map((o) => ({ value: o.value, text: text(o.label) || o.value })) : []);
  switch (field.type) {
    case 'hidden':
      return undefined; // not a question: SurveyJS keeps such values in survey.data
    case 'text':
      Object.assign(q, { type: 'text' });
      if (field.maxLength) q['maxLength'] = field.maxLength;
      if (field.pattern) validators.push({ type: 'regex', regex: `^(?:${field.pattern})$` });
      break;
    case 'textarea':
      Object.assign(q, { type: 'comment', rows: field.rows ?? 5 });
      if (field.maxLength) q['maxLength'] = field.maxLength;
      if (field.minLength) validators.push({ type: 'text', minLength: field.minLength });
      break;
    case 'email':
      Object.assign(q, { type: 'text', inputType: 'email' });
      validators.push({ type: 'email' });
      break;
    case 'phone':
      Object.assign(q, { type: 'text', inputType: 'tel' });
      break;
    case 'number':
      Object.assign(q, { type: 'text', inputType: 'number' });
      if (field.min !== undefined) q['min'] = field.min;
      if (field.max !== undefined) q['max'] = field.max;
      if (field.step !== undefined) q['step'] = field.step;
      break;
    case 'date':
      Object.assign(q, { type: 'text', inputType: 'date' });
      if (field.min !== undefined) q['min'] = field.min;
      if (field.max !== undefined) q['max'] = field.max;
      break;
    case 'select':
      Object.assign(q, { type: 'dropdown', choices: choices() });
      break;
    case 'cascade':
      // A dropdown of the first level (SurveyJS has no cascading choice; the empty form shows one level).
      Object.assign(q, { type: 'dropdown', choices: field.options.map((o) => ({ value: o.value, text: text(o.label) || o.value })) });
      break;
    case 'region':
      Object.assign(q, { type: 'dropdown', choices: regionData.provinces.map((p) => ({ value: p.code, text: p.name })) });
      break;
    case 'radio':
      Object.assign(q, { type: 'radiogroup', choices: choices() });
      break;
    case 'checkboxes':
      Object.assign(q, { type: 'checkbox', choices: choices() });
      if (field.maxSelected) q['maxSelectedChoices'] = field.maxSelected;
      // Intake checks minSelected only on a filled field; SurveyJS would flag an empty optional one.
      if (field.minSelected && field.required) q['minSelectedChoices'] = field.minSelected;
      break;
    case 'boolean':
      // Intake's boolean is one checkbox that starts unchecked (false).
      Object.assign(q, { type: 'boolean', renderAs: 'checkbox', defaultValue: field.default ?? false });
      break;
    case 'consent':
      Object.assign(q, { type: 'boolean', renderAs: 'checkbox' });
      break;
  }
  if (validators.length) q['validators'] = validators;
  return q;
}

/**
 * The SurveyJS JSON of a form. `textUpdateMode: 'onTyping'` makes typing update the model on every
 * keystroke, as Intake does (SurveyJS's default updates a text question on blur).
 */
export function toSurveyJs(form: Form, locale = 'en'): Json {
  const questions = new Map(form.fields.map((f) => [f.name, question(f, locale)] as const));
  const pages = form.steps?.length
    ? form.steps.map((step) => ({ name: step.id, title: resolveText(step.title, locale), elements: step.fields.map((n) => questions.get(n)).filter(Boolean) }))
    : [{ name: 'page1', elements: [...questions.values()].filter(Boolean) }];
  return { title: resolveText(form.title, locale), locale, textUpdateMode: 'onTyping', pages };
}
