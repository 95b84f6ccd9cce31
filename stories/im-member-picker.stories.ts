import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-member-picker/im-member-picker.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { LONG_NAME, LONG_TEXT, stateStory, type StateSpec } from './support/states.js';

const frame = 'height:480px;max-width:380px;border:1px solid #0001;border-radius:10px;overflow:hidden';

const meta: Meta = {
  title: 'Elements/im-member-picker',
  component: 'im-member-picker',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  parameters: {
    docs: {
      description: {
        component:
          'Pick people for a new group, an invitation or a mention. Lists the user’s friends (Alice: Bob, Carol) unless given `candidates`; a user ID typed in the search box is looked up. Arrow keys move, Space toggles, Ctrl+Enter confirms, Escape cancels.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const log = (name: string) => (e: CustomEvent) => console.log(name, e.detail);

export const Friends: Story = {
  render: (_args, context) => html`<im-member-picker style=${frame} theme=${themeOf(context)} .client=${backendOf(context).client}
    @im-members-picked=${log('im-members-picked')} @im-pick-cancel=${log('im-pick-cancel')}></im-member-picker>`,
};

export const Candidates: Story = {
  render: (_args, context) => html`<im-member-picker style=${frame} theme=${themeOf(context)}
    .candidates=${[
      { userID: 'bob', nickname: 'Bob Martin', sub: 'Admin' },
      { userID: 'carol', nickname: 'Carol Diaz' },
      { userID: 'dave', nickname: 'Dave Kim' },
      { userID: 'erin', nickname: 'Erin Walsh' },
    ]}
    .exclude=${['bob']} .selected=${['carol']} confirm-label="Invite"></im-member-picker>`,
};

export const SingleChoice: Story = {
  render: (_args, context) => html`<im-member-picker style=${frame} theme=${themeOf(context)} .multiple=${false} .client=${backendOf(context).client}></im-member-picker>`,
};

export const Dark: Story = {
  render: (_args, context) => html`<div style="background:#0f1114;padding:8px"><im-member-picker style=${frame} theme="dark" .client=${backendOf(context).client} .selected=${['bob']}></im-member-picker></div>`,
};

const states: StateSpec = {
  frame: 'display:flex;flex-direction:column;height:100vh;max-width:420px',
  errorOps: ['friend.list'],
  render: (backend, theme, state) =>
    state === 'LongContent'
      ? html`<im-member-picker style="flex:1;min-height:0" theme=${theme} .client=${backend.client}
          .candidates=${[{ userID: 'maximiliana', nickname: LONG_NAME, sub: LONG_TEXT }, { userID: 'bob', nickname: 'Bob Martin' }]}></im-member-picker>`
      : html`<im-member-picker style="flex:1;min-height:0" theme=${theme} .client=${backend.client}></im-member-picker>`,
};

export const Loading: Story = stateStory('Loading', states);
/** Erin has no friends to pick yet. */
export const Empty: Story = stateStory('Empty', states);
export const Offline: Story = stateStory('Offline', states);
/** The server fails to list friends. */
export const ErrorState: Story = stateStory('Error', states);
export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Narrow: Story = stateStory('Narrow', states);
