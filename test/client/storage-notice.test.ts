// The elements say so when the cache lives in memory, and offer a reload when
// another tab upgraded it: what a user sees in <im-conversation-list> and <im-chat>.
import '../../components/im-conversation-list/im-conversation-list.js';
import '../../components/im-chat/im-chat.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { databaseName } from '../../src/store/database.js';
import { DB_VERSION } from '../../src/store/schema.js';
import { defaultStrings } from '../../components/i18n/strings-storage.js';
import { createUser, loginAs, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';
import { equal, ok } from '../support/assert.js';

function noticeOf(el: Element): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>('[part~="storage-notice"]') ?? null;
}

async function mount(client: ImClient, peerID: string) {
  const list = document.createElement('im-conversation-list');
  list.client = client;
  const chat = document.createElement('im-chat');
  chat.client = client;
  document.body.append(list, chat);
  chat.conversationID = singleConversationID(client.getLoginUserID(), peerID);
  return { list, chat, remove: () => (list.remove(), chat.remove()) };
}

describe('storage notice in the elements', () => {
  const realOpen = IDBFactory.prototype.open;
  afterEach(() => {
    IDBFactory.prototype.open = realOpen;
  });

  it('shows a dismissible notice in the list and the chat when IndexedDB is refused', async () => {
    const meID = uniqueUserID('nodisk');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    IDBFactory.prototype.open = function (name: string, version?: number) {
      if (name.startsWith('imkit-notice-refused')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realOpen.call(this, name, version);
    };
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-notice-refused' });
    await client.login(meID, await tokenFor(meID));
    const { list, chat, remove } = await mount(client, peerID);
    for (const el of [list, chat]) {
      const notice = await waitFor(() => noticeOf(el), `${el.localName} shows the notice`);
      equal(notice.querySelector('.storage-notice-text')?.textContent?.trim(), defaultStrings.storageMemoryNotice, `${el.localName}: the text`);
      equal(notice.getAttribute('role'), 'alert', `${el.localName}: announced`);
      equal(notice.querySelector('[part~="storage-notice-reload"]'), null, `${el.localName}: no reload for a refused disk`);
    }
    (noticeOf(list)!.querySelector('[part~="storage-notice-dismiss"]') as HTMLButtonElement).click();
    await waitFor(() => !noticeOf(list), 'the list notice is gone after Dismiss');
    ok(noticeOf(chat), 'dismissing in the list leaves the chat notice alone');
    remove();
    await client.logout();
    await peer.logout();
  });

  it('offers a reload in both elements when another tab upgrades the cache', async () => {
    const meID = uniqueUserID('oldtab');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    const prefix = `imkit-notice-upgrade-${meID}`;
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: prefix });
    await client.login(meID, await tokenFor(meID));
    const { list, chat, remove } = await mount(client, peerID);
    await new Promise((r) => setTimeout(r, 100));
    ok(!noticeOf(list) && !noticeOf(chat), 'no notice while IndexedDB works');

    const name = databaseName(prefix, testEnv().serverURL.replace(/\/+$/, ''), meID);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const el of [list, chat]) {
      const notice = await waitFor(() => noticeOf(el), `${el.localName} shows the reload notice`);
      equal(notice.querySelector('.storage-notice-text')?.textContent?.trim(), defaultStrings.storageReloadNotice, `${el.localName}: the text`);
    }
    let requested = '';
    chat.addEventListener('im-reload-request', (e) => {
      e.preventDefault(); // the test page must not reload
      requested = (e as CustomEvent<{ reason: string }>).detail.reason;
    });
    (noticeOf(chat)!.querySelector('[part~="storage-notice-reload"]') as HTMLButtonElement).click();
    equal(requested, 'versionchange', 'Reload asks the page, with the reason');
    remove();
    await client.logout();
    newer.close();
    indexedDB.deleteDatabase(name);
    await peer.logout();
  });

  it('works from memory and offers a reload when the cache on disk was written by a newer version', async () => {
    const meID = uniqueUserID('oldcode');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    const prefix = `imkit-notice-newer-${meID}`;
    const name = databaseName(prefix, testEnv().serverURL.replace(/\/+$/, ''), meID);
    // A newer imkit (in a tab since closed) left its schema on disk: this code gets a VersionError.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 5);
      request.onsuccess = () => (request.result.close(), resolve());
      request.onerror = () => reject(request.error);
    });
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: prefix });
    const degraded: { reason: string; reloadRequired: boolean }[] = [];
    client.on('onStorageDegraded', (n) => degraded.push(n));
    await client.login(meID, await tokenFor(meID));
    equal(client.storageMode, 'memory', 'the cache lives in memory');
    const { list, chat, remove } = await mount(client, peerID);
    const notice = await waitFor(() => noticeOf(chat), 'the chat shows the notice');
    equal(notice.querySelector('.storage-notice-text')?.textContent?.trim(), defaultStrings.storageReloadNotice, 'it asks for a reload');
    ok(noticeOf(list)?.querySelector('[part~="storage-notice-reload"]'), 'the list offers Reload too');
    // And the chat still works: a message goes out and the peer gets it.
    const conversationID = singleConversationID(meID, peerID);
    await client.sendMessage(await client.createTextMessage('from the old tab'), peerID, '');
    await waitFor(
      async () => (await peer.getHistoryMessageList({ conversationID, count: 20 })).some((m) => m.textElem?.content === 'from the old tab'),
      'the peer has the message',
    );
    remove();
    await client.logout();
    indexedDB.deleteDatabase(name);
    await peer.logout();
  });
});
