// End-to-end: a page whose origin the receiver does not allow (a site owner who forgot
// `allowedOrigins`). In real Chromium the refusal must be readable: the form shows it with the
// values kept instead of "Saved on this device", the console names the origin and the fix, the
// record is kept on the device, and the receiver stores nothing.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, memoryStore } from '@intake/receiver';
import { createNodeServer } from '@intake/receiver/node';
import { fullValues, leadForm } from './forms.js';
import { openFormPage } from './harness.js';
import { useFreshContexts, useSiteRun } from './support/site-run.js';

const run = useSiteRun(leadForm());
const freshContext = useFreshContexts(run);
const store = memoryStore();
let server: Server;
let hookUrl = '';

beforeAll(async () => {
  server = createNodeServer(createHandler({ schema: leadForm(), store, allowedOrigins: ['https://www.example.com'] }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a refused origin', () => {
  for (const format of ['json', 'text'] as const) {
    it(`${format}: the form shows the refusal (not "saved on this device"), the console names the origin and allowedOrigins, the record is kept on the device`, { timeout: 30_000 }, async () => {
      const url = run.site.page(`refused-${format}`, { schema: leadForm({ url: hookUrl, format }) });
      const tab = await openFormPage(await freshContext(), url);
      const logged: string[] = [];
      tab.page.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      await tab.submitValues(fullValues);
      const [error] = await tab.waitForEvents('intake-error', 1, 15_000);
      expect(error!.detail).toMatchObject({ kind: 'rejected', message: `Origin "${run.site.pageOrigin}" is not allowed to send records here` });
      expect(tab.submitted()).toEqual([]);
      const text = await tab.formText();
      expect(text).not.toContain('Saved on this device');
      expect(text).toContain('is not allowed to send records here');

      const intakeErrors = logged.filter((line) => line.startsWith('Intake:'));
      expect(intakeErrors).toHaveLength(1);
      expect(intakeErrors[0]).toContain(run.site.pageOrigin);
      expect(intakeErrors[0]).toContain('allowedOrigins');

      const kept = await tab.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('intake-outbox:v1:rejected:')));
      expect(kept).toHaveLength(1);
      expect(await tab.outboxKeys()).toEqual([]);
      expect(store.records).toEqual([]);
    });
  }
});
