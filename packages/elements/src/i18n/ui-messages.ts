import { fillTemplate } from '@intake/core';

/**
 * A text that depends on a number: one string, or one per plural category of the locale
 * (`Intl.PluralRules`: `zero`, `one`, `two`, `few`, `many`, `other`); `other` is required.
 */
export type PluralText = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string });

/** The built-in texts of the elements (buttons, progress, status). Validation messages come from @intake/core. */
export interface UiMessages {
  readonly submit: string;
  readonly next: string;
  readonly back: string;
  readonly startOver: string;
  readonly optional: string;
  readonly required: string;
  readonly errorPrefix: string;
  readonly errorSummaryTitle: string;
  readonly stepProgress: string;
  readonly countryCode: string;
  readonly phoneNumber: string;
  readonly choose: string;
  /** The first option of each select of a region field: `{level}` is the level's label in a sentence (`province`). */
  readonly chooseLevel: string;
  /** The only option of a region's province select while the region data loads. */
  readonly loadingChoices: string;
  readonly sending: string;
  readonly successTitle: string;
  readonly successBody: string;
  readonly queuedTitle: string;
  readonly queuedBody: string;
  readonly rejectedTitle: string;
  readonly failedTitle: string;
  readonly failedBody: string;
  readonly retry: string;
  readonly schemaErrorTitle: string;
  readonly schemaErrorBody: string;
  readonly loading: string;
  readonly nextPersonIn: string;
  readonly charactersLeft: PluralText;
  readonly charactersOver: PluralText;
}

const en: UiMessages = {
  submit: 'Send',
  next: 'Continue',
  back: 'Back',
  startOver: 'Start a new form',
  optional: '(optional)',
  required: '(required)',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  stepProgress: 'Step {current} of {total}',
  countryCode: 'Country or region code',
  phoneNumber: 'Phone number',
  choose: 'Choose…',
  chooseLevel: 'Select a {level}',
  loadingChoices: 'Loading…',
  sending: 'Sending…',
  successTitle: 'Thank you',
  successBody: 'Your details have been sent.',
  queuedTitle: 'Saved on this device',
  queuedBody: 'We could not reach the server. Your details are saved on this device and will be sent automatically when the connection is back.',
  rejectedTitle: 'Your details were not accepted',
  failedTitle: 'Your details could not be sent',
  failedBody: 'Nothing you entered has been lost. Please try again.',
  retry: 'Try again',
  schemaErrorTitle: 'This form cannot be shown',
  schemaErrorBody: 'Its definition has these problems:',
  loading: 'Loading the form…',
  nextPersonIn: 'A new form opens in {seconds} s.',
  charactersLeft: { one: '{count} character left', other: '{count} characters left' },
  charactersOver: { one: '{count} character too many', other: '{count} characters too many' },
};

const zhCN: UiMessages = {
  submit: '提交',
  next: '下一步',
  back: '上一步',
  startOver: '填写新表单',
  optional: '（选填）',
  required: '（必填）',
  errorPrefix: '错误：',
  errorSummaryTitle: '请修改以下问题',
  stepProgress: '第 {current} 步，共 {total} 步',
  countryCode: '国家或地区区号',
  phoneNumber: '电话号码',
  choose: '请选择…',
  chooseLevel: '请选择{level}',
  loadingChoices: '正在加载…',
  sending: '正在提交…',
  successTitle: '提交成功',
  successBody: '感谢您的填写，我们已收到您的信息。',
  queuedTitle: '已保存在本设备',
  queuedBody: '暂时无法连接服务器。您的信息已保存在本设备上，网络恢复后将自动提交。',
  rejectedTitle: '提交未被接受',
  failedTitle: '提交失败',
  failedBody: '您填写的内容都还在，请重试。',
  retry: '重试',
  schemaErrorTitle: '无法显示此表单',
  schemaErrorBody: '表单定义存在以下问题：',
  loading: '正在加载表单…',
  nextPersonIn: '{seconds} 秒后将打开新表单。',
  charactersLeft: '还可输入 {count} 个字符',
  charactersOver: '超出 {count} 个字符',
};

// A Map: the locale comes from the page (`lang`) or the schema, and a plain object would answer
// `constructor` or `__proto__` with Object's own members.
const catalog = new Map<string, UiMessages>([
  ['en', en],
  ['zh-CN', zhCN],
]);

/**
 * The element texts for a locale: exact, then same language, then English.
 * `registerUiMessages` adds a locale (pair it with `registerMessages` of @intake/core).
 */
export function uiMessages(locale: string): UiMessages {
  const exact = catalog.get(locale);
  if (exact) return exact;
  const language = locale.split('-')[0]!.toLowerCase();
  for (const [key, messages] of catalog) if (key.split('-')[0]!.toLowerCase() === language) return messages;
  return en;
}

/** Adds or replaces the element texts of a locale. */
export function registerUiMessages(locale: string, messages: UiMessages): void {
  catalog.set(locale, messages);
}

/** Fills `{name}` placeholders of an element text. */
export function formatUi(template: string, params: Record<string, string | number>): string {
  return fillTemplate(template, params);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Fills a {@link PluralText} for `count` in `locale`: the form of the locale's plural category,
 * with `{count}` and the other `params` filled in.
 *
 * @example formatPlural(uiMessages('en').charactersLeft, 'en', 1) // '1 character left'
 */
export function formatPlural(text: PluralText, locale: string, count: number, params: Record<string, string | number> = {}): string {
  let template: string;
  if (typeof text === 'string') {
    template = text;
  } else {
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    template = text[rules.select(count)] ?? text.other;
  }
  return fillTemplate(template, { ...params, count });
}
