import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '../components/im-provider/im-provider.js';
import '../components/im-conversation-list/im-conversation-list.js';
import '../components/im-chat/im-chat.js';
import type { ImTheme } from '../components/context.js';
import { adoptImkitStyles } from '../components/shared/extra-styles.js';
import { createStoryBackend, type StoryBackend } from './support/loopback.js';
import { backendOf } from './support/story-helpers.js';

const meta: Meta = {
  title: 'Theming',
  component: 'im-provider',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  parameters: {
    docs: {
      description: {
        component:
          'The three ways to restyle the kit (README "Theming"): the `theme` attribute (light, dark, auto — switchable at runtime), the `--im-*` tokens, and `adoptImkitStyles()` for rules inside the shadow roots. These stories ignore the toolbar theme: each shows its own.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** A conversation list and a chat under one provider, in `theme`, with optional inline token overrides. */
function surface(backend: StoryBackend, theme: ImTheme, style = ''): TemplateResult {
  return html`<im-provider .client=${backend.client} theme=${theme}>
    <div style="display:flex;height:100vh;${style}">
      <im-conversation-list style="width:min(320px,45%);flex:none;border-inline-end:1px solid #8883" selected="si_alice_bob"></im-conversation-list>
      <im-chat style="flex:1;min-width:0" conversation-id="si_alice_bob"></im-chat>
    </div>
  </im-provider>`;
}

export const Light: Story = { render: (_args, context) => surface(backendOf(context), 'light') };

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114">${surface(backendOf(context), 'dark')}</div>`,
};

/** `theme="auto"` follows the operating system's light/dark setting (`prefers-color-scheme`). */
export const Auto: Story = { render: (_args, context) => surface(backendOf(context), 'auto') };

/** The theme switched at runtime: the button cycles the provider's `theme`; every element re-themes in place. */
export const SwitchAtRuntime: Story = {
  render: (_args, context) => {
    const themes: ImTheme[] = ['light', 'dark', 'auto'];
    const next = (e: Event) => {
      const provider = (e.currentTarget as HTMLElement).nextElementSibling as HTMLElement & { theme: ImTheme };
      provider.theme = themes[(themes.indexOf(provider.theme) + 1) % themes.length]!;
      (e.currentTarget as HTMLElement).textContent = `Theme: ${provider.theme} (click to change)`;
    };
    return html`<button type="button" style="position:fixed;inset-inline-end:8px;bottom:72px;z-index:5" @click=${next}>Theme: light (click to change)</button>${surface(backendOf(context), 'light')}`;
  },
};

/**
 * A brand theme made only of `--im-*` tokens, set on a wrapper (they inherit into every shadow root).
 * The colours keep WCAG AA contrast (the story test runs axe on this story).
 */
export const BrandTokens: Story = {
  render: (_args, context) =>
    surface(
      backendOf(context),
      'light',
      [
        '--im-font-family: Georgia, "Times New Roman", serif',
        '--im-color-accent: #6d28d9',
        '--im-color-badge: #6d28d9',
        '--im-color-focus: #6d28d9',
        '--im-color-bubble-own: #6d28d9',
        '--im-color-bubble-own-text: #ffffff',
        '--im-color-bg-selected: #ede9fe',
        '--im-color-chat-bg: #faf5ff',
        '--im-color-bubble-other: #ffffff',
        '--im-radius-bubble: 4px',
        '--im-radius: 4px',
      ].join(';'),
    ),
};

/**
 * `adoptImkitStyles()` puts a stylesheet into every imkit shadow root, for what tokens and `::part()` cannot
 * reach — here, text inside the bubbles (a descendant of a part) and a marker before each date separator.
 * The sheet is removed again when the next story starts.
 */
export const InjectedStylesheet: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    backend.onDispose(
      adoptImkitStyles(`
        [part~='bubble'] [part~='text'] { letter-spacing: 0.02em; font-style: italic; }
        [part~='date-separator']::before { content: '— '; }
        [part~='date-separator']::after { content: ' —'; }
      `),
    );
    return surface(backend, 'light');
  },
};
