// A smoke test of the peer benchmark (bench/browser-bench.mjs), so it cannot rot silently: one quick
// run at 30 fields in real headless Chromium. The benchmark itself is never run as a test.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../bench/browser-bench.mjs', import.meta.url));

interface PageResult {
  readonly fields: number;
  readonly expectedFields: number;
  readonly focusable: boolean;
  readonly jsGzip: number;
  readonly ready: number;
  readonly keystroke?: number;
  readonly validation?: number;
  readonly fix?: number;
  readonly errors?: number;
  readonly expectedErrors?: number;
}

describe('peer benchmark (smoke)', () => {
  it('measures plain HTML, Intake and SurveyJS on the 30-field form', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--runs', '1', '--sizes', '30', '--keys', '5', '--json'], { timeout: 90_000, maxBuffer: 1 << 24 });
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    expect(line, stdout).toBeDefined();
    const { results, problems } = JSON.parse(line!.slice('BENCH_JSON '.length)) as { results: Record<string, PageResult>; problems: string[] };
    expect(problems).toEqual([]);
    for (const kind of ['plain', 'intake', 'surveyjs']) {
      const result = results[`${kind}-30`]!;
      expect(result, kind).toBeDefined();
      // 26 of the preset's 29 fields show on an empty form (2 wait for a condition, 1 is hidden).
      expect(result.expectedFields, kind).toBe(26);
      expect(result.fields, kind).toBe(26);
      expect(result.focusable, kind).toBe(true);
      for (const measure of [result.ready, result.keystroke, result.validation, result.fix]) expect(measure, kind).toBeGreaterThan(0);
      expect(result.errors, kind).toBe(result.expectedErrors);
      expect(result.expectedErrors, kind).toBeGreaterThan(0);
    }
    expect(results['intake-30']!.jsGzip).toBeGreaterThan(10_000);
    expect(results['surveyjs-30']!.jsGzip).toBeGreaterThan(results['intake-30']!.jsGzip);
    // The stepped row: the preset's first step (5 fields) in Intake and in SurveyJS.
    for (const kind of ['intake', 'surveyjs']) expect(results[`${kind}-30-steps`]!.fields, kind).toBe(5);
  }, 120_000);
});
