import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-group-settings/im-group-settings.js';
import { createStoryBackend, type StoryBackendOptions } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { stateStory, statesNotShown, type StateSpec } from './support/states.js';

const frame = 'height:100vh;max-width:480px;border:1px solid #0001';
const withBackend = (options: StoryBackendOptions = {}) => [async () => ({ backend: await createStoryBackend(options) })];

const meta: Meta = {
  title: 'Elements/im-group-settings',
  component: 'im-group-settings',
  loaders: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'The demo group "team" as each role sees it: Alice owns it (everything, incl. dismiss), Bob administers it (info, requests, moderation of ordinary members), Carol is an ordinary member (invite, own nickname, leave). Erin’s join request waits for approval.' + statesNotShown({ Empty: 'a group always has at least its owner; a group the viewer cannot see is the NotAMember story.' }),
      },
    },
  },
};
export default meta;
type Story = StoryObj;

export const AsOwner: Story = {
  render: (_args, context) => html`<im-group-settings style=${frame} group-id="team" theme=${themeOf(context)} .client=${backendOf(context).client}></im-group-settings>`,
};

export const AsAdmin: Story = {
  loaders: withBackend({ user: 'bob' }),
  render: (_args, context) => html`<im-group-settings style=${frame} group-id="team" theme=${themeOf(context)} .client=${backendOf(context).client}></im-group-settings>`,
};

export const AsMember: Story = {
  loaders: withBackend({ user: 'carol' }),
  render: (_args, context) => html`<im-group-settings style=${frame} group-id="team" theme=${themeOf(context)} .client=${backendOf(context).client}></im-group-settings>`,
};

/** Erin is not a member. */
export const NotAMember: Story = {
  loaders: withBackend({ user: 'erin' }),
  render: (_args, context) => html`<im-group-settings style=${frame} group-id="team" theme=${themeOf(context)} .client=${backendOf(context).client}></im-group-settings>`,
};

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114"><im-group-settings style=${frame} group-id="team" theme="dark" .client=${backendOf(context).client}></im-group-settings></div>`,
};

const states: StateSpec = {
  frame: 'display:flex;flex-direction:column;height:100vh;max-width:480px',
  errorOps: ['group.info', 'group.members', 'group.member', 'group.membersInfo'],
  render: (backend, theme, state) => html`<im-group-settings style="flex:1;min-height:0" theme=${theme}
    group-id=${state === 'LongContent' ? 'longgroup' : 'team'} .client=${backend.client}></im-group-settings>`,
};

export const Loading: Story = stateStory('Loading', states);
export const Offline: Story = stateStory('Offline', states);
/** The server fails to load the group. */
export const ErrorState: Story = stateStory('Error', states);
/** A group with a very long name, announcement and a member with a very long name. */
export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Narrow: Story = stateStory('Narrow', states);
