// End-to-end: two tabs of one browser share one outbox (localStorage of the origin). Records
// queued from both while the webhook is down are each stored exactly once when both tabs flush
// at the same moment, and the webhook never sees two requests for one record at once.
import type { BrowserContext } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadForm, minimalValues } from './forms.js';
import { openFormPage, outboxEntryPrefix, type FormPage } from './harness.js';
import { useSiteRun } from './support/site-run.js';
import { waitFor } from './support/wait-for.js';

const run = useSiteRun(leadForm());
let context: BrowserContext;

beforeAll(async () => {
  context = await run.browser.createBrowserContext();
});

/** Submits `count` records alternately from the tabs while every request is reset; returns their ids. */
async function queueFromBoth(tabs: readonly FormPage[], count: number, label: string): Promise<string[]> {
  run.site.hook.policy = () => ({ kind: 'reset' });
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
  run.site.hook.policy = () => ({ kind: 'pass', delayMs: 150 });
  return Date.now();
}

function expectEachStoredOnceSince(ids: readonly string[], since: number): void {
  for (const id of ids) {
    expect(run.site.stored(id), `record ${id}`).toHaveLength(1);
    // Exactly one request for it since the webhook came back: the other tab did not send it too.
    expect(run.site.hook.posts(id).filter((post) => post.arrivedAt >= since).map((post) => post.status), `requests for ${id}`).toEqual([201]);
  }
  expect(run.site.hook.overlaps).toEqual([]);
}

describe('two tabs, one outbox', () => {
  it('self-check: the webhook notices two requests for one record in flight at once', { timeout: 15_000 }, async () => {
    run.site.hook.queue.push({ kind: 'hang' }, { kind: 'pass' });
    const body = JSON.stringify({ id: 'overlap-self-check' });
    const hanging = new AbortController();
    const first = fetch(run.site.hookUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body, signal: hanging.signal }).catch(() => undefined);
    await waitFor(() => run.site.hook.posts('overlap-self-check').length === 1, 5_000, 'the first request');
    await fetch(run.site.hookUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    hanging.abort();
    await first;
    expect(run.site.hook.overlaps).toEqual([{ id: 'overlap-self-check', seqs: [1, 2] }]);
    run.site.reset();
  });

  it('both tabs flushing at once (online in both, then a reload of both) store every record exactly once', { timeout: 60_000 }, async () => {
    const url = run.site.page('two-tabs', { schema: leadForm({ url: run.site.hookUrl, retries: 1, timeoutMs: 2000 }), attributes: { kiosk: '', 'kiosk-reset': '50' } });
    const tabA = await openFormPage(context, url);
    const tabB = await openFormPage(context, url);

    // Round 1: six records from both tabs, then `online` in both tabs at the same moment.
    const first = await queueFromBoth([tabA, tabB], 6, 'round1');
    expect((await tabA.outboxKeys()).sort()).toEqual(first.map((id) => `${outboxEntryPrefix}${id}`).sort());
    expect(await tabB.outboxKeys()).toHaveLength(6);
    const up1 = serverBack();
    await Promise.all([tabA, tabB].map((tab) => tab.page.evaluate(() => dispatchEvent(new Event('online')))));
    await waitFor(() => first.every((id) => run.site.stored(id).length > 0), 20_000, 'every round-1 record to be stored');
    await waitFor(async () => (await tabA.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expectEachStoredOnceSince(first, up1);

    // Round 2: four more, then both tabs reload at the same moment (each flushes on load).
    const second = await queueFromBoth([tabA, tabB], 4, 'round2');
    expect(await tabB.outboxKeys()).toHaveLength(4);
    const up2 = serverBack();
    await Promise.all([tabA.load(), tabB.load()]);
    await waitFor(() => second.every((id) => run.site.stored(id).length > 0), 20_000, 'every round-2 record to be stored');
    await waitFor(async () => (await tabB.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expectEachStoredOnceSince(second, up2);

    expect(run.site.store.records).toHaveLength(10);
    expect(run.site.puts).toEqual({ stored: 10, repeat: 0 });
  });
});
