// Per-connection protections: the frame rate limit, the multi-login policy and
// sessions that end when their token expires.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import { startTestServer, TestClient } from './helpers.js';

async function connectAs(server: Awaited<ReturnType<typeof startTestServer>>, userID: string, platformID = 5, ttlSeconds?: number): Promise<TestClient> {
  if (!server.core.getUser(userID)) server.core.upsertUser({ userID });
  const { token } = await server.core.issueToken(userID, ttlSeconds);
  const client = await TestClient.connect(server.wsUrl);
  await client.call('auth', { token, platformID });
  return client;
}

describe('rate limit', () => {
  test('a flood gets RateLimited answers carrying the request id, and the connection recovers', async () => {
    const server = await startTestServer({ rateLimit: { burst: 20, perSecond: 20 } });
    try {
      const client = await connectAs(server, 'flooder');
      const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => client.sendRaw(JSON.stringify({ id: 100 + i, op: 'ping', data: {} }))));
      const limited = responses.filter((r) => !r.ok && r.error.code === ErrorCode.RateLimited);
      assert.ok(limited.length >= 30, `most of the flood is refused (${limited.length} of 60)`);
      assert.ok(responses.slice(0, 15).every((r) => r.ok), 'the burst is served');
      for (const r of limited) assert.ok(r.id >= 100 && r.id < 160, 'refusals name their request');
      assert.match((limited[0] as { error: { message: string } }).error.message, /slow down/);
      await new Promise((r) => setTimeout(r, 600));
      assert.ok((await client.call('ping', {})).serverTime > 0, 'after a pause the connection works again');
      // Another connection was never affected.
      const other = await connectAs(server, 'bystander');
      assert.ok((await other.call('ping', {})).serverTime > 0);
    } finally {
      await server.dispose();
    }
  });
});

describe('multi-login policy', () => {
  test("'single': a new sign-in ends the older session with KickedOffline and closes it", async () => {
    const server = await startTestServer({ multiLogin: 'single' });
    try {
      const first = await connectAs(server, 'ann', 5);
      const ended = first.waitForPush((p) => p.push === 'session.ended');
      const second = await connectAs(server, 'ann', 3);
      const push = await ended;
      assert.equal(push.seq, 0, 'transient push');
      assert.equal((push.data as { code: number }).code, ErrorCode.KickedOffline);
      assert.equal((await first.closed).code, 4001);
      assert.ok((await second.call('ping', {})).serverTime > 0, 'the newer session works');
    } finally {
      await server.dispose();
    }
  });

  test("'per-platform': only a sign-in on the same platform ends the older session", async () => {
    const server = await startTestServer({ multiLogin: 'per-platform' });
    try {
      const web = await connectAs(server, 'ben', 5);
      const desktop = await connectAs(server, 'ben', 3);
      const webEnded = web.waitForPush((p) => p.push === 'session.ended');
      await connectAs(server, 'ben', 5);
      assert.equal(((await webEnded).data as { code: number }).code, ErrorCode.KickedOffline);
      assert.ok((await desktop.call('ping', {})).serverTime > 0, 'the other platform stays signed in');
    } finally {
      await server.dispose();
    }
  });

  test("'multiple' (the default) keeps every session", async () => {
    const server = await startTestServer();
    try {
      const a = await connectAs(server, 'cat', 5);
      const b = await connectAs(server, 'cat', 5);
      assert.ok((await a.call('ping', {})).serverTime > 0);
      assert.ok((await b.call('ping', {})).serverTime > 0);
    } finally {
      await server.dispose();
    }
  });
});

describe('token expiry', () => {
  test('a session ends with TokenExpired when its token runs out, and the token is refused afterwards', async () => {
    const server = await startTestServer();
    try {
      server.core.upsertUser({ userID: 'dee' });
      const { token } = await server.core.issueToken('dee', 1);
      const client = await TestClient.connect(server.wsUrl);
      await client.call('auth', { token, platformID: 5 });
      const push = await client.waitForPush((p) => p.push === 'session.ended', 4000);
      assert.equal((push.data as { code: number }).code, ErrorCode.TokenExpired);
      assert.equal((await client.closed).code, 4001);
      const again = await TestClient.connect(server.wsUrl);
      const res = await again.sendRaw(JSON.stringify({ id: 1, op: 'auth', data: { token, platformID: 5 } }));
      assert.equal(!res.ok && res.error.code, ErrorCode.TokenExpired);
    } finally {
      await server.dispose();
    }
  });
});
