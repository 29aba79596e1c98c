import type { IssueParams, ValueIssueCode } from '../issue.js';
import { fillTemplate } from './format-message.js';
import type { CoreMessages } from './messages.js';

/**
 * A label as it reads inside a sentence: `Company name` → `company name` (GOV.UK style: "Enter
 * company name"). Only a first word written as an ordinary capitalized word changes: `URL`,
 * `LinkedIn profile`, `iPhone model` and one-letter words stay as they are.
 */
export function labelInSentence(label: string): string {
  const first = /^\S+/.exec(label)?.[0] ?? '';
  return /^\p{Lu}\p{Ll}[\p{Ll}'’-]*$/u.test(first) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * Fills the message of a value's problem (`messages.value[code]`). Templates get the label twice:
 * `{label}` as written (to start a sentence) and `{labelInSentence}` (inside one).
 */
export function fillValueMessage(messages: CoreMessages, code: ValueIssueCode, params: IssueParams | undefined, label: string): string {
  return fillTemplate(messages.value[code], { ...phoneTypeWords(params, messages), label, labelInSentence: labelInSentence(label) });
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
