// <im-conversation-list> against the real server: what a user sees and can do.
import { sendKeys } from '@web/test-runner-commands';
import '../../components/im-conversation-list/im-conversation-list.js';
import '../../components/im-provider/im-provider.js';
import type { ImConversationList, ImConversationSelectDetail } from '../../components/im-conversation-list/im-conversation-list.js';
import { formatBadge } from '../../components/shared/format.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { createUser, loginAs, testEnv, tokenFor, uniqueUserID } from '../support/server.js';
import { flakyTransport } from '../support/flaky-transport.js';
import { equal, ok } from '../support/assert.js';
import { click, mount, once, part, parts, sendText, shadow, text, unmountAll, until } from './helpers.js';

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

/** Me with two conversations: Pat wrote me two messages (unread); I wrote to Quinn last. */
async function scenario() {
  const meID = uniqueUserID('me');
  const patID = uniqueUserID('pat');
  const quinnID = uniqueUserID('quinn');
  const me = await track(loginAs(meID, { nickname: 'Me Myself' }));
  const pat = await track(loginAs(patID, { nickname: 'Pat Jones' }));
  await createUser(quinnID, 'Quinn Lee');
  await sendText(pat, meID, 'Hi there');
  await sendText(pat, meID, 'Are you around?');
  await sendText(me, quinnID, 'Lunch at noon?');
  return { me, pat, meID, patID, quinnID, patConv: singleConversationID(meID, patID), quinnConv: singleConversationID(meID, quinnID) };
}

function row(list: ImConversationList, conversationID: string): HTMLElement | null {
  return shadow(list).querySelector<HTMLElement>(`[data-conversation-id="${conversationID}"]`);
}

async function rendered(list: ImConversationList, count: number): Promise<HTMLElement[]> {
  return until(() => {
    const rows = parts(list, 'item');
    return rows.length === count ? rows : null;
  }, `${count} conversation rows`);
}

describe('<im-conversation-list>', () => {
  it('shows each conversation with name, preview, time and unread badge, newest first', async () => {
    const s = await scenario();
    const list = document.createElement('im-conversation-list');
    list.client = s.me;
    await mount(list);
    const rows = await rendered(list, 2);
    equal(rows[0]!.dataset['conversationId'], s.quinnConv, 'my latest message makes Quinn first');
    await until(() => text(row(list, s.quinnConv)?.querySelector('[part~="name"]')) === 'Quinn Lee', 'the peer\'s nickname as the name');
    equal(text(rows[0]!.querySelector('[part~="preview"]')), 'You: Lunch at noon?', 'own preview is prefixed with You');
    ok(!rows[0]!.querySelector('[part~="badge"]'), 'no badge without unread messages');
    equal(text(rows[1]!.querySelector('[part~="name"]')), 'Pat Jones', 'second row');
    equal(text(rows[1]!.querySelector('[part~="preview"]')), 'Are you around?', 'latest incoming text');
    equal(text(rows[1]!.querySelector('[part~="badge"] [aria-hidden]')), '2', 'two unread from Pat');
    ok(/\d{1,2}:\d{2}/.test(text(rows[1]!.querySelector('[part~="time"]'))), 'a time of today is a clock time');
    const listbox = part(list, 'list')!;
    equal(listbox.getAttribute('role'), 'listbox', 'listbox role');
    equal(rows[0]!.getAttribute('role'), 'option', 'option role');
  });

  it('moves a conversation to the top and counts up its badge when a message arrives', async () => {
    const s = await scenario();
    const list = document.createElement('im-conversation-list');
    list.client = s.me;
    await mount(list);
    await rendered(list, 2);
    await sendText(s.pat, s.meID, 'Third one <b>not bold</b>');
    await until(() => parts(list, 'item')[0]?.dataset['conversationId'] === s.patConv, 'Pat moves to the top');
    const top = parts(list, 'item')[0]!;
    await until(() => text(top.querySelector('[part~="badge"] [aria-hidden]')) === '3', 'badge shows 3');
    equal(text(top.querySelector('[part~="preview"]')), 'Third one <b>not bold</b>', 'markup in a message is shown as text');
    ok(!top.querySelector('b'), 'message markup never becomes elements');
  });

  it('selects on click and fires im-conversation-select', async () => {
    const s = await scenario();
    const list = document.createElement('im-conversation-list');
    list.client = s.me;
    await mount(list);
    await rendered(list, 2);
    const selected = once<ImConversationSelectDetail>(list, 'im-conversation-select');
    await click(row(list, s.patConv)!);
    const event = await selected;
    equal(event.detail.conversationID, s.patConv, 'event names the conversation');
    equal(event.detail.conversation.showName, 'Pat Jones', 'event carries the conversation');
    ok(event.bubbles && event.composed, 'the event crosses shadow roots');
    await list.updateComplete;
    equal(list.selected, s.patConv, 'selected property');
    equal(list.getAttribute('selected'), s.patConv, 'selected attribute reflects');
    equal(row(list, s.patConv)!.getAttribute('aria-selected'), 'true', 'aria-selected on the chosen row');
    equal(row(list, s.quinnConv)!.getAttribute('aria-selected'), 'false', 'others are not selected');
  });

  it('moves focus with the arrow keys and selects with Enter', async () => {
    const s = await scenario();
    const list = document.createElement('im-conversation-list');
    list.client = s.me;
    await mount(list);
    await rendered(list, 2);
    const first = row(list, s.quinnConv)!;
    equal(first.tabIndex, 0, 'the first row is the tab stop');
    equal(row(list, s.patConv)!.tabIndex, -1, 'other rows are not tab stops');
    list.focus();
    equal(shadow(list).activeElement, first, 'focus() focuses the current row');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => shadow(list).activeElement === row(list, s.patConv), 'ArrowDown moves focus to the next row');
    const selected = once<ImConversationSelectDetail>(list, 'im-conversation-select');
    await sendKeys({ press: 'Enter' });
    equal((await selected).detail.conversationID, s.patConv, 'Enter selects the focused row');
    await sendKeys({ press: 'ArrowUp' });
    await until(() => shadow(list).activeElement === first, 'ArrowUp moves back');
  });

  it('keeps the selection when the select event is cancelled', async () => {
    const s = await scenario();
    const list = document.createElement('im-conversation-list');
    list.client = s.me;
    list.selected = s.quinnConv;
    await mount(list);
    await rendered(list, 2);
    list.addEventListener('im-conversation-select', (e) => e.preventDefault(), { once: true });
    equal(list.select(s.patConv), false, 'select() reports the cancellation');
    equal(list.selected, s.quinnConv, 'selection unchanged');
  });

  it('shows placeholder rows until the client has logged in, then the conversations', async () => {
    const meID = uniqueUserID('late');
    const pat = await track(loginAs(uniqueUserID('pat'), { nickname: 'Pat' }));
    await createUser(meID, 'Late Comer');
    await sendText(pat, meID, 'Welcome');
    const client = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-test' });
    clients.push(client);
    const list = document.createElement('im-conversation-list');
    list.client = client;
    await mount(list);
    ok(part(list, 'skeleton'), 'skeleton while not logged in');
    equal(parts(list, 'item').length, 0, 'no rows yet');
    await client.login(meID, await tokenFor(meID));
    await rendered(list, 1);
    ok(!part(list, 'skeleton'), 'skeleton gone');
  });

  it('shows the empty state for a user without conversations', async () => {
    const me = await track(loginAs(uniqueUserID('lonely')));
    const list = document.createElement('im-conversation-list');
    list.client = me;
    await mount(list);
    const empty = await until(() => part(list, 'empty'), 'empty state');
    ok(/No conversations/.test(text(empty)), 'empty state text');
  });

  it('works under <im-provider> without a client of its own, and follows the provider theme', async () => {
    const s = await scenario();
    const provider = document.createElement('im-provider');
    provider.client = s.me;
    provider.theme = 'dark';
    const list = document.createElement('im-conversation-list');
    provider.append(list);
    await mount(provider);
    await rendered(list, 2);
    await until(() => list.getAttribute('data-im-theme') === 'dark', 'theme from the provider');
    list.theme = 'light';
    await list.updateComplete;
    equal(list.getAttribute('data-im-theme'), 'light', 'own theme attribute wins');
    equal(getComputedStyle(list).backgroundColor, 'rgb(255, 255, 255)', 'light background');
    list.theme = 'dark';
    await list.updateComplete;
    equal(getComputedStyle(list).backgroundColor, 'rgb(23, 25, 28)', 'dark background');
  });

  it('logs in by itself under <im-provider server-url user-id token>', async () => {
    const meID = uniqueUserID('auto');
    const pat = await track(loginAs(uniqueUserID('pat'), { nickname: 'Pat' }));
    await createUser(meID, 'Auto Login');
    await sendText(pat, meID, 'Hello auto');
    const provider = document.createElement('im-provider');
    provider.setAttribute('server-url', testEnv().serverURL);
    provider.setAttribute('user-id', meID);
    provider.setAttribute('token', await tokenFor(meID));
    const list = document.createElement('im-conversation-list');
    provider.append(list);
    const loggedIn = once(provider, 'im-login');
    await mount(provider);
    await loggedIn;
    const rows = await rendered(list, 1);
    equal(text(rows[0]!.querySelector('[part~="preview"]')), 'Hello auto', 'preview through the provider-made client');
    const own = provider.activeClient as ImClient;
    clients.push(own);
  });

  it('shows a connection banner while the network is gone, and removes it after reconnecting', async () => {
    const s = await scenario();
    await s.me.logout();
    const transport = flakyTransport(testEnv().serverURL);
    const me = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-test', transport });
    clients.push(me);
    await me.login(s.meID, await tokenFor(s.meID));
    const list = document.createElement('im-conversation-list');
    list.client = me;
    await mount(list);
    await rendered(list, 2);
    ok(!part(list, 'banner'), 'no banner while connected');
    transport.setReachable(false);
    const banner = await until(() => part(list, 'banner'), 'banner after losing the network');
    ok(/Reconnecting|Connecting/.test(text(banner)), `banner says it is reconnecting (${text(banner)})`);
    equal(parts(list, 'item').length, 2, 'the conversations stay visible offline');
    transport.setReachable(true);
    window.dispatchEvent(new Event('online'));
    await until(() => !part(list, 'banner'), 'banner gone after reconnecting', 15_000);
  });

  it('caps the unread badge at 99+', () => {
    equal(formatBadge(5), '5', 'small counts as they are');
    equal(formatBadge(99), '99', '99');
    equal(formatBadge(100), '99+', 'over 99');
  });
});
