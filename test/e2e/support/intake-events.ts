// The events of a page's `<intake-form>`, handed to Node as they happen, across reloads.
import type { Page } from 'puppeteer-core';
import type { IntakeRecord } from '@intake/core';

const types = ['intake-submit', 'intake-submitted', 'intake-error'] as const;

/** An event an `<intake-form>` fired, as the page handed it over. */
export interface SeenEvent {
  readonly type: (typeof types)[number];
  readonly detail: any;
  readonly at: number;
}

export interface IntakeEvents {
  readonly events: SeenEvent[];
  /** The `intake-submitted` details so far. */
  submitted(): { record: IntakeRecord; status: 'delivered' | 'queued' }[];
}

/** Starts collecting the Intake events of `page` (call before the first navigation). */
export async function watchIntakeEvents(page: Page): Promise<IntakeEvents> {
  const events: SeenEvent[] = [];
  await page.exposeFunction('__intakeEvent', (type: SeenEvent['type'], detail: unknown) => {
    events.push({ type, detail, at: Date.now() });
  });
  // Injected through DevTools: runs before the page's own scripts, and under no CSP of the page.
  await page.evaluateOnNewDocument((types) => {
    for (const type of types) {
      document.addEventListener(type, (event) =>
        (window as unknown as { __intakeEvent(type: string, detail: unknown): void }).__intakeEvent(type, JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null))),
      );
    }
  }, types);
  return {
    events,
    submitted: () => events.filter((event) => event.type === 'intake-submitted').map((event) => event.detail),
  };
}
