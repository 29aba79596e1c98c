import type { Preview } from '@storybook/web-components-vite';
// The elements from their TypeScript source (registers <intake-field> and <intake-form>).
import '../packages/elements/src/define.ts';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#0f1115' },
      },
    },
  },
  initialGlobals: {
    backgrounds: { value: 'light' },
  },
};

export default preview;
