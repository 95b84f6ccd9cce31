// <im-contacts> against the real server.
import '../../components/im-contacts/im-contacts.js';
import type { ImContacts } from '../../components/im-contacts/im-contacts.js';
import { ImClient } from '../../src/client/im-client.js';
import { equal, ok } from '../support/assert.js';
import { uniqueUserID } from '../support/server.js';
import { click, mount, once, part, parts, shadow, text, until } from './helpers.js';
import { befriend, cleanup, user } from './social-helpers.js';

afterEach(cleanup);

function tab(el: ImContacts, name: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`[part~="tab"][data-tab="${name}"]`)!;
}
function rowOf(el: ImContacts, userID: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="row"][data-user-id="${userID}"]`);
}

describe('<im-contacts>', () => {
  it('shows an empty friends list, then a request with a badge that is accepted with a click; the friend appears on both sides', async () => {
    const me = await user('me', 'Me');
    const pat = await user('pat', 'Pat Jones');
    const mine = document.createElement('im-contacts');
    mine.client = me.client;
    await mount(mine);
    await until(() => part(mine, 'empty'), 'the empty friends state');
    ok(text(part(mine, 'empty')).includes('No friends yet'), 'says there are no friends');

    const pending = once<{ count: number }>(mine, 'im-pending-change');
    await pat.client.addFriend({ toUserID: me.id, reqMsg: 'Hello from Pat' });
    await until(() => part(mine, 'tab-badge'), 'a badge on the requests tab');
    equal(text(part(mine, 'tab-badge')), '1', 'one pending request');
    equal((await pending).detail.count, 1, 'the host page hears the pending count');

    await click(tab(mine, 'requests'));
    const request = await until(() => rowOf(mine, pat.id), "Pat's request");
    ok(text(request).includes('Hello from Pat'), 'the request message is shown');
    await click(request.querySelector<HTMLElement>('[part~="accept-button"]')!);

    await until(() => !part(mine, 'tab-badge'), 'the badge to clear');
    await click(tab(mine, 'friends'));
    await until(() => rowOf(mine, pat.id), 'Pat among my friends');
    const friends = await pat.client.getFriendList();
    equal(friends.map((f) => f.userID).join(), me.id, 'and I am among Pat’s');
  });

  it('sends a friend request from the header form and lists it as sent', async () => {
    const me = await user('me');
    const sam = await user('sam', 'Sam Lee');
    const el = document.createElement('im-contacts');
    el.client = me.client;
    await mount(el);
    await until(() => part(el, 'empty'), 'loaded');
    await click(part(el, 'add-friend-button')!);
    const form = await until(() => part(el, 'form'), 'the add-friend form');
    (form.querySelector('input[name="userID"]') as HTMLInputElement).value = sam.id;
    (form.querySelector('input[name="reqMsg"]') as HTMLInputElement).value = 'Hi Sam';
    await click(form.querySelector<HTMLElement>('[part~="send-request-button"]')!);
    await until(() => el.tab === 'requests' && rowOf(el, sam.id), 'the sent request in the requests tab');
    ok(text(rowOf(el, sam.id)).includes('Waiting'), 'shown as waiting');
    const received = await sam.client.getFriendApplicationListAsRecipient();
    equal(received[0]?.reqMsg, 'Hi Sam', 'the server has it');
  });

  it('lists groups and blocked users, unblocks with a click, and moves between tabs with the arrow keys', async () => {
    const me = await user('me');
    const bo = await user('bo', 'Bo');
    const group = await me.client.createGroup({ groupInfo: { groupName: 'Climbers' }, memberUserIDs: [bo.id] });
    await me.client.addBlack(bo.id);
    const el = document.createElement('im-contacts');
    el.client = me.client;
    await mount(el);
    await until(() => part(el, 'empty'), 'loaded');
    tab(el, 'friends').focus();
    tab(el, 'friends').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    tab(el, 'requests').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await until(() => el.tab === 'groups', 'the groups tab by keyboard');
    const groupRow = await until(() => shadow(el).querySelector<HTMLElement>(`[data-group-id="${group.groupID}"]`), 'the group');
    ok(text(groupRow).includes('Climbers') && text(groupRow).includes('2 members'), 'name and member count');
    const opened = once<{ conversationID: string }>(el, 'im-open-conversation');
    await click(groupRow);
    equal((await opened).detail.conversationID, `sg_${group.groupID}`, 'a group opens its conversation');

    await click(tab(el, 'blacklist'));
    const blocked = await until(() => rowOf(el, bo.id), 'Bo in the blacklist');
    await click(blocked.querySelector<HTMLElement>('[part~="unblock-button"]')!);
    await until(() => part(el, 'empty') && !rowOf(el, bo.id), 'the blacklist to empty');
    equal((await me.client.getBlackList()).length, 0, 'unblocked on the server');
    equal(parts(el, 'tab').length, 4, 'four tabs');
  });

  it('creates a group with the member picker', async () => {
    const me = await user('me');
    const ann = await user('ann', 'Ann');
    await befriend(me, ann);
    const el = document.createElement('im-contacts');
    el.client = me.client;
    await mount(el, { height: 700 });
    await until(() => rowOf(el, ann.id), 'Ann as a friend');
    await click(part(el, 'create-group-button')!);
    const picker = await until(() => shadow(el).querySelector('im-member-picker'), 'the member picker');
    const option = await until(() => picker.shadowRoot?.querySelector<HTMLElement>(`[data-user-id="${ann.id}"]`), 'Ann in the picker');
    await click(option);
    (shadow(el).querySelector('input[name="groupName"]') as HTMLInputElement).value = 'Book club';
    const created = once<{ group: { groupID: string; groupName: string; memberCount: number } }>(el, 'im-group-created');
    await click(picker.shadowRoot!.querySelector<HTMLElement>('[part~="confirm-button"]')!);
    const { group } = (await created).detail;
    equal(group.groupName, 'Book club', 'named as typed');
    equal(group.memberCount, 2, 'with Ann');
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    // A client whose server is down: login works from the (empty) cache, contacts need the server.
    const client = new ImClient({ serverURL: 'http://127.0.0.1:9', dbNamePrefix: 'imkit-test-offline', requestTimeoutMs: 1000 });
    await client.login(uniqueUserID('offline'), 'any-token');
    try {
      const el = document.createElement('im-contacts');
      el.client = client;
      await mount(el);
      const error = await until(() => part(el, 'error'), 'the error state');
      ok(text(error).includes('need a connection'), 'explains why');
      ok(error.querySelector('button'), 'offers a retry');
    } finally {
      await client.logout({ clearCache: true });
    }
  });
});
