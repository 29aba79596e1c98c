/**
 * Country names for the phone field's country selector, from `Intl.DisplayNames` (no data of our
 * own). Creating the first `Intl.DisplayNames` loads the browser's locale data, which takes tens
 * of milliseconds, so it happens when the page is idle after the form is interactive: until then
 * the selector shows ISO codes (`CN +86`), then the names (`China +86`, `中国 +86`).
 */
const names = new Map<string, Intl.DisplayNames | null>();
const waiting = new Set<() => void>();
let scheduled = false;

function load(): void {
  scheduled = false;
  for (const locale of [...names.keys()]) {
    if (names.get(locale) !== null) continue;
    try {
      names.set(locale, new Intl.DisplayNames([locale, 'en'], { type: 'region' }));
    } catch {
      names.delete(locale);
    }
  }
  const callbacks = [...waiting];
  waiting.clear();
  for (const callback of callbacks) callback();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(load, { timeout: 500 });
  else setTimeout(load, 50);
}

/**
 * The name of a country in a locale, or `undefined` while the names are not loaded yet; then
 * `onReady` is called once they are.
 */
export function regionName(country: string, locale: string, onReady: () => void): string | undefined {
  const displayNames = names.get(locale);
  if (displayNames) {
    try {
      return displayNames.of(country) ?? country;
    } catch {
      return country;
    }
  }
  if (displayNames === undefined) names.set(locale, null);
  waiting.add(onReady);
  schedule();
  return undefined;
}
