import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { loginClient, startTestServer, textTo, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.dispose());

test('sync after being offline returns exactly the missed events, in order, in pages', async () => {
  // Alice's phone stays online and sees the live pushes; her laptop goes offline.
  const phone = await loginClient(server, 'alice');
  const laptop = await loginClient(server, 'alice');
  const bob = await loginClient(server, 'bob');
  await bob.call('message.send', { message: textTo('alice', 'before') });
  await laptop.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.maxSeq === 1);
  const cursor = (await laptop.call('sync', { since: 0, limit: 200 })).maxEventSeq;
  await laptop.close();
  const phoneSeen = phone.pushes.length;

  for (let i = 1; i <= 4; i++) await bob.call('message.send', { message: textTo('alice', `missed ${i}`) });
  await phone.call('conversation.markRead', { conversationID: 'si_alice_bob' });
  const live = await phone.waitForPush(
    (p) => p.push === 'conversation.changed' && p.data.conversation.hasReadSeq === 5,
  ).then(() => phone.pushes.slice(phoneSeen));

  const back = await loginClient(server, 'alice');
  const pages: PushFrame[][] = [];
  let since = cursor;
  for (;;) {
    const page = await back.call('sync', { since, limit: 3 });
    pages.push(page.events);
    if (page.events.length) since = page.events.at(-1)!.seq;
    if (!page.hasMore) {
      assert.equal(page.maxEventSeq, since);
      break;
    }
    assert.equal(page.events.length, 3);
  }
  const missed = pages.flat();
  // 4 messages x (message.new + conversation.changed) + 1 conversation.changed for the read.
  assert.equal(missed.length, 9);
  assert.deepEqual(missed.map((e) => e.seq), Array.from({ length: 9 }, (_, i) => cursor + 1 + i), 'no gaps, no repeats');
  assert.deepEqual(
    missed.map((e) => e.push),
    [...Array(4).fill(['message.new', 'conversation.changed']).flat(), 'conversation.changed'],
  );
  assert.deepEqual(
    missed.filter((e) => e.push === 'message.new').map((e) => e.push === 'message.new' && e.data.message.content),
    ['missed 1', 'missed 2', 'missed 3', 'missed 4'],
  );
  // Catch-up and live pushes are the same frames.
  assert.deepEqual(missed, live);

  for (const c of [phone, back, bob]) await c.close();
});

test('the conversation list and maxEventSeq form a consistent snapshot', async () => {
  const carol = await loginClient(server, 'carol');
  const list = await carol.call('conversation.list', {});
  const auth = await carol.call('sync', { since: 0 });
  assert.equal(list.maxEventSeq, auth.maxEventSeq);
  const dave = await loginClient(server, 'dave');
  await dave.call('message.send', { message: textTo('carol', 'hi carol') });
  const after = await carol.call('sync', { since: list.maxEventSeq });
  assert.deepEqual(after.events.map((e) => e.push), ['message.new', 'conversation.changed']);
  assert.equal(after.hasMore, false);
  await carol.close();
  await dave.close();
});

test('sync rejects a cursor ahead of the log and out-of-range limits', async () => {
  const erin = await loginClient(server, 'erin');
  const { maxEventSeq } = await erin.call('sync', { since: 0 });
  const ahead = await erin.request('sync', { since: maxEventSeq + 1 });
  assert.equal(!ahead.ok && ahead.error.code, ErrorCode.SyncCursorInvalid);
  for (const bad of [{ since: -1 }, { since: 1.5 }, { since: 0, limit: 0 }, { since: 0, limit: 201 }, { since: '0' }]) {
    const res = await erin.request('sync', bad as never);
    assert.equal(!res.ok && res.error.code, ErrorCode.InvalidArgument, JSON.stringify(bad));
  }
  const empty = await erin.call('sync', { since: maxEventSeq });
  assert.deepEqual(empty.events, []);
  assert.equal(empty.hasMore, false);
  await erin.close();
});
