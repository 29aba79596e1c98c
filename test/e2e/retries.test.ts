// End-to-end: transient failures (docs/delivery.md) are retried in place, with back-off, honouring
// Retry-After and the timeout, and the record is stored exactly once.
import { describe, expect, it } from 'vitest';
import { leadForm, minimalValues } from './forms.js';
import { openFormPage } from './harness.js';
import { useFreshContexts, useSiteRun } from './support/site-run.js';
import { waitFor } from './support/wait-for.js';

const run = useSiteRun(leadForm());
const freshContext = useFreshContexts(run);

describe('retries in place', () => {
  it('503, 503, then 201: delivered on the third attempt and stored once', { timeout: 30_000 }, async () => {
    run.site.hook.queue.push(
      { kind: 'status', status: 503, body: 'Service Unavailable' },
      { kind: 'status', status: 503, body: '{"message":"down for maintenance"}' },
    );
    const url = run.site.page('retry-503', { schema: leadForm({ url: run.site.hookUrl, retries: 3 }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.submitValues(minimalValues('503'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 20_000);
    const { record, status } = event!.detail;
    expect(status).toBe('delivered');
    expect(run.site.hook.posts(record.id).map((post) => post.status)).toEqual([503, 503, 201]);
    expect(run.site.stored(record.id)).toEqual([record]);
    expect(run.site.puts).toEqual({ stored: 1, repeat: 0 });
    expect(await tab.outboxKeys()).toEqual([]);
    expect(await tab.formText()).toContain('Thank you');
  });

  it('429 with Retry-After is honoured: the next attempt waits at least that long', { timeout: 30_000 }, async () => {
    // Back-off alone would wait 0.5–1 s, then 1–2 s: the second gap tells an ignored Retry-After apart.
    run.site.hook.queue.push(
      { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests' },
      { kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: 'Too Many Requests' },
    );
    const url = run.site.page('retry-429', { schema: leadForm({ url: run.site.hookUrl, retries: 3 }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.submitValues(minimalValues('429'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 20_000);
    const { record, status } = event!.detail;
    expect(status).toBe('delivered');
    const posts = run.site.hook.posts(record.id);
    expect(posts.map((post) => post.status)).toEqual([429, 429, 201]);
    // From the 429 being sent to the next request arriving; a few ms for two Date.now() truncations.
    const gaps = posts.slice(1).map((post, index) => post.arrivedAt - posts[index]!.answeredAt!);
    console.log(`429 gaps after Retry-After 1 and 2: ${gaps.join(' ms, ')} ms`);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000 - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(2000 - 5);
    expect(run.site.stored(record.id)).toEqual([record]);
  });

  it('a hanging webhook is timed out after submit.timeoutMs and retried', { timeout: 30_000 }, async () => {
    run.site.hook.queue.push({ kind: 'hang' });
    const url = run.site.page('retry-hang', { schema: leadForm({ url: run.site.hookUrl, timeoutMs: 800, retries: 2 }) });
    const tab = await openFormPage(await freshContext(), url);
    const started = Date.now();
    await tab.submitValues(minimalValues('hang'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 20_000);
    const { record, status } = event!.detail;
    expect(status).toBe('delivered');
    const posts = run.site.hook.posts(record.id);
    expect(posts.map((post) => [post.fault, post.status])).toEqual([
      ['hang', undefined],
      ['pass', 201],
    ]);
    // The browser gave up on the first attempt (closing the connection) after about timeoutMs.
    const hung = posts[0]!.endedAt! - posts[0]!.arrivedAt;
    expect(hung).toBeGreaterThanOrEqual(500); // the browser's clock started before the request got here
    expect(hung).toBeLessThan(4000);
    expect(posts[1]!.arrivedAt).toBeGreaterThanOrEqual(posts[0]!.endedAt!);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.site.stored(record.id)).toEqual([record]);
    expect(run.site.hook.overlaps).toEqual([]);
  });

  it('a Retry-After longer than the in-place retries is honoured by the outbox too', { timeout: 30_000 }, async () => {
    run.site.hook.queue.push({ kind: 'status', status: 503, headers: { 'retry-after': '60' }, body: 'Come back in a minute' });
    const url = run.site.page('retry-after-long', { schema: leadForm({ url: run.site.hookUrl, retries: 3 }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.submitValues(minimalValues('retry-after-60'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 20_000);
    const { record, status } = event!.detail;
    // 60 s is beyond what the form waits in place: it queues at once rather than keep the person waiting.
    expect(status).toBe('queued');
    expect(run.site.hook.posts(record.id)).toHaveLength(1);
    // Flushes triggered now (back online, a reload) must not knock on the door before the minute is up.
    await tab.page.evaluate(() => dispatchEvent(new Event('online')));
    await tab.load();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(run.site.hook.posts(record.id)).toHaveLength(1);
    expect(await tab.outboxKeys()).toEqual([`intake-outbox:v1:entry:${record.id}`]);
    // …and once it is (simulated by moving the entry's due time), the record goes out.
    await tab.page.evaluate((key) => {
      const entry = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...entry, nextAttemptAt: Date.now() - 1 }));
      dispatchEvent(new Event('online'));
    }, `intake-outbox:v1:entry:${record.id}`);
    await waitFor(() => run.site.stored(record.id).length === 1, 10_000, 'the record to be stored');
    expect(run.site.stored(record.id)).toEqual([record]);
  });
});
