import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { loginClient, RequestError, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

const isNewMessage = (text: string) => (p: PushFrame) => p.push === 'message.new' && p.data.message.content === text;

describe('one-to-one messaging', () => {
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  before(async () => {
    server = await startTestServer();
    alice = await loginClient(server, 'alice', 'Alice');
    bob = await loginClient(server, 'bob', 'Bob');
  });
  after(async () => {
    // Dispose first so that a failed assertion can never leave the server running.
    await server.dispose();
    assert.deepEqual(server.log.errors, []);
  });

  test('two users exchange messages and each receives the push in real time', async () => {
    const sent = await alice.call('message.send', { message: textTo('bob', 'Hi Bob!') });
    assert.equal(sent.message.seq, 1);
    assert.equal(sent.message.status, 2);
    assert.equal(sent.message.conversationID, 'si_alice_bob');
    assert.equal(sent.message.senderNickname, 'Alice');
    assert.ok(sent.message.serverMsgID.length > 0);
    assert.deepEqual(sent.message.textElem, { content: 'Hi Bob!' });

    const atBob = await bob.waitForPush(isNewMessage('Hi Bob!'));
    assert.equal(atBob.push === 'message.new' && atBob.data.message.clientMsgID, sent.message.clientMsgID);
    assert.equal(atBob.push === 'message.new' && atBob.data.message.isRead, false);
    const bobConv = await bob.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.maxSeq === 1);
    assert.ok(bobConv.push === 'conversation.changed');
    assert.equal(bobConv.data.conversation.unreadCount, 1);
    assert.equal(bobConv.data.conversation.showName, 'Alice');
    assert.equal(bobConv.data.conversation.latestMsg?.content, 'Hi Bob!');
    // The sender's other devices learn too: the push is logged for alice as well.
    await alice.waitForPush(isNewMessage('Hi Bob!'));

    const reply = await bob.call('message.send', { message: textTo('alice', 'Hey Alice') });
    assert.equal(reply.message.seq, 2);
    await alice.waitForPush(isNewMessage('Hey Alice'));
  });

  test('seq grows by one per message in each conversation, independently', async () => {
    await loginClient(server, 'carol').then((c) => c.close());
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) seqs.push((await alice.call('message.send', { message: textTo('carol', `n${i}`) })).message.seq);
    assert.deepEqual(seqs, [1, 2, 3, 4, 5]);
    const next = await alice.call('message.send', { message: textTo('bob', 'back to bob') });
    assert.equal(next.message.seq, 3);
    const times = (await alice.call('message.history', { conversationID: 'si_alice_carol', beforeSeq: 0, count: 10 })).messages.map(
      (m) => m.sendTime,
    );
    assert.deepEqual([...times].sort((a, b) => a - b), times, 'send times follow seq order');
  });

  test('sending the same clientMsgID twice stores one message; different content is refused', async () => {
    const msg = textTo('bob', 'only once', { clientMsgID: 'dup-1' });
    const first = await alice.call('message.send', { message: msg });
    const pushesBefore = bob.pushes.length;
    const second = await alice.call('message.send', { message: { ...msg, createTime: msg.createTime + 5 } });
    assert.equal(second.message.seq, first.message.seq);
    assert.equal(second.message.serverMsgID, first.message.serverMsgID);
    const history = await bob.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 50 });
    assert.equal(history.messages.filter((m) => m.clientMsgID === 'dup-1').length, 1);
    // The retry produced no new pushes (the first send's pushes may still be in flight).
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(bob.pushes.filter((p) => p.push === 'message.new' && p.data.message.clientMsgID === 'dup-1').length, 1);
    assert.ok(bob.pushes.length - pushesBefore <= 2);

    const mismatch = await alice.request('message.send', { message: { ...msg, content: 'something else' } });
    assert.equal(!mismatch.ok && mismatch.error.code, ErrorCode.DuplicateMismatch);
    // Another sender reusing the id is a mismatch too, not a way to read alice's message.
    const stolen = await bob.request('message.send', { message: textTo('alice', 'only once', { clientMsgID: 'dup-1' }) });
    assert.equal(!stolen.ok && stolen.error.code, ErrorCode.DuplicateMismatch);
  });

  test('sends to nobody, to oneself, empty, too long or non-text are refused with their codes', async () => {
    const cases: Array<[ReturnType<typeof textTo>, number]> = [
      [textTo('nobody', 'hello?'), ErrorCode.UserNotFound],
      [textTo('alice', 'me, myself'), ErrorCode.InvalidArgument],
      [textTo('bob', '   '), ErrorCode.InvalidArgument],
      [textTo('bob', 'x'.repeat(8001)), ErrorCode.MessageTooLong],
      [{ ...textTo('bob', 'pic'), contentType: 102 }, ErrorCode.InvalidContent],
      [{ ...textTo('bob', 'tip'), contentType: 1400 }, ErrorCode.UnsupportedContentType],
      [{ ...textTo('bob', 'both'), groupID: 'team' }, ErrorCode.InvalidArgument],
    ];
    for (const [message, code] of cases) {
      const res = await alice.request('message.send', { message });
      assert.equal(!res.ok && res.error.code, code, message.content.slice(0, 20));
    }
    // 8000 emoji are 8000 characters (16000 UTF-16 units) and fit.
    const emoji = await alice.request('message.send', { message: textTo('bob', '😀'.repeat(8000)) });
    assert.equal(emoji.ok, true);
  });

  test('unread counts follow messages and markRead, and the peer gets a read receipt', async () => {
    const dave = await loginClient(server, 'dave', 'Dave');
    const erin = await loginClient(server, 'erin', 'Erin');
    for (const t of ['one', 'two', 'three']) await dave.call('message.send', { message: textTo('erin', t) });

    let list = await erin.call('conversation.list', {});
    let conv = list.conversations.find((c) => c.conversationID === 'si_dave_erin')!;
    assert.equal(conv.unreadCount, 3);
    assert.equal(conv.hasReadSeq, 0);
    assert.equal(conv.latestMsg?.content, 'three');

    const partial = await erin.call('conversation.markRead', { conversationID: 'si_dave_erin', seq: 2 });
    assert.equal(partial.conversation.unreadCount, 1);
    assert.equal(partial.conversation.hasReadSeq, 2);
    const receipt = await dave.waitForPush((p) => p.push === 'read.receipt');
    assert.ok(receipt.push === 'read.receipt');
    assert.deepEqual(
      { c: receipt.data.conversationID, u: receipt.data.userID, s: receipt.data.hasReadSeq },
      { c: 'si_dave_erin', u: 'erin', s: 2 },
    );

    // A lower or absurd seq never moves the read mark backwards or past the end.
    assert.equal((await erin.call('conversation.markRead', { conversationID: 'si_dave_erin', seq: 1 })).conversation.hasReadSeq, 2);
    const all = await erin.call('conversation.markRead', { conversationID: 'si_dave_erin', seq: 999 });
    assert.equal(all.conversation.hasReadSeq, 3);
    assert.equal(all.conversation.unreadCount, 0);

    list = await erin.call('conversation.list', {});
    conv = list.conversations.find((c) => c.conversationID === 'si_dave_erin')!;
    assert.equal(conv.unreadCount, 0);

    // Dave sees that erin read his messages.
    const daveView = (await dave.call('conversation.get', { conversationID: 'si_dave_erin' })).conversation;
    assert.equal(daveView.peerReadSeq, 3);
    assert.equal(daveView.unreadCount, 0, 'own messages never count as unread');
    assert.equal(daveView.latestMsg?.isRead, true);

    const notMine = await erin.request('conversation.markRead', { conversationID: 'si_alice_bob' });
    assert.equal(!notMine.ok && notMine.error.code, ErrorCode.ConversationNotFound);
    await dave.close();
    await erin.close();
  });

  test('history pages backwards, oldest first within a page, with hasMore', async () => {
    const frank = await loginClient(server, 'frank');
    for (let i = 1; i <= 25; i++) await frank.call('message.send', { message: textTo('alice', `m${i}`) });
    const cid = 'si_alice_frank';
    const p1 = await alice.call('message.history', { conversationID: cid, beforeSeq: 0, count: 10 });
    assert.deepEqual(p1.messages.map((m) => m.seq), [16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    assert.equal(p1.hasMore, true);
    const p2 = await alice.call('message.history', { conversationID: cid, beforeSeq: 16, count: 10 });
    assert.deepEqual(p2.messages.map((m) => m.seq), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const p3 = await alice.call('message.history', { conversationID: cid, beforeSeq: 6, count: 10 });
    assert.deepEqual(p3.messages.map((m) => m.content), ['m1', 'm2', 'm3', 'm4', 'm5']);
    assert.equal(p3.hasMore, false);
    const exact = await alice.call('message.history', { conversationID: cid, beforeSeq: 11, count: 10 });
    assert.equal(exact.hasMore, false);

    // Outsiders see nothing.
    const carol = await loginClient(server, 'carol');
    const res = await carol.request('message.history', { conversationID: cid, beforeSeq: 0, count: 10 });
    assert.equal(!res.ok && res.error.code, ErrorCode.ConversationNotFound);
    const tooMany = await alice.request('message.history', { conversationID: cid, beforeSeq: 0, count: 201 });
    assert.equal(!tooMany.ok && tooMany.error.code, ErrorCode.InvalidArgument);
    await frank.close();
    await carol.close();
  });

  test('conversation.get creates an empty one-to-one conversation on demand', async () => {
    await loginClient(server, 'gina', 'Gina').then((c) => c.close());
    const { conversation } = await alice.call('conversation.get', { conversationID: 'si_alice_gina' });
    assert.equal(conversation.showName, 'Gina');
    assert.equal(conversation.maxSeq, 0);
    assert.equal(conversation.latestMsg, null);
    assert.ok((await alice.call('conversation.list', {})).conversations.some((c) => c.conversationID === 'si_alice_gina'));
    for (const [cid, code] of [
      ['si_alice_nobody', ErrorCode.UserNotFound],
      ['si_bob_carol', ErrorCode.ConversationNotFound],
      ['si_alice_alice', ErrorCode.ConversationNotFound],
      ['garbage', ErrorCode.ConversationNotFound],
      ['sg_nogroup', ErrorCode.GroupNotFound],
    ] as const) {
      const res = await alice.request('conversation.get', { conversationID: cid });
      assert.equal(!res.ok && res.error.code, code, cid);
    }
  });
});

describe('group messaging', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dbFile: ':memory:' });
    for (const id of ['owner', 'm1', 'm2', 'outsider']) server.core.upsertUser({ userID: id, nickname: id.toUpperCase() });
    server.core.createGroup({ groupID: 'g1', groupName: 'Group One', ownerUserID: 'owner', memberUserIDs: ['m1', 'm2'] });
  });
  after(() => server.dispose());

  test('members send and every member gets the message; non-members are refused', async () => {
    const owner = await loginClient(server, 'owner');
    const m1 = await loginClient(server, 'm1');
    const m2 = await loginClient(server, 'm2');
    const outsider = await loginClient(server, 'outsider');

    const sent = await m1.call('message.send', { message: textTo('g1', 'hello group', { group: true }) });
    assert.equal(sent.message.conversationID, 'sg_g1');
    assert.equal(sent.message.recvID, '');
    for (const c of [owner, m2]) {
      const p = await c.waitForPush(isNewMessage('hello group'));
      assert.ok(p.push === 'message.new');
      assert.equal(p.data.message.groupID, 'g1');
    }
    const view = (await owner.call('conversation.get', { conversationID: 'sg_g1' })).conversation;
    assert.equal(view.showName, 'Group One');
    assert.equal(view.unreadCount, 1);
    assert.equal(view.peerReadSeq, 0);

    const refused = await outsider.request('message.send', { message: textTo('g1', 'let me in', { group: true }) });
    assert.equal(!refused.ok && refused.error.code, ErrorCode.NotGroupMember);
    const peek = await outsider.request('message.history', { conversationID: 'sg_g1', beforeSeq: 0, count: 10 });
    assert.equal(!peek.ok && peek.error.code, ErrorCode.NotGroupMember);
    const missing = await m1.request('message.send', { message: textTo('g2', 'anyone?', { group: true }) });
    assert.equal(!missing.ok && missing.error.code, ErrorCode.GroupNotFound);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(outsider.pushes.filter((p) => p.push === 'message.new').length, 0, 'outsiders get no pushes');

    // Group reads give no receipts to anyone.
    await m2.call('conversation.markRead', { conversationID: 'sg_g1' });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(m1.pushes.filter((p) => p.push === 'read.receipt').length, 0);

    for (const c of [owner, m1, m2, outsider]) await c.close();
  });

  test('a user with two connections gets every push on both', async () => {
    const a = await loginClient(server, 'm2');
    const b = await loginClient(server, 'm2');
    const owner = await loginClient(server, 'owner');
    await owner.call('message.send', { message: textTo('g1', 'to all devices', { group: true }) });
    const [pa, pb] = await Promise.all([a.waitForPush(isNewMessage('to all devices')), b.waitForPush(isNewMessage('to all devices'))]);
    assert.equal(pa.seq, pb.seq);
    await assert.rejects(a.call('message.send', { message: textTo('g1', '', { group: true }) }), RequestError);
    for (const c of [a, b, owner]) await c.close();
  });
});
