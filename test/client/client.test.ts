// The client core against the real server and real IndexedDB in Chromium.
import { ImClient } from '../../src/client/im-client.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { LoginStatus, MessageStatus } from '../../src/model/enums.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { MessageItem } from '../../src/model/types.js';
import { createUser, loginAs, nextEvent, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';
import { flakyTransport } from '../support/flaky-transport.js';
import { deepEqual, equal, ok, rejects } from '../support/assert.js';

const clients: ImClient[] = [];
async function track(client: Promise<ImClient>): Promise<ImClient> {
  const c = await client;
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.logout()));
});

async function sendText(from: ImClient, to: string, text: string): Promise<MessageItem> {
  return from.sendMessage(await from.createTextMessage(text), to, '');
}

describe('ImClient: login and connection', () => {
  it('logs in, reports connection events and login status, and loads the own profile', async () => {
    const id = uniqueUserID('ann');
    await createUser(id, 'Ann Example');
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-test' });
    clients.push(client);
    const states: string[] = [];
    client.on('onConnectionStateChanged', (s) => states.push(s));
    const connected = nextEvent(client, 'onConnectSuccess');
    await client.login(id, await tokenFor(id));
    await connected;
    equal(await client.getLoginStatus(), LoginStatus.Logged, 'login status');
    equal(client.getLoginUserID(), id, 'login user');
    equal((await client.getSelfUserInfo()).nickname, 'Ann Example', 'own nickname');
    deepEqual(states, ['connecting', 'connected'], 'connection states');
  });

  it('rejects a forged token with TokenInvalid and reports login failed', async () => {
    const id = uniqueUserID('eve');
    await createUser(id);
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-test' });
    const token = await tokenFor(id);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await rejects(client.login(id, forged), ErrorCode.TokenInvalid, 'forged token');
    equal(await client.getLoginStatus(), LoginStatus.LoginFailed, 'status after failure');
  });

  it('rejects calls before login with NotLoggedIn and bad arguments with a documented code', async () => {
    const client = new ImClient({ serverURL: testEnv().serverURL });
    await rejects(client.getAllConversationList(), ErrorCode.NotLoggedIn, 'before login');
    await rejects(client.login('bad id!', 'x'), ErrorCode.InvalidArgument, 'bad user id');
    const me = await track(loginAs(uniqueUserID('val')));
    await rejects(me.createTextMessage('   '), ErrorCode.InvalidArgument, 'empty text');
    await rejects(me.createTextMessage('x'.repeat(8001)), ErrorCode.MessageTooLong, 'long text');
    // The limit counts characters as the server does, not UTF-16 units: 8,000 emoji are one message the server accepts.
    equal((await me.createTextMessage('😀'.repeat(8000))).content.length, 16000, '8,000 emoji are allowed');
    await rejects(me.createTextMessage('😀'.repeat(8001)), ErrorCode.MessageTooLong, '8,001 emoji');
    const m = await me.createTextMessage('hi');
    await rejects(me.sendMessage(m, 'no such/user', ''), ErrorCode.InvalidArgument, 'bad recvID');
    await rejects(me.sendMessage(await me.createTextMessage('hi'), uniqueUserID('ghost'), ''), ErrorCode.UserNotFound, 'unknown peer');
    await rejects(me.getAdvancedHistoryMessageList({ count: 0, userID: 'x' }), ErrorCode.InvalidArgument, 'count 0');
  });
});

describe('ImClient: messaging in real time', () => {
  it('sends optimistically (sending → sent), delivers to the peer, counts unread and returns read receipts', async () => {
    const aID = uniqueUserID('amy');
    const bID = uniqueUserID('ben');
    const a = await track(loginAs(aID, { nickname: 'Amy' }));
    const b = await track(loginAs(bID, { nickname: 'Ben' }));
    const statuses: number[] = [];
    a.on('onMessageUpdated', (m) => statuses.push(m.status));
    const received = nextEvent(b, 'onRecvNewMessage');
    const unread = nextEvent(b, 'onTotalUnreadMessageCountChanged', (n) => n === 1);
    const sent = await sendText(a, bID, 'Hello Ben <b>not bold</b>');
    equal(sent.status, MessageStatus.Succeeded, 'status after send');
    ok(sent.seq === 1 && sent.serverMsgID, 'server assigned seq and id');
    deepEqual(statuses.slice(0, 2), [MessageStatus.Sending, MessageStatus.Succeeded], 'status sequence');
    const got = await received;
    equal(got.clientMsgID, sent.clientMsgID, 'same message at the peer');
    equal(got.content, 'Hello Ben <b>not bold</b>', 'text unchanged');
    equal(got.senderNickname, 'Amy', 'sender nickname');
    await unread;
    const conv = (await b.getAllConversationList()).find((c) => c.userID === aID);
    ok(conv, 'peer has the conversation');
    equal(conv.unreadCount, 1, 'unread count');
    equal(conv.showName, 'Amy', 'conversation name');
    const receipt = nextEvent(a, 'onRecvC2CReadReceipt');
    await b.markConversationMessageAsRead(conv.conversationID);
    equal(await b.getTotalUnreadMsgCount(), 0, 'total unread after reading');
    const [r] = await receipt;
    equal(r!.userID, bID, 'receipt from the reader');
    deepEqual(r!.msgIDList, [sent.clientMsgID], 'receipt names the message');
    const [cached] = await a.findMessages([sent.clientMsgID]);
    equal(cached!.isRead, true, 'own message marked read in the cache');
  });

  it('sending the same message twice never doubles it', async () => {
    const aID = uniqueUserID('dup');
    const bID = uniqueUserID('dup');
    const a = await track(loginAs(aID));
    await createUser(bID);
    const m = await a.createTextMessage('once');
    const first = await a.sendMessage(m, bID, '');
    const again = await a.sendMessage(m, bID, '');
    equal(again.seq, first.seq, 'same seq');
    const { messageList } = await a.getAdvancedHistoryMessageList({ userID: bID, count: 20 });
    equal(messageList.length, 1, 'one message in history');
  });
});

describe('ImClient: cache first, offline and catch-up', () => {
  it('pages history from the server, then paints the same pages from IndexedDB while offline', async () => {
    const aID = uniqueUserID('pag');
    const bID = uniqueUserID('pag');
    const a = await track(loginAs(aID));
    await createUser(bID);
    for (let i = 1; i <= 25; i++) await sendText(a, bID, `message ${i}`);
    const prefix = `imkit-test-${bID}`;
    const b = await track(loginAs(bID, { dbNamePrefix: prefix }));
    const pages: string[][] = [];
    let start: MessageItem | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const { messageList, isEnd }: { messageList: MessageItem[]; isEnd: boolean } = await b.getAdvancedHistoryMessageList({ userID: aID, startMsg: start, count: 10 });
      pages.push(messageList.map((m) => m.content));
      start = messageList[0] ?? null;
      if (isEnd) break;
    }
    deepEqual(pages.map((p) => p.length), [10, 10, 5], 'page sizes');
    deepEqual(pages.reverse().flat(), Array.from({ length: 25 }, (_, i) => `message ${i + 1}`), 'all messages, in order, once');
    await b.logout();

    // The same user again, with the network cut: everything comes from the cache.
    const offline = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: prefix, transport: flakyTransport(testEnv().serverURL, false) });
    clients.push(offline);
    const painted = nextEvent(offline, 'onConversationChanged', (list) => list.some((c) => c.userID === aID), 2000);
    await offline.login(bID, await tokenFor(bID));
    await painted;
    equal(offline.connectionState, 'reconnecting', 'offline state');
    const newest = await offline.getAdvancedHistoryMessageList({ userID: aID, count: 10 });
    deepEqual(newest.messageList.map((m) => m.content), Array.from({ length: 10 }, (_, i) => `message ${i + 16}`), 'newest page from cache');
    const older = await offline.getAdvancedHistoryMessageList({ userID: aID, count: 20, startMsg: newest.messageList[0] });
    equal(older.messageList.length, 15, 'older page from cache');
    equal(older.isEnd, true, 'cache knows it reached the start');
  });

  it('keeps messages written offline in the outbox across a reload and sends each exactly once', async () => {
    const aID = uniqueUserID('box');
    const bID = uniqueUserID('box');
    const prefix = `imkit-test-${aID}`;
    const b = await track(loginAs(bID));
    await track(loginAs(aID, { dbNamePrefix: prefix })).then((c) => c.logout());
    const url = testEnv().serverURL;
    const offline = new ImClient({ serverURL: url, dbNamePrefix: prefix, transport: flakyTransport(url, false) });
    await offline.login(aID, await tokenFor(aID));
    const queued: MessageItem[] = [];
    offline.on('onMessageUpdated', (m) => queued.push(m));
    const pending = sendText(offline, bID, 'written offline');
    pending.catch(() => undefined);
    await waitFor(() => queued.length > 0, 'the optimistic bubble');
    equal(queued[0]!.status, MessageStatus.Sending, 'queued as sending');
    await offline.logout(); // a reload: the page goes away with the message unsent

    const received: MessageItem[] = [];
    b.on('onRecvNewMessage', (m) => received.push(m));
    const online = await track(loginAs(aID, { dbNamePrefix: prefix }));
    await waitFor(async () => (await online.findMessages([queued[0]!.clientMsgID]))[0]?.status === MessageStatus.Succeeded, 'the outbox to flush');
    await waitFor(() => received.length > 0, 'delivery to the peer');
    await new Promise((r) => setTimeout(r, 300));
    equal(received.filter((m) => m.content === 'written offline').length, 1, 'delivered once');
  });

  it('reconnects with backoff after the network drops and catches up on what it missed', async () => {
    const aID = uniqueUserID('rec');
    const bID = uniqueUserID('rec');
    const a = await track(loginAs(aID));
    await createUser(bID);
    const url = testEnv().serverURL;
    const transport = flakyTransport(url);
    const b = new ImClient({ serverURL: url, dbNamePrefix: 'imkit-test', transport });
    clients.push(b);
    await b.login(bID, await tokenFor(bID));
    await sendText(a, bID, 'before the drop');
    await waitFor(async () => (await b.getAllConversationList()).length === 1, 'first message');

    const states: string[] = [];
    b.on('onConnectionStateChanged', (s) => states.push(s));
    transport.setReachable(false);
    await waitFor(() => b.connectionState === 'reconnecting', 'reconnecting state');
    for (const text of ['missed 1', 'missed 2', 'missed 3']) await sendText(a, bID, text);
    const got: string[] = [];
    b.on('onRecvNewMessage', (m) => got.push(m.content));
    transport.setReachable(true);
    await waitFor(() => b.connectionState === 'connected', 'reconnected', 10_000);
    await waitFor(() => got.length === 3, 'the missed messages');
    deepEqual(got, ['missed 1', 'missed 2', 'missed 3'], 'caught up in order');
    ok(states.includes('reconnecting') && states.at(-1) === 'connected', `states ${states.join(',')}`);
    const conv = (await b.getAllConversationList())[0]!;
    equal(conv.unreadCount, 4, 'unread after catch-up');
    equal(conv.latestMsg?.content, 'missed 3', 'latest message after catch-up');
  });
});

describe('ImClient: conversations', () => {
  it('creates an empty one-to-one conversation on demand and lists by latest activity', async () => {
    const aID = uniqueUserID('ord');
    const [b1, b2] = [uniqueUserID('ord'), uniqueUserID('ord')];
    const a = await track(loginAs(aID));
    await createUser(b1, 'First');
    await createUser(b2, 'Second');
    const empty = await a.getOneConversation(b1, 1);
    equal(empty.conversationID, singleConversationID(aID, b1), 'conversation ID');
    equal(empty.showName, 'First', 'peer name');
    equal(empty.latestMsg, null, 'no messages yet');
    await sendText(a, b2, 'to second');
    await sendText(a, b1, 'to first');
    const list = await a.getAllConversationList();
    deepEqual(list.map((c) => c.userID), [b1, b2], 'newest first');
    equal(list[0]!.latestMsg?.content, 'to first', 'preview');
  });
});
