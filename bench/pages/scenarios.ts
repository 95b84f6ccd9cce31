// Benchmark scenarios run inside a production build of the kit. Each one seeds
// IndexedDB directly (as a long-lived user's cache would be), signs in with the
// network unreachable (so only the cache can answer), and measures what a user sees.
import '../../components/im-chat/im-chat.js';
import '../../components/im-conversation-list/im-conversation-list.js';
import { ImClient } from '../../src/client/im-client.js';
import { ImCache } from '../../src/store/cache.js';
import { databaseName, openImDatabase } from '../../src/store/database.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import type { TransportFactory } from '../../src/transport/types.js';

const SERVER = 'http://bench.invalid';
const SELF = 'me';

/** The network is down: every connection attempt fails at once. */
const unreachable: TransportFactory = (handlers) => {
  setTimeout(() => handlers.onClose({ code: 1006, reason: 'bench: offline' }), 0);
  return { send() {}, close() {} };
};

/** The network has not answered yet: the connection attempt neither opens nor fails. */
const silent: TransportFactory = () => ({ send() {}, close() {} });

function message(conversationID: string, peer: string, i: number, t0: number): MessageItem {
  const own = i % 3 === 0;
  const content = i % 7 === 0 ? `Message ${i}: a longer line of text that wraps onto a second row in the bubble, as real chats do now and then.` : `Message ${i}`;
  return {
    clientMsgID: `${conversationID}-${i.toString().padStart(7, '0')}`,
    serverMsgID: `s${i}`,
    createTime: t0 + i * 60_000,
    sendTime: t0 + i * 60_000,
    sessionType: 1,
    sendID: own ? SELF : peer,
    recvID: own ? peer : SELF,
    groupID: '',
    msgFrom: 100,
    contentType: 101,
    platformID: 5,
    senderNickname: own ? 'Me' : 'Peer',
    senderFaceUrl: '',
    seq: i,
    isRead: true,
    status: 2,
    content,
    textElem: { content },
    ex: '',
    conversationID,
  };
}

function conversation(peer: string, latest: MessageItem | null, maxSeq: number): ConversationItem {
  return {
    conversationID: singleConversationID(SELF, peer),
    conversationType: 1,
    userID: peer,
    groupID: '',
    showName: `Peer ${peer}`,
    faceURL: '',
    recvMsgOpt: 0,
    unreadCount: 0,
    groupAtType: 0,
    latestMsg: latest,
    latestMsgSendTime: latest?.sendTime ?? 0,
    draftText: '',
    draftTextTime: 0,
    isPinned: false,
    maxSeq,
    hasReadSeq: maxSeq,
    peerReadSeq: maxSeq,
    ex: '',
  };
}

async function openCache(prefix: string): Promise<ImCache> {
  return new ImCache(await openImDatabase(databaseName(prefix, SERVER, SELF)));
}

async function seedMessages(prefix: string, count: number): Promise<string> {
  const cache = await openCache(prefix);
  const peer = 'peer';
  const id = singleConversationID(SELF, peer);
  const t0 = Date.now() - count * 60_000;
  const batch = 5000;
  let last: MessageItem | null = null;
  for (let i = 1; i <= count; i += batch) {
    const list: MessageItem[] = [];
    for (let j = i; j < Math.min(i + batch, count + 1); j++) list.push(message(id, peer, j, t0));
    await cache.putMessages(list);
    last = list[list.length - 1]!;
  }
  await cache.putConversations([conversation(peer, last, count)]);
  await cache.setMeta('self', { userID: SELF, nickname: 'Me', faceURL: '' });
  await cache.setMeta('eventCursor', 1);
  cache.close();
  return id;
}

async function seedConversations(prefix: string, count: number): Promise<void> {
  const cache = await openCache(prefix);
  const t0 = Date.now() - count * 60_000;
  const list: ConversationItem[] = [];
  for (let i = 0; i < count; i++) {
    const peer = `p${i}`;
    const id = singleConversationID(SELF, peer);
    list.push(conversation(peer, message(id, peer, i + 1, t0), i + 1));
  }
  await cache.putConversations(list);
  // A cache this version has signed in to before tracks its pinned/draft IDs (read by the first-screen path).
  await cache.trackListHead();
  await cache.setMeta('self', { userID: SELF, nickname: 'Me', faceURL: '' });
  await cache.setMeta('eventCursor', 1);
  cache.close();
}

function stage(): HTMLElement {
  const el = document.getElementById('stage')!;
  el.replaceChildren();
  return el;
}

/** Resolves on the first animation frame in which `test` holds, with the time it took. */
function untilPainted(test: () => boolean, start: number, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (test()) return resolve(performance.now() - start);
      if (performance.now() - start > timeoutMs) return reject(new Error('never painted'));
      requestAnimationFrame(check);
    };
    check();
  });
}

function messageNodes(chat: Element): number {
  return chat.shadowRoot?.querySelectorAll('[part~="message"]').length ?? 0;
}

async function offlineClient(prefix: string): Promise<ImClient> {
  const client = new ImClient({ serverURL: SERVER, dbNamePrefix: prefix, transport: unreachable });
  await client.login(SELF, 'offline-token');
  return client;
}

/** Opening a conversation with `count` cached messages: time to the first painted bubble, and DOM size. */
/**
 * Opening a conversation of `count` cached messages: time to the first painted message.
 * `seeded`: the cache was written on an earlier visit (a returning user), so only the open is timed,
 * not a storage backend still busy with writes this page just made.
 */
async function openLarge(count: number, seeded = false) {
  const prefix = `bench-open-${count}`;
  const conversationID = seeded ? singleConversationID(SELF, 'peer') : await seedMessages(prefix, count);
  const client = await offlineClient(prefix);
  const chat = document.createElement('im-chat');
  chat.client = client;
  stage().append(chat);
  const start = performance.now();
  chat.conversationID = conversationID;
  const firstMessageMs = await untilPainted(() => messageNodes(chat) > 0, start);
  await new Promise((r) => setTimeout(r, 500));
  return { firstMessageMs, domMessageNodes: messageNodes(chat) };
}

/** Scrolling from the bottom to the top of `count` messages; frame times and layout shift. */
async function scrollThrough(count: number, maxSeconds = 20, seeded = false) {
  const prefix = `bench-scroll-${count}`;
  const conversationID = seeded ? singleConversationID(SELF, 'peer') : await seedMessages(prefix, count);
  const client = await offlineClient(prefix);
  const chat = document.createElement('im-chat');
  chat.client = client;
  stage().append(chat);
  chat.conversationID = conversationID;
  await untilPainted(() => messageNodes(chat) > 0, performance.now());
  const log = chat.shadowRoot!.querySelector('[part~="log"]') as HTMLElement;
  let shift = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) shift += e.value;
  });
  observer.observe({ type: 'layout-shift', buffered: false });
  const frames: number[] = [];
  const started = performance.now();
  let last = started;
  let scrolled = 0;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      frames.push(now - last);
      last = now;
      const before = log.scrollTop;
      log.scrollTop = Math.max(0, log.scrollTop - 400);
      scrolled += before - log.scrollTop;
      const atTop = log.scrollTop === 0 && before === 0 && (chat as unknown as { loadingOlderMessages?: boolean }).loadingOlderMessages === false;
      if (atTop || now - started > maxSeconds * 1000) resolve();
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  observer.disconnect();
  const loaded = (chat as unknown as { messageList?: unknown[] }).messageList?.length ?? 0;
  return { frames, layoutShift: shift, messagesReached: loaded, domMessageNodes: messageNodes(chat), scrolledPx: scrolled };
}

/** Signing in with `count` cached conversations: time from login() to the first painted row. */
async function coldStart(count: number) {
  const prefix = `bench-cold-${count}`;
  await seedConversations(prefix, count);
  // The server does not answer yet (the socket never opens): only the cache can paint the first row.
  const client = new ImClient({ serverURL: SERVER, dbNamePrefix: prefix, transport: silent });
  const list = document.createElement('im-conversation-list');
  list.client = client;
  stage().append(list);
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const start = performance.now();
  void client.login(SELF, 'offline-token');
  const firstRowMs = await untilPainted(() => !!list.shadowRoot?.querySelector('[part~="item"]'), start);
  await new Promise((r) => setTimeout(r, 300));
  const rows = list.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
  return { firstRowMs, domRows: rows };
}

/** Time until `count` cached messages are all reachable: opening, then loading every older page. */
/** Writes the cache a returning user would have (timed runs then do not overlap the storage backend settling these writes). */
async function seedScroll(count: number) {
  await seedMessages(`bench-scroll-${count}`, count);
}

async function renderAll(count: number) {
  const result = await scrollThrough(count, 60);
  return { ...result, totalMs: result.frames.reduce((a, b) => a + b, 0) };
}

Object.assign(window, { imkitBench: { openLarge, scrollThrough, seedScroll, coldStart, renderAll } });
document.title = 'imkit bench ready';
