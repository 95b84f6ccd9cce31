import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-notifier/im-notifier.js';
import '../components/im-conversation-list/im-conversation-list.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, say, themeOf } from './support/story-helpers.js';
import { stateStory, statesNotShown, type StateSpec } from './support/states.js';

const meta: Meta = {
  title: 'Elements/im-notifier',
  component: 'im-notifier',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  parameters: {
    docs: {
      description: {
        component:
          'Desktop notifications and a chime for new messages while the page is hidden (here also while visible, to show it), respecting per-conversation mute, the global receive option and quiet hours. Permission is asked on the first click, or with the Enable button (`prompt`). Bob writes every few seconds; the log shows each `im-notify`.' + statesNotShown({
            Loading: 'the notifier has no visible content while the client logs in; its only UI is the "Enable notifications" button.',
            Empty: 'nothing to list: it notifies about messages as they arrive.',
            Error: 'a failed notification permission simply hides the button; there is no error display.',
            'LongContent': 'it shows no message content itself (the desktop notification is drawn by the OS).',
          }),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

export const WithList: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    let n = 0;
    const bob = backend.loginAs('bob');
    backend.every(4000, async () => {
      if (++n <= 5) await say(await bob, `Ping ${n} from Bob`, { userID: 'alice' });
    });
    const logLine = (e: CustomEvent<{ title: string; body: string }>) => {
      const out = document.getElementById('notify-log');
      if (out) out.textContent = `${new Date().toLocaleTimeString()} ${e.detail.title}: ${e.detail.body}\n` + out.textContent;
    };
    return html`<div style="display:flex;gap:16px;height:100vh">
      <im-conversation-list style="width:360px;border-right:1px solid #0001" theme=${themeOf(context)} .client=${backend.client}></im-conversation-list>
      <div style="padding:12px;font:13px system-ui">
        <im-notifier prompt sound when-visible .client=${backend.client} @im-notify=${logLine}></im-notifier>
        <pre id="notify-log" style="white-space:pre-wrap"></pre>
      </div>
    </div>`;
  },
};

/** Only the "Enable notifications" button is visible (shown while permission has not been asked). */
const states: StateSpec = {
  frame: 'display:block;padding:12px',
  render: (backend, theme) => html`<im-notifier prompt theme=${theme} .client=${backend.client}></im-notifier>`,
};

export const Offline: Story = stateStory('Offline', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Dark: Story = stateStory('Dark', states);
export const Narrow: Story = stateStory('Narrow', states);
