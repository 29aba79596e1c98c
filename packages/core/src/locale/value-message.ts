import type { IssueParams } from '../issue.js';
import { fillTemplate } from './format-message.js';

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
 * Fills a message of a value's problem (`messages.value`). Templates get the label twice: `{label}`
 * as written (to start a sentence) and `{labelInSentence}` (inside one).
 */
export function fillValueMessage(template: string, params: IssueParams | undefined, label: string): string {
  return fillTemplate(template, { ...params, label, labelInSentence: labelInSentence(label) });
}
