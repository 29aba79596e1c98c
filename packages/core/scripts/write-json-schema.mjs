// Writes form.schema.json from the built formJsonSchema, so the shipped file is always the
// generated one. `--check` exits 1 when the file on disk differs (used by the tests).
import { readFile, writeFile } from 'node:fs/promises';
import { formJsonSchema } from '../dist/index.js';

const target = new URL('../form.schema.json', import.meta.url);
const text = `${JSON.stringify(formJsonSchema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error('form.schema.json is out of date: run `pnpm --filter @intake/core build`.');
    process.exit(1);
  }
} else {
  await writeFile(target, text);
}
