// <im-conversation-list> with thousands of conversations: virtualized (a small DOM), yet every
// row is reachable from the keyboard and announced with its position in the whole list.
// The conversations are seeded into the client's IndexedDB cache (as a long-lived user's
// cache would be) and the client signs in with the network down, so only the cache answers.
import { sendKeys } from '@web/test-runner-commands';
import '../../components/im-conversation-list/im-conversation-list.js';
import type { ImConversationList, ImConversationSelectDetail } from '../../components/im-conversation-list/im-conversation-list.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import { ImCache } from '../../src/store/cache.js';
import { databaseName, openImDatabase } from '../../src/store/database.js';
import type { TransportFactory } from '../../src/transport/types.js';
import { equal, ok } from '../support/assert.js';
import { uniqueUserID } from '../support/server.js';
import { frames, mount, once, part, parts, shadow, text, unmountAll, until } from './helpers.js';

const SERVER = 'http://virtual-list.invalid';
const COUNT = 2000;

const unreachable: TransportFactory = (handlers) => {
  setTimeout(() => handlers.onClose({ code: 1006, reason: 'test: offline' }), 0);
  return { send() {}, close() {} };
};

function conversation(self: string, i: number, t0: number, pinned: boolean): ConversationItem {
  const peer = `peer${i}`;
  const conversationID = singleConversationID(self, peer);
  const sendTime = t0 + i * 60_000;
  const content = `Message from peer ${i}`;
  const latest: MessageItem = {
    clientMsgID: `${conversationID}-1`,
    serverMsgID: `s${i}`,
    createTime: sendTime,
    sendTime,
    sessionType: 1,
    sendID: peer,
    recvID: self,
    groupID: '',
    msgFrom: 100,
    contentType: 101,
    platformID: 5,
    senderNickname: `Peer ${i}`,
    senderFaceUrl: '',
    seq: 1,
    isRead: true,
    status: 2,
    content,
    textElem: { content },
    ex: '',
    conversationID,
  };
  return {
    conversationID,
    conversationType: 1,
    userID: peer,
    groupID: '',
    showName: `Peer ${i}`,
    faceURL: '',
    recvMsgOpt: 0,
    unreadCount: 0,
    groupAtType: 0,
    latestMsg: latest,
    latestMsgSendTime: sendTime,
    draftText: '',
    draftTextTime: 0,
    isPinned: pinned,
    maxSeq: 1,
    hasReadSeq: 1,
    peerReadSeq: 1,
    ex: '',
  };
}

/** A client of `self` whose cache holds COUNT conversations: peer0 and peer1 pinned, the rest newest (highest i) first. */
async function bigClient(): Promise<{ client: ImClient; self: string; prefix: string }> {
  const self = uniqueUserID('many');
  const prefix = `imkit-test-virtual-${self}`;
  const cache = new ImCache(await openImDatabase(databaseName(prefix, SERVER, self)));
  const t0 = Date.now() - COUNT * 60_000;
  await cache.putConversations(Array.from({ length: COUNT }, (_, i) => conversation(self, i, t0, i < 2)));
  await cache.setMeta('self', { userID: self, nickname: 'Me', faceURL: '' });
  await cache.setMeta('eventCursor', 1);
  cache.close();
  const client = new ImClient({ serverURL: SERVER, dbNamePrefix: prefix, transport: unreachable });
  return { client, self, prefix };
}

function focusedRow(list: ImConversationList): HTMLElement | null {
  const active = shadow(list).activeElement as HTMLElement | null;
  return active?.matches('[part~="item"]') ? active : null;
}

let client: ImClient | null = null;
afterEach(async () => {
  unmountAll();
  await client?.logout().catch(() => undefined);
  client = null;
});

describe('<im-conversation-list> with 2,000 conversations', () => {
  it('keeps only the visible rows in the DOM, announces positions, and reaches the last row from the keyboard', async () => {
    const big = await bigClient();
    client = big.client;
    const list = document.createElement('im-conversation-list');
    list.client = client;
    await mount(list, { width: 400, height: 600 });
    void client.login(big.self, 'offline-token');

    await until(() => list.conversations.length === COUNT && parts(list, 'item').length > 0, 'the rows from the cache');
    const rows = parts(list, 'item');
    ok(rows.length < 100, `only the rows near the viewport are rendered (${rows.length} of ${COUNT})`);
    equal(part(list, 'list')!.getAttribute('role'), 'listbox', 'a listbox');
    equal(rows[0]!.getAttribute('role'), 'option', 'rows are options');
    equal(rows[0]!.getAttribute('aria-setsize'), String(COUNT), 'each row tells the size of the whole list');
    equal(rows[0]!.getAttribute('aria-posinset'), '1', 'and its position in it');
    equal(rows[0]!.dataset['conversationId'], singleConversationID(big.self, 'peer1'), 'pinned first (peer1 is the newer pinned one)');
    equal(rows[1]!.dataset['conversationId'], singleConversationID(big.self, 'peer0'), 'then the older pinned one');
    equal(rows[2]!.dataset['conversationId'], singleConversationID(big.self, `peer${COUNT - 1}`), 'then the newest activity');

    list.focus();
    await until(() => focusedRow(list) === rows[0], 'focus() lands on the first row');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => focusedRow(list)?.getAttribute('aria-posinset') === '2', 'ArrowDown moves to the second row');

    await sendKeys({ press: 'End' });
    const lastID = singleConversationID(big.self, 'peer2');
    const last = await until(() => (focusedRow(list)?.dataset['conversationId'] === lastID ? focusedRow(list) : null), 'End focuses the last row');
    equal(last.getAttribute('aria-posinset'), String(COUNT), 'the last row is announced as the last');
    equal(text(last.querySelector('[part~="name"]')), 'Peer 2', 'the oldest conversation is last');
    const listbox = part(list, 'list')!;
    const box = listbox.getBoundingClientRect();
    const r = last.getBoundingClientRect();
    ok(r.top >= box.top - 1 && r.bottom <= box.bottom + 1, 'the focused last row is scrolled into view');
    ok(parts(list, 'item').length < 100, `the DOM stays small at the end (${parts(list, 'item').length} rows)`);
    ok(!parts(list, 'item').some((row) => row.getAttribute('aria-posinset') === '1'), 'the first rows left the DOM');

    await sendKeys({ press: 'ArrowUp' });
    await until(() => focusedRow(list)?.getAttribute('aria-posinset') === String(COUNT - 1), 'ArrowUp moves to the row before');

    const selected = once<ImConversationSelectDetail>(list, 'im-conversation-select');
    await sendKeys({ press: 'Enter' });
    equal((await selected).detail.conversationID, singleConversationID(big.self, 'peer3'), 'Enter selects the focused row');
    await list.updateComplete;
    equal(focusedRow(list)?.getAttribute('aria-selected'), 'true', 'the row shows as selected');

    await sendKeys({ press: 'Home' });
    await until(() => focusedRow(list)?.getAttribute('aria-posinset') === '1', 'Home goes back to the first row');
    ok(parts(list, 'item').length < 100, 'still a small DOM');

    // Scrolled to the end and back, the rows that came and went left nothing behind (lit-html's
    // repeat leaves a marker per removed row, which components/shared/row-markers.ts sweeps).
    for (const step of [1500, -1500]) {
      for (let i = 0; i < 200 && (step > 0 ? listbox.scrollTop + listbox.clientHeight < listbox.scrollHeight - 1 : listbox.scrollTop > 0); i++) {
        listbox.scrollTop += step;
        await frames(2);
      }
    }
    const container = listbox.querySelector('.rows')!;
    const markers = [...container.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    ok(markers <= 2 * container.children.length + 4, `${markers} comment markers for ${container.children.length} rows`);
    equal(parts(list, 'item')[0]!.getAttribute('aria-posinset'), '1', 'back at the first row');
  });
});
