/**
 * A text shown to people: either one string for every locale, or a map from locale to string,
 * e.g. `{ "en": "Company", "zh-CN": "公司名称" }`.
 */
export type Text = string | Readonly<Record<string, string>>;

/**
 * Picks the string of a {@link Text} for a locale: the exact locale, then its language
 * (`zh` for `zh-CN`), then `en`, then the first entry.
 *
 * @example
 * resolveText({ en: 'Phone', 'zh-CN': '手机' }, 'zh-CN'); // '手机'
 */
export function resolveText(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  // Own keys only: a locale such as `toString` must not find Object's members.
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(text, key) ? text[key] : undefined);
  const exact = own(locale);
  if (exact !== undefined) return exact;
  const language = locale.split('-')[0]!;
  for (const key of Object.keys(text)) {
    if (key.split('-')[0] === language) return text[key]!;
  }
  return own('en') ?? Object.values(text)[0] ?? '';
}
