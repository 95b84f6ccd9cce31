import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-provider/im-provider.js';
import '../components/im-conversation-list/im-conversation-list.js';
import '../components/im-chat/im-chat.js';
import type { ImConversationSelectDetail } from '../components/im-conversation-list/im-conversation-list.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, say, themeOf } from './support/story-helpers.js';
import { stateStory, type StateSpec } from './support/states.js';

const meta: Meta = {
  title: 'Kit/Chat surface',
  component: 'im-provider',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  parameters: {
    docs: {
      description: {
        component:
          '`<im-provider>` shares one client with a conversation list and a chat. The host page wires selection: on `im-conversation-select`, set the chat\'s `conversation-id`.',
      },
    },
  },
};
export default meta;

function onSelect(event: CustomEvent<ImConversationSelectDetail>): void {
  const root = (event.currentTarget as HTMLElement).closest('.kit');
  const chat = root?.querySelector('im-chat');
  if (chat) chat.conversationID = event.detail.conversationID;
}

export const ProviderListAndChat: StoryObj = {
  render: (_args, context) => {
    const backend = backendOf(context);
    const bob = backend.loginAs('bob');
    const carol = backend.loginAs('carol');
    let count = 0;
    return html`<im-provider .client=${backend.client} theme=${themeOf(context)}>
      <div class="kit" style="display:flex;flex-direction:column;height:100vh;font:13px system-ui">
        <div style="display:flex;gap:8px;padding:6px 10px;border-bottom:1px solid #0002;align-items:center">
          <strong>Alice's view</strong>
          <button @click=${async () => say(await bob, `Message #${++count} from Bob`, { userID: 'alice' })}>Bob writes</button>
          <button @click=${async () => say(await carol, `Carol in the group (#${++count})`, { groupID: 'team' })}>Carol writes in the group</button>
          <button @click=${() => backend.transport.setReachable(!backend.transport.reachable)}>Toggle network</button>
        </div>
        <div style="display:flex;flex:1;min-height:0">
          <im-conversation-list
            style="width:340px;flex:none;border-right:1px solid #0001"
            selected="si_alice_bob"
            @im-conversation-select=${onSelect}
          ></im-conversation-list>
          <im-chat style="flex:1" conversation-id="si_alice_bob"></im-chat>
        </div>
      </div>
    </im-provider>`;
  },
};

const states: StateSpec = {
  errorOps: ['message.history'],
  render: (backend, theme, state) => {
    const conversation = state === 'LongContent' ? 'si_alice_maximiliana' : state === 'Empty' ? '' : 'si_alice_bob';
    return html`<im-provider .client=${backend.client} theme=${theme}>
      <div class="kit" style="display:flex;flex:1;min-height:0;height:100%;flex-direction:${state === 'Narrow' ? 'column' : 'row'}">
        <im-conversation-list
          style=${state === 'Narrow' ? 'height:40%;flex:none;border-bottom:1px solid #8883' : 'width:min(340px,45%);flex:none;border-inline-end:1px solid #8883'}
          selected=${conversation}
          @im-conversation-select=${onSelect}></im-conversation-list>
        <im-chat style="flex:1;min-width:0" conversation-id=${conversation}></im-chat>
      </div>
    </im-provider>`;
  },
};

export const Loading: StoryObj = stateStory('Loading', states);
export const Empty: StoryObj = stateStory('Empty', states);
export const Offline: StoryObj = stateStory('Offline', states);
/** The server fails to load the open conversation's history: the chat shows the error with Retry. */
export const ErrorState: StoryObj = stateStory('Error', states);
export const LongContent: StoryObj = stateStory('LongContent', states);
export const RightToLeft: StoryObj = stateStory('RightToLeft', states);
export const Dark: StoryObj = stateStory('Dark', states);
/** A phone: the list above the chat (an app would show one at a time; see README "Layout"). */
export const Narrow: StoryObj = stateStory('Narrow', states);
