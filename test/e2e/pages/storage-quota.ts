// Driven by test/e2e/storage-quota.test.ts: one ImClient on a link the test can cut,
// with a conversation list showing what the user sees.
import '../../../components/im-conversation-list/im-conversation-list.js';
import { ImClient } from '../../../src/client/im-client.js';
import type { StorageNotice } from '../../../src/client/events.js';
import type { MessageItem } from '../../../src/model/types.js';
import { flakyTransport, type FlakyTransport } from '../../support/flaky-transport.js';

let client: ImClient;
let transport: FlakyTransport;
const notices: StorageNotice[] = [];
const pending: Promise<MessageItem>[] = [];

Object.assign(window, {
  quota: {
    async login(serverURL: string, userID: string, token: string) {
      transport = flakyTransport(serverURL);
      client = new ImClient({ serverURL, dbNamePrefix: 'quota', transport, requestTimeoutMs: 5000 });
      client.on('onStorageDegraded', (n) => notices.push(n));
      const list = document.createElement('im-conversation-list');
      list.client = client;
      list.style.height = '400px';
      document.body.append(list);
      await client.login(userID, token);
    },
    setReachable: (reachable: boolean) => transport.setReachable(reachable),
    /** Starts a send and does not wait for it (it may sit in the outbox). */
    async queueText(peerID: string, text: string) {
      pending.push(client.sendMessage(await client.createTextMessage(text), peerID, ''));
    },
    /** A file of `bytes` random (incompressible) bytes. */
    async queueFile(peerID: string, name: string, bytes: number) {
      const data = new Uint8Array(bytes);
      for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(bytes, i + 65536)));
      pending.push(client.sendMessage(await client.createFileMessage(new Blob([data]), name), peerID, ''));
    },
    async settle() {
      const sent = await Promise.all(pending.splice(0));
      return sent.map((m) => m.status);
    },
    storageMode: () => client.storageMode,
    notices: () => notices.map((n) => ({ reason: n.reason, reloadRequired: n.reloadRequired })),
    listNotice: () => document.querySelector('im-conversation-list')?.shadowRoot?.querySelector('[part~="storage-notice"]')?.textContent?.trim() ?? '',
    async history(conversationID: string) {
      const page = await client.getAdvancedHistoryMessageList({ conversationID, count: 50 });
      return page.messageList.map((m) => ({ content: m.contentType === 105 ? `file:${m.fileElem?.fileName}` : m.content, status: m.status }));
    },
  },
});
document.title = 'ready';
