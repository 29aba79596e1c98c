import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDate } from './normalize/normalize-date.js';
import { calendarDatePattern, formJsonSchema, reservedNames } from './json-schema.js';

describe('formJsonSchema', () => {
  it('is the file shipped as @intake/core/form.schema.json', async () => {
    const file = JSON.parse(await readFile(new URL('../form.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(formJsonSchema)));
  });

  it('the write script finds the file up to date', async () => {
    const script = fileURLToPath(new URL('../scripts/write-json-schema.mjs', import.meta.url));
    const code = await new Promise<number>((resolve) => execFile(process.execPath, [script, '--check'], (error) => resolve(error ? 1 : 0)));
    expect(code).toBe(0);
  });

  it('describes every field type and forbids unknown keys, for editors', () => {
    const text = JSON.stringify(formJsonSchema);
    for (const type of ['text', 'textarea', 'email', 'phone', 'number', 'date', 'select', 'radio', 'checkboxes', 'boolean', 'consent', 'hidden']) {
      expect(text).toContain(`"const":"${type}"`);
    }
    expect(formJsonSchema).toMatchObject({ type: 'object', required: ['id', 'fields'], additionalProperties: false });
  });

  it('lets the presets point at it with $schema', async () => {
    for (const name of ['crm-lead', 'contact']) {
      const preset = JSON.parse(await readFile(new URL(`../presets/${name}.json`, import.meta.url), 'utf8'));
      expect(preset.$schema).toBe('../form.schema.json');
    }
  });

  it('reserves exactly the members of Object.prototype', () => {
    expect([...reservedNames]).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });

  it('takes as a date bound exactly the days parseForm takes, over four centuries and beyond the month ends', () => {
    const pattern = new RegExp(calendarDatePattern, 'u');
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    let real = 0;
    const wrong: string[] = [];
    for (let year = 1800; year < 2200; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const expected = parseDate(text) === text;
          if (expected) real++;
          if (pattern.test(text) !== expected) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(real).toBe(146_097); // the days of 400 Gregorian years
    for (const text of ['0000-02-29', '0004-02-29', '9996-02-29', '2000-02-29', '1900-02-29', '0100-02-29', '2024-2-29', '20240-02-28', ' 2024-02-28']) {
      expect(pattern.test(text), text).toBe(parseDate(text) === text);
    }
  });
});
