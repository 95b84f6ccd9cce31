// <im-chat> with long histories: only a window of the messages is in the DOM, yet the reader
// never sees it. Thousands of messages are seeded into the client's IndexedDB cache (as a
// long-lived user's cache would be; the client signs in with the network down, so only the
// cache answers); live behaviour (new messages, a recalled message above the view) runs
// against the real server.
import '../../components/im-chat/im-chat.js';
import type { ImChat } from '../../components/im-chat/im-chat.js';
import { ImClient } from '../../src/client/im-client.js';
import { CALL_RECORD_CONTENT_TYPE } from '../../src/model/call.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import { ImCache } from '../../src/store/cache.js';
import { databaseName, openImDatabase } from '../../src/store/database.js';
import type { TransportFactory } from '../../src/transport/types.js';
import { equal, ok } from '../support/assert.js';
import { loginAs, uniqueUserID } from '../support/server.js';
import { frames, mount, part, parts, sendText, shadow, text, unmountAll, until } from './helpers.js';

const SERVER = 'http://virtual-chat.invalid';
const MAX_NODES = 100;

const unreachable: TransportFactory = (handlers) => {
  setTimeout(() => handlers.onClose({ code: 1006, reason: 'test: offline' }), 0);
  return { send() {}, close() {} };
};

/** Message `i` of a conversation: mostly texts (some long), with images, files and call records; ten minutes apart, so days change. */
function message(self: string, peer: string, i: number, t0: number): MessageItem {
  const conversationID = singleConversationID(self, peer);
  const own = i % 3 === 0;
  const sendTime = t0 + i * 10 * 60_000;
  const base: Omit<MessageItem, 'contentType' | 'content'> = {
    clientMsgID: `${conversationID}-${String(i).padStart(6, '0')}`,
    serverMsgID: `s${i}`,
    createTime: sendTime,
    sendTime,
    sessionType: 1,
    sendID: own ? self : peer,
    recvID: own ? peer : self,
    groupID: '',
    msgFrom: 100,
    platformID: 5,
    senderNickname: own ? 'Me' : 'Peer',
    senderFaceUrl: '',
    seq: i,
    isRead: true,
    status: 2,
    ex: '',
    conversationID,
  };
  if (i % 29 === 0) {
    const picture = { uuid: `p${i}`, type: 'image/png', size: 1000, width: 400, height: 300, url: `${SERVER}/api/files/p${i}` };
    return { ...base, contentType: 102, content: '', pictureElem: { sourcePath: '', sourcePicture: picture, bigPicture: picture, snapshotPicture: picture } };
  }
  if (i % 31 === 0) {
    return { ...base, contentType: 105, content: '', fileElem: { filePath: '', uuid: `f${i}`, sourceUrl: `${SERVER}/api/files/f${i}`, fileName: `report-${i}.pdf`, fileSize: 123_456 } };
  }
  if (i % 37 === 0) return { ...base, contentType: CALL_RECORD_CONTENT_TYPE, content: '' };
  const content = i % 7 === 0 ? `Message ${i}: a longer line of text that wraps onto a second and maybe a third row in the bubble, as real chats do now and then.` : `Message ${i}`;
  return { ...base, contentType: 101, content, textElem: { content } };
}

function conversation(self: string, peer: string, latest: MessageItem | null, maxSeq: number): ConversationItem {
  return {
    conversationID: singleConversationID(self, peer),
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

/** A signed-in offline client of `self` whose cache holds `count` messages with each of `peers`. */
async function cachedClient(count: number, peers: string[]): Promise<{ client: ImClient; self: string }> {
  const self = uniqueUserID('reader');
  const prefix = `imkit-test-chat-virtual-${self}`;
  const cache = new ImCache(await openImDatabase(databaseName(prefix, SERVER, self)));
  const t0 = Date.now() - (count + 1) * 10 * 60_000;
  const conversations: ConversationItem[] = [];
  for (const peer of peers) {
    const list = Array.from({ length: count }, (_, i) => message(self, peer, i + 1, t0));
    await cache.putMessages(list);
    conversations.push(conversation(self, peer, list[list.length - 1] ?? null, count));
  }
  await cache.putConversations(conversations);
  await cache.setMeta('self', { userID: self, nickname: 'Me', faceURL: '' });
  await cache.setMeta('eventCursor', 1);
  cache.close();
  const client = new ImClient({ serverURL: SERVER, dbNamePrefix: prefix, transport: unreachable });
  await client.login(self, 'offline-token');
  clients.push(client);
  return { client, self };
}

const clients: ImClient[] = [];
afterEach(async () => {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => undefined)));
});

async function openChat(client: ImClient, conversationID: string, options: { pageSize?: number; height?: number } = {}): Promise<ImChat> {
  const chat = document.createElement('im-chat');
  chat.client = client;
  chat.conversationID = conversationID;
  chat.pageSize = options.pageSize ?? 200;
  await mount(chat, { height: options.height ?? 560 });
  await until(() => part(chat, 'log') && rows(chat).length > 0, 'the message log');
  return chat;
}

/** Message rows in the DOM (what the bench counts). */
function rows(chat: ImChat): HTMLElement[] {
  return parts(chat, 'message');
}

function log(chat: ImChat): HTMLElement {
  return part(chat, 'log')!;
}

function distanceFromBottom(el: HTMLElement): number {
  return el.scrollHeight - el.scrollTop - el.clientHeight;
}

/** The first row (message, notice or call) whose bottom is inside the log, and its top relative to the log's top. */
function firstVisible(chat: ImChat): { id: string; top: number } {
  const top = log(chat).getBoundingClientRect().top;
  const row = [...shadow(chat).querySelectorAll<HTMLElement>('[data-msg-id]')].find((r) => r.getBoundingClientRect().bottom > top + 1);
  if (!row) throw new Error('no row in view');
  return { id: row.dataset['msgId']!, top: row.getBoundingClientRect().top - top };
}

function offsetOf(chat: ImChat, id: string): number | null {
  const row = shadow(chat).querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(id)}"]`);
  return row ? row.getBoundingClientRect().top - log(chat).getBoundingClientRect().top : null;
}

/** Scrolls to the top `pages` times, each time waiting for an older page to arrive and settle. */
async function loadPages(chat: ImChat, pages: number): Promise<void> {
  for (let i = 0; i < pages; i++) {
    const loaded = chat.messageList.length;
    log(chat).scrollTop = 0;
    await until(() => chat.messageList.length > loaded || chat.loadingOlderMessages, 'an older page requested');
    await until(() => !chat.loadingOlderMessages, 'loading finished');
    await frames(2);
  }
}

/** Whether rendered rows cover the whole visible log (no blank stretch where rows should be). */
function viewCovered(chat: ImChat): boolean {
  const view = log(chat).getBoundingClientRect();
  const shown = [...shadow(chat).querySelectorAll<HTMLElement>('[data-msg-id]')].map((r) => r.getBoundingClientRect());
  if (!shown.length) return false;
  const first = shown[0]!;
  const last = shown[shown.length - 1]!;
  const topOK = first.top <= view.top + 60 || !!part(chat, 'beginning') || !!part(chat, 'loading-older');
  // At the newest message the log's bottom padding is below the last row.
  return topOK && last.bottom >= view.bottom - parseFloat(getComputedStyle(log(chat)).paddingBottom) - 1;
}

describe('<im-chat> with thousands of messages', () => {
  it('keeps at most 100 message rows in the DOM from the newest message to the first, with no blank view', async () => {
    const { client, self } = await cachedClient(3000, ['pat']);
    const chat = await openChat(client, singleConversationID(self, 'pat'));
    await frames(3);
    ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows at the bottom`);
    ok(distanceFromBottom(log(chat)) < 4, 'opens at the newest message');
    equal(text(rows(chat).at(-1)!.querySelector('[part~="text"]')), 'Message 3000', 'the newest message is last');
    const el = log(chat);
    ok(el.getAttribute('role') === 'log' && el.getAttribute('aria-live') === 'polite', 'still a polite live log');
    let most = 0;
    for (let step = 0; step < 400 && !(part(chat, 'beginning') && el.scrollTop === 0); step++) {
      el.scrollTop = Math.max(0, el.scrollTop - 1200);
      await frames(2);
      if (chat.loadingOlderMessages) await until(() => !chat.loadingOlderMessages, 'a page loaded');
      most = Math.max(most, rows(chat).length);
      ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows in the DOM after ${chat.messageList.length} loaded`);
      ok(viewCovered(chat), `rows fill the view at scrollTop ${el.scrollTop} (${chat.messageList.length} loaded)`);
    }
    equal(chat.messageList.length, 3000, 'every message was reached');
    ok(part(chat, 'beginning'), 'the beginning of the conversation is shown');
    equal(text(rows(chat)[0]!.querySelector('[part~="text"]')), 'Message 1', 'the first message is first');
    ok(most <= MAX_NODES, `at most ${most} rows at any time`);
    ok(parts(chat, 'date-separator').length >= 1, 'date headings are shown');
    // The rows that left the DOM on the way up left nothing behind (lit-html's repeat leaves a
    // marker per removed row, which components/shared/row-markers.ts sweeps).
    const content = el.firstElementChild!;
    const markers = [...content.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    ok(markers <= 2 * content.children.length + 8, `${markers} comment markers for ${content.children.length} elements`);
  });

  it('moves the rendered rows only when scrolling needs it: a render for anything else keeps them', async () => {
    const { client, self } = await cachedClient(600, ['pat']);
    const chat = await openChat(client, singleConversationID(self, 'pat'), { height: 500 });
    const el = log(chat);
    const ids = () => rows(chat).map((r) => r.dataset['msgId']).join();
    el.scrollTop = el.scrollHeight / 2;
    await frames(3);
    await until(() => !chat.loadingOlderMessages, 'loading finished');
    await frames(3);
    // A small scroll, well inside what the window renders beyond the view.
    el.scrollTop -= 100;
    await frames(3);
    const before = ids();
    const first = rows(chat)[0];
    // A render for something else (a receipt, the typing line, a page landing above).
    chat.requestUpdate();
    await chat.updateComplete;
    await frames(2);
    equal(ids(), before, 'the same rows after a render that did not need new ones');
    ok(rows(chat)[0] === first, 'the same elements');
    ok(viewCovered(chat), 'rows fill the view');
    // Scrolling a view further does bring new rows.
    el.scrollTop -= 700;
    await frames(3);
    ok(ids() !== before, 'new rows after scrolling a view');
    ok(viewCovered(chat), 'rows fill the view after scrolling');
  });

  it('paints the first page with what fits the view, then adds the rows above it', async () => {
    const { client, self } = await cachedClient(300, ['pat']);
    const chat = document.createElement('im-chat');
    chat.client = client;
    chat.pageSize = 200;
    await mount(chat, { height: 560 });
    chat.conversationID = singleConversationID(self, 'pat');
    // The first frame in which any row is there: the view must already be full, newest last.
    await new Promise<void>((resolve) => {
      const check = () => (part(chat, 'log') && rows(chat).length ? resolve() : requestAnimationFrame(check));
      check();
    });
    const first = rows(chat).length;
    ok(viewCovered(chat), 'the first painted frame fills the view');
    // ... and holds little more than that (no overscan yet: a render and a layout less before it).
    const span = rows(chat).at(-1)!.getBoundingClientRect().bottom - rows(chat)[0]!.getBoundingClientRect().top;
    ok(span < chat.clientHeight + 100, `the first painted rows span ${Math.round(span)} px in a ${chat.clientHeight} px chat`);
    ok(distanceFromBottom(log(chat)) < 4, 'at the newest message');
    equal(text(rows(chat).at(-1)!.querySelector('[part~="text"]')), 'Message 300', 'the newest message is last');
    // Right after that paint, the window takes in rows above the view (scrolling up finds them rendered).
    await frames(3);
    ok(rows(chat).length > first && rows(chat).length <= MAX_NODES, `${first} then ${rows(chat).length} rows`);
    const above = log(chat).getBoundingClientRect().top - rows(chat)[0]!.getBoundingClientRect().top;
    ok(above >= log(chat).clientHeight, `rows reach a view's height above the view (${Math.round(above)} px)`);
    ok(distanceFromBottom(log(chat)) < 4, 'still at the newest message');
  });

  it('keeps the message in view in place when an older page is prepended', async () => {
    const { client, self } = await cachedClient(2000, ['pat']);
    const chat = await openChat(client, singleConversationID(self, 'pat'), { pageSize: 60, height: 500 });
    const el = log(chat);
    // Read up a few pages first; the rows of each new page have estimated heights when they come.
    await loadPages(chat, 4);
    const loaded = chat.messageList.length;
    el.scrollTop = 300; // near the top: this loads the next older page
    // The row in view just before the page lands (read each frame until it comes).
    let before = firstVisible(chat);
    for (const deadline = Date.now() + 8000; chat.messageList.length === loaded && Date.now() < deadline; await frames(1)) before = firstVisible(chat);
    await until(() => !chat.loadingOlderMessages, 'loading finished');
    await frames(3);
    const after = offsetOf(chat, before.id);
    ok(after !== null, 'the message read is still rendered');
    ok(Math.abs(after! - before.top) < 2, `it stays in place (${before.top} → ${after})`);
    ok(el.scrollTop > 500, 'the older page is above the view');
    ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows`);
  });

  it('keeps the message in view in place when a row above it grows (media finishing loading)', async () => {
    const { client, self } = await cachedClient(600, ['pat']);
    const chat = await openChat(client, singleConversationID(self, 'pat'), { height: 500 });
    const el = log(chat);
    el.scrollTop = el.scrollHeight - el.clientHeight - 2000;
    await frames(3);
    const reading = firstVisible(chat);
    const logTop = el.getBoundingClientRect().top;
    const above = [...shadow(chat).querySelectorAll<HTMLElement>('[part~="message"]')].filter((r) => r.getBoundingClientRect().bottom < logTop - 20);
    ok(above.length > 0, 'rows are rendered above the view');
    const media = document.createElement('div');
    media.style.height = '240px';
    above[above.length - 1]!.querySelector('[part~="content"]')?.append(media);
    await frames(3);
    const now = offsetOf(chat, reading.id);
    ok(now !== null && Math.abs(now - reading.top) < 2, `the message read stays in place (${reading.top} → ${now})`);
  });

  it('floats the day of the rows in view while scrolling, and fades it once the reader stops', async () => {
    const { client, self } = await cachedClient(600, ['quinn']);
    const chat = await openChat(client, singleConversationID(self, 'quinn'), { height: 500 });
    const el = log(chat);
    // Opening pins the log to the newest message: that scroll is not the reader's, so no label covers the rows.
    await frames(3);
    const atOpen = part(chat, 'current-day');
    ok(!atOpen || getComputedStyle(atOpen).opacity === '0', 'no day label floats over a conversation just opened at its newest message');
    // Scroll up step by step until the rows in view belong to a day whose heading is off screen.
    let label: HTMLElement | null = null;
    for (let i = 0; i < 40 && !label; i++) {
      el.scrollTop = Math.max(0, el.scrollTop - 160);
      await frames(2);
      label = part(chat, 'current-day');
    }
    ok(label, 'a floating day label appears while scrolling through the log');
    equal(getComputedStyle(label!).opacity, '1', 'it is visible while the log scrolls');
    const dayLabel = label!.textContent!.trim();
    ok(dayLabel.length > 0, 'it names a day');
    // Once scrolling stops it fades, so it never covers a message being read.
    await until(() => getComputedStyle(part(chat, 'current-day') ?? el).opacity === '0', 'the label fades after scrolling stops', 5000);
  });

  it('jumps to a message far from the rendered rows, centred and highlighted', async () => {
    const { client, self } = await cachedClient(1500, ['pat']);
    const chat = await openChat(client, singleConversationID(self, 'pat'), { height: 500 });
    const target = chat.messageList[20]!; // loaded, far above the rendered window
    ok(!shadow(chat).querySelector(`[data-msg-id="${target.clientMsgID}"]`), 'not rendered before the jump');
    ok(chat.jumpToMessage(target.clientMsgID), 'jumpToMessage finds a loaded message');
    const row = await until(() => shadow(chat).querySelector<HTMLElement>(`[data-msg-id="${target.clientMsgID}"]`), 'the row rendered');
    await frames(3);
    const view = log(chat).getBoundingClientRect();
    const r = row.getBoundingClientRect();
    ok(r.top >= view.top && r.bottom <= view.bottom, `the message is in view (${r.top}..${r.bottom} in ${view.top}..${view.bottom})`);
    ok(row.classList.contains('flash'), 'and highlighted');
    ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows`);
    ok(part(chat, 'new-messages'), 'the scroll-to-bottom button is offered');
    ok(!chat.jumpToMessage('no-such-message'), 'an unknown message is not a jump');
  });

  it('comes back to where you were reading, several pages up, when you return to a conversation', async () => {
    const { client, self } = await cachedClient(1200, ['pat', 'ola']);
    const pat = singleConversationID(self, 'pat');
    const chat = await openChat(client, pat, { pageSize: 100, height: 500 });
    const el = log(chat);
    await loadPages(chat, 5);
    el.scrollTop += 300;
    await frames(3);
    const reading = firstVisible(chat);
    ok(chat.messageList.findIndex((m) => m.clientMsgID === reading.id) < chat.messageList.length - 300, 'reading well above the first page');
    chat.conversationID = singleConversationID(self, 'ola');
    await until(() => chat.messageList[0]?.conversationID === chat.conversationID && rows(chat).length > 0, "Ola's conversation");
    await frames(2);
    ok(distanceFromBottom(log(chat)) < 4, 'a conversation never scrolled opens at the bottom');
    chat.conversationID = pat;
    await until(() => offsetOf(chat, reading.id) !== null, 'the message read is back');
    await until(() => !chat.loadingOlderMessages, 'settled');
    await frames(3);
    const now = offsetOf(chat, reading.id);
    ok(now !== null && Math.abs(now - reading.top) < 2, `at the same place (${reading.top} → ${now})`);
    ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows`);
  });
});

describe('<im-chat> windowed, live', () => {
  async function pair(count: number) {
    const meID = uniqueUserID('me');
    const patID = uniqueUserID('pat');
    const me = await loginAs(meID, { nickname: 'Me' });
    const pat = await loginAs(patID, { nickname: 'Pat' });
    clients.push(me, pat);
    const sent: MessageItem[] = [];
    for (let i = 1; i <= count; i++) sent.push(await sendText(pat, meID, `Line ${i} from Pat`));
    return { me, pat, meID, sent, conversationID: singleConversationID(meID, patID) };
  }

  it('follows new messages at the bottom; scrolled far up, it keeps the view and shows the pill', async () => {
    const s = await pair(90);
    const chat = await openChat(s.me, s.conversationID, { height: 320 });
    await until(() => chat.messageList.length === 90, 'history');
    await frames(2);
    ok(rows(chat).length < 90, `a window of the history is rendered (${rows(chat).length})`);
    await sendText(s.pat, s.meID, 'Fresh one');
    await until(() => text(rows(chat).at(-1)?.querySelector('[part~="text"]')) === 'Fresh one', 'the new message');
    await frames(2);
    ok(distanceFromBottom(log(chat)) < 4, 'still at the bottom');

    const el = log(chat);
    el.scrollTop = 200;
    await frames(3);
    const reading = firstVisible(chat);
    await sendText(s.pat, s.meID, 'While you were away');
    const pill = await until(() => (/1 new message/.test(text(part(chat, 'new-messages'))) ? part(chat, 'new-messages') : null), 'the pill with a count');
    await frames(2);
    const now = offsetOf(chat, reading.id);
    ok(now !== null && Math.abs(now - reading.top) < 2, `the view stays (${reading.top} → ${now})`);
    pill.click();
    await until(() => text(rows(chat).at(-1)?.querySelector('[part~="text"]')) === 'While you were away', 'the newest rendered');
    await frames(2);
    ok(distanceFromBottom(el) < 4, 'the pill scrolls to the newest message');
    ok(rows(chat).length <= MAX_NODES, `${rows(chat).length} rows`);
  });

  it('keeps the view when a message above it is recalled (the row changes height)', async () => {
    const s = await pair(60);
    const chat = await openChat(s.me, s.conversationID, { height: 320 });
    await until(() => chat.messageList.length === 60, 'history');
    const el = log(chat);
    el.scrollTop = el.scrollHeight - el.clientHeight - 900;
    await frames(3);
    const reading = firstVisible(chat);
    const logTop = el.getBoundingClientRect().top;
    const above = rows(chat).filter((r) => r.getBoundingClientRect().bottom < logTop - 10);
    ok(above.length > 0, 'rows above the view');
    const victim = s.sent.find((m) => m.clientMsgID === above[above.length - 1]!.dataset['msgId'])!;
    const before = above[above.length - 1]!.getBoundingClientRect().height;
    await s.pat.revokeMessage(victim);
    await until(() => {
      const row = shadow(chat).querySelector<HTMLElement>(`[data-msg-id="${victim.clientMsgID}"]`);
      return row && Math.abs(row.getBoundingClientRect().height - before) >= 1 ? row : null;
    }, 'the recalled row changed');
    await frames(2);
    const now = offsetOf(chat, reading.id);
    ok(now !== null && Math.abs(now - reading.top) < 2, `the message read stays in place (${reading.top} → ${now})`);
  });
});
