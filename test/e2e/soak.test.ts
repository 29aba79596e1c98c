// End-to-end soak: 200 submissions on a kiosk against a webhook that fails about 30 % of
// requests (seeded: timeouts, resets, 5xx), with reloads — some while a record is still being
// sent — and then the outbox drains: exactly the 200 records end up stored, none lost, none twice.
import type { BrowserContext } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { leadForm } from './forms.js';
import { openFormPage, seededRandom, type Fault, type FormPage } from './harness.js';
import { useSiteRun } from './support/site-run.js';
import { waitFor } from './support/wait-for.js';

const submissions = 200;
const reloadEvery = 25;
const typedEvery = 10;
const seed = Number(process.env.INTAKE_SOAK_SEED ?? 20261123);

const run = useSiteRun(leadForm());
let context: BrowserContext;

beforeAll(async () => {
  context = await run.browser.createBrowserContext();
});

const name = (n: number) => `Soak ${String(n).padStart(3, '0')}`;
const email = (n: number) => `soak-${n}@example.com`;

/** A person at the kiosk types the required fields and presses Send. */
async function typeAndSend(tab: FormPage, n: number): Promise<void> {
  const { page } = tab;
  await page.click('intake-form >>> intake-field[name="name"] input');
  await page.keyboard.type(name(n));
  await page.click('intake-form >>> intake-field[name="email"] input');
  await page.keyboard.type(email(n));
  await page.click('intake-form >>> intake-field[name="privacy"] input[type="checkbox"]');
  await page.click('intake-form >>> button[part~="submit"]');
}

describe('soak', () => {
  it(`${submissions} kiosk submissions against a webhook failing ~30 % of requests: all stored exactly once`, { timeout: 200_000 }, async () => {
    const random = seededRandom(seed);
    const faultCounts = { hang: 0, reset: 0, status5xx: 0 };
    run.site.hook.policy = (): Fault => {
      const roll = random();
      if (roll < 0.1) return (faultCounts.hang++, { kind: 'hang' });
      if (roll < 0.2) return (faultCounts.reset++, { kind: 'reset' });
      if (roll < 0.3) {
        faultCounts.status5xx++;
        return { kind: 'status', status: [500, 502, 503][Math.floor(random() * 3)]!, body: 'upstream trouble' };
      }
      return { kind: 'pass' };
    };
    const url = run.site.page('soak', {
      schema: leadForm({ url: run.site.hookUrl, timeoutMs: 500, retries: 2 }),
      attributes: { kiosk: '', 'kiosk-reset': '50' },
    });
    const tab = await openFormPage(context, url);
    const started = Date.now();
    let midSendReloads = 0;

    for (let n = 1; n <= submissions; n++) {
      await tab.waitForEditing();
      const submits = tab.events.filter((event) => event.type === 'intake-submit').length;
      if (n % typedEvery === 0) await typeAndSend(tab, n);
      else await tab.startSubmit({ name: name(n), email: email(n), privacy: true, seats: n });
      const [submit] = (await tab.waitForEvents('intake-submit', submits + 1)).slice(submits);
      const id = submit!.detail.record.id as string;
      if (n % reloadEvery === 0) {
        // Leave while this record is on its way (its first request has reached the webhook).
        await waitFor(() => run.site.hook.posts(id).length > 0, 10_000, `the first request of submission ${n}`, 5);
        if (!tab.submitted().some((event) => event.record.id === id)) midSendReloads += 1;
        await tab.load();
      } else {
        await waitFor(() => tab.submitted().some((event) => event.record.id === id), 15_000, `submission ${n} to be delivered or queued`, 10);
      }
    }
    const submittedMs = Date.now() - started;
    const ids = tab.events.filter((event) => event.type === 'intake-submit').map((event) => event.detail.record.id as string);
    expect(new Set(ids).size).toBe(submissions);

    // Let the outbox drain, faults and all: back-off waits are skipped (nudgeOutbox), and every
    // fifth nudge is a reload (a form loading flushes too).
    let nudges = 0;
    await waitFor(
      async () => {
        if (ids.every((id) => run.site.stored(id).length > 0)) return true;
        nudges += 1;
        if (nudges % 5 === 0) await tab.load();
        else await tab.nudgeOutbox();
        return false;
      },
      60_000,
      'the outbox to drain',
      300,
    );
    await waitFor(async () => (await tab.outboxKeys()).length === 0, 10_000, 'the outbox to be empty');

    const posts = run.site.hook.posts();
    const faults = run.site.hook.faults;
    const summary = {
      seed,
      submissions,
      typed: submissions / typedEvery,
      reloads: submissions / reloadEvery,
      midSendReloads,
      requests: posts.length,
      faultsInjected: faults,
      ...faultCounts,
      faultRate: +(faults / posts.length).toFixed(3),
      queued: tab.submitted().filter((event) => event.status === 'queued').length,
      repeatsAnswered200: run.site.puts.repeat,
      drainNudges: nudges,
      submitMs: submittedMs,
      totalMs: Date.now() - started,
    };
    console.log('soak:', JSON.stringify(summary));

    // Exactly the 200 records, each once; nothing else.
    expect(run.site.store.records).toHaveLength(submissions);
    expect(new Set(run.site.store.records.map((record) => record.id))).toEqual(new Set(ids));
    expect(new Set(run.site.store.records.map((record) => record.data['name'])).size).toBe(submissions);
    expect(run.site.puts.stored).toBe(submissions);
    // The stored data is what was entered, typed or set.
    for (const record of run.site.store.records) {
      const n = Number(/^Soak (\d+)$/.exec(String(record.data['name']))![1]);
      expect(record.data['email']).toBe(email(n));
    }
    expect(run.site.hook.overlaps).toEqual([]);
    expect(faults).toBe(faultCounts.hang + faultCounts.reset + faultCounts.status5xx);
    expect(summary.faultRate).toBeGreaterThan(0.2);
    expect(summary.faultRate).toBeLessThan(0.4);
  });
});
