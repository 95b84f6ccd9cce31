// Fuzz: 100,000 random and mutated frames against the real server over a real
// WebSocket. The server stays up, answers every frame with a documented error code
// (or, by chance, a success), never an internal error, and its data stays consistent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ERROR_DESCRIPTIONS } from '../../src/protocol/error-descriptions.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { loginClient, startTestServer, TestClient, textTo, type TestServer } from './helpers.js';

const TOTAL = Number(process.env.IMKIT_FUZZ_FRAMES ?? 100_000);
const BATCH = 500;

/** Deterministic, so a failing frame can be reproduced from the seed. */
function prng(seed: number) {
  return () => {
    seed = (seed ^ (seed << 13)) >>> 0;
    seed = (seed ^ (seed >>> 17)) >>> 0;
    seed = (seed ^ (seed << 5)) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('fuzz', { timeout: 600_000 }, () => {
  let server: TestServer;
  let client: TestClient;
  before(async () => {
    server = await startTestServer({ rateLimit: false });
    server.core.upsertUser({ userID: 'bob' });
    server.core.upsertUser({ userID: 'carol' });
    client = await loginClient(server, 'alice');
    server.core.createGroup({ groupID: 'fuzzgroup', groupName: 'Fuzz', ownerUserID: 'alice', memberUserIDs: ['bob'] });
  });
  after(() => server.dispose());

  test(`${TOTAL} random and mutated frames: every one answered with a documented code, no internal error, data consistent`, async () => {
    const rand = prng(0x5eed1234);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const templates = (): Record<string, unknown>[] => [
      { op: 'ping', data: {} },
      { op: 'sync', data: { since: 0, limit: 10 } },
      { op: 'conversation.list', data: {} },
      { op: 'message.send', data: { message: textTo('bob', 'fuzz') } },
      { op: 'message.send', data: { message: textTo('fuzzgroup', 'fuzz', { group: true }) } },
      { op: 'message.history', data: { conversationID: 'si_alice_bob', beforeSeq: 0, count: 5 } },
      { op: 'conversation.markRead', data: { conversationID: 'si_alice_bob' } },
      { op: 'conversation.get', data: { conversationID: 'si_alice_carol' } },
      { op: 'user.get', data: { userIDList: ['bob', 'carol'] } },
      { op: 'auth', data: { token: 'x.y', platformID: 5 } },
    ];
    const values: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, '', 'x', '💥'.repeat(50), 'a'.repeat(70_000), [], {}, [[[[[]]]]], { __proto__: { admin: true } }, { constructor: { prototype: {} } }, 'si_alice_bob', 'sg_fuzzgroup', '../../etc/passwd', '\u0000', { $gt: '' }];
    const ops = ['ping', 'sync', 'auth', 'message.send', 'message.history', 'conversation.get', 'conversation.markRead', 'user.get', 'conversation.list', 'nope', '__proto__', 'constructor', 'toString', 'signal.invite', 'group.create', 'friend.add'];

    const mutateValue = (obj: unknown, depth = 0): unknown => {
      if (obj && typeof obj === 'object' && !Array.isArray(obj) && depth < 4) {
        const copy: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
        const keys = Object.keys(copy);
        const r = rand();
        if (keys.length && r < 0.4) copy[pick(keys)] = pick(values);
        else if (keys.length && r < 0.6) delete copy[pick(keys)];
        else if (r < 0.75) copy[pick(['extra', 'id', 'op', 'data', 'message', '__proto__'])] = pick(values);
        else if (keys.length) {
          const k = pick(keys);
          copy[k] = mutateValue(copy[k], depth + 1);
        }
        return copy;
      }
      return pick(values);
    };
    const mutateText = (text: string): string => {
      const i = Math.floor(rand() * (text.length + 1));
      switch (Math.floor(rand() * 5)) {
        case 0:
          return text.slice(0, i) + text.slice(i + 1);
        case 1:
          return text.slice(0, i) + String.fromCharCode(Math.floor(rand() * 0x10000)) + text.slice(i);
        case 2:
          return text.slice(0, i);
        case 3:
          return text.slice(0, i) + text.slice(Math.floor(rand() * text.length)) ;
        default:
          return text.replace(/\d/, String(Math.floor(rand() * 1e6)));
      }
    };
    const garbage = (): string => {
      const pieces = ['{', '}', '[', ']', '"id"', ':', ',', '1', '"op"', '"data"', 'null', '"', '\\', '\u0000', '💥', '1e999', ' '];
      let s = '';
      const n = 1 + Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) s += rand() < 0.7 ? pick(pieces) : String.fromCharCode(Math.floor(rand() * 0xffff));
      return s;
    };

    let nextID = 1;
    const frame = (): string => {
      const r = rand();
      if (r < 0.25) return garbage();
      const t = pick(templates());
      const f: Record<string, unknown> = { id: nextID++, op: rand() < 0.15 ? pick(ops) : t.op, data: t.data };
      if (r < 0.6) return JSON.stringify(mutateValue(f));
      if (r < 0.9) return mutateText(JSON.stringify(f));
      return JSON.stringify(f); // a valid frame now and then, so state really changes
    };

    const documented = new Set(Object.keys(ERROR_DESCRIPTIONS).map(Number));
    const codes = new Map<number, number>();
    let successes = 0;
    for (let sent = 0; sent < TOTAL; sent += BATCH) {
      const frames = Array.from({ length: Math.min(BATCH, TOTAL - sent) }, frame);
      const responses = await Promise.all(frames.map((f) => client.sendRaw(f, 30_000)));
      responses.forEach((res, i) => {
        if (res.ok) {
          successes++;
          return;
        }
        const code = res.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        assert.ok(documented.has(code), `frame ${JSON.stringify(frames[i]).slice(0, 200)} → undocumented code ${code}`);
        assert.notEqual(code, ErrorCode.Internal, `frame ${JSON.stringify(frames[i]).slice(0, 200)} → internal error`);
        assert.equal(typeof res.error.message, 'string');
        assert.ok(res.error.message.length > 0);
      });
    }
    console.log(`fuzz: ${TOTAL} frames, ${successes} accepted, refusals by code: ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`);
    assert.deepEqual(server.log.errors, [], 'no internal errors logged');
    assert.ok((await client.call('ping', {})).serverTime > 0, 'the server still answers');
    const other = await loginClient(server, 'carol');
    assert.ok((await other.call('conversation.list', {})).conversations, 'a new connection works');

    // Consistency straight from the SQLite file.
    const db = new Database(join(server.dir, 'imkit.sqlite'), { readonly: true });
    try {
      const conversations = db.prepare('SELECT conversation_id AS id, max_seq AS maxSeq FROM conversations').all() as { id: string; maxSeq: number }[];
      for (const c of conversations) {
        const seqs = (db.prepare('SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq').all(c.id) as { seq: number }[]).map((r) => r.seq);
        assert.deepEqual(seqs, Array.from({ length: c.maxSeq }, (_, i) => i + 1), `${c.id}: seqs run 1..max_seq without holes`);
      }
      const users = db.prepare('SELECT DISTINCT user_id AS id FROM events').all() as { id: string }[];
      for (const u of users) {
        const seqs = (db.prepare('SELECT seq FROM events WHERE user_id = ? ORDER BY seq').all(u.id) as { seq: number }[]).map((r) => r.seq);
        assert.deepEqual(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1), `${u.id}: event log without holes`);
      }
      const sentByFuzz = (db.prepare("SELECT COUNT(*) AS n FROM messages WHERE conversation_id IN ('si_alice_bob', 'sg_fuzzgroup')").get() as { n: number }).n;
      assert.ok(sentByFuzz > 0, 'valid sends among the fuzz were stored');
    } finally {
      db.close();
    }
  });
});
