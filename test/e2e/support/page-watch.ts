// What went wrong on a page, collected in Node: console errors, uncaught errors, failed requests
// and Content-Security-Policy violations (reported from the first byte of every document).
import type { Page } from 'puppeteer-core';

/** A `securitypolicyviolation` event, as the page reported it. */
export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
  readonly line: number;
  readonly column: number;
  readonly sample: string;
}

export interface PageProblems {
  /** `console.error` messages, with where they came from. */
  readonly console: string[];
  /** Uncaught errors. */
  readonly errors: string[];
  /** Answers with a status of 400 or more: `status url`. */
  readonly failed: string[];
  readonly csp: CspViolation[];
  /** All of the above, one readable line each. */
  all(): string[];
}

/** Starts watching `page` (call before the first navigation). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = {
    console: [],
    errors: [],
    failed: [],
    csp: [],
    all: () => [
      ...problems.console.map((text) => `console: ${text}`),
      ...problems.errors.map((text) => `error: ${text}`),
      ...problems.failed.map((text) => `failed: ${text}`),
      ...problems.csp.map((v) => `csp: ${v.directive} blocked ${v.blocked || 'inline'} at ${v.source}:${v.line}:${v.column}`),
    ],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(`${message.text()} (${message.location().url ?? ''})`);
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failed.push(`${response.status()} ${response.url()}`);
  });
  await page.exposeFunction('__cspViolation', (violation: CspViolation) => problems.csp.push(violation));
  // Injected through DevTools, so the page's CSP does not apply to this listener.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __cspViolation(violation: unknown): void }).__cspViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
        sample: event.sample,
      }),
    );
  });
  return problems;
}
