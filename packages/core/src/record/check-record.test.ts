import { describe, expect, it } from 'vitest';
import { crmLeadForm, crmLeadRecord } from '../test-support/crm-lead-record.js';
import { formatPath } from '../issue.js';
import { messagesFor } from '../locale/format-message.js';
import type { Form } from '../schema/types.js';
import { resolveText } from '../text.js';
import { validateRecord } from '../validate-record.js';
import { checkRecord } from './check-record.js';
import { queryOf, utmOf } from './page-context.js';

const form: Form = crmLeadForm;
const goodRecord = crmLeadRecord;

type Json = Record<string, any>;

async function found(change: (record: Json) => void | Json, options: Parameters<typeof checkRecord>[2] = {}): Promise<string[]> {
  const record = JSON.parse(JSON.stringify(await goodRecord())) as Json;
  const changed = change(record) ?? record;
  const check = await checkRecord(changed, form, options);
  expect(check.ok).toBe(check.issueCount === 0);
  return check.issues.map((issue) => `${issue.code} ${formatPath(issue.path)}`);
}

describe('checkRecord', () => {
  it('accepts a record made by the core, and returns its recomputed dedupe key', async () => {
    const record = await goodRecord();
    const check = await checkRecord(record, form);
    expect(check).toEqual({ ok: true, issues: [], issueCount: 0, dedupeKey: record.dedupeKey });
    expect(check.dedupeKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('recomputes the dedupe key: one that does not match the data is refused, with the right one', async () => {
    const record = await goodRecord();
    const check = await checkRecord({ ...record, dedupeKey: 'f'.repeat(64) }, form);
    expect(check.issues.map((issue) => [issue.code, issue.params?.['expected']])).toEqual([['dedupe_key_mismatch', record.dedupeKey]]);
    expect(check.issues[0]!.message).toBe(`The dedupe key does not match the data; expected ${record.dedupeKey}`);
  });

  it('refuses an upper-case copy of an id: ids are lower-case v4 UUIDs', async () => {
    expect(await found((record) => void (record['id'] = record['id'].toUpperCase()))).toEqual(['invalid_id id']);
    expect(await found((record) => void (record['id'] = 'not-a-uuid'))).toEqual(['invalid_id id']);
  });

  it('refuses __proto__ and values that are not text inside context.utm, but keeps a utm key named constructor', async () => {
    expect(await found((record) => JSON.parse(JSON.stringify(record).replace('"utm":{', '"utm":{"__proto__":{"x":"1"},')))).toEqual(['forbidden_key context.utm.__proto__']);
    expect(await found((record) => void (record['context']['utm']['source'] = 5))).toEqual(['invalid_type context.utm.source']);
    expect(await found((record) => void (record['context']['utm']['constructor'] = 'x'))).toEqual([]);
  });

  it('the browser leaves utm___proto__ out and keeps utm_constructor as its own key', () => {
    const utm = utmOf(queryOf('https://example.com/?utm_constructor=a&utm___proto__=b&utm_toString=c&utm_source=d&utm_source=e'));
    expect(Object.keys(utm)).toEqual(['constructor', 'toString', 'source']);
    expect(utm).toEqual({ constructor: 'a', toString: 'c', source: 'd' });
    expect(Object.getPrototypeOf(utm)).toBe(Object.prototype);
  });

  it('refuses NUL and lone surrogates anywhere, extra context keys and key names included', async () => {
    expect(await found((record) => void (record['data']['company'] = 'Ac\u0000me'))).toEqual(['invalid_text data.company', 'not_normalized data.company']);
    expect(await found((record) => void (record['context']['captcha'] = { token: 'a\u0000' }))).toEqual(['invalid_text context.captcha.token']);
    const key = JSON.parse(JSON.stringify(await goodRecord())) as Json;
    key['context']['x\ud800'] = 'y';
    expect((await checkRecord(key, form)).issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_text', ['context', 'x\ud800']]]);
    expect(await found((record) => void (record['context']['note'] = ['\udc00 alone']))).toEqual(['invalid_text context.note[0]']);
    // A pair is text like any other.
    expect(await found((record) => void (record['context']['note'] = '😀 \ud83d\ude00'))).toEqual([]);
  });

  it('refuses values nested deeper than maxDepth (32) without overflowing the stack, however deep', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 4130; level += 1) deep = [deep];
    expect(await found((record) => void (record['context']['deep'] = deep))).toEqual([`too_deep context.deep${'[0]'.repeat(30)}`]);
    const deeper = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(await found((record) => void (record['data']['company'] = deeper))).toEqual([`too_deep data.company${'[0]'.repeat(30)}`]);
    let nested: Json = {};
    const root = nested;
    // The record is level 0, context 1, context.ok 2: 29 more levels reach the 31st, the deepest allowed.
    for (let level = 0; level < 29; level += 1) nested = nested['a'] = {};
    expect(await found((record) => void (record['context']['ok'] = root))).toEqual([]);
    expect(await found((record) => void (record['context']['ok'] = root), { maxDepth: 8 })).toHaveLength(1);
  });

  it('returns at most 50 issues and counts them all, in linear time', async () => {
    const record = JSON.parse(JSON.stringify(await goodRecord())) as Json;
    for (let index = 0; index < 8000; index += 1) record['data'][`k${index}`] = 0;
    const started = performance.now();
    const check = await checkRecord(record, form);
    const ms = performance.now() - started;
    expect(check.issues).toHaveLength(50);
    expect(check.issueCount).toBe(8000);
    expect(JSON.stringify(check.issues).length).toBeLessThan(10_000);
    expect(ms).toBeLessThan(1000);
    for (let index = 8000; index < 100_000; index += 1) record['data'][`k${index}`] = 0;
    const large = performance.now();
    expect((await checkRecord(record, form, { maxIssues: 5 })).issueCount).toBe(100_000);
    expect(performance.now() - large).toBeLessThan(5000);
    // validateRecord, its synchronous half, still returns every issue.
    expect(validateRecord(form, record)).toHaveLength(100_000);
  });

  it('writes messages for a locale named like an Object member (toString, constructor, __proto__) in English', async () => {
    for (const locale of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const issues = await found((record) => void (record['data']['email'] = 'nope'), { locale });
      expect(issues).toEqual(['invalid_email data.email', 'dedupe_key_mismatch dedupeKey']);
      expect(messagesFor(locale)).toBe(messagesFor('en'));
      expect(resolveText({ en: 'Company', 'zh-CN': '公司' }, locale)).toBe('Company');
      const shape = await checkRecord({}, form, { locale });
      expect(shape.issues.every((issue) => typeof issue.message === 'string' && issue.message.length > 0)).toBe(true);
    }
  });
});
