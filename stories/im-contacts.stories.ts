import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-contacts/im-contacts.js';
import { createStoryBackend, type StoryBackendOptions } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { stateStory, type StateSpec } from './support/states.js';

const frame = 'height:100vh;max-width:400px;border-right:1px solid #0001';
const withBackend = (options: StoryBackendOptions = {}) => [async () => ({ backend: await createStoryBackend(options) })];

const meta: Meta = {
  title: 'Elements/im-contacts',
  component: 'im-contacts',
  loaders: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'Friends, new requests (friend requests and join requests for groups one manages, with a badge), groups and blocked users, against the real server logic in the page. In the demo data Erin has asked to be Alice’s friend and to join the team group.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const log = (name: string) => (e: CustomEvent) => console.log(name, e.detail);

export const Friends: Story = {
  render: (_args, context) => html`<im-contacts style=${frame} theme=${themeOf(context)} .client=${backendOf(context).client}
    @im-contact-select=${log('im-contact-select')} @im-open-conversation=${log('im-open-conversation')}></im-contacts>`,
};

export const NewRequests: Story = {
  render: (_args, context) => html`<im-contacts style=${frame} tab="requests" theme=${themeOf(context)} .client=${backendOf(context).client}></im-contacts>`,
};

export const Groups: Story = {
  render: (_args, context) => html`<im-contacts style=${frame} tab="groups" theme=${themeOf(context)} .client=${backendOf(context).client}></im-contacts>`,
};

/** Erin knows nobody yet: empty lists. */
export const Empty: Story = {
  loaders: withBackend({ user: 'erin' }),
  render: (_args, context) => html`<im-contacts style=${frame} theme=${themeOf(context)} .client=${backendOf(context).client}></im-contacts>`,
};

/** Dave sends Erin a friend request while the story shows her requests: it appears live, with a badge. */
export const LiveRequest: Story = {
  loaders: withBackend({ user: 'erin' }),
  render: (_args, context) => {
    const backend = backendOf(context);
    setTimeout(async () => {
      const dave = await backend.loginAs('dave');
      await dave.addFriend({ toUserID: 'erin', reqMsg: 'Hi Erin, Dave here' });
    }, 1200);
    return html`<im-contacts style=${frame} tab="requests" theme=${themeOf(context)} .client=${backend.client}></im-contacts>`;
  },
};

export const Offline: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    backend.transport.setReachable(false);
    return html`<im-contacts style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-contacts>`;
  },
};

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114"><im-contacts style=${frame} theme="dark" tab="requests" .client=${backendOf(context).client}></im-contacts></div>`,
};

const states: StateSpec = {
  frame: 'display:flex;flex-direction:column;height:100vh;max-width:400px',
  errorOps: ['friend.list', 'friend.applications', 'group.joined', 'group.applications', 'black.list'],
  render: (backend, theme, state) => html`<im-contacts style="flex:1;min-height:0" theme=${theme}
    tab=${state === 'LongContent' ? 'requests' : 'friends'} .client=${backend.client}></im-contacts>`,
};

export const Loading: Story = stateStory('Loading', states);
/** The server fails to list friends. */
export const ErrorState: Story = stateStory('Error', states);
/** A friend request from someone with a very long name and a long note. */
export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Narrow: Story = stateStory('Narrow', states);
