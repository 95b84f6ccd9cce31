import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-chat/im-chat.js';
import { registerCustomMessageRenderer } from '../components/im-chat/im-chat.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';

const frame = 'display:flex;height:100vh;';

// A host's renderer for its own custom type (see README, "Rendering your own message types").
registerCustomMessageRenderer(
  'poll',
  ({ data }) => html`<div style="display:flex;flex-direction:column;gap:4px;min-width:180px">
    <strong>📊 ${String(data['q'] ?? '')}</strong>
    ${((data['options'] as string[]) ?? []).map((o) => html`<span style="padding:4px 8px;border:1px solid currentColor;border-radius:8px">${o}</span>`)}
  </div>`,
);

const meta: Meta = {
  title: 'Elements/im-chat/Message types',
  component: 'im-chat',
  parameters: {
    docs: {
      description: {
        component:
          'Message types that need no file server, sent by Bob to Alice through the real server logic in the page: links, @mentions, quote, location, custom (a registered renderer and the safe fallback), face, merged forward, recall. Images, voice, video and files need the HTTP upload endpoint of the Node server (see the demo, `npm start`).',
      },
    },
  },
};
export default meta;

export const AllTypes: StoryObj = {
  loaders: [
    async () => {
      const backend = await createStoryBackend();
      const bob = await backend.loginAs('bob');
      const send = (m: Parameters<typeof bob.sendMessage>[0], group = false) => bob.sendMessage(m, group ? '' : 'alice', group ? 'team' : '');
      const text = await send(await bob.createTextMessage('The guide is at https://example.com/guide, questions to mailto:bob@example.com'));
      await send(await bob.createQuoteMessage({ text: 'And this is a reply to it.', message: text }));
      await send(await bob.createLocationMessage({ description: 'Eiffel Tower, Paris', latitude: 48.8584, longitude: 2.2945 }));
      await send(await bob.createCustomMessage({ data: { type: 'poll', q: 'Lunch?', options: ['Pizza', 'Sushi'] }, description: 'Poll: Lunch?' }));
      await send(await bob.createCustomMessage({ data: { type: 'unknown-widget' }, description: 'A widget this app cannot show' }));
      await send(await bob.createFaceMessage({ index: 0, data: '🎉' }));
      const oops = await send(await bob.createTextMessage('This one will be recalled'));
      await bob.revokeMessage(oops);
      const history = await bob.getHistoryMessageList({ conversationID: 'si_alice_bob', count: 5 });
      await send(await bob.createMergerMessage({ messageList: history.slice(-3), title: 'Bob and Alice' }));
      await send(await bob.createTextAtMessage({ text: '@Alice Chen can you check the poll?', atUserIDList: ['alice'], atUsersInfo: [{ atUserID: 'alice', groupNickname: 'Alice Chen' }] }), true);
      return { backend };
    },
  ],
  render: (_args, context) => html`<im-chat
    style=${frame}
    theme=${themeOf(context)}
    conversation-id="si_alice_bob"
    .client=${backendOf(context).client}
  ></im-chat>`,
};
