// axe-core on a whole page (shadow roots included), the copy that @open-wc/testing
// (chai-a11y-axe) installs for the browser tests.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

async function axeSource(): Promise<string> {
  const fromOpenWc = createRequire(createRequire(import.meta.url).resolve('@open-wc/testing'));
  const fromChaiAxe = createRequire(fromOpenWc.resolve('chai-a11y-axe'));
  return readFile(fromChaiAxe.resolve('axe-core/axe.min.js'), 'utf8');
}

/**
 * Runs axe-core on the page as it is now and returns its violations, one readable line each.
 * It is evaluated through DevTools, which a page's CSP does not govern, so no violation is caused.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}
