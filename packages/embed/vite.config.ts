import { defineConfig } from 'vite';

/**
 * Two variants of the script-tag build, each one self-contained file per format: an IIFE for
 * `<script src>` (global `Intake`) and an ES module for `<script type="module">`.
 *
 * - `vite build` (default): `dist/intake.js` and `dist/intake.mjs` with the **lite** phone engine:
 *   `@intake/core` imports `./phone-engine.js`, and this alias resolves it to the core's
 *   `./phone-engine-lite.js` instead (a generated table, no libphonenumber-js). Budget 45 KB gzip.
 * - `vite build --mode full`: `dist/intake.full.js` and `dist/intake.full.mjs` with the **full**
 *   engine (libphonenumber-js and Intake's mixed metadata), as npm users get it by default.
 *
 * `scripts/size.mjs` checks both against their budgets after the build.
 */
export default defineConfig(({ mode }) => {
  const full = mode === 'full';
  const suffix = full ? '.full' : '';
  return {
    resolve: {
      alias: full ? [] : [{ find: /^\.\/phone-engine\.js$/, replacement: './phone-engine-lite.js' }],
    },
    build: {
      target: 'es2022',
      sourcemap: true,
      // The second build (full) writes beside the first.
      emptyOutDir: !full,
      // ASCII only (non-ASCII escaped as \uXXXX): the file then reads the same on a page in any
      // encoding; a GBK page without `<meta charset>` would otherwise misread the Chinese texts
      // and the non-ASCII regular expressions (dates like 2026年11月23日) inside it.
      rolldownOptions: { output: { charset: 'ascii' } },
      lib: {
        entry: 'src/intake.ts',
        name: 'Intake',
        formats: ['iife', 'es'],
        fileName: (format) => `intake${suffix}.${format === 'iife' ? 'js' : 'mjs'}`,
      },
    },
  };
});
