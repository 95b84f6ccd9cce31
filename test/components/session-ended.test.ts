// A session the server ends (its token ran out) reaches the caller as the OpenIM event and the
// elements as a visible prompt, against the real server: no mock of the push or the socket.
import '../../components/im-chat/im-chat.js';
import '../../components/im-conversation-list/im-conversation-list.js';
import { ImClient } from '../../src/client/im-client.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { createUser, loginAs, nextEvent, testEnv, tokenFor, uniqueUserID } from '../support/server.js';
import { equal, ok } from '../support/assert.js';
import { mount, part, sendText, text, unmountAll, until } from './helpers.js';

const clients: ImClient[] = [];
afterEach(async () => {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => undefined)));
});

describe('a session ended by the server', () => {
  it('token expiry: onUserTokenExpired fires once and both elements say the session expired', async () => {
    const meID = uniqueUserID('me');
    const patID = uniqueUserID('pat');
    await createUser(meID, 'Me');
    const pat = await loginAs(patID, { nickname: 'Pat' });
    clients.push(pat);
    await sendText(pat, meID, 'hello before the token runs out');
    const me = new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: 'imkit-test' });
    clients.push(me);
    const kicked: unknown[] = [];
    me.on('onKickedOffline', (e) => kicked.push(e));
    let expiredCount = 0;
    me.on('onUserTokenExpired', () => expiredCount++);
    const expired = nextEvent(me, 'onUserTokenExpired', () => true, 10_000);
    // A token that runs out two seconds after it is issued.
    await me.login(meID, await tokenFor(meID, 2));

    const list = document.createElement('im-conversation-list');
    list.client = me;
    await mount(list, { height: 300 });
    const chat = document.createElement('im-chat');
    chat.client = me;
    chat.conversationID = singleConversationID(meID, patID);
    await mount(chat, { height: 400 });
    await until(() => part(list, 'item'), 'the conversation is listed while the session lasts');
    ok(!part(list, 'banner'), 'no banner while connected');

    const info = await expired;
    equal(info.code, ErrorCode.TokenExpired, 'the event carries the TokenExpired code');
    equal(me.connectionState, 'token-expired', 'the connection state says why');
    const banner = await until(() => part(list, 'banner'), 'the list shows a banner');
    ok(/session expired/i.test(text(banner)), `the list says the session expired (was "${text(banner)}")`);
    equal(banner.getAttribute('role'), 'status', 'the banner is announced');
    await until(() => /session expired/i.test(text(part(chat, 'subtitle'))), 'the chat header says the session expired');
    // The cached conversation stays readable after the session ended.
    ok(part(list, 'item'), 'the list still shows what was cached');
    equal(kicked.length, 0, 'an expired token is not reported as being kicked');
    // The client does not keep reconnecting with a token the server refuses.
    await new Promise((r) => setTimeout(r, 1500));
    equal(me.connectionState, 'token-expired', 'it stays signed out until the app logs in again');
    equal(expiredCount, 1, 'the event fires once');
  });
});
