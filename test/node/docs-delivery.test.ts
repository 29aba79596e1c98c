// Keeps docs/delivery.md true: every test it cites exists under that name, the figures it gives
// are the ones the code uses, and its links resolve.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultAttempts, defaultOutboxPrefix, defaultTimeoutMs, memoryStorage, Outbox, type IntakeRecord } from '@intake/core';
import { backoffDelay } from '@intake/core/internal';
import { describe, expect, it } from 'vitest';
import { brokenLinks, readDoc, root } from './docs-markdown.js';

const page = 'docs/delivery.md';
const markdown = readDoc(page);

/** Every citation of the page: [`file.test.ts`](../path/file.test.ts) › "test title". */
const citations = [...markdown.matchAll(/\[`([^`]+\.test\.ts)`\]\(\.\.\/([^)]+)\) › "([^"]+)"/g)].map((match) => ({
  name: match[1]!,
  path: match[2]!,
  title: match[3]!,
}));

describe('docs/delivery.md', () => {
  it('cites tests for its promises', () => {
    expect(citations.length).toBeGreaterThanOrEqual(30);
    expect(new Set(citations.map((citation) => citation.path)).size).toBeGreaterThanOrEqual(10);
  });

  it('cites only tests that exist, by their titles', () => {
    const missing = citations.filter(({ name, path, title }) => {
      const file = resolve(root, path);
      return !path.endsWith(`/${name}`) || !existsSync(file) || !readFileSync(file, 'utf8').includes(title);
    });
    expect(missing).toEqual([]);
  });

  it('gives the figures the code uses', () => {
    expect(markdown).toContain(`| attempt time-out | ${defaultTimeoutMs.toLocaleString('en').replace(',', ' ')} ms (`);
    expect(markdown).toContain(`| immediate attempts | ${defaultAttempts} (`);
    // Equal jitter from 1 s, doubling, capped at 15 s: 0.5–1 s after the first failure, 1–2 s after the second.
    expect([backoffDelay(1, { random: () => 0 }), backoffDelay(1, { random: () => 0.999999 })]).toEqual([500, 1000]);
    expect([backoffDelay(2, { random: () => 0 }), backoffDelay(2, { random: () => 0.999999 })]).toEqual([1000, 2000]);
    expect(backoffDelay(10, { random: () => 0.999999 })).toBe(15_000);
    expect(markdown).toContain('0.5–1 s after the first\n   failure and 1–2 s after the second');
    const elements = readFileSync(resolve(root, 'packages/elements/src/controllers/shared-outbox.ts'), 'utf8');
    expect(elements).toMatch(/flushIntervalMs = 30_000/);
    expect(elements).toMatch(/outboxPrefix = defaultOutboxPrefix;/);
    expect(defaultOutboxPrefix).toBe('intake-outbox:v1:');
    expect(markdown).toContain('every 30 s');
  });

  it('says how many records the outbox holds, and that a full one refuses rather than drops', () => {
    const outbox = new Outbox({ storage: memoryStorage() });
    const record = (id: string) => ({ id, form: { id: 'f' }, submittedAt: '', locale: 'en', data: {}, tags: [], consents: [], dedupeKey: null, context: { url: '', referrer: '', utm: {}, fillMs: 0 } }) as IntakeRecord;
    let kept = 0;
    while (outbox.add(record(String(kept)), { url: 'https://example.com' }) && kept < 1000) kept++;
    expect(kept).toBe(200);
    expect(outbox.size).toBe(200);
    expect(markdown).toContain(`At most ${kept} records wait`);
  });

  it('names the storage keys and lock names the code uses', () => {
    const outbox = readFileSync(resolve(root, 'packages/core/src/delivery/outbox.ts'), 'utf8');
    for (const fragment of ["`${this.#prefix}entry:", "`${this.#prefix}rejected:", "`${this.#prefix}flush`", "`${this.#prefix}record:", 'until: now() + 60_000', 'setTimeout(resolve, 30)', 'maxRetryDelayMs = 5 * 60_000']) {
      expect(outbox, fragment).toContain(fragment);
    }
    for (const name of ['intake-outbox:v1:entry:<record.id>', 'intake-outbox:v1:rejected:<id>', 'intake-outbox:v1:flush', 'intake-outbox:v1:record:<id>']) {
      expect(markdown).toContain(name);
    }
    const draft = readFileSync(resolve(root, 'packages/elements/src/controllers/draft.ts'), 'utf8');
    expect(draft).toContain("prefix = 'intake-draft:v1:'");
    expect(draft).toContain('maxAgeMs = 7 * 24 * 3600_000');
  });

  it('has no broken links, and the README links every docs page', () => {
    expect(brokenLinks(page)).toEqual([]);
    expect(brokenLinks('README.md').filter((link) => link.startsWith('docs/'))).toEqual([]);
    const readme = readDoc('README.md');
    for (const doc of ['docs/schema.md', 'docs/delivery.md', 'docs/receiving.md']) expect(readme).toContain(`](${doc})`);
  });
});
