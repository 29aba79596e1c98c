// End-to-end: each delivery format (docs/delivery.md) carries a record from real Chromium to the real
// receiver intact, and `text` is the one that reaches a webhook that refuses CORS preflights.
import { describe, expect, it } from 'vitest';
import { leadForm, fullValues, minimalValues } from './forms.js';
import { openFormPage } from './harness.js';
import { useFreshContexts, useSiteRun } from './support/site-run.js';
import { waitFor } from './support/wait-for.js';

const run = useSiteRun(leadForm());
const freshContext = useFreshContexts(run);

describe('formats', () => {
  for (const format of ['json', 'text', 'form'] as const) {
    it(`${format}: the stored record equals the record of the intake-submitted event`, { timeout: 30_000 }, async () => {
      const url = run.site.page(`format-${format}`, { schema: leadForm({ url: run.site.hookUrl, format }) });
      const tab = await openFormPage(await freshContext(), `${url}?utm_source=expo&utm_medium=qr`);
      await tab.submitValues(fullValues);
      const [event] = await tab.waitForEvents('intake-submitted', 1);
      const { record, status } = event!.detail;
      expect(status).toBe('delivered');
      // What the person typed, normalized, survived the trip (a spot check beyond equality).
      expect(record.data).toMatchObject({ name: 'Zoë Ng', email: 'zoe.ng@example.com', phone: '+14155552671', seats: 12, interests: ['demo', 'pricing'], newsletter: true, campaign: 'expo-2026' });
      expect(record.context.utm).toEqual({ source: 'expo', medium: 'qr' });

      const stored = run.site.stored(record.id);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toEqual(record);
      expect(run.site.puts).toEqual({ stored: 1, repeat: 0 });

      const posts = run.site.hook.posts(record.id);
      expect(posts.map((post) => [post.status, post.contentType])).toEqual([
        [201, { json: 'application/json', text: 'text/plain;charset=UTF-8', form: 'application/x-www-form-urlencoded' }[format]],
      ]);
      // Only `json` is preflighted: `text` and `form` are simple requests.
      const preflights = run.site.hook.log.filter((entry) => entry.method === 'OPTIONS');
      expect(preflights.length).toBe(format === 'json' ? 1 : 0);
      expect(await tab.outboxKeys()).toEqual([]);
    });
  }

  it('a webhook that refuses OPTIONS gets `text` records, while `json` ones wait in the outbox', { timeout: 45_000 }, async () => {
    run.site.hook.refuseOptions = true;
    // A URL of its own, so no preflight cached by an earlier test can stand in for one.
    const hookUrl = `${run.site.hookUrl}?case=refuse-options`;
    const textUrl = run.site.page('no-options-text', { schema: leadForm({ url: hookUrl, format: 'text' }) });
    const jsonUrl = run.site.page('no-options-json', { schema: leadForm({ url: hookUrl, format: 'json', retries: 2 }) });
    const ctx = await freshContext();

    const textTab = await openFormPage(ctx, textUrl);
    await textTab.submitValues(fullValues);
    const [textEvent] = await textTab.waitForEvents('intake-submitted', 1);
    expect(textEvent!.detail.status).toBe('delivered');
    expect(run.site.stored(textEvent!.detail.record.id)).toEqual([textEvent!.detail.record]);
    expect(run.site.hook.log.filter((entry) => entry.method === 'OPTIONS')).toEqual([]);

    const jsonTab = await openFormPage(ctx, jsonUrl);
    await jsonTab.submitValues(minimalValues('json'));
    const [jsonEvent] = await jsonTab.waitForEvents('intake-submitted', 1);
    const id = jsonEvent!.detail.record.id as string;
    expect(jsonEvent!.detail.status).toBe('queued');
    expect(await jsonTab.formText()).toContain('Saved on this device');
    // Both attempts stopped at the refused preflight: the POST never left the browser.
    expect(run.site.hook.log.filter((entry) => entry.fault === 'refused-preflight')).toHaveLength(2);
    expect(run.site.hook.posts(id)).toEqual([]);
    expect(run.site.stored(id)).toEqual([]);
    expect(await jsonTab.outboxKeys()).toEqual([`intake-outbox:v1:entry:${id}`]);

    // Once the webhook answers preflights, the queued record goes out on the next flush.
    run.site.hook.refuseOptions = false;
    await jsonTab.page.evaluate(() => dispatchEvent(new Event('online')));
    await waitFor(() => run.site.stored(id).length === 1, 10_000, 'the queued json record to be stored');
    expect(run.site.stored(id)[0]).toEqual(jsonEvent!.detail.record);
    await waitFor(async () => (await jsonTab.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
  });
});
