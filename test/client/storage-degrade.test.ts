// IndexedDB failing in the middle of a session: the cache moves to memory with
// everything it held (the unsent outbox first of all), the failed write is
// re-run there, the app is told, and sending goes on. Nothing typed is lost.
import { ImClient } from '../../src/client/im-client.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { LoginStatus, MessageStatus } from '../../src/model/enums.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { databaseName } from '../../src/store/database.js';
import { DB_VERSION } from '../../src/store/schema.js';
import type { MessageItem } from '../../src/model/types.js';
import { flakyTransport } from '../support/flaky-transport.js';
import { createUser, loginAs, nextEvent, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';
import { deepEqual, equal, ok } from '../support/assert.js';

/** Sends while the link is down: the messages wait in the outbox (status sending). */
async function queueWhileOffline(client: ImClient, peerID: string, texts: string[]): Promise<Promise<MessageItem>[]> {
  const sends: Promise<MessageItem>[] = [];
  for (const text of texts) sends.push(client.sendMessage(await client.createTextMessage(text), peerID, ''));
  const conversationID = singleConversationID(client.getLoginUserID(), peerID);
  await waitFor(async () => {
    const page = await client.getAdvancedHistoryMessageList({ conversationID, count: 50 });
    return texts.every((t) => page.messageList.some((m) => m.content === t && m.status === MessageStatus.Sending));
  }, 'the offline messages queued in the outbox');
  return sends;
}

describe('ImClient when IndexedDB fails mid-session', () => {
  const realPut = IDBObjectStore.prototype.put;
  afterEach(() => {
    IDBObjectStore.prototype.put = realPut;
  });

  it('moves to memory on a quota error, keeps the outbox and sends every message once, in order', async function () {
    this.timeout(30_000);
    const meID = uniqueUserID('quota');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    const prefix = `imkit-degrade-${meID}`;
    const transport = flakyTransport(testEnv().serverURL);
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: prefix, transport, requestTimeoutMs: 3000 });
    await client.login(meID, await tokenFor(meID));
    const received: string[] = [];
    peer.on('onRecvNewMessage', (m) => received.push(m.content));

    await client.sendMessage(await client.createTextMessage('stored on disk'), peerID, '');
    equal(client.storageMode, 'indexeddb', 'starts on IndexedDB');
    transport.setReachable(false);
    const queued = await queueWhileOffline(client, peerID, ['typed offline 1', 'typed offline 2']);

    // Failure injection at the IndexedDB boundary, for this database only: the disk is full from now on.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.transaction.db.name.startsWith(prefix)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    const degraded = nextEvent(client, 'onStorageDegraded');
    const afterFull = client.sendMessage(await client.createTextMessage('typed when the disk was full'), peerID, '');
    const notice = await degraded;
    equal(notice.code, ErrorCode.StorageError, 'notice code');
    equal(notice.reason, 'quota', 'notice reason');
    equal(notice.reloadRequired, false, 'no reload needed for a full disk');
    ok(/memory/.test(notice.message), `the notice says what happens: ${notice.message}`);
    equal(client.storageMode, 'memory', 'storage mode');
    deepEqual(client.storageProblem, notice, 'storageProblem holds the same notice');

    transport.setReachable(true);
    const sent = await Promise.all([...queued, afterFull]);
    ok(sent.every((m) => m.status === MessageStatus.Succeeded), 'every queued message was sent');
    await client.sendMessage(await client.createTextMessage('after the switch'), peerID, '');
    const order = ['stored on disk', 'typed offline 1', 'typed offline 2', 'typed when the disk was full', 'after the switch'];
    await waitFor(() => received.length >= order.length, 'the peer got every message', 10_000);
    await new Promise((r) => setTimeout(r, 300));
    deepEqual(received, order, 'the peer got each message once, in the order it was written');
    const history = await client.getAdvancedHistoryMessageList({ userID: peerID, count: 20 });
    deepEqual(history.messageList.map((m) => m.content), order, "the sender's history (now in memory) holds them all");
    const conversations = await client.getAllConversationList();
    ok(conversations.some((c) => c.userID === peerID), 'the conversation list was carried over');
    await client.logout({ clearCache: true });
    await peer.logout();
  });

  it('keeps working from memory when another tab upgrades the schema, and says a reload is needed', async function () {
    this.timeout(30_000);
    const meID = uniqueUserID('upgraded');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    const prefix = `imkit-upgrade-${meID}`;
    const transport = flakyTransport(testEnv().serverURL);
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: prefix, transport, requestTimeoutMs: 3000 });
    await client.login(meID, await tokenFor(meID));
    const received: string[] = [];
    peer.on('onRecvNewMessage', (m) => received.push(m.content));
    await client.sendMessage(await client.createTextMessage('before the upgrade'), peerID, '');
    transport.setReachable(false);
    const queued = await queueWhileOffline(client, peerID, ['typed before the other tab upgraded']);

    // "Another tab" with a newer schema: a real open of the same database at a higher version.
    const degraded = nextEvent(client, 'onStorageDegraded');
    const name = databaseName(prefix, testEnv().serverURL.replace(/\/+$/, ''), meID);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const notice = await degraded;
    equal(notice.reason, 'versionchange', 'notice reason');
    equal(notice.reloadRequired, true, 'a reload is needed');
    equal(client.storageMode, 'memory', 'storage mode');
    equal(await client.getLoginStatus(), LoginStatus.Logged, 'still logged in');

    transport.setReachable(true);
    const [sent] = await Promise.all(queued);
    equal(sent!.status, MessageStatus.Succeeded, 'the queued message was sent');
    await client.sendMessage(await client.createTextMessage('after the upgrade'), peerID, '');
    const order = ['before the upgrade', 'typed before the other tab upgraded', 'after the upgrade'];
    await waitFor(() => received.length >= order.length, 'the peer got every message', 10_000);
    deepEqual(received, order, 'each message once, in order');
    await client.logout();
    newer.close();
    indexedDB.deleteDatabase(name);
    await peer.logout();
  });
});
