// End-to-end: each delivery format (spec §4) carries a record from real Chromium to the real
// receiver intact, and `text` is the one that reaches a webhook that refuses CORS preflights.
import type { Browser, BrowserContext } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leadForm, fullValues, minimalValues } from './forms.js';
import { bundleElements, launchBrowser, openFormPage, removeDir, startSite, waitFor, type Site } from './harness.js';

let dir: string;
let site: Site;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  const bundle = await bundleElements();
  dir = bundle.dir;
  site = await startSite(bundle.code, leadForm());
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await removeDir(dir);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  site.reset();
});

/** A fresh browser context: its own localStorage (outbox) and its own CORS preflight cache. */
async function freshContext(): Promise<BrowserContext> {
  context = await browser.createBrowserContext();
  return context;
}

describe('formats', () => {
  for (const format of ['json', 'text', 'form'] as const) {
    it(`${format}: the stored record equals the record of the intake-submitted event`, { timeout: 30_000 }, async () => {
      const url = site.page(`format-${format}`, { schema: leadForm({ url: site.hookUrl, format }) });
      const tab = await openFormPage(await freshContext(), `${url}?utm_source=expo&utm_medium=qr`);
      await tab.submitValues(fullValues);
      const [event] = await tab.waitForEvents('intake-submitted', 1);
      const { record, status } = event!.detail;
      expect(status).toBe('delivered');
      // What the person typed, normalized, survived the trip (a spot check beyond equality).
      expect(record.data).toMatchObject({ name: 'Zoë Ng', email: 'zoe.ng@example.com', phone: '+14155552671', seats: 12, interests: ['demo', 'pricing'], newsletter: true, campaign: 'expo-2026' });
      expect(record.context.utm).toEqual({ source: 'expo', medium: 'qr' });

      const stored = site.stored(record.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toEqual(record);
      expect(site.puts).toEqual({ stored: 1, repeat: 0 });

      const posts = site.hook.posts(record.id);
      expect(posts.map((post) => [post.status, post.contentType])).toEqual([
        [201, { json: 'application/json', text: 'text/plain;charset=UTF-8', form: 'application/x-www-form-urlencoded' }[format]],
      ]);
      // Only `json` is preflighted: `text` and `form` are simple requests.
      const preflights = site.hook.log.filter((entry) => entry.method === 'OPTIONS');
      expect(preflights.length).toBe(format === 'json' ? 1 : 0);
      expect(await tab.outboxKeys()).toEqual([]);
    });
  }

  it('a webhook that refuses OPTIONS gets `text` records, while `json` ones wait in the outbox', { timeout: 45_000 }, async () => {
    site.hook.refuseOptions = true;
    // A URL of its own, so no preflight cached by an earlier test can stand in for one.
    const hookUrl = `${site.hookUrl}?case=refuse-options`;
    const textUrl = site.page('no-options-text', { schema: leadForm({ url: hookUrl, format: 'text' }) });
    const jsonUrl = site.page('no-options-json', { schema: leadForm({ url: hookUrl, format: 'json', retries: 2 }) });
    const ctx = await freshContext();

    const textTab = await openFormPage(ctx, textUrl);
    await textTab.submitValues(fullValues);
    const [textEvent] = await textTab.waitForEvents('intake-submitted', 1);
    expect(textEvent!.detail.status).toBe('delivered');
    expect(site.stored(textEvent!.detail.record.id)).toEqual([textEvent!.detail.record]);
    expect(site.hook.log.filter((entry) => entry.method === 'OPTIONS')).toEqual([]);

    const jsonTab = await openFormPage(ctx, jsonUrl);
    await jsonTab.submitValues(minimalValues('json'));
    const [jsonEvent] = await jsonTab.waitForEvents('intake-submitted', 1);
    const id = jsonEvent!.detail.record.id as string;
    expect(jsonEvent!.detail.status).toBe('queued');
    expect(await jsonTab.formText()).toContain('Saved on this device');
    // Both attempts stopped at the refused preflight: the POST never left the browser.
    expect(site.hook.log.filter((entry) => entry.fault === 'refused-preflight')).toHaveLength(2);
    expect(site.hook.posts(id)).toEqual([]);
    expect(site.stored(id)).toEqual([]);
    expect(await jsonTab.outboxKeys()).toEqual([`intake-outbox:v1:entry:${id}`]);

    // Once the webhook answers preflights, the queued record goes out on the next flush.
    site.hook.refuseOptions = false;
    await jsonTab.page.evaluate(() => dispatchEvent(new Event('online')));
    await waitFor(() => site.stored(id).length === 1, 10_000, 'the queued json record to be stored');
    expect(site.stored(id)[0]).toEqual(jsonEvent!.detail.record);
    await waitFor(async () => (await jsonTab.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
  });
});
