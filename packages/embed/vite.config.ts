import { defineConfig } from 'vite';

// One self-contained file per format: an IIFE for <script src> (global `Intake`) and an ES module
// for <script type="module"> and bundlers that want a single prebuilt file.
export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: 'src/intake.ts',
      name: 'Intake',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'iife' ? 'intake.js' : 'intake.mjs'),
    },
  },
});
