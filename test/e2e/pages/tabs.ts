// Driven by test/e2e/tabs.test.ts: one ImClient per page, reachable from the test.
import { ImClient } from '../../../src/client/im-client.js';
import type { MessageItem } from '../../../src/model/types.js';

let client: ImClient;
const sent = new Map<string, MessageItem>();

Object.assign(window, {
  tabs: {
    async login(serverURL: string, userID: string, token: string) {
      client = new ImClient({ serverURL, dbNamePrefix: 'tabs' });
      await client.login(userID, token);
    },
    async send(peerID: string, text: string) {
      const m = await client.sendMessage(await client.createTextMessage(text), peerID, '');
      sent.set(text, m);
      return m.clientMsgID;
    },
    async unread(conversationID: string) {
      const c = (await client.getAllConversationList()).find((x) => x.conversationID === conversationID);
      return c ? c.unreadCount : -1;
    },
    async texts(conversationID: string) {
      const page = await client.getAdvancedHistoryMessageList({ conversationID, count: 50 });
      return page.messageList.filter((m) => m.status !== 4 && m.status !== 5 && m.contentType === 101).map((m) => m.content);
    },
    markRead: (conversationID: string) => client.markConversationMessageAsRead(conversationID),
    async deleteForEveryone(text: string) {
      await client.deleteMessage(sent.get(text)!);
    },
  },
});
document.title = 'ready';
