// The setup shared by the fault-injection test files: the elements bundle served by the site of
// harness.ts (its receiver re-validating against one schema) and one Chromium, started before
// the file's tests and closed after them.
import type { Browser, BrowserContext } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { bundleElements, removeDir, startSite, type Site } from '../harness.js';
import { launchBrowser } from './browser.js';

/** The site and the browser of a test file (set once its `beforeAll` has run). */
export interface SiteRun {
  readonly site: Site;
  readonly browser: Browser;
}

/** Registers the `beforeAll` / `afterAll` of a test file whose receiver takes `receiverSchema`. */
export function useSiteRun(receiverSchema: unknown): SiteRun {
  const run = {} as { site: Site; browser: Browser };
  let dir: string | undefined;
  beforeAll(async () => {
    const bundle = await bundleElements();
    dir = bundle.dir;
    run.site = await startSite(bundle.code, receiverSchema);
    run.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await run.browser?.close();
    await run.site?.close();
    if (dir) await removeDir(dir);
  });
  return run;
}

/**
 * Returns `freshContext()`: a new browser context (its own localStorage, so its own outbox, and its
 * own CORS preflight cache). After each test it is closed and the site is back to an open webhook
 * without faults and with zeroed counters.
 */
export function useFreshContexts(run: SiteRun): () => Promise<BrowserContext> {
  let context: BrowserContext | undefined;
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await run.site.openHook();
    run.site.reset();
  });
  return async () => (context = await run.browser.createBrowserContext());
}
