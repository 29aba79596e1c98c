// End-to-end: two tabs of one browser share one outbox (localStorage of the origin). Records
// queued from both while the webhook is down are each stored exactly once when both tabs flush
// at the same moment, and the webhook never sees two requests for one record at once.
import type { Browser, BrowserContext } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadForm, minimalValues } from './forms.js';
import { bundleElements, launchBrowser, openFormPage, outboxEntryPrefix, removeDir, startSite, waitFor, type FormPage, type Site } from './harness.js';

let dir: string;
let site: Site;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const bundle = await bundleElements();
  dir = bundle.dir;
  site = await startSite(bundle.code, leadForm());
  browser = await launchBrowser();
  context = await browser.createBrowserContext();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await removeDir(dir);
});

/** Submits `count` records alternately from the tabs while every request is reset; returns their ids. */
async function queueFromBoth(tabs: readonly FormPage[], count: number, label: string): Promise<string[]> {
  site.hook.policy = () => ({ kind: 'reset' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const tab = tabs[i % tabs.length]!;
    const before = tab.submitted().length;
    await tab.waitForEditing();
    await tab.submitValues(minimalValues(`${label}-${i}`));
    const events = await tab.waitForEvents('intake-submitted', before + 1, 15_000);
    const { record, status } = events[before]!.detail;
    expect(status).toBe('queued');
    ids.push(record.id);
  }
  return ids;
}

/** Brings the webhook back, slow enough (150 ms an answer) that overlapping sends would show. */
function serverBack(): number {
  site.hook.policy = () => ({ kind: 'pass', delayMs: 150 });
  return Date.now();
}

function expectEachStoredOnceSince(ids: readonly string[], since: number): void {
  for (const id of ids) {
    expect(site.stored(id), `record ${id}`).toHaveLength(1);
    // Exactly one request for it since the webhook came back: the other tab did not send it too.
    expect(site.hook.posts(id).filter((post) => post.arrivedAt >= since).map((post) => post.status), `requests for ${id}`).toEqual([201]);
  }
  expect(site.hook.overlaps).toEqual([]);
}

describe('two tabs, one outbox', () => {
  it('self-check: the webhook notices two requests for one record in flight at once', { timeout: 15_000 }, async () => {
    site.hook.queue.push({ kind: 'hang' }, { kind: 'pass' });
    const body = JSON.stringify({ id: 'overlap-self-check' });
    const hanging = new AbortController();
    const first = fetch(site.hookUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body, signal: hanging.signal }).catch(() => undefined);
    await waitFor(() => site.hook.posts('overlap-self-check').length === 1, 5_000, 'the first request');
    await fetch(site.hookUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    hanging.abort();
    await first;
    expect(site.hook.overlaps).toEqual([{ id: 'overlap-self-check', seqs: [1, 2] }]);
    site.reset();
  });

  it('both tabs flushing at once (online in both, then a reload of both) store every record exactly once', { timeout: 60_000 }, async () => {
    const url = site.page('two-tabs', { schema: leadForm({ url: site.hookUrl, retries: 1, timeoutMs: 2000 }), attributes: { kiosk: '', 'kiosk-reset': '50' } });
    const tabA = await openFormPage(context, url);
    const tabB = await openFormPage(context, url);

    // Round 1: six records from both tabs, then `online` in both tabs at the same moment.
    const first = await queueFromBoth([tabA, tabB], 6, 'round1');
    expect((await tabA.outboxKeys()).sort()).toEqual(first.map((id) => `${outboxEntryPrefix}${id}`).sort());
    expect(await tabB.outboxKeys()).toHaveLength(6);
    const up1 = serverBack();
    await Promise.all([tabA, tabB].map((tab) => tab.page.evaluate(() => dispatchEvent(new Event('online')))));
    await waitFor(() => first.every((id) => site.stored(id).length > 0), 20_000, 'every round-1 record to be stored');
    await waitFor(async () => (await tabA.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expectEachStoredOnceSince(first, up1);

    // Round 2: four more, then both tabs reload at the same moment (each flushes on load).
    const second = await queueFromBoth([tabA, tabB], 4, 'round2');
    expect(await tabB.outboxKeys()).toHaveLength(4);
    const up2 = serverBack();
    await Promise.all([tabA.load(), tabB.load()]);
    await waitFor(() => second.every((id) => site.stored(id).length > 0), 20_000, 'every round-2 record to be stored');
    await waitFor(async () => (await tabB.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expectEachStoredOnceSince(second, up2);

    expect(site.store.records).toHaveLength(10);
    expect(site.puts).toEqual({ stored: 10, repeat: 0 });
  });
});
