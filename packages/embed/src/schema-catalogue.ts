import type { CoreMessages, SchemaMessages } from '@intake/core';
import type { SchemaTexts } from '@intake/core/internal';

/**
 * The script-tag build's replacement of `@intake/core`'s `locale/schema-catalogue.js` (see
 * vite.config.ts): no texts of schema problems in intake.js, no "did you mean". `<intake-form>`
 * and `<intake-field>` load the core's module as the `schemaMessages` data file when a form or a
 * field definition is broken, hand it to `useSchemaTexts`, and parse again; until then an issue's
 * message is its code and params.
 */
let texts: SchemaTexts | undefined;
const pending: Readonly<Record<string, SchemaMessages>>[] = [];

export function useSchemaTexts(loaded: SchemaTexts): void {
  texts = loaded;
  for (const catalogue of pending.splice(0)) loaded.useSchemaMessages(catalogue);
}

export function useSchemaMessages(catalogue: Readonly<Record<string, SchemaMessages>>): void {
  if (texts) texts.useSchemaMessages(catalogue);
  else pending.push(catalogue);
}

export function schemaMessagesFor(locale: string): SchemaMessages | undefined {
  return texts?.schemaMessagesFor(locale);
}

export function suggestKey(key: string, allowed: Iterable<string>): string | undefined {
  return texts?.suggestKey(key, allowed);
}

export const localizeSchemaIssue: SchemaTexts['localizeSchemaIssue'] = (issue, messages: CoreMessages, locale) => {
  if (texts) return texts.localizeSchemaIssue(issue, messages, locale);
  const message = issue.params ? `${issue.code} ${JSON.stringify(issue.params)}` : issue.code;
  return issue.params ? { code: issue.code, path: issue.path, message, params: issue.params } : { code: issue.code, path: issue.path, message };
};
