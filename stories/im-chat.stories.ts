import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-chat/im-chat.js';
import { createStoryBackend, type StoryBackendOptions } from './support/loopback.js';
import { backendOf, say, themeOf } from './support/story-helpers.js';
import { stateStory, type StateSpec } from './support/states.js';

const frame = 'display:flex;height:100vh;';

const withBackend = (options: StoryBackendOptions = {}) => [async () => ({ backend: await createStoryBackend(options) })];

const meta: Meta = {
  title: 'Elements/im-chat',
  component: 'im-chat',
  loaders: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'One conversation, as Alice, against the real server logic running in the page. Type and press Enter to send; Shift+Enter adds a line. Scroll up to load older messages.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const OneToOne: Story = {
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme=${themeOf(context)}
    conversation-id="si_alice_bob"
    .client=${backendOf(context).client}
  ></im-chat>`,
};

export const Group: Story = {
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme=${themeOf(context)}
    conversation-id="sg_team"
    .client=${backendOf(context).client}
  ></im-chat>`,
};

/** Small pages: scroll up to watch older messages load in without the view jumping. */
export const SmallPages: Story = {
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme=${themeOf(context)}
    conversation-id="si_alice_bob"
    page-size="8"
    .client=${backendOf(context).client}
  ></im-chat>`,
};

export const NoSelection: Story = {
  render: (_args, context) => html`<im-chat style=${frame} theme=${themeOf(context)} .client=${backendOf(context).client}></im-chat>`,
};

/** The server refused the message (the peer's account no longer exists): red bubble, reason, Retry. */
export const FailedMessage: Story = {
  loaders: [
    async () => {
      const backend = await createStoryBackend();
      const m = await backend.client.createTextMessage('Hi Gus, are you still working on the onboarding flow?');
      await backend.client.sendMessage(m, 'gus', '').catch(() => undefined);
      return { backend };
    },
  ],
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme=${themeOf(context)}
    conversation-id="si_alice_gus"
    .client=${backendOf(context).client}
  ></im-chat>`,
};

/** Offline: the message waits in the outbox (clock icon) and goes out when the network is back. */
export const OfflineQueued: Story = {
  loaders: [
    async () => {
      const backend = await createStoryBackend();
      backend.transport.setReachable(false);
      const m = await backend.client.createTextMessage('Sent from the train, will arrive when we are out of the tunnel 🚆');
      void backend.client.sendMessage(m, 'bob', '').catch(() => undefined);
      return { backend };
    },
  ],
  render: (_args, context) => {
    const backend = backendOf(context);
    return html`<div style="display:flex;flex-direction:column;height:100vh">
      <div style="padding:8px;font:13px system-ui">
        <button @click=${() => backend.transport.setReachable(!backend.transport.reachable)}>Toggle network</button>
      </div>
      <im-chat style="flex:1" theme=${themeOf(context)} conversation-id="si_alice_bob" .client=${backend.client}></im-chat>
    </div>`;
  },
};

/** Bob answers every few seconds, so you can watch live messages arrive (scroll up to see the "new messages" pill). */
export const LiveReplies: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    let n = 0;
    const bob = backend.loginAs('bob');
    backend.every(3000, async () => say(await bob, `Live message #${++n} from Bob`, { userID: 'alice' }));
    return html`<im-chat style=${frame} theme=${themeOf(context)} conversation-id="si_alice_bob" .client=${backend.client}></im-chat>`;
  },
};

export const Dark: Story = {
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme="dark"
    conversation-id="sg_team"
    .client=${backendOf(context).client}
  ></im-chat>`,
};

/** A phone-sized viewport. */
export const Narrow: Story = {
  render: (_args, context) => html`<div style="width:360px;height:100vh;display:flex;border-right:1px solid #0002">
    <im-chat style="flex:1" theme=${themeOf(context)} conversation-id="si_alice_bob" .client=${backendOf(context).client}></im-chat>
  </div>`,
};

const states: StateSpec = {
  emptyUser: 'erin',
  errorOps: ['message.history', 'conversation.get'],
  render: (backend, theme, state) => html`<im-chat
    style="flex:1;min-height:0"
    theme=${theme}
    conversation-id=${state === 'LongContent' ? 'si_alice_maximiliana' : state === 'Empty' ? 'si_dave_erin' : 'si_alice_bob'}
    .client=${backend.client}
  ></im-chat>`,
};

export const Loading: Story = stateStory('Loading', states);
/** Erin opens a conversation with Dave that has no messages yet. */
export const Empty: Story = stateStory('Empty', states);
export const Offline: Story = stateStory('Offline', states);
/** The server fails to load the history. */
export const ErrorState: Story = stateStory('Error', states);
export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
