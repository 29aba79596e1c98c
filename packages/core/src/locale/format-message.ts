import type { IssueParams } from '../issue.js';
import { en } from './en.js';
import type { CoreMessages } from './messages.js';
import { zhCN } from './zh-cn.js';

const catalog: Record<string, CoreMessages> = { en, 'zh-CN': zhCN };

/** The locales with built-in texts. */
export const builtInLocales: readonly string[] = ['en', 'zh-CN'];

/**
 * Adds or replaces the texts of a locale, so every message of the core (and of the elements,
 * which ask the core) can be shown in it.
 *
 * @example
 * registerMessages('zh-TW', { ...zhCN, value: { ...zhCN.value, required: '請填寫{label}' } });
 */
export function registerMessages(locale: string, messages: CoreMessages): void {
  catalog[locale] = messages;
}

/**
 * The messages for a locale: the exact one, then one of the same language
 * (`zh-Hans` finds `zh-CN`), then English.
 */
export function messagesFor(locale: string): CoreMessages {
  const exact = catalog[locale];
  if (exact) return exact;
  const language = locale.split('-')[0]!.toLowerCase();
  for (const key of Object.keys(catalog)) {
    if (key.split('-')[0]!.toLowerCase() === language) return catalog[key]!;
  }
  return en;
}

/** Fills the `{name}` placeholders of a template; unknown placeholders stay as they are. */
export function fillTemplate(template: string, params: IssueParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}
