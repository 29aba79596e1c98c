import type { Issue, SchemaIssueCode } from '../issue.js';
import type { RawSchemaIssue } from '../schema/raw-issue.js';
import { fillTemplate, messagesFor } from './format-message.js';
import type { CoreMessages } from './messages.js';
import { enSchema, zhCNSchema, type SchemaMessages } from './schema-messages.js';
import { fillValueMessage } from './value-message.js';

export { suggestKey } from '../schema/suggest-key.js';

/**
 * What a developer reads about a broken form: the texts of schema problems
 * (`schema-messages.ts`), how an issue's message is written, and the "did you mean" of a misspelt
 * key (`suggestKey`). Only a broken form needs them, so the script-tag build replaces this module
 * with one that has none (`@intake/embed`, `src/schema-catalogue.ts`) and its elements load this
 * one as a data file (`@intake/core/schema-messages`) when a form is broken, then hand it to
 * {@link useSchemaTexts} (docs/schema.md, "Data loaded on demand").
 */

const catalog = new Map<string, SchemaMessages>([
  ['en', enSchema],
  ['zh-CN', zhCNSchema],
]);

/**
 * Adds texts of schema problems by locale (a locale of your own), as `registerMessages` does for
 * the other texts.
 *
 * @example
 * useSchemaMessages({ 'zh-TW': { ...zhCNSchema, didYouMean: '（是否想寫 "{key}"？）' } });
 */
export function useSchemaMessages(catalogue: Readonly<Record<string, SchemaMessages>>): void {
  for (const [locale, messages] of Object.entries(catalogue)) catalog.set(locale, messages);
}

/**
 * The texts of schema problems for a locale: those of its registered `CoreMessages` if it brings
 * them, else the exact locale's, one of the same language, or English; `undefined` in the
 * script-tag build until its data file has loaded.
 */
export function schemaMessagesFor(locale: string): SchemaMessages | undefined {
  const own = messagesFor(locale);
  if (own.schema && own.typeNames && own.didYouMean !== undefined) return own as SchemaMessages;
  const exact = catalog.get(locale);
  if (exact) return exact;
  const language = String(locale).split('-')[0]!.toLowerCase();
  for (const [key, messages] of catalog) if (key.split('-')[0]!.toLowerCase() === language) return messages;
  return catalog.get('en');
}

/** This module, as the script-tag build's elements load it: what {@link useSchemaTexts} takes. */
export interface SchemaTexts {
  readonly schemaMessagesFor: typeof schemaMessagesFor;
  readonly useSchemaMessages: typeof useSchemaMessages;
  readonly localizeSchemaIssue: typeof localizeSchemaIssue;
  readonly suggestKey: (key: string, allowed: Iterable<string>) => string | undefined;
}

/** Takes the loaded texts (the script-tag build); here, where they are built in, nothing to do. */
export function useSchemaTexts(_texts: SchemaTexts): void {}

/** Writes the message of a schema issue (`parseForm`'s) in the given messages' locale. */
export function localizeSchemaIssue(issue: RawSchemaIssue, messages: CoreMessages, locale: string): Issue<SchemaIssueCode> {
  const texts = messages.schema && messages.typeNames && messages.didYouMean !== undefined ? (messages as SchemaMessages) : schemaMessagesFor(locale)!;
  const params: Record<string, string | number> = { ...issue.params };
  for (const key of ['expected', 'received']) {
    const value = params[key];
    if (typeof value === 'string') {
      params[key] = value.split('|').map((kind) => texts.typeNames[kind] ?? kind).join(' / ');
    }
  }
  if (issue.code === 'unknown_key' || issue.code === 'unknown_message_code') {
    params['suggestion'] = params['suggestion'] ? fillTemplate(texts.didYouMean, { key: params['suggestion'] }) : '';
  }
  if (issue.code === 'invalid_default' && typeof params['detail'] === 'string') {
    const code = params['detail'] as keyof CoreMessages['value'];
    if (Object.hasOwn(messages.value, code)) params['detail'] = fillValueMessage(messages, code, params, String(params['label']));
  }
  if (issue.code === 'unknown_field_type' || issue.code === 'invalid_value' || issue.code === 'condition_operator') {
    if (typeof params['allowed'] === 'string') params['allowed'] = params['allowed'].split(', ').join(messages.listSeparator);
  }
  const message = fillTemplate(texts.schema[issue.code], params);
  return issue.params ? { code: issue.code, path: issue.path, message, params: issue.params } : { code: issue.code, path: issue.path, message };
}

