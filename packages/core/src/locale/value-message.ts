import type { IssueParams, ValueIssueCode } from '../issue.js';
import { fillTemplate } from './format-message.js';
import type { CoreMessages } from './messages.js';

/**
 * A label as it reads inside a sentence: `Company name` → `company name` (GOV.UK style: "Enter
 * company name"). Only a first word written as an ordinary capitalized word changes: `URL`,
 * `LinkedIn profile`, `iPhone model` and one-letter words stay as they are. A question (`What can
 * we help with?`) is quoted as it is: "Enter a number for “How many people?”".
 */
export function labelInSentence(label: string): string {
  if (isQuestion(label)) return `\u201C${label}\u201D`;
  const first = /^\S+/.exec(label)?.[0] ?? '';
  return /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * Fills the message of a value's problem: `template` (a field's own message), else
 * `messages.value[code]`, or for a missing answer to a question label `messages.question[code]`
 * ("Select “What can we help with?”" reads wrong). Templates get the label twice: `{label}` as
 * written (to start a sentence) and `{labelInSentence}` (inside one).
 */
export function fillValueMessage(messages: CoreMessages, code: ValueIssueCode, params: IssueParams | undefined, label: string, template?: string): string {
  const question = isQuestion(label) && (code === 'required' || code === 'required_choice') ? messages.question[code] : undefined;
  return fillTemplate(template ?? question ?? messages.value[code], { ...phoneTypeWords(params, messages), label, labelInSentence: labelInSentence(label) });
}

/** Whether a label is a question (`What can we help with?`, `您从哪里了解到我们？`). */
function isQuestion(label: string): boolean {
  return /[?\uFF1F]\s*$/.test(label);
}

/**
 * `phone_type_not_allowed`'s params in words (docs/schema.md, `numberTypes`):
 * `{ found: 'fixed-line', types: 'mobile,voip' }` → `{ found: 'landline', types: 'mobile or VoIP' }`.
 * Other params pass as they are.
 */
function phoneTypeWords(params: IssueParams | undefined, messages: CoreMessages): IssueParams | undefined {
  if (!params || typeof params['types'] !== 'string') return params;
  const names = messages.phoneTypes;
  const name = (type: string): string => (Object.hasOwn(names, type) && type !== 'or' ? names[type as keyof typeof names] : type);
  return { ...params, found: name(String(params['found'])), types: params['types'].split(',').map(name).join(names.or) };
}
