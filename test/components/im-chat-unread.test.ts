// <im-chat> opened on a conversation with unread messages: an "Unread messages" divider sits
// above the first of them, and while it is out of view a "↑ N unread messages" pill jumps to
// it (loading older pages). Real server, real IndexedDB: a peer sends the messages, the reader
// reads part of them on the server, then opens the chat.
import '../../components/im-chat/im-chat.js';
import type { ImChat } from '../../components/im-chat/im-chat.js';
import type { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { equal, ok } from '../support/assert.js';
import { loginAs, nextEvent, uniqueUserID } from '../support/server.js';
import { click, frames, mount, part, parts, sendText, text, unmountAll, until } from './helpers.js';

const clients: ImClient[] = [];
afterEach(async () => {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => undefined)));
});

/**
 * A reader and a peer; the peer sends `read` messages the reader reads, then `unread` more.
 * Every fifth message of the read part is the reader's own (own messages are never unread).
 */
async function conversationWithUnread(read: number, unread: number): Promise<{ reader: ImClient; conversationID: string }> {
  const readerID = uniqueUserID('reader');
  const peerID = uniqueUserID('peer');
  const reader = await loginAs(readerID, { dbNamePrefix: `imkit-test-unread-${readerID}` });
  const peer = await loginAs(peerID, { dbNamePrefix: `imkit-test-unread-${peerID}` });
  clients.push(reader, peer);
  const conversationID = singleConversationID(readerID, peerID);
  for (let i = 1; i <= read; i++) {
    if (i % 5 === 0) await sendText(reader, peerID, `Message ${i}`);
    else await sendText(peer, readerID, `Message ${i}`);
  }
  if (read) {
    await until(async () => (await reader.getConversationByID(conversationID).catch(() => null))?.maxSeq === read, 'the read part at the reader');
    await reader.markConversationMessageAsRead(conversationID);
  }
  if (!unread) return { reader, conversationID };
  const changed = nextEvent(reader, 'onConversationChanged', (list) => list.some((c) => c.conversationID === conversationID && c.unreadCount === unread), 15_000);
  for (let i = read + 1; i <= read + unread; i++) await sendText(peer, readerID, `Message ${i}`);
  await changed;
  return { reader, conversationID };
}

async function openChat(client: ImClient, conversationID: string): Promise<ImChat> {
  const chat = document.createElement('im-chat');
  chat.client = client;
  chat.conversationID = conversationID;
  await mount(chat, { height: 560 });
  await until(() => part(chat, 'log') && parts(chat, 'message').length > 0, 'the message log');
  await chat.updateComplete;
  await frames();
  return chat;
}

function inView(chat: ImChat, el: Element): boolean {
  const log = part(chat, 'log')!.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  return box.bottom > log.top && box.top < log.bottom;
}

/** The message row right after the divider. */
function rowAfterDivider(chat: ImChat): HTMLElement | null {
  let next = part(chat, 'unread-divider')?.nextElementSibling ?? null;
  while (next && !next.matches('[data-msg-id]')) next = next.nextElementSibling;
  return next as HTMLElement | null;
}

describe('im-chat unread divider', () => {
  it('with many unread, opens at the newest with a pill that jumps up to the divider above the first unread', async () => {
    const { reader, conversationID } = await conversationWithUnread(120, 80);
    const chat = await openChat(reader, conversationID);
    const pill = await until(() => part(chat, 'jump-to-unread'), 'the jump-to-unread pill');
    equal(text(pill), '80 unread messages', 'the pill counts what was unread');
    ok(text(parts(chat, 'message').at(-1)).includes('Message 200'), 'it opens at the newest message');
    const divider = part(chat, 'unread-divider');
    ok(!divider || !inView(chat, divider), 'the divider is not in view before the jump');

    await click(pill);
    const shown = await until(() => {
      const d = part(chat, 'unread-divider');
      return d && inView(chat, d) ? d : null;
    }, 'the divider in view after the jump', 15_000);
    equal(text(shown), 'Unread messages', 'the divider says what it marks');
    const first = rowAfterDivider(chat);
    ok(first && text(first).includes('Message 121'), `the divider sits above the first unread message, got "${text(first)}"`);
    ok(inView(chat, first!), 'the first unread message is in view too');
    let before = part(chat, 'unread-divider')!.previousElementSibling;
    while (before && !before.matches('[data-msg-id]')) before = before.previousElementSibling;
    ok(before && text(before).includes('Message 120'), 'the last read message is right above the divider');
    await until(() => !part(chat, 'jump-to-unread'), 'the pill gone after the jump');

    // Scrolling back to the newest keeps the divider for this open, and no pill comes back.
    chat.scrollToBottom();
    await chat.updateComplete;
    await frames(3);
    equal(part(chat, 'jump-to-unread'), null, 'no pill once the divider was seen');
    await chat.jumpToFirstUnread();
    await frames();
    ok(inView(chat, part(chat, 'unread-divider')!), 'jumpToFirstUnread() brings the divider back into view');
  });

  it('with few unread, shows the divider in view without a pill, and none after coming back', async () => {
    const { reader, conversationID } = await conversationWithUnread(40, 3);
    const chat = await openChat(reader, conversationID);
    const divider = await until(() => part(chat, 'unread-divider'), 'the unread divider');
    ok(inView(chat, divider), 'the divider is in view at open');
    ok(text(rowAfterDivider(chat)).includes('Message 41'), 'above the first unread message');
    await frames(2);
    equal(part(chat, 'jump-to-unread'), null, 'no pill when the divider is in view');
    // Shown at the bottom, the conversation is read; switching away and back leaves no divider.
    await until(async () => (await reader.getConversationByID(conversationID)).unreadCount === 0, 'the conversation marked read');
    chat.conversationID = singleConversationID('someone', 'else');
    await chat.updateComplete;
    chat.conversationID = conversationID;
    await until(() => parts(chat, 'message').length > 0, 'the log again');
    await chat.updateComplete;
    await frames(2);
    equal(part(chat, 'unread-divider'), null, 'no divider once read');
    equal(part(chat, 'jump-to-unread'), null, 'no pill once read');
  });

  it('shows nothing for a conversation opened without unread messages', async () => {
    const { reader, conversationID } = await conversationWithUnread(20, 0);
    const chat = await openChat(reader, conversationID);
    equal(part(chat, 'unread-divider'), null, 'no divider');
    equal(part(chat, 'jump-to-unread'), null, 'no pill');
    equal(await chat.jumpToFirstUnread(), false, 'nothing to jump to');
  });
});
