// <im-user-profile> against the real server.
import '../../components/im-user-profile/im-user-profile.js';
import { equal, ok } from '../support/assert.js';
import { click, mount, once, part, shadow, text, until } from './helpers.js';
import { befriend, cleanup, user } from './social-helpers.js';

afterEach(cleanup);

describe('<im-user-profile>', () => {
  it('edits one’s own profile; the change reaches a friend as onFriendInfoChanged', async () => {
    const me = await user('me', 'Old Name');
    const pal = await user('pal');
    await befriend(me, pal);
    const el = document.createElement('im-user-profile');
    el.client = me.client;
    await mount(el);
    await until(() => text(part(el, 'name')) === 'Old Name', 'my name');
    await click(part(el, 'edit-button')!);
    const form = await until(() => part(el, 'form') as HTMLFormElement | null, 'the edit form');
    (form.querySelector('input[name="nickname"]') as HTMLInputElement).value = 'New Name';
    (form.querySelector('input[name="signature"]') as HTMLInputElement).value = 'Climbing on weekends';
    (form.querySelector('select[name="gender"]') as HTMLSelectElement).value = '2';
    const changed = new Promise<string>((resolve) => pal.client.on('onFriendInfoChanged', (f) => resolve(f.nickname)));
    const saved = once(el, 'im-profile-saved');
    await click(part(el, 'save-button')!);
    await saved;
    await until(() => text(part(el, 'name')) === 'New Name', 'the new name shown');
    ok(text(part(el, 'signature')) === 'Climbing on weekends', 'the new about line');
    ok(text(part(el, 'details')).includes('Female'), 'the gender');
    equal(await changed, 'New Name', 'the friend hears of it');
  });

  it('shows a stranger with Add friend; the request carries the message; Block then Unblock', async () => {
    const me = await user('me');
    const other = await user('other', 'Olive Other');
    const el = document.createElement('im-user-profile');
    el.client = me.client;
    el.userId = other.id;
    await mount(el);
    await until(() => text(part(el, 'name')) === 'Olive Other', 'their name');
    await click(part(el, 'add-button')!);
    const form = await until(() => part(el, 'form'), 'the request form');
    (form.querySelector('input[name="reqMsg"]') as HTMLInputElement).value = 'Hi Olive';
    await click(form.querySelector<HTMLElement>('button[type="submit"]')!);
    await until(() => text(part(el, 'notice')).includes('Request sent'), 'confirmation');
    equal((await other.client.getFriendApplicationListAsRecipient())[0]?.reqMsg, 'Hi Olive', 'the server has the request');

    await click(part(el, 'block-button')!);
    await until(() => text(part(el, 'block-button')) === 'Unblock', 'the button flips to Unblock');
    ok(text(shadow(el).querySelector('.tags')).includes('Blocked'), 'marked blocked');
    await click(part(el, 'block-button')!);
    await until(() => text(part(el, 'block-button')) === 'Block', 'unblocked');
  });

  it('shows a friend with a remark field and Message; removing them is seen live', async () => {
    const me = await user('me');
    const fr = await user('fr', 'Fred');
    await befriend(me, fr);
    const el = document.createElement('im-user-profile');
    el.client = me.client;
    el.userId = fr.id;
    await mount(el);
    await until(() => part(el, 'remark'), 'the remark field');
    const opened = once<{ conversationID: string }>(el, 'im-open-conversation');
    await click(part(el, 'message-button')!);
    ok((await opened).detail.conversationID.startsWith('si_'), 'opens the one-to-one conversation');
    await fr.client.deleteFriend(me.id);
    await until(() => part(el, 'add-button'), 'the profile to show Add friend after Fred removed me');
  });

  it('says so when the user does not exist', async () => {
    const me = await user('me');
    const el = document.createElement('im-user-profile');
    el.client = me.client;
    el.userId = 'nobody-here-' + Date.now();
    await mount(el);
    await until(() => part(el, 'error'), 'the error state');
    ok(text(part(el, 'error')).includes('No such user'), 'a readable message');
  });
});
