import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // sql.js is a UMD bundle: let Vite pre-bundle it for the in-page loopback server.
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'sql.js'] };
    config.build = { ...config.build, target: 'es2022', chunkSizeWarningLimit: 4096 };
    return config;
  },
};

export default config;
