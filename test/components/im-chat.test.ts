// <im-chat> against the real server: history, sending, scrolling, read state.
import { sendKeys } from '@web/test-runner-commands';
import '../../components/im-chat/im-chat.js';
import '../../components/im-provider/im-provider.js';
import type { ImChat, ImMessageFailedDetail, ImMessageSentDetail } from '../../components/im-chat/im-chat.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { MessageStatus } from '../../src/model/enums.js';
import { loginAs, nextEvent, testEnv, tokenFor, uniqueUserID } from '../support/server.js';
import { equal, ok } from '../support/assert.js';
import { frames, mount, once, part, parts, sendText, shadow, text, unmountAll, until } from './helpers.js';

const clients: ImClient[] = [];
async function track(c: Promise<ImClient>): Promise<ImClient> {
  const client = await c;
  clients.push(client);
  return client;
}
afterEach(async () => {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout()));
});

/** Me and Pat, with `count` messages from Pat to me. */
async function pair(count = 2) {
  const meID = uniqueUserID('me');
  const patID = uniqueUserID('pat');
  const me = await track(loginAs(meID, { nickname: 'Me Myself' }));
  const pat = await track(loginAs(patID, { nickname: 'Pat Jones' }));
  for (let i = 1; i <= count; i++) await sendText(pat, meID, `Message ${i} from Pat`);
  return { me, pat, meID, patID, conversationID: singleConversationID(meID, patID) };
}

async function openChat(client: ImClient, conversationID: string, options: { pageSize?: number; height?: number } = {}): Promise<ImChat> {
  const chat = document.createElement('im-chat');
  chat.client = client;
  chat.conversationID = conversationID;
  if (options.pageSize) chat.pageSize = options.pageSize;
  await mount(chat, { height: options.height ?? 560 });
  await until(() => part(chat, 'log'), 'the message log');
  return chat;
}

function bubbles(chat: ImChat): HTMLElement[] {
  return parts(chat, 'message');
}

function log(chat: ImChat): HTMLElement {
  return part(chat, 'log')!;
}

function input(chat: ImChat): HTMLTextAreaElement {
  return part(chat, 'input') as HTMLTextAreaElement;
}

function distanceFromBottom(el: HTMLElement): number {
  return el.scrollHeight - el.scrollTop - el.clientHeight;
}

describe('<im-chat>', () => {
  it('shows the empty state without a conversation', async () => {
    const { me } = await pair(0);
    const chat = document.createElement('im-chat');
    chat.client = me;
    await mount(chat);
    ok(/Select a conversation/.test(text(part(chat, 'empty'))), 'asks to pick a conversation');
    ok(!part(chat, 'input'), 'no composer without a conversation');
  });

  it('shows the history oldest first, with a header, a date heading and others on the left', async () => {
    const s = await pair(3);
    const chat = await openChat(s.me, s.conversationID);
    await until(() => bubbles(chat).length === 3, 'three messages');
    const texts = bubbles(chat).map((b) => text(b.querySelector('[part~="text"]')));
    equal(texts.join(' | '), 'Message 1 from Pat | Message 2 from Pat | Message 3 from Pat', 'oldest first');
    ok(bubbles(chat).every((b) => b.part.contains('message-other')), "Pat's messages are the other side's");
    await until(() => text(part(chat, 'title')) === 'Pat Jones', 'header shows the peer');
    const days = parts(chat, 'date-separator');
    equal(days.length, 1, 'one day heading for messages of one day');
    equal(text(days[0]), 'Today', 'the heading says Today');
    const logEl = log(chat);
    equal(logEl.getAttribute('role'), 'log', 'role=log');
    equal(logEl.getAttribute('aria-live'), 'polite', 'aria-live=polite');
    ok(part(chat, 'beginning'), 'the whole history is loaded: beginning marker');
  });

  it('puts a date heading between days (seeded demo history)', async () => {
    // The demo seed backdates Bob and Dave's chat over three days; read it as Dave.
    const dave = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: `imkit-test-${uniqueUserID('d')}` });
    clients.push(dave);
    await dave.login('dave', await tokenFor('dave'));
    const chat = await openChat(dave, 'si_bob_dave', { pageSize: 100 });
    await until(() => bubbles(chat).length > 10, 'the seeded history');
    // The first paint holds only the rows that fit the view; the rows above (older days) follow.
    await until(() => parts(chat, 'date-separator').length >= 3, 'a heading for each of the three days');
    const labels = parts(chat, 'date-separator').map((d) => text(d));
    equal(new Set(labels).size, labels.length, 'each day once');
    ok(bubbles(chat).some((b) => b.part.contains('message-own')), "Dave's own messages");
    ok(bubbles(chat).some((b) => b.part.contains('message-other')), "Bob's messages");
  });

  it('sends with Enter: the bubble appears at once as sending, then becomes sent', async () => {
    const s = await pair(1);
    const chat = await openChat(s.me, s.conversationID);
    await until(() => bubbles(chat).length === 1, 'history');
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const b of bubbles(chat)) for (const p of b.querySelector('[part~="status"]')?.part ?? []) seen.add(p);
    });
    observer.observe(shadow(chat), { subtree: true, childList: true, attributes: true, attributeFilter: ['part'] });
    const sent = once<ImMessageSentDetail>(chat, 'im-message-sent');
    input(chat).focus();
    await sendKeys({ type: 'Hello from the test' });
    ok(!(part(chat, 'send-button') as HTMLButtonElement).disabled, 'send button enabled with text');
    await sendKeys({ press: 'Enter' });
    const event = await sent;
    equal(event.detail.message.status, MessageStatus.Succeeded, 'event carries the accepted message');
    const mine = await until(() => bubbles(chat).find((b) => b.part.contains('message-own')), 'own bubble');
    equal(text(mine.querySelector('[part~="text"]')), 'Hello from the test', 'own text');
    await until(() => mine.querySelector('[part~="status-sent"]'), 'status sent');
    observer.disconnect();
    ok(seen.has('status-sending'), 'the bubble showed the sending state first');
    equal(input(chat).value, '', 'composer cleared');
    ok((part(chat, 'send-button') as HTMLButtonElement).disabled, 'send button disabled when empty');
    ok(distanceFromBottom(log(chat)) < 4, 'scrolled to the own message');
  });

  it('inserts a newline with Shift+Enter and ignores Enter while an IME is composing', async () => {
    const s = await pair(1);
    const chat = await openChat(s.me, s.conversationID);
    await until(() => bubbles(chat).length === 1, 'history');
    const box = input(chat);
    box.focus();
    await sendKeys({ type: 'line one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'line two' });
    equal(box.value, 'line one\nline two', 'Shift+Enter made a new line');
    // An IME confirming a candidate sends Enter with isComposing set: that must not send.
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, composed: true, cancelable: true }));
    await frames();
    equal(bubbles(chat).length, 1, 'nothing sent during composition');
    equal(box.value, 'line one\nline two', 'text kept during composition');
    const grown = box.getBoundingClientRect().height;
    ok(grown > 44, `the composer grew with the second line (${grown}px)`);
    const sent = once(chat, 'im-message-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    const mine = await until(() => bubbles(chat).find((b) => b.part.contains('message-own')), 'own bubble');
    equal(mine.querySelector('[part~="text"]')!.textContent, 'line one\nline two', 'the newline is kept in the message');
  });

  it('renders message text as text, never as markup', async () => {
    const s = await pair(0);
    await sendText(s.pat, s.meID, '<img src=x onerror="window.__pwned=1"><b>bold?</b>');
    const chat = await openChat(s.me, s.conversationID);
    const b = await until(() => bubbles(chat)[0], 'message');
    equal(text(b.querySelector('[part~="text"]')), '<img src=x onerror="window.__pwned=1"><b>bold?</b>', 'literal text');
    ok(!b.querySelector('img, b'), 'no elements from message data');
    ok(!(window as unknown as { __pwned?: number }).__pwned, 'no script ran');
  });

  it('shows live messages and stays at the bottom when already there', async () => {
    const s = await pair(30);
    const chat = await openChat(s.me, s.conversationID, { height: 400 });
    await until(() => chat.messageList.length >= 30, 'history');
    await frames();
    ok(distanceFromBottom(log(chat)) < 4, 'opens at the bottom');
    await sendText(s.pat, s.meID, 'A live one');
    await until(() => text(bubbles(chat).at(-1)?.querySelector('[part~="text"]')) === 'A live one', 'live message shown');
    await frames();
    ok(distanceFromBottom(log(chat)) < 4, 'still at the bottom');
    ok(!part(chat, 'new-messages'), 'no pill at the bottom');
  });

  it('does not jump when scrolled up; shows "1 new message" instead, which scrolls down', async () => {
    const s = await pair(30);
    const chat = await openChat(s.me, s.conversationID, { height: 400 });
    await until(() => chat.messageList.length >= 30, 'history');
    await frames();
    const el = log(chat);
    el.scrollTop = el.scrollHeight - el.clientHeight - 500;
    await until(() => part(chat, 'new-messages'), 'scroll-to-bottom button once scrolled up');
    const before = el.scrollTop;
    await sendText(s.pat, s.meID, 'While you were reading');
    const pill = await until(() => (/1 new message/.test(text(part(chat, 'new-messages'))) ? part(chat, 'new-messages') : null), 'pill with count');
    await frames();
    ok(Math.abs(el.scrollTop - before) < 2, `reading position kept (${before} → ${el.scrollTop})`);
    pill.click();
    await frames();
    ok(distanceFromBottom(el) < 4, 'the pill scrolls to the newest message');
    await until(() => !part(chat, 'new-messages'), 'pill gone at the bottom');
  });

  it('loads older pages when scrolled to the top without moving the message in view', async () => {
    const s = await pair(60);
    const chat = await openChat(s.me, s.conversationID, { pageSize: 20, height: 400 });
    await until(() => chat.messageList.length >= 20, 'first page');
    await frames();
    const el = log(chat);
    const loaded = chat.messageList.length;
    ok(loaded < 60, `only a page is loaded at first (${loaded})`);
    ok(!part(chat, 'beginning'), 'not at the beginning yet');
    el.scrollTop = 0;
    // The row in view just before the older page lands (the log renders only a window of rows,
    // so the scroll itself may re-render; the view is read each frame until the page comes).
    const inView = () => bubbles(chat).find((b) => b.getBoundingClientRect().bottom > el.getBoundingClientRect().top + 1)!;
    let id = '';
    let top = 0;
    for (const deadline = Date.now() + 8000; chat.messageList.length === loaded && Date.now() < deadline; await frames(1)) {
      id = inView().dataset['msgId']!;
      top = inView().getBoundingClientRect().top;
    }
    ok(chat.messageList.length > loaded, 'an older page loaded');
    await until(() => !chat.loadingOlderMessages, 'loading finished');
    await frames();
    const same = shadow(chat).querySelector<HTMLElement>(`[data-msg-id="${id}"]`)!;
    const moved = same.getBoundingClientRect().top - top;
    ok(Math.abs(moved) < 2, `the message in view stays in place (moved ${moved}px)`);
    ok(el.scrollTop > 100, 'older messages are above the view');
    // Keep scrolling up to the very beginning.
    for (let i = 0; i < 10 && !part(chat, 'beginning'); i++) {
      el.scrollTop = 0;
      await frames(3);
      await until(() => !chat.loadingOlderMessages, 'loading finished');
    }
    await until(() => part(chat, 'beginning'), 'beginning of the conversation');
    equal(chat.messageList.length, 60, 'every message loaded once');
    ok(bubbles(chat).length < 60, 'only a window of them is in the DOM');
    el.scrollTop = 0;
    await frames(3);
    equal(text(bubbles(chat)[0]!.querySelector('[part~="text"]')), 'Message 1 from Pat', 'the first message is first');
  });

  it('marks messages read when the conversation is visible at the bottom', async () => {
    const s = await pair(2);
    await until(async () => (await s.me.getConversationByID(s.conversationID)).unreadCount === 2, 'two unread before opening');
    const read = nextEvent(s.me, 'onConversationChanged', (list) => list.some((c) => c.conversationID === s.conversationID && c.unreadCount === 0));
    await openChat(s.me, s.conversationID);
    await read;
    equal((await s.me.getConversationByID(s.conversationID)).unreadCount, 0, 'unread count cleared');
  });

  it('shows Read on my message once the peer has read it', async () => {
    const s = await pair(1);
    const chat = await openChat(s.me, s.conversationID);
    input(chat).focus();
    await sendKeys({ type: 'Did you read this?' });
    const sent = once<ImMessageSentDetail>(chat, 'im-message-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    const mine = await until(() => bubbles(chat).find((b) => b.part.contains('message-own')), 'own bubble');
    ok(mine.querySelector('[part~="status-sent"]'), 'sent, not read yet');
    await until(async () => (await s.pat.getConversationByID(s.conversationID)).maxSeq >= 2, 'Pat has the message');
    await s.pat.markConversationMessageAsRead(s.conversationID);
    const status = await until(() => mine.querySelector('[part~="status-read"]'), 'read status');
    equal(status.getAttribute('aria-label'), 'Read', 'announced as Read');
  });

  it('shows a failed message in red with the reason and a Retry button', async () => {
    const s = await pair(0);
    const ghost = uniqueUserID('ghost'); // never created on the server
    const chat = await openChat(s.me, singleConversationID(s.meID, ghost));
    input(chat).focus();
    await sendKeys({ type: 'Anyone there?' });
    const failed = once<ImMessageFailedDetail>(chat, 'im-message-failed');
    await sendKeys({ press: 'Enter' });
    const event = await failed;
    ok(event.detail.error.code > 0, `error code (${event.detail.error.code})`);
    const bubble = await until(() => bubbles(chat).find((b) => b.part.contains('message-failed')), 'failed bubble');
    ok(bubble.querySelector('[part~="status-failed"]'), 'failed status icon');
    const failure = bubble.querySelector('[part~="failure"]')!;
    ok(text(failure).includes(event.detail.error.message), 'the reason is shown');
    const retry = failure.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    equal(text(retry), 'Retry', 'Retry button');
    const again = once<ImMessageFailedDetail>(chat, 'im-message-failed');
    retry.click();
    equal((await again).detail.message?.clientMsgID, bubble.dataset['msgId'], 'retry resends the same message');
    equal(bubbles(chat).length, 1, 'retrying never duplicates the bubble');
  });

  it('gives the text back and explains when a message cannot be created (too long)', async () => {
    const s = await pair(1);
    const chat = await openChat(s.me, s.conversationID);
    const box = input(chat);
    box.value = 'x'.repeat(8001);
    box.dispatchEvent(new Event('input'));
    const failed = once<ImMessageFailedDetail>(chat, 'im-message-failed');
    await chat.send();
    const event = await failed;
    equal(event.detail.message, null, 'no message was created');
    equal(box.value.length, 8001, 'text kept in the composer');
    await chat.updateComplete;
    ok(text(part(chat, 'composer-error')).length > 0, 'an error line explains why');
  });

  it('works under <im-provider> and switches conversations', async () => {
    const s = await pair(2);
    const other = await track(loginAs(uniqueUserID('ola'), { nickname: 'Ola' }));
    await sendText(other, s.meID, 'Hi from Ola');
    const provider = document.createElement('im-provider');
    provider.client = s.me;
    const chat = document.createElement('im-chat');
    chat.conversationID = s.conversationID;
    provider.append(chat);
    await mount(provider);
    await until(() => bubbles(chat).length === 2, "Pat's messages through the provider's client");
    chat.conversationID = singleConversationID(s.meID, other.getLoginUserID());
    await until(() => bubbles(chat).length === 1 && text(bubbles(chat)[0]!.querySelector('[part~="text"]')) === 'Hi from Ola', "Ola's conversation");
    await until(() => text(part(chat, 'title')) === 'Ola', 'header follows');
  });

  it('remembers where you were reading when you come back to a conversation', async () => {
    const s = await pair(30);
    const other = await track(loginAs(uniqueUserID('ola'), { nickname: 'Ola' }));
    await sendText(other, s.meID, 'Hi from Ola');
    const chat = await openChat(s.me, s.conversationID, { height: 400 });
    await until(() => chat.messageList.length >= 30, 'history');
    await frames();
    const el = log(chat);
    el.scrollTop = el.scrollHeight - el.clientHeight - 400;
    await frames();
    const logTop = el.getBoundingClientRect().top;
    const reading = bubbles(chat).find((b) => b.getBoundingClientRect().bottom > logTop + 1)!;
    const id = reading.dataset['msgId']!;
    const offset = reading.getBoundingClientRect().top - logTop;
    chat.conversationID = singleConversationID(s.meID, other.getLoginUserID());
    await until(() => bubbles(chat).length === 1, "Ola's conversation");
    await frames();
    ok(distanceFromBottom(log(chat)) < 4, 'a conversation never scrolled opens at the bottom');
    chat.conversationID = s.conversationID;
    await until(() => chat.messageList.length >= 30, 'back to Pat');
    await until(() => !chat.loadingOlderMessages, 'settled');
    await frames();
    const again = shadow(chat).querySelector<HTMLElement>(`[data-msg-id="${id}"]`)!;
    const now = again.getBoundingClientRect().top - log(chat).getBoundingClientRect().top;
    ok(Math.abs(now - offset) < 2, `the same message at the same place (${offset} → ${now})`);
  });
});
