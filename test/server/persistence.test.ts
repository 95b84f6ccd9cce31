import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loginClient, startTestServer, tempDir, TestClient, textTo } from './helpers.js';

test('messages, read state, the event log and tokens survive a restart on the same file', async () => {
  const tmp = tempDir();
  try {
    const first = await startTestServer({ dataDir: tmp.dir });
    assert.ok(existsSync(join(tmp.dir, 'imkit.sqlite')));
    first.core.upsertUser({ userID: 'bob', nickname: 'Bob' });
    first.core.createGroup({ groupID: 'crew', groupName: 'Crew', ownerUserID: 'bob', memberUserIDs: [] });
    const alice = await loginClient(first, 'alice', 'Alice');
    const { token: bobToken } = await first.core.issueToken('bob');
    for (let i = 1; i <= 3; i++) await alice.call('message.send', { message: textTo('bob', `persist ${i}`) });
    const before = {
      list: await alice.call('conversation.list', {}),
      events: await alice.call('sync', { since: 0, limit: 200 }),
      history: await alice.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 50 }),
    };
    await alice.close();
    await first.close();

    const second = await startTestServer({ dataDir: tmp.dir });
    try {
      const bob = await TestClient.connect(second.wsUrl);
      const auth = await bob.call('auth', { token: bobToken, platformID: 5 });
      assert.equal(auth.self.nickname, 'Bob');
      const bobList = await bob.call('conversation.list', {});
      const conv = bobList.conversations.find((c) => c.conversationID === 'si_alice_bob')!;
      assert.equal(conv.unreadCount, 3);
      assert.ok(bobList.conversations.some((c) => c.conversationID === 'sg_crew'));

      const alice2 = await loginClient(second, 'alice');
      assert.deepEqual(await alice2.call('conversation.list', {}), before.list);
      assert.deepEqual(await alice2.call('sync', { since: 0, limit: 200 }), before.events);
      assert.deepEqual(await alice2.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 50 }), before.history);

      // Numbering continues where it stopped.
      const next = await alice2.call('message.send', { message: textTo('bob', 'after restart') });
      assert.equal(next.message.seq, 4);
      const push = await bob.waitForPush((p) => p.push === 'message.new');
      assert.equal(push.seq, auth.maxEventSeq + 1);
      await alice2.close();
      await bob.close();
    } finally {
      await second.close();
    }
  } finally {
    tmp.cleanup();
  }
});
