import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-user-profile/im-user-profile.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { stateStory, statesNotShown, type StateSpec } from './support/states.js';

const frame = 'height:100vh;max-width:420px;border:1px solid #0001';

const meta: Meta = {
  title: 'Elements/im-user-profile',
  component: 'im-user-profile',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  parameters: {
    docs: {
      description: {
        component:
          'A profile: one’s own (Edit saves with `setSelfInfo`) or someone else’s, with what the relationship allows — remark, Message and Remove for friends; Add friend for others; Block / Unblock always.' + statesNotShown({ Empty: 'a profile always shows one person; an unknown user ID is the NotFound story.' }),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

export const Self: Story = {
  render: (_args, context) => html`<im-user-profile style=${frame} theme=${themeOf(context)} .client=${backendOf(context).client}></im-user-profile>`,
};

export const Friend: Story = {
  render: (_args, context) => html`<im-user-profile style=${frame} user-id="bob" theme=${themeOf(context)} .client=${backendOf(context).client}
    @im-open-conversation=${(e: CustomEvent) => console.log('im-open-conversation', e.detail)}></im-user-profile>`,
};

export const Stranger: Story = {
  render: (_args, context) => html`<im-user-profile style=${frame} user-id="dave" theme=${themeOf(context)} .client=${backendOf(context).client}></im-user-profile>`,
};

export const NotFound: Story = {
  render: (_args, context) => html`<im-user-profile style=${frame} user-id="nobody" theme=${themeOf(context)} .client=${backendOf(context).client}></im-user-profile>`,
};

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114"><im-user-profile style=${frame} user-id="bob" theme="dark" .client=${backendOf(context).client}></im-user-profile></div>`,
};

const states: StateSpec = {
  errorOps: ['user.get', 'friend.check'],
  render: (backend, theme, state) => html`<im-user-profile style="flex:1;min-height:0" theme=${theme}
    user-id=${state === 'LongContent' ? 'maximiliana' : 'bob'} .client=${backend.client}></im-user-profile>`,
};

export const Loading: Story = stateStory('Loading', states);
export const Offline: Story = stateStory('Offline', states);
/** The server fails to load the profile. */
export const ErrorState: Story = stateStory('Error', states);
export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Narrow: Story = stateStory('Narrow', states);
