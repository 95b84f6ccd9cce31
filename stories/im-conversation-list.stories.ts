import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-conversation-list/im-conversation-list.js';
import { createStoryBackend, type StoryBackendOptions } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { stateStory, statesNotShown, type StateSpec } from './support/states.js';

const frame = 'height:100vh;max-width:380px;border-right:1px solid #0001';

const withBackend = (options: StoryBackendOptions = {}) => [async () => ({ backend: await createStoryBackend(options) })];

const meta: Meta = {
  title: 'Elements/im-conversation-list',
  component: 'im-conversation-list',
  loaders: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'The logged-in user\'s conversations (here Alice, against the real server logic running in the page). Arrow keys move, Enter selects; selecting fires `im-conversation-select`.' + statesNotShown({
            Error: 'the list reads the local cache, which a server fault does not break: a failed sync keeps the cached conversations and the client retries (the Offline story shows that banner). Its `error` part, with Retry, appears only when the local cache itself cannot be read, which a story cannot act out without a fake inside the client.',
          }),
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
  render: (_args, context) => html`<im-conversation-list
    style=${frame}
    theme=${themeOf(context)}
    .client=${backendOf(context).client}
    @im-conversation-select=${(e: CustomEvent<{ conversationID: string }>) => console.log('im-conversation-select', e.detail)}
  ></im-conversation-list>`,
};

export const Selected: Story = {
  render: (_args, context) => html`<im-conversation-list
    style=${frame}
    theme=${themeOf(context)}
    selected="si_alice_carol"
    .client=${backendOf(context).client}
  ></im-conversation-list>`,
};

/** Erin has no conversations yet. */
export const Empty: Story = {
  loaders: withBackend({ user: 'erin' }),
  render: (_args, context) => html`<im-conversation-list
    style=${frame}
    theme=${themeOf(context)}
    .client=${backendOf(context).client}
  ></im-conversation-list>`,
};

/** A client that has not finished logging in shows placeholder rows. */
export const Loading: Story = {
  loaders: withBackend({ login: false }),
  render: (_args, context) => html`<im-conversation-list
    style=${frame}
    theme=${themeOf(context)}
    .client=${backendOf(context).client}
  ></im-conversation-list>`,
};

/** The network is gone: the list still paints from the cache, under a connection banner. */
export const Offline: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    backend.transport.setReachable(false);
    return html`<im-conversation-list style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-conversation-list>`;
  },
};

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114">
    <im-conversation-list style=${frame} theme="dark" selected="si_alice_bob" .client=${backendOf(context).client}></im-conversation-list>
  </div>`,
};

const states: StateSpec = {
  frame: 'display:flex;flex-direction:column;height:100vh;max-width:380px',
  render: (backend, theme) => html`<im-conversation-list style="flex:1;min-height:0" theme=${theme} .client=${backend.client}></im-conversation-list>`,
};

export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Narrow: Story = stateStory('Narrow', states);
