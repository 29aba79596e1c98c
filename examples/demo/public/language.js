// The demo's language switch, shared by the form page and the inbox: English / 中文 buttons set the
// page's `lang` (and, through `onChange`, whatever else speaks), fill every element marked
// `data-text` / `data-label` from the page's texts, and remember the choice for the other page.
// Text only: textContent and attributes, never innerHTML.

const storageKey = 'intake-demo:locale';

/** The texts both pages share: the navigation and the switch's label. */
const common = {
  en: { navForm: 'Form', navInbox: 'Inbox', nav: 'Demo', language: 'Language' },
  'zh-CN': { navForm: '表单', navInbox: '收件箱', nav: '演示', language: '语言' },
};

/** Fills `{name}` placeholders of a text. */
export const fill = (template, params = {}) => template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));

function savedLocale() {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage may be off (private mode)
  }
}

/**
 * Sets up the switch. `pageTexts` maps each locale (`en`, `zh-CN`) to the page's own texts,
 * including `title` (the navigation's are here); `onChange(locale)` runs after every switch and once
 * at the start. The starting language is `?lang=`, else the one chosen last on either page, else
 * English.
 */
export function setupLanguage(pageTexts, onChange = () => {}) {
  const locales = Object.keys(pageTexts);
  const texts = Object.fromEntries(locales.map((locale) => [locale, { ...common[locale], ...pageTexts[locale] }]));
  const buttons = [...document.querySelectorAll('button[data-locale]')];

  function apply(next, remember) {
    const locale = locales.includes(next) ? next : 'en';
    document.documentElement.lang = locale;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    for (const element of document.querySelectorAll('[data-text]')) element.textContent = texts[locale][element.dataset.text];
    for (const element of document.querySelectorAll('[data-label]')) element.setAttribute('aria-label', texts[locale][element.dataset.label]);
    document.title = texts[locale].title;
    if (remember) {
      try {
        localStorage.setItem(storageKey, locale);
      } catch {
        // the switch still works for this page
      }
    }
    onChange(locale);
  }

  for (const button of buttons) button.addEventListener('click', () => apply(button.dataset.locale, true));
  apply(new URLSearchParams(location.search).get('lang') ?? savedLocale() ?? 'en', false);
}
