import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

/** `@intake/core` from its TypeScript source, so stories need no prior `pnpm build` (CI runs `build:storybook` on a fresh install). */
const coreSource = fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url));
const coreInternalSource = fileURLToPath(new URL('../packages/core/src/internal.ts', import.meta.url));

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages per element, their tables read from custom-elements.json (see preview.ts).
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Only the code entries: `@intake/core/presets/*.json` keeps resolving through the package's exports map.
      resolve: {
        alias: [
          { find: /^@intake\/core$/, replacement: coreSource },
          { find: /^@intake\/core\/internal$/, replacement: coreInternalSource },
        ],
      },
      // The preview chunk is Storybook's own runtime plus the elements (about 1.2 MB): not shipped, so no size warning.
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
