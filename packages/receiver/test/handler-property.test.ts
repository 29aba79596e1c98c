import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '@intake/core';
import { createHandler, memoryStore } from '../src/index.js';
import { crmLead, crmLeadRecord, post, tamper, type Format } from './support.js';

/** Every path to a value in a JSON object: ['data', 'phone'], ['consents', 0, 'version'], … */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

describe('createHandler on arbitrary input', () => {
  it('never throws, and stores only records that validate, whatever is changed in a record', async () => {
    const record = await crmLeadRecord();
    const paths = pathsOf(record).filter((path) => path.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<Format>('json', 'text', 'form'), async (path, value, format) => {
        const store = memoryStore();
        const handler = createHandler({ schema: crmLead, store });
        const changed = tamper(record, (copy) => {
          let node = copy as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
          node[path[path.length - 1]!] = value;
        });
        const response = await handler(post(changed, format));
        expect([201, 202, 422]).toContain(response.status);
        const body = (await response.json()) as { issues?: unknown[] };
        if (response.status === 422) expect(body.issues!.length).toBeGreaterThan(0);
        if (response.status === 201) expect(validateRecord(crmLead, store.records[0])).toEqual([]);
        else expect(store.records).toHaveLength(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary bodies in any format', async () => {
    const handler = createHandler({ schema: crmLead, store: memoryStore() });
    const types = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.oneof(fc.string(), fc.json(), fc.uint8Array().map((bytes) => new TextDecoder().decode(bytes))), async (type, body) => {
        const response = await handler(new Request('https://hooks.example.com/', { method: 'POST', headers: { 'content-type': type }, body }));
        expect(response.status).toBe(422);
      }),
      { numRuns: 200 },
    );
  });
});
