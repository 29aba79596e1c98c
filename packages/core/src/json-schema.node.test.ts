import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formJsonSchema } from './json-schema.js';

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
});
