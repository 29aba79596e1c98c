#!/usr/bin/env node
// Builds the data files that dist/intake.js loads on demand from beside itself (docs/schema.md,
// "Data loaded on demand"), before the script itself, and writes their content-hashed names to
// dist/data-files.json, which vite.config.ts compiles into the script.
//
//   phone: dist/intake-phone-<hash>.js — @intake/core/phone-engine (libphonenumber-js and Intake's
//          metadata) as one self-contained ES module.
//   region: dist/intake-region-<hash>.js — @intake/core/region-data (China's administrative
//          divisions, GB/T 2260), loaded when the first region field is drawn. Written as UTF-8
//          (module scripts are always decoded as UTF-8, whatever the page's encoding): the names
//          as \uXXXX escapes would be twice the bytes before compression.
//   schemaMessages: dist/intake-schemaMessages-<hash>.js — @intake/core/schema-messages, the texts
//          of schema problems (for the developer of a broken form), loaded only when a form or a
//          lone field's definition is broken.
//   sha256: dist/intake-sha256-<hash>.js — @stablelib/sha256, for pages without WebCrypto (plain
//          http on a real host name), where the script starts loading it as soon as it runs.
//
// The hash is the first 10 hex digits of the file's SHA-256, so a changed file gets a new name
// and the files can be served with `Cache-Control: immutable`.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const work = resolve(root, 'node_modules/.data-files');

const entries = { phone: '@intake/core/phone-engine', region: '@intake/core/region-data', schemaMessages: '@intake/core/schema-messages', sha256: '@stablelib/sha256' };
/** The files whose text may stay UTF-8 (see above); the others are ASCII as intake.js is. */
const utf8 = new Set(['region', 'schemaMessages']);
const require = createRequire(resolve(root, 'package.json'));

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const manifest = {};
for (const [name, entry] of Object.entries(entries)) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      target: 'es2022',
      outDir: work,
      // Library builds of ES modules are not minified by default; these files are for the wire.
      minify: true,
      emptyOutDir: true,
      rolldownOptions: { output: { charset: utf8.has(name) ? 'utf8' : 'ascii', minify: true } },
      lib: { entry: require.resolve(entry), formats: ['es'], fileName: () => `${name}.js` },
    },
  });
  const code = await readFile(resolve(work, `${name}.js`));
  const file = `intake-${name}-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  await writeFile(resolve(dist, file), code);
  manifest[name] = file;
}
await writeFile(resolve(dist, 'data-files.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`data files: ${Object.values(manifest).join(', ')}`);
