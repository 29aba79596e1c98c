// End-to-end: a form on a plain-http page of a real host name (not localhost or 127.0.0.1) is not
// in a secure context, so the browser offers neither Web Locks nor crypto.subtle. The outbox then
// claims records with its lease in localStorage, and the dedupe key comes from @stablelib/sha256: two
// tabs still store every record exactly once, with the right key.
import { createHash } from 'node:crypto';
import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadForm, minimalValues } from './forms.js';
import { bundleElements, openFormPage, outboxEntryPrefix, removeDir, startSite, type FormPage, type Site } from './harness.js';
import { chromeArgs } from './support/browser.js';
import { waitFor } from './support/wait-for.js';

const host = 'intake-insecure.test';
let site: Site;
let browser: Browser;
let context: BrowserContext;
let dir: string | undefined;

beforeAll(async () => {
  const bundle = await bundleElements();
  dir = bundle.dir;
  site = await startSite(bundle.code, leadForm(), { pageHost: host });
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...chromeArgs, `--host-resolver-rules=MAP ${host} 127.0.0.1`],
  });
  context = await browser.createBrowserContext();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await removeDir(dir);
});

/** Submits `count` records alternately from the tabs while every request is reset; returns their ids. */
async function queueFromBoth(tabs: readonly FormPage[], count: number): Promise<string[]> {
  site.hook.policy = () => ({ kind: 'reset' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const tab = tabs[i % tabs.length]!;
    const before = tab.submitted().length;
    await tab.waitForEditing();
    await tab.submitValues(minimalValues(`insecure-${i}`));
    const events = await tab.waitForEvents('intake-submitted', before + 1, 15_000);
    expect(events[before]!.detail.status).toBe('queued');
    ids.push(events[before]!.detail.record.id);
  }
  return ids;
}

describe('a form on a page that is not a secure context', () => {
  it('two tabs claim queued records with the storage lease (no Web Locks) and store each once, with a SHA-256 dedupe key from @stablelib/sha256', { timeout: 90_000 }, async () => {
    const url = site.page('insecure', { schema: leadForm({ url: site.hookUrl, retries: 1, timeoutMs: 2000 }), attributes: { kiosk: '', 'kiosk-reset': '50' } });
    expect(new URL(url).hostname).toBe(host);
    const tabA = await openFormPage(context, url);
    const tabB = await openFormPage(context, url);
    const platform = await tabA.page.evaluate(() => ({
      secure: isSecureContext,
      locks: 'locks' in navigator,
      subtle: globalThis.crypto?.subtle !== undefined,
    }));
    expect(platform, 'the page is plain http on a real host name').toEqual({ secure: false, locks: false, subtle: false });

    const ids = await queueFromBoth([tabA, tabB], 6);
    expect(await tabA.outboxKeys()).toHaveLength(6);
    // The webhook is back, slow enough (150 ms an answer) that two tabs sending one record would overlap.
    site.hook.policy = () => ({ kind: 'pass', delayMs: 150 });
    const since = Date.now();
    await Promise.all([tabA, tabB].map((tab) => tab.page.evaluate(() => dispatchEvent(new Event('online')))));
    await waitFor(() => ids.every((id) => site.stored(id).length > 0), 30_000, 'every record to be stored');
    await waitFor(async () => (await tabB.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expect(await tabA.outboxKeys(), `no ${outboxEntryPrefix} key left`).toEqual([]);

    for (const [i, id] of ids.entries()) {
      const stored = site.stored(id);
      expect(stored, `record ${id}`).toHaveLength(1);
      expect(site.hook.posts(id).filter((post) => post.arrivedAt >= since).map((post) => post.status), `requests for ${id}`).toEqual([201]);
      // The receiver recomputed the key and accepted it; check it against Node's own SHA-256 too.
      const email = `person-insecure-${i}@example.com`;
      expect(stored[0]!.dedupeKey).toBe(createHash('sha256').update(JSON.stringify([email])).digest('hex'));
    }
    expect(site.hook.overlaps).toEqual([]);
    expect(site.puts).toEqual({ stored: 6, repeat: 0 });
  });
});
