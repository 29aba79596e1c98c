// Builds the static site into dist/ (or `--out <dir>`): the page, its stylesheet, logo and form
// schema, and the one script file of @intake/embed. No network, no bundler: a copy, in ~10 ms.
//
//   node build.mjs [--out dir]
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = resolve(here, values.out);
if (here.startsWith(out + '/') || `${out}/` === here) throw new Error(`--out ${values.out} would delete the example itself`);

const embed = fileURLToPath(import.meta.resolve('@intake/embed/intake.js'));
if (!existsSync(embed)) {
  console.error(`${embed} is missing: build @intake/embed first (pnpm build at the repository root).`);
  process.exit(1);
}

const files = ['index.html', 'site.css', 'logo.svg', 'contact.json'].map((name) => resolve(here, name));
files.push(embed);
if (existsSync(`${embed}.map`)) files.push(`${embed}.map`);
// The data files intake.js loads on demand from beside itself (the full phone check).
const dataFiles = JSON.parse(readFileSync(resolve(dirname(embed), 'data-files.json'), 'utf8'));
for (const file of Object.values(dataFiles)) files.push(resolve(dirname(embed), file));

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await Promise.all(files.map((file) => copyFile(file, resolve(out, basename(file)))));
console.log(`website-embed: ${files.length} files in ${out}`);
