import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { loginClient, RequestError, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

const rejectsWith = async (p: Promise<unknown>, code: number) => {
  await assert.rejects(p, (e: unknown) => e instanceof RequestError && e.code === code);
};
const pushOf =
  (push: string, kind?: string) =>
  (p: PushFrame): boolean =>
    p.push === push && (kind === undefined || (p.data as { kind?: string }).kind === kind);

describe('profiles, friends and the blacklist', () => {
  let server: TestServer;
  let alice: TestClient;
  let alice2: TestClient; // alice's second device
  let bob: TestClient;
  let carol: TestClient;
  before(async () => {
    server = await startTestServer();
    alice = await loginClient(server, 'alice', 'Alice');
    alice2 = await loginClient(server, 'alice', 'Alice');
    bob = await loginClient(server, 'bob', 'Bob');
    carol = await loginClient(server, 'carol', 'Carol');
  });
  after(async () => {
    await server.dispose();
    assert.deepEqual(server.log.errors, []);
  });

  test('a friend request reaches the target and both of the applicant’s devices; accepting makes both friends', async () => {
    const { application } = await alice.call('friend.add', { toUserID: 'bob', reqMsg: 'Hi, it’s Alice' });
    assert.equal(application.handleResult, 0);
    assert.equal(application.fromNickname, 'Alice');
    const atBob = await bob.waitForPush(pushOf('friend.application', 'added'));
    assert.ok(atBob.push === 'friend.application' && atBob.data.application.reqMsg === 'Hi, it’s Alice');
    await alice2.waitForPush(pushOf('friend.application', 'added'));

    const recv = await bob.call('friend.applications', { as: 'recipient' });
    assert.deepEqual(recv.applications.map((a) => a.fromUserID), ['alice']);
    const sent = await alice.call('friend.applications', { as: 'applicant' });
    assert.deepEqual(sent.applications.map((a) => a.toUserID), ['bob']);

    await bob.call('friend.accept', { toUserID: 'alice', handleMsg: 'Sure' });
    for (const c of [alice, alice2, bob]) {
      await c.waitForPush(pushOf('friend.application', 'accepted'));
      await c.waitForPush(pushOf('friend.changed', 'added'));
    }
    assert.deepEqual((await alice.call('friend.list', {})).friends.map((f) => f.userID), ['bob']);
    assert.deepEqual((await bob.call('friend.list', {})).friends.map((f) => f.userID), ['alice']);
    assert.deepEqual((await alice.call('friend.check', { userIDList: ['bob', 'carol'] })).results, [
      { userID: 'bob', result: 1 },
      { userID: 'carol', result: 0 },
    ]);
    // Accepting twice finds nothing pending.
    await rejectsWith(bob.call('friend.accept', { toUserID: 'alice' }), ErrorCode.ApplicationNotFound);
    await rejectsWith(alice.call('friend.add', { toUserID: 'bob' }), ErrorCode.AlreadyFriends);
  });

  test('refusing a request tells both sides; the remark is private', async () => {
    await carol.call('friend.add', { toUserID: 'bob' });
    await bob.call('friend.refuse', { toUserID: 'carol', handleMsg: 'Sorry' });
    const atCarol = await carol.waitForPush(pushOf('friend.application', 'rejected'));
    assert.ok(atCarol.push === 'friend.application' && atCarol.data.application.handleMsg === 'Sorry');
    assert.deepEqual((await carol.call('friend.list', {})).friends, []);

    const { friend } = await alice.call('friend.setRemark', { toUserID: 'bob', remark: 'Bobby' });
    assert.equal(friend.remark, 'Bobby');
    await alice2.waitForPush((p) => p.push === 'friend.changed' && p.data.kind === 'info' && p.data.friend.remark === 'Bobby');
    const bobsView = (await bob.call('friend.list', {})).friends[0]!;
    assert.equal(bobsView.remark, '');
    await rejectsWith(carol.call('friend.setRemark', { toUserID: 'bob', remark: 'x' }), ErrorCode.NotFriends);
  });

  test('profile edits reach one’s own devices and one’s friends, not strangers', async () => {
    const { user } = await bob.call('user.setSelfInfo', { nickname: 'Bob M.', signature: 'on call', gender: 1, email: 'bob@example.com' });
    assert.equal(user.nickname, 'Bob M.');
    assert.equal(user.signature, 'on call');
    await bob.waitForPush((p) => p.push === 'user.updated' && p.data.user.nickname === 'Bob M.');
    const atAlice = await alice.waitForPush((p) => p.push === 'user.updated' && p.data.user.userID === 'bob');
    assert.ok(atAlice.push === 'user.updated' && atAlice.data.friend?.remark === 'Bobby');
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(!carol.pushes.some((p) => p.push === 'user.updated' && p.data.user.userID === 'bob'));
    const [found] = (await carol.call('user.get', { userIDList: ['bob'] })).users;
    assert.equal(found?.email, 'bob@example.com');
    await rejectsWith(bob.call('user.setSelfInfo', { email: 'not an email' }), ErrorCode.InvalidArgument);
  });

  test('a blocked user’s messages and requests are refused with Blocked; unblocking lets them through', async () => {
    await carol.call('message.send', { message: textTo('alice', 'before the block') });
    await alice.call('black.add', { toUserID: 'carol' });
    await alice2.waitForPush(pushOf('black.changed', 'added'));
    assert.deepEqual((await alice.call('black.list', {})).blacks.map((b) => b.userID), ['carol']);
    await rejectsWith(carol.call('message.send', { message: textTo('alice', 'after the block') }), ErrorCode.Blocked);
    await rejectsWith(carol.call('friend.add', { toUserID: 'alice' }), ErrorCode.Blocked);
    // The blocker may still write.
    await alice.call('message.send', { message: textTo('carol', 'I can still write') });
    await alice.call('black.remove', { toUserID: 'carol' });
    await alice2.waitForPush(pushOf('black.changed', 'deleted'));
    await carol.call('message.send', { message: textTo('alice', 'after unblocking') });
    await rejectsWith(alice.call('black.remove', { toUserID: 'carol' }), ErrorCode.UserNotFound);
  });

  test('a blacklisted friend is not a friend to checkFriend; deleting a friend removes both sides', async () => {
    await alice.call('black.add', { toUserID: 'bob' });
    assert.deepEqual((await alice.call('friend.check', { userIDList: ['bob'] })).results, [{ userID: 'bob', result: 0 }]);
    await alice.call('black.remove', { toUserID: 'bob' });
    await alice.call('friend.delete', { friendUserID: 'bob' });
    await bob.waitForPush(pushOf('friend.changed', 'deleted'));
    await alice2.waitForPush(pushOf('friend.changed', 'deleted'));
    assert.deepEqual((await bob.call('friend.list', {})).friends, []);
    await rejectsWith(alice.call('friend.delete', { friendUserID: 'bob' }), ErrorCode.NotFriends);
  });

  test('settings (global receive option, quiet hours) are kept on the server and reach other devices', async () => {
    const { settings } = await alice.call('user.setSettings', { globalRecvMsgOpt: 2, quietStart: '22:00', quietEnd: '07:30' });
    assert.deepEqual(settings, { globalRecvMsgOpt: 2, quietStart: '22:00', quietEnd: '07:30' });
    await alice2.waitForPush((p) => p.push === 'user.settings' && p.data.settings.quietStart === '22:00');
    assert.deepEqual((await alice2.call('user.getSettings', {})).settings, settings);
    await rejectsWith(alice.call('user.setSettings', { quietStart: '25:00' }), ErrorCode.InvalidArgument);
  });
});

describe('friendship required (server option)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ requireFriendship: true });
  });
  after(() => server.dispose());

  test('strangers cannot message each other; friends can', async () => {
    const dan = await loginClient(server, 'dan');
    const eve = await loginClient(server, 'eve');
    await rejectsWith(dan.call('message.send', { message: textTo('eve', 'hello?') }), ErrorCode.NotFriends);
    await dan.call('friend.add', { toUserID: 'eve' });
    await eve.call('friend.accept', { toUserID: 'dan' });
    const { message } = await dan.call('message.send', { message: textTo('eve', 'hello!') });
    assert.equal(message.seq, 1);
  });
});
