import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    backgrounds: { disable: true },
  },
  globalTypes: {
    theme: {
      description: 'imkit theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      const theme = (context.globals['theme'] as string | undefined) ?? 'light';
      document.documentElement.dataset['imTheme'] = theme;
      document.body.style.margin = '0';
      document.body.style.background = theme === 'dark' ? '#0f1114' : '#f3f4f6';
      // The stories' own labels and toolbars sit on this background too: keep their text readable (axe contrast).
      document.body.style.color = theme === 'dark' ? '#e8eaed' : '#15181c';
      return story();
    },
  ],
};

export default preview;
