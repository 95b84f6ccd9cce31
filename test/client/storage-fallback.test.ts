// When the browser refuses IndexedDB (a quota error here), the client keeps
// working from an in-memory cache and says so.
import { ImClient } from '../../src/client/im-client.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { MessageStatus } from '../../src/model/enums.js';
import { createUser, loginAs, nextEvent, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';
import { equal, ok } from '../support/assert.js';

describe('ImClient without IndexedDB', () => {
  const realOpen = IDBFactory.prototype.open;
  afterEach(() => {
    IDBFactory.prototype.open = realOpen;
  });

  it('falls back to memory on a quota error, tells the app, and still sends and receives', async () => {
    const meID = uniqueUserID('full');
    const peerID = uniqueUserID('peer');
    await createUser(meID);
    const peer = await loginAs(peerID);
    // Failure injection for this one unit: the browser's IndexedDB refuses our database.
    IDBFactory.prototype.open = function (name: string, version?: number) {
      if (name.startsWith('imkit-quota')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realOpen.call(this, name, version);
    };
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-quota' });
    const degraded = nextEvent(client, 'onStorageDegraded');
    await client.login(meID, await tokenFor(meID));
    const notice = await degraded;
    equal(notice.code, ErrorCode.StorageError, 'notice code');
    ok(/memory/.test(notice.message), `the notice says what happens: ${notice.message}`);
    equal(client.storageMode, 'memory', 'storage mode');

    const sent = await client.sendMessage(await client.createTextMessage('from memory'), peerID, '');
    equal(sent.status, MessageStatus.Succeeded, 'sent');
    const got = nextEvent(client, 'onRecvNewMessage');
    await peer.sendMessage(await peer.createTextMessage('to memory'), meID, '');
    equal((await got).content, 'to memory', 'received');
    const history = await client.getAdvancedHistoryMessageList({ userID: peerID, count: 10 });
    equal(history.messageList.map((m) => m.content).join('|'), 'from memory|to memory', 'history from the memory cache');
    await waitFor(async () => (await client.getTotalUnreadMsgCount()) === 1, 'unread count in memory');
    await client.logout();
    await peer.logout();
  });
});
