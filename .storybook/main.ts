import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  // mockServiceWorker.js: Mock Service Worker answers the stories' API calls (`msw init`).
  staticDirs: ['./public'],
  // The build machines have no internet: telemetry would only stall the build.
  core: { disableTelemetry: true },
};

export default config;
