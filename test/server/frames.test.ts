import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import { Limits } from '../../src/protocol/limits.js';
import { HARD_MAX_PAYLOAD } from '../../server/node/socket.js';
import { loginClient, startTestServer, TestClient, textTo, type TestServer } from './helpers.js';

/** A tiny deterministic PRNG so a failing garbage frame can be reproduced. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('malformed frames', () => {
  let server: TestServer;
  let client: TestClient;
  before(async () => {
    // Floods are the rate limit's business (session-guard.test.ts); here every frame must reach the parser.
    server = await startTestServer({ rateLimit: false });
    server.core.upsertUser({ userID: 'bob' });
    client = await loginClient(server, 'alice');
  });
  after(() => server.dispose());

  test('each kind of bad frame gets its documented code and the connection keeps working', async () => {
    const cases: Array<[string, number, number]> = [
      ['not json', ErrorCode.BadFrame, 0],
      ['{"id": 7, "op": "ping", ', ErrorCode.BadFrame, 7],
      ['[1,2,3]', ErrorCode.BadFrame, 0],
      ['null', ErrorCode.BadFrame, 0],
      ['42', ErrorCode.BadFrame, 0],
      ['"ping"', ErrorCode.BadFrame, 0],
      ['{}', ErrorCode.BadFrame, 0],
      ['{"op":"ping","data":{}}', ErrorCode.BadFrame, 0],
      ['{"id":3,"data":{}}', ErrorCode.BadFrame, 3],
      ['{"id":"3","op":"ping","data":{}}', ErrorCode.BadFrame, 0],
      ['{"id":-1,"op":"ping","data":{}}', ErrorCode.BadFrame, 0],
      ['{"id":1.5,"op":"ping","data":{}}', ErrorCode.BadFrame, 0],
      ['{"id":4,"op":42,"data":{}}', ErrorCode.BadFrame, 4],
      ['{"id":5,"op":"ping","data":{},"extra":1}', ErrorCode.BadFrame, 5],
      ['{"id":6,"op":"launch.missiles","data":{}}', ErrorCode.UnknownOp, 6],
      ['{"id":8,"op":"__proto__","data":{}}', ErrorCode.UnknownOp, 8],
      ['{"id":9,"op":"toString","data":{}}', ErrorCode.UnknownOp, 9],
      ['{"id":10,"op":"ping","data":{"x":1}}', ErrorCode.InvalidArgument, 10],
      ['{"id":11,"op":"ping","data":[]}', ErrorCode.InvalidArgument, 11],
      ['{"id":12,"op":"sync","data":{"since":"zero"}}', ErrorCode.InvalidArgument, 12],
      ['{"id":13,"op":"message.send","data":{"message":{"content":5}}}', ErrorCode.InvalidArgument, 13],
      ['{"id":14,"op":"user.get","data":{"userIDList":"bob"}}', ErrorCode.InvalidArgument, 14],
      ['{"id":15,"op":"message.send","data":{"__proto__":{"polluted":true}}}', ErrorCode.InvalidArgument, 15],
      ['{"id":16,"op":"auth","data":{"token":"x","platformID":5}}', ErrorCode.AlreadyAuthenticated, 16],
    ];
    for (const [text, code, id] of cases) {
      const res = await client.sendRaw(text);
      assert.equal(res.ok, false, text);
      assert.equal(!res.ok && res.error.code, code, text);
      assert.equal(res.id, id, text);
      assert.ok(!res.ok && res.error.message.length > 0);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((await client.call('ping', {})).serverTime > 0, true);
  });

  test('validation messages name the offending field', async () => {
    const bad = { ...textTo('bob', 'hi'), sessionType: 3 };
    const res = await client.request('message.send', { message: bad as never });
    assert.equal(!res.ok && res.error.code, ErrorCode.InvalidArgument);
    assert.match(!res.ok ? res.error.message : '', /message\.sessionType/);
    const missing = await client.request('message.send', { message: { clientMsgID: 'x' } as never });
    assert.match(!missing.ok ? missing.error.message : '', /message\.\w+: required field is missing/);
    const extra = await client.request('message.send', { message: { ...textTo('bob', 'hi'), color: 'red' } as never });
    assert.match(!extra.ok ? extra.error.message : '', /message\.color: unknown field/);
    const id = await client.request('user.get', { userIDList: ['ok', 'not ok!'] });
    assert.match(!id.ok ? id.error.message : '', /userIDList\.1/);
  });

  test('a frame over the limit answers FrameTooLarge; a gigantic one closes only that socket', async () => {
    const big = JSON.stringify({ id: 99, op: 'message.send', data: { message: textTo('bob', 'x'.repeat(Limits.maxFrameBytes)) } });
    const res = await client.sendRaw(big);
    assert.equal(!res.ok && res.error.code, ErrorCode.FrameTooLarge);
    assert.equal(res.id, 99);
    assert.equal((await client.call('ping', {})).serverTime > 0, true);

    const victim = await loginClient(server, 'carol');
    victim.ws.send('x'.repeat(HARD_MAX_PAYLOAD + 1));
    const closed = await victim.closed;
    assert.equal(closed.code, 1009);
    // Everyone else is unaffected.
    assert.equal((await client.call('ping', {})).serverTime > 0, true);
  });

  test('1000 random garbage frames each get one error response; the server and data stay fine', async () => {
    const sent = await client.call('message.send', { message: textTo('bob', 'before the storm') });
    const rand = prng(12345);
    const pieces = ['{', '}', '[', ']', '"id"', ':', ',', '1', '-1', '"op"', '"ping"', '"message.send"', '"data"', 'null', 'true', '"', '\\', '\u0000', '💥', ' ', '1e999', '"since"'];
    const frames: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const n = 1 + Math.floor(rand() * 20);
      let s = '';
      for (let j = 0; j < n; j++) {
        s += rand() < 0.7 ? pieces[Math.floor(rand() * pieces.length)] : String.fromCharCode(Math.floor(rand() * 0xffff));
      }
      frames.push(s);
    }
    const responses = await Promise.all(frames.map((f) => client.sendRaw(f)));
    const allowed = new Set<number>([ErrorCode.BadFrame, ErrorCode.UnknownOp, ErrorCode.InvalidArgument]);
    responses.forEach((res, i) => {
      // A garbage frame may by chance be a valid ping; anything else is a documented refusal.
      if (res.ok) return;
      assert.ok(allowed.has(res.error.code), `frame ${i} ${JSON.stringify(frames[i])} → ${JSON.stringify(res)}`);
    });
    assert.deepEqual(server.log.errors, [], 'no internal errors');
    const history = await client.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 10 });
    assert.deepEqual(history.messages.at(-1), sent.message);
    assert.equal((await client.call('ping', {})).serverTime > 0, true);
  });

  test('ops with garbage data of the right shape fail as arguments, not as crashes', async () => {
    const rand = prng(99);
    const values = [null, true, 0, -1, 1e300, '', 'x', 'si_alice_bob', [], {}, ['bob'], 'a'.repeat(300)];
    const pick = () => values[Math.floor(rand() * values.length)];
    const ops = ['sync', 'conversation.get', 'conversation.markRead', 'message.history', 'message.send', 'user.get'];
    const keys = ['since', 'limit', 'conversationID', 'seq', 'beforeSeq', 'count', 'message', 'userIDList'];
    for (let i = 0; i < 300; i++) {
      const data: Record<string, unknown> = {};
      for (const k of keys) if (rand() < 0.4) data[k] = pick();
      const res = await client.sendRaw(JSON.stringify({ id: i + 1, op: ops[i % ops.length], data }));
      assert.equal(res.id, i + 1);
      if (!res.ok) assert.notEqual(res.error.code, ErrorCode.Internal, JSON.stringify(data));
    }
    assert.deepEqual(server.log.errors, []);
  });
});
