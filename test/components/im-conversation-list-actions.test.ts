// <im-conversation-list>'s row menu against the real server: pin, mute, mark read, delete.
import { sendKeys } from '@web/test-runner-commands';
import '../../components/im-conversation-list/im-conversation-list.js';
import type { ImConversationList } from '../../components/im-conversation-list/im-conversation-list.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { equal, ok } from '../support/assert.js';
import { nextEvent } from '../support/server.js';
import { click, mount, once, part, parts, sendText, shadow, text, until } from './helpers.js';
import { cleanup, user } from './social-helpers.js';

afterEach(cleanup);

function row(list: ImConversationList, id: string): HTMLElement | null {
  return shadow(list).querySelector<HTMLElement>(`[data-conversation-id="${id}"]`);
}
async function choose(list: ImConversationList, label: string): Promise<void> {
  const item = await until(() => parts(list, 'menu-item').find((b) => text(b) === label), `menu item ${label}`);
  await click(item);
}

describe('<im-conversation-list> row actions', () => {
  it('pins, mutes, marks read and deletes through the row menu; the server keeps it and other devices follow', async () => {
    const me = await user('me');
    const pat = await user('pat', 'Pat');
    const quinn = await user('quinn', 'Quinn');
    await sendText(pat.client, me.id, 'from pat');
    await sendText(quinn.client, me.id, 'from quinn');
    const patConv = singleConversationID(me.id, pat.id);
    const quinnConv = singleConversationID(me.id, quinn.id);
    const list = document.createElement('im-conversation-list');
    list.client = me.client;
    await mount(list);
    await until(() => parts(list, 'item').length === 2, 'two rows');
    equal(parts(list, 'item')[0]!.dataset['conversationId'], quinnConv, 'newest first');

    // Pin Pat from the "⋯" button.
    row(list, patConv)!.querySelector<HTMLElement>('[part~="actions-button"]')!.click();
    await choose(list, 'Pin');
    await until(() => parts(list, 'item')[0]!.dataset['conversationId'] === patConv, 'Pat pinned to the top');
    ok(row(list, patConv)!.getAttribute('part')!.includes('item-pinned'), 'marked pinned');
    const onServer = await me.client.getConversationByID(patConv);
    ok(onServer.isPinned, 'pinned in the client');

    // Mute from the keyboard: focus the row, Shift+F10 opens the menu.
    row(list, quinnConv)!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'F10' });
    await sendKeys({ up: 'Shift' });
    await until(() => part(list, 'menu'), 'the menu by keyboard');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => row(list, quinnConv)?.querySelector('[part~="badge-muted"]'), 'a muted badge');

    // Mark read; the total goes down and the host hears it.
    const unread = once<{ total: number }>(list, 'im-unread-change');
    row(list, patConv)!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, clientX: 50, clientY: 20 }));
    await choose(list, 'Mark as read');
    ok(typeof (await unread).detail.total === 'number', 'im-unread-change carries the total');
    await until(() => !row(list, patConv)?.querySelector('[part~="badge"]'), 'Pat’s badge cleared');

    // Delete (hide): the row goes; a new message brings it back.
    const action = once<{ action: string }>(list, 'im-conversation-action');
    row(list, patConv)!.querySelector<HTMLElement>('[part~="actions-button"]')!.click();
    await choose(list, 'Remove from list');
    equal((await action).detail.action, 'hide', 'the host hears the action');
    await until(() => !row(list, patConv), 'the row is gone');
    await sendText(pat.client, me.id, 'back again');
    await until(() => row(list, patConv), 'the row returns with a new message');
    await nextEvent(me.client, 'onConversationChanged', () => true).catch(() => undefined);
  });

  it('lets the host cancel an action', async () => {
    const me = await user('me');
    const pat = await user('pat');
    await sendText(pat.client, me.id, 'hello');
    const list = document.createElement('im-conversation-list');
    list.client = me.client;
    await mount(list);
    const r = await until(() => parts(list, 'item')[0], 'a row');
    list.addEventListener('im-conversation-action', (e) => e.preventDefault());
    r.querySelector<HTMLElement>('[part~="actions-button"]')!.click();
    await choose(list, 'Delete chat and messages');
    await new Promise((res) => setTimeout(res, 200));
    ok(parts(list, 'item').length === 1, 'still there');
  });
});
