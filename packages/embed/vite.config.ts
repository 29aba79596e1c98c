import { defaultShouldMinifyCSS, minifyHTMLLiterals } from 'minify-literals';
import { minify } from 'terser';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies Lit's `css` and `html` tagged templates of Intake's own packages, as Lit's docs advise
 * for production builds (minify-literals: clean-css and html-minifier-terser): ~0.3 KB gzip of
 * intake.js. HTML whitespace is collapsed conservatively (a run becomes one space, never none, so
 * the text between inline elements reads the same); empty attributes and entities are kept as
 * written. A `css` template with no rule in it (the token declarations in tokens.styles.ts, which
 * are interpolated into rules) is left alone: the CSS minifier cannot parse it.
 */
function minifyLiterals(): Plugin {
  return {
    name: 'intake:minify-literals',
    async transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id) || !/\b(css|html)\s*\x60/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, decodeEntities: false, removeComments: true },
        shouldMinifyCSS: (template) => defaultShouldMinifyCSS(template) && template.parts.some((part) => part.text.includes('{')),
      });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

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
/**
 * Runs terser's compressor (two passes, safe transforms only: no `unsafe` or `pure_getters`
 * options) and its renaming of local names (26 B of the total) over the minified files: 0.5 KB
 * gzip off `intake.js` that the default minifier leaves (packages/embed/README.md, "Size
 * budget"). The source maps follow.
 */
function compressChunks(): Plugin {
  return {
    name: 'intake:compress-chunks',
    async generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.map) continue;
        const mapFile = `${chunk.fileName}.map`;
        const result = await minify(chunk.code, {
          ecma: 2020,
          compress: { passes: 2 },
          mangle: true,
          // The script-tag files (IIFE) start with V8's compile hint: compile every function while
          // the file streams in, off the main thread, instead of each on its first call during the
          // page's load (docs/BENCHMARKS.md, "Compiled while it downloads").
          format: { ascii_only: true, ...(options.format === 'iife' ? { preamble: '//# allFunctionsCalledOnLoad' } : {}) },
          sourceMap: { content: JSON.stringify(chunk.map), url: mapFile.split('/').pop() },
        });
        const asset = bundle[mapFile];
        if (result.code === undefined || typeof result.map !== 'string' || asset?.type !== 'asset') throw new Error(`intake:compress-chunks: ${chunk.fileName} could not be compressed`);
        chunk.code = result.code;
        asset.source = result.map;
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const full = mode === 'full';
  const suffix = full ? '.full' : '';
  // Written by scripts/build-data-files.mjs, which runs first.
  const dataFiles = readFileSync(new URL('./dist/data-files.json', import.meta.url), 'utf8');
  return {
    plugins: [minifyLiterals(), compressChunks()],
    define: { __INTAKE_DATA_FILES__: dataFiles },
    resolve: {
      alias: [
        // The data files beside the script instead of bundler chunks (src/data-files.ts).
        { find: /^\.\/data-files\.js$/, replacement: new URL('./src/data-files.ts', import.meta.url).pathname },
        // SHA-256 for pages without WebCrypto as a data file too (src/sha256-fallback.ts).
        { find: /^\.\/sha256-fallback\.js$/, replacement: new URL('./src/sha256-fallback.ts', import.meta.url).pathname },
        // The texts of schema problems as a data file too (src/schema-catalogue.ts).
        { find: /^.*\/schema-catalogue\.js$/, replacement: new URL('./src/schema-catalogue.ts', import.meta.url).pathname },
        ...(full ? [] : [{ find: /^\.\/phone-engine\.js$/, replacement: './phone-engine-lite.js' }]),
      ],
    },
    build: {
      target: 'es2022',
      sourcemap: true,

      // Both builds write beside the data files (scripts/build-data-files.mjs empties dist first).
      emptyOutDir: false,
      // ASCII only (non-ASCII escaped as \uXXXX): the file then reads the same on a page in any
      // encoding; a GBK page without `<meta charset>` would otherwise misread the Chinese texts
      // and the non-ASCII regular expressions (dates like 2026年11月23日) inside it.
      rolldownOptions: {
        output: { charset: 'ascii' },
        // src/data-files.ts reads `import.meta.url` only where `document.currentScript` is missing
        // (the ES module build); the IIFE, where it is empty, always has the script.
        onLog(level, log, handler) {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
      },
      lib: {
        entry: 'src/intake.ts',
        name: 'Intake',
        formats: ['iife', 'es'],
        fileName: (format) => `intake${suffix}.${format === 'iife' ? 'js' : 'mjs'}`,
      },
    },
  };
});
