// <im-notifier>: which messages notify, and the unread total for the host page.
import '../../components/im-notifier/im-notifier.js';
import type { NotifyDetail } from '../../components/im-notifier/im-notifier.js';
import { equal } from '../support/assert.js';
import { nextEvent } from '../support/server.js';
import { mount, sendText, until } from './helpers.js';
import { cleanup, user } from './social-helpers.js';

afterEach(() => {
  document.title = 'test';
  return cleanup();
});

describe('<im-notifier>', () => {
  it('announces messages from others, not muted conversations, not quiet hours; keeps the unread count in the title', async () => {
    const me = await user('me');
    const pat = await user('pat', 'Pat');
    const el = document.createElement('im-notifier');
    el.whenVisible = true; // the test page is visible
    el.desktop = false; // no permission prompts in tests
    el.updateTitle = true;
    el.client = me.client;
    const seen: NotifyDetail[] = [];
    el.addEventListener('im-notify', (e) => seen.push((e as CustomEvent<NotifyDetail>).detail));
    document.title = 'Inbox';
    await mount(el);

    await sendText(pat.client, me.id, 'first');
    await until(() => seen.length === 1, 'a notification for the first message');
    equal(seen[0]!.title, 'Pat', 'titled with the sender');
    equal(seen[0]!.body, 'first', 'with the text');
    await until(() => document.title === '(1) Inbox', 'the unread count in the title');

    // Muted ("receive without notification"): counted, not announced.
    const conversationID = seen[0]!.conversationID;
    await me.client.setConversationRecvMessageOpt({ conversationID, opt: 2 });
    const gotsecond = nextEvent(me.client, 'onRecvNewMessage', (m) => m.content === 'second');
    await sendText(pat.client, me.id, 'second');
    await gotsecond;
    await new Promise((r) => setTimeout(r, 200));
    equal(seen.length, 1, 'no notification for a muted conversation');
    await me.client.setConversationRecvMessageOpt({ conversationID, opt: 0 });

    // Quiet hours covering now: nothing.
    await me.client.setQuietHours('00:00', '23:59');
    await until(async () => (await me.client.getUserSettings()).quietStart === '00:00', 'settings saved');
    const gotthird = nextEvent(me.client, 'onRecvNewMessage', (m) => m.content === 'third');
    await sendText(pat.client, me.id, 'third');
    await gotthird;
    await new Promise((r) => setTimeout(r, 200));
    equal(seen.length, 1, 'quiet hours keep it silent');
    await me.client.setQuietHours('', '');

    // My own messages never notify.
    await sendText(me.client, pat.id, 'mine');
    await new Promise((r) => setTimeout(r, 200));
    equal(seen.length, 1, 'no notification for my own message');
    await sendText(pat.client, me.id, 'fourth');
    await until(() => seen.length === 2, 'notifications resume');
    // My reply read the conversation up to it; only 'fourth' is unread now.
    await until(() => el.unread === 1 && document.title === '(1) Inbox', 'the unread total on the element and in the title');
  });
});
