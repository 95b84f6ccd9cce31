import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import initSqlJs from 'sql.js';
import type { ServerFrame } from '../../src/protocol/frames.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { OpName, OpRequest, OpResponse } from '../../src/protocol/ops.js';
import { createSqlJsDriver } from '../../server/browser/sqljs-driver.js';
import { migrate, SCHEMA_VERSION } from '../../server/core/schema.js';
import { createServerCore, type ServerCore } from '../../server/core/server-core.js';
import type { SqlDriver } from '../../server/core/sql-driver.js';
import { createSqliteDriver } from '../../server/node/sqlite-driver.js';
import { captureLogger, SECRET, textTo } from './helpers.js';

/**
 * The core without any network: what the browser loopback does. Every test runs
 * on both drivers, because the Storybook backend (sql.js) must behave exactly
 * like the Node server (better-sqlite3).
 */
const SQL = await initSqlJs();
const drivers: Array<[string, () => SqlDriver]> = [
  ['better-sqlite3', () => createSqliteDriver(':memory:')],
  ['sql.js', () => createSqlJsDriver(SQL)],
];

function loopback(core: ServerCore) {
  const frames: ServerFrame[] = [];
  const conn = core.connect((text) => frames.push(JSON.parse(text) as ServerFrame));
  let nextID = 0;
  return {
    frames,
    conn,
    pushes: () => frames.filter((f) => 'push' in f),
    async call<O extends OpName>(op: O, data: OpRequest<O>): Promise<OpResponse<O>> {
      const id = ++nextID;
      await conn.receive(JSON.stringify({ id, op, data }));
      const res = frames.find((f) => !('push' in f) && f.id === id);
      if (!res || 'push' in res) throw new Error(`no response to ${op}`);
      if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
      return res.data as OpResponse<O>;
    },
  };
}

async function as(core: ServerCore, userID: string) {
  const client = loopback(core);
  await client.call('auth', { token: (await core.issueToken(userID)).token, platformID: 5 });
  return client;
}

for (const [name, makeDriver] of drivers) {
  describe(`core on ${name}`, () => {
    test('demo seed: users, conversations, unread state; seeding twice changes nothing', async () => {
      const now = Date.UTC(2025, 4, 14, 15, 30);
      const log = captureLogger();
      const core = createServerCore({ driver: makeDriver(), secret: SECRET, demo: true, now: () => now, logger: log });
      assert.equal(core.seedDemo(), true);
      const count = (table: string) => countRows(core, table);
      const snapshot = () => [count('messages'), count('events'), count('users'), count('user_conversations')];
      const before = snapshot();
      assert.equal(core.seedDemo(), false);
      assert.deepEqual(snapshot(), before);

      assert.deepEqual(
        core.demoUsers().map((u) => `${u.userID}:${u.nickname}:${u.faceURL}`),
        ['alice:Alice Chen:', 'bob:Bob Martin:', 'carol:Carol Diaz:', 'dave:Dave Kim:', 'erin:Erin Walsh:'],
      );

      const alice = await as(core, 'alice');
      const list = await alice.call('conversation.list', {});
      const byID = Object.fromEntries(list.conversations.map((c) => [c.conversationID, c]));
      assert.deepEqual(Object.keys(byID).sort(), ['sg_team', 'si_alice_bob', 'si_alice_carol']);
      assert.equal(byID.si_alice_bob!.unreadCount, 3);
      assert.equal(byID.si_alice_carol!.unreadCount, 0);
      assert.equal(byID.sg_team!.unreadCount, 0);
      assert.equal(byID.sg_team!.showName, 'imkit team');
      assert.equal(byID.si_alice_carol!.showName, 'Carol Diaz');
      assert.equal(list.conversations[0]!.conversationID, 'si_alice_bob', 'most recent first');

      for (const [cid, min, max] of [
        ['si_alice_bob', 15, 40],
        ['si_alice_carol', 15, 40],
        ['sg_team', 10, 14],
      ] as const) {
        const { messages } = await alice.call('message.history', { conversationID: cid, beforeSeq: 0, count: 200 });
        assert.ok(messages.length >= min && messages.length <= max, `${cid}: ${messages.length}`);
        const times = messages.map((m) => m.sendTime);
        assert.deepEqual([...times].sort((a, b) => a - b), times);
        assert.ok(times.every((t) => t <= now && t > now - 3 * 24 * 3600_000), `${cid} within the last 3 days`);
        assert.ok(messages.every((m) => m.seq > 0 && m.serverMsgID && m.senderNickname && m.status === 2));
      }
      const days = new Set(
        (await alice.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 200 })).messages.map((m) =>
          new Date(m.sendTime).toDateString(),
        ),
      );
      assert.ok(days.size >= 3, 'spread over at least three days');

      const bob = await as(core, 'bob');
      const bobIDs = (await bob.call('conversation.list', {})).conversations.map((c) => c.conversationID).sort();
      assert.deepEqual(bobIDs, ['sg_team', 'si_alice_bob', 'si_bob_dave']);
      const bd = (await bob.call('message.history', { conversationID: 'si_bob_dave', beforeSeq: 0, count: 200 })).messages;
      assert.ok(bd.length >= 15);
      const erin = await as(core, 'erin');
      assert.deepEqual((await erin.call('conversation.list', {})).conversations, []);
      assert.deepEqual(log.errors, []);
      core.close();
    });

    test('a loopback conversation: pushes, read receipts, errors', async () => {
      const core = createServerCore({ driver: makeDriver(), secret: SECRET, logger: captureLogger() });
      core.upsertUser({ userID: 'ann', nickname: 'Ann' });
      core.upsertUser({ userID: 'ben', nickname: 'Ben' });
      const ann = await as(core, 'ann');
      const ben = await as(core, 'ben');
      const sent = await ann.call('message.send', { message: textTo('ben', 'hello ben') });
      assert.equal(sent.message.seq, 1);
      const push = ben.pushes().find((p) => p.push === 'message.new');
      assert.ok(push && push.push === 'message.new');
      assert.equal(push.data.message.content, 'hello ben');
      await ben.call('conversation.markRead', { conversationID: 'si_ann_ben' });
      const receipt = ann.pushes().find((p) => p.push === 'read.receipt');
      assert.ok(receipt && receipt.push === 'read.receipt');
      assert.equal(receipt.data.hasReadSeq, 1);
      await assert.rejects(ann.call('message.send', { message: textTo('nobody', 'x') }), { code: ErrorCode.UserNotFound });
      // A closed connection gets nothing more.
      ben.conn.close();
      const framesAtClose = ben.frames.length;
      await ann.call('message.send', { message: textTo('ben', 'are you there?') });
      assert.equal(ben.frames.length, framesAtClose);
      core.close();
    });

    test('a failed mutation rolls back entirely and pushes nothing', async () => {
      const core = createServerCore({ driver: makeDriver(), secret: SECRET, logger: captureLogger() });
      core.upsertUser({ userID: 'ann' });
      const ann = await as(core, 'ann');
      const before = ann.pushes().length;
      assert.throws(() => core.createGroup({ groupID: 'g', groupName: 'G', ownerUserID: 'ann', memberUserIDs: ['ghost'] }), {
        code: ErrorCode.UserNotFound,
      });
      assert.equal(core.store.getGroup('g'), undefined);
      assert.equal(core.store.maxEventSeq('ann'), 0);
      assert.equal(ann.pushes().length, before);
      core.createGroup({ groupID: 'g', groupName: 'G', ownerUserID: 'ann', memberUserIDs: [] });
      assert.equal(ann.pushes().length, before + 1, 'a successful create pushes the new conversation');
      core.close();
    });

    test('migrations are idempotent and refuse a newer schema', () => {
      const driver = makeDriver();
      assert.equal(migrate(driver), SCHEMA_VERSION);
      assert.equal(migrate(driver), SCHEMA_VERSION);
      assert.equal(driver.get<{ user_version: number }>('PRAGMA user_version')?.user_version, SCHEMA_VERSION);
      driver.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
      assert.throws(() => migrate(driver), /newer/);
      driver.close();
    });

    test('nested transactions roll back only their own part', () => {
      const driver = makeDriver();
      driver.exec('CREATE TABLE t (x INTEGER)');
      driver.transaction(() => {
        driver.run('INSERT INTO t VALUES (?)', [1]);
        assert.throws(() =>
          driver.transaction(() => {
            driver.run('INSERT INTO t VALUES (?)', [2]);
            throw new Error('inner');
          }),
        );
        driver.run('INSERT INTO t VALUES (?)', [true]);
      });
      assert.deepEqual(driver.all<{ x: number }>('SELECT x FROM t ORDER BY rowid').map((r) => r.x), [1, 1]);
      assert.throws(() =>
        driver.transaction(() => {
          driver.run('INSERT INTO t VALUES (?)', [3]);
          throw new Error('outer');
        }),
      );
      assert.equal(driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM t')?.n, 2);
      assert.deepEqual(driver.run('INSERT INTO t VALUES (?)', [undefined]).changes, 1);
      driver.close();
    });
  });
}

function countRows(core: ServerCore, table: string): number {
  // Tests may peek at row counts through the store's own queries where one exists.
  const counts: Record<string, () => number> = {
    messages: () => ['si_alice_bob', 'si_alice_carol', 'si_bob_dave', 'sg_team'].reduce((n, c) => n + (core.store.getConversation(c)?.max_seq ?? 0), 0),
    events: () => ['alice', 'bob', 'carol', 'dave', 'erin'].reduce((n, u) => n + core.store.maxEventSeq(u), 0),
    users: () => core.store.getUsers(['alice', 'bob', 'carol', 'dave', 'erin']).length,
    user_conversations: () => ['alice', 'bob', 'carol', 'dave', 'erin'].reduce((n, u) => n + core.store.listUserConversationIDs(u).length, 0),
  };
  return counts[table]!();
}

test('the sql.js database can be exported and reopened with its data', async () => {
  const driver = createSqlJsDriver(SQL);
  const core = createServerCore({ driver, secret: SECRET, logger: captureLogger() });
  core.seedDemo();
  const bytes = driver.export();
  const alice = await as(core, 'alice');
  const before = await alice.call('conversation.list', {});
  core.close();
  const reopened = createServerCore({ driver: createSqlJsDriver(SQL, bytes), secret: SECRET, logger: captureLogger() });
  const again = await as(reopened, 'alice');
  assert.deepEqual(await again.call('conversation.list', {}), before);
  assert.equal(reopened.seedDemo(), false);
  reopened.close();
});
