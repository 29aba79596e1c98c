// End-to-end: the on-device outbox (docs/delivery.md). A record the webhook cannot take now is saved on
// the device, said so, and sent exactly once later: after a reload, when the browser comes back
// online; a record the webhook rejects is shown, kept in the form, and never queued or resent.
import { describe, expect, it } from 'vitest';
import { leadForm, minimalValues } from './forms.js';
import { openFormPage, outboxEntryPrefix } from './harness.js';
import { useFreshContexts, useSiteRun } from './support/site-run.js';
import { waitFor } from './support/wait-for.js';

const run = useSiteRun(leadForm());
const freshContext = useFreshContexts(run);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox', () => {
  it('server down at submit: saved on the device, sent once when a reload finds the server back', { timeout: 30_000 }, async () => {
    await run.site.closeHook(); // connections refused
    const url = run.site.page('down-then-reload', { schema: leadForm({ url: run.site.hookUrl, retries: 2 }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.submitValues(minimalValues('down'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 15_000);
    const { record, status } = event!.detail;
    expect(status).toBe('queued');
    expect(await tab.formText()).toContain('Saved on this device');
    expect(await tab.outboxKeys()).toEqual([`${outboxEntryPrefix}${record.id}`]);
    expect(run.site.hook.log).toEqual([]);

    await run.site.openHook();
    await tab.load(); // a form loading on the origin flushes the outbox
    await waitFor(() => run.site.stored(record.id).length > 0, 10_000, 'the queued record to be stored');
    await waitFor(async () => (await tab.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    await sleep(500);
    expect(run.site.stored(record.id)).toEqual([record]);
    expect(run.site.hook.posts(record.id).map((post) => post.status)).toEqual([201]);
    expect(run.site.puts).toEqual({ stored: 1, repeat: 0 });
  });

  it('offline at submit: queued without a request, sent once when the browser is back online (no reload)', { timeout: 30_000 }, async () => {
    const url = run.site.page('offline', { schema: leadForm({ url: run.site.hookUrl }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.page.evaluate(() => ((window as any).__sameDocument = true));
    await tab.page.setOfflineMode(true);
    expect(await tab.page.evaluate(() => navigator.onLine)).toBe(false);
    await tab.submitValues(minimalValues('offline'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 15_000);
    const { record, status } = event!.detail;
    expect(status).toBe('queued');
    expect(await tab.formText()).toContain('Saved on this device');
    expect(await tab.outboxKeys()).toEqual([`${outboxEntryPrefix}${record.id}`]);
    await sleep(300);
    expect(run.site.hook.log).toEqual([]);

    await tab.page.setOfflineMode(false); // fires `online`
    await waitFor(() => run.site.stored(record.id).length > 0, 10_000, 'the queued record to be stored');
    await waitFor(async () => (await tab.outboxKeys()).length === 0, 5_000, 'the outbox to empty');
    expect(await tab.page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    expect(run.site.stored(record.id)).toEqual([record]);
    expect(run.site.hook.posts(record.id)).toHaveLength(1);
    // The form that said "saved on this device" now says the details were sent.
    await waitFor(async () => (await tab.formText()).includes('Thank you'), 5_000, 'the form to show the record as sent');
  });

  it('422 with a message: shown, every value kept, nothing queued, nothing resent', { timeout: 30_000 }, async () => {
    run.site.hook.queue.push({ kind: 'status', status: 422, body: JSON.stringify({ message: 'This company is already registered.', issues: [] }) });
    const url = run.site.page('rejected', { schema: leadForm({ url: run.site.hookUrl }) });
    const tab = await openFormPage(await freshContext(), url);
    const { page } = tab;
    // A person types, ticks and presses Send.
    await page.click('intake-form >>> intake-field[name="name"] input');
    await page.keyboard.type('Ada Lovelace');
    await page.click('intake-form >>> intake-field[name="email"] input');
    await page.keyboard.type('ada@example.com');
    await page.click('intake-form >>> intake-field[name="seats"] input');
    await page.keyboard.type('40');
    await page.click('intake-form >>> intake-field[name="message"] textarea');
    await page.keyboard.type('Call me, please.');
    await page.click('intake-form >>> intake-field[name="privacy"] input[type="checkbox"]');
    await page.click('intake-form >>> button[part~="submit"]');

    const [error] = await tab.waitForEvents('intake-error', 1, 15_000);
    expect(error!.detail).toMatchObject({ kind: 'rejected', message: 'This company is already registered.' });
    expect(tab.submitted()).toEqual([]);
    const text = await tab.formText();
    expect(text).toContain('Your details were not accepted');
    expect(text).toContain('This company is already registered.');

    const typed = { name: 'Ada Lovelace', email: 'ada@example.com', seats: '40', message: 'Call me, please.', privacy: true };
    expect(await page.evaluate(() => (document.querySelector('intake-form') as any).values)).toMatchObject(typed);
    const shown = await page.evaluate(() => {
      const root = (document.querySelector('intake-form') as any).shadowRoot as ShadowRoot;
      const control = (name: string) => root.querySelector(`intake-field[name="${name}"]`)!.querySelector<HTMLInputElement>('input, textarea')!;
      return {
        name: control('name').value,
        email: control('email').value,
        seats: control('seats').value,
        message: control('message').value,
        privacy: root.querySelector<HTMLInputElement>('intake-field[name="privacy"] input[type="checkbox"]')!.checked,
      };
    });
    expect(shown).toEqual(typed);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:')))).toEqual([]);

    // Nothing comes back later: not on `online`, not on a reload (both flush the outbox).
    const posts = run.site.hook.posts();
    expect(posts).toHaveLength(1);
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await tab.load();
    await sleep(1500);
    expect(run.site.hook.posts()).toEqual(posts);
    const [submit] = tab.events.filter((event) => event.type === 'intake-submit');
    expect(posts[0]!.id).toBe(submit!.detail.record.id);
    expect(run.site.stored(submit!.detail.record.id)).toEqual([]);
  });

  it('a reload while the form is still retrying loses nothing', { timeout: 45_000 }, async () => {
    run.site.hook.queue.push({ kind: 'status', status: 503, body: 'busy' });
    const url = run.site.page('reload-mid-send', { schema: leadForm({ url: run.site.hookUrl, retries: 3 }) });
    const tab = await openFormPage(await freshContext(), url);
    const submitted = tab.submitValues(minimalValues('mid-send')).catch(() => undefined); // the reload cuts it short
    await waitFor(() => run.site.hook.posts().length === 1 && run.site.hook.posts()[0]!.endedAt, 10_000, 'the first attempt to be answered');
    const id = run.site.hook.posts()[0]!.id!;
    // The person leaves while the form waits to try again.
    await tab.load();
    await submitted;
    await waitFor(() => run.site.stored(id).length > 0, 20_000, 'the record to be delivered after the reload');
    expect(run.site.stored(id)).toHaveLength(1);
    expect(run.site.puts.stored).toBe(1);
    expect(run.site.hook.overlaps).toEqual([]);
  });

  it('closing the tab while the form is still retrying loses nothing: the next Intake page of the origin sends it', { timeout: 45_000 }, async () => {
    run.site.hook.queue.push({ kind: 'status', status: 503, body: 'busy' });
    const url = run.site.page('close-mid-send', { schema: leadForm({ url: run.site.hookUrl, retries: 3 }) });
    const context = await freshContext();
    const tab = await openFormPage(context, url);
    const submitted = tab.submitValues(minimalValues('closed-tab')).catch(() => undefined); // closing the tab cuts it short
    await waitFor(() => run.site.hook.posts().length === 1 && run.site.hook.posts()[0]!.endedAt, 10_000, 'the first attempt to be answered');
    const id = run.site.hook.posts()[0]!.id!;
    // The person closes the tab while the form waits to try again; nothing else of the origin is open.
    await tab.page.close();
    await submitted;
    await sleep(500);
    expect(run.site.stored(id)).toHaveLength(0);
    // Later, another page of the origin with an Intake form (any form) opens and flushes the outbox.
    const other = run.site.page('later-visit', { schema: leadForm({ url: run.site.hookUrl }) });
    await openFormPage(context, other);
    await waitFor(() => run.site.stored(id).length > 0, 20_000, 'the record to be delivered by the next visit');
    expect(run.site.stored(id)).toHaveLength(1);
    expect(run.site.puts.stored).toBe(1);
    expect(run.site.hook.overlaps).toEqual([]);
  });

  it('with the page left open and no event at all, the periodic flush (every 30 s) sends a queued record', { timeout: 60_000 }, async () => {
    await run.site.closeHook();
    const url = run.site.page('periodic', { schema: leadForm({ url: run.site.hookUrl, retries: 1 }) });
    const tab = await openFormPage(await freshContext(), url);
    await tab.submitValues(minimalValues('periodic'));
    const [event] = await tab.waitForEvents('intake-submitted', 1, 15_000);
    const { record, status } = event!.detail;
    expect(status).toBe('queued');
    const queuedAt = Date.now();
    await run.site.openHook();
    // No reload, no `online`, no visibility change: only the timer of the page can send it.
    await waitFor(() => run.site.stored(record.id).length > 0, 40_000, 'the periodic flush to deliver the record');
    expect(Date.now() - queuedAt).toBeLessThan(35_000);
    expect(run.site.stored(record.id)).toHaveLength(1);
    await waitFor(async () => (await tab.formText()).includes('Thank you'), 5_000, 'the form to say it was sent');
    expect(await tab.outboxKeys()).toEqual([]);
  });
});
