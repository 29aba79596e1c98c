import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder of any static server.
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // React DOM (~58 KB gzip) + the elements and the core (~90 KB gzip) in one file: expected.
    chunkSizeWarningLimit: 600,
  },
});
