import type { IssueParams } from '../issue.js';
import { en } from './en.js';
import type { CoreMessages } from './messages.js';
import { zhCN } from './zh-cn.js';

// A Map: locales come from outside (a record's `locale`, `Accept-Language`), and a plain object
// would answer `constructor` or `__proto__` with Object's own members.
const catalog = new Map<string, CoreMessages>([
  ['en', en],
  ['zh-CN', zhCN],
]);

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
  catalog.set(locale, messages);
}

/**
 * The messages for a locale: the exact one, then one of the same language
 * (`zh-Hans` finds `zh-CN`), then English.
 */
export function messagesFor(locale: string): CoreMessages {
  const exact = catalog.get(locale);
  if (exact) return exact;
  const language = String(locale).split('-')[0]!.toLowerCase();
  for (const [key, messages] of catalog) {
    if (key.split('-')[0]!.toLowerCase() === language) return messages;
  }
  return en;
}

/** Fills the `{name}` placeholders of a template; unknown placeholders stay as they are. */
export function fillTemplate(template: string, params: IssueParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

