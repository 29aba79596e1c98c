/** What a record's context and prefill need to know about the page. */
export interface PageContext {
  readonly url: string;
  readonly referrer: string;
}

interface BrowserGlobals {
  readonly location?: { readonly href?: string };
  readonly document?: { readonly referrer?: string };
}

/**
 * The page's address and referrer: the given ones, else those of the browser page the code runs
 * in (feature-tested, so the core still runs where there is no page), else empty strings.
 */
export function pageContext(given: Partial<PageContext> = {}): PageContext {
  const page = globalThis as BrowserGlobals;
  return {
    url: given.url ?? page.location?.href ?? '',
    referrer: given.referrer ?? page.document?.referrer ?? '',
  };
}

/** The query parameters of an address, or none when it is empty or not a URL. */
export function queryOf(url: string): URLSearchParams {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/**
 * The `utm_*` parameters of a query without their prefix: `{ source: 'expo', medium: 'qr' }`, the
 * first of each name. `utm_constructor` is kept like any other; `utm___proto__` is left out (a
 * receiver refuses that key, docs/receiving.md).
 */
export function utmOf(query: URLSearchParams): Record<string, string> {
  const utm = new Map<string, string>();
  for (const [key, value] of query) {
    const name = key.slice(4);
    if (key.startsWith('utm_') && name !== '' && name !== '__proto__' && !utm.has(name)) utm.set(name, value);
  }
  return Object.fromEntries(utm);
}
