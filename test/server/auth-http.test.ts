import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import { HttpPaths } from '../../src/protocol/http.js';
import { ADMIN_SECRET, loginClient, postJson, startTestServer, TestClient, type TestServer } from './helpers.js';

describe('socket authentication', () => {
  let server: TestServer;
  let clock = Date.now();
  before(async () => {
    server = await startTestServer({ now: () => clock });
    server.core.upsertUser({ userID: 'alice', nickname: 'Alice' });
  });
  after(() => server.dispose());

  test('a valid token authenticates and returns the user and event cursor', async () => {
    const { token } = await server.core.issueToken('alice');
    const c = await TestClient.connect(server.wsUrl);
    const res = await c.call('auth', { token, platformID: 5 });
    assert.equal(res.userID, 'alice');
    assert.equal(res.self.nickname, 'Alice');
    assert.equal(typeof res.maxEventSeq, 'number');
    assert.equal(res.serverTime, clock);
    // Authenticating twice on one connection is refused.
    const again = await c.request('auth', { token, platformID: 5 });
    assert.equal(again.ok, false);
    assert.equal(!again.ok && again.error.code, ErrorCode.AlreadyAuthenticated);
    await c.close();
  });

  test('a bad token is refused and the connection stays unauthenticated', async () => {
    const c = await TestClient.connect(server.wsUrl);
    const res = await c.request('auth', { token: 'not.a-token', platformID: 5 });
    assert.equal(!res.ok && res.error.code, ErrorCode.TokenInvalid);
    const ping = await c.request('ping', {});
    assert.equal(!ping.ok && ping.error.code, ErrorCode.NotAuthenticated);
    await c.close();
  });

  test('an expired token is refused with TokenExpired', async () => {
    const { token } = await server.core.issueToken('alice', 60);
    clock += 61_000;
    const c = await TestClient.connect(server.wsUrl);
    const res = await c.request('auth', { token, platformID: 5 });
    assert.equal(!res.ok && res.error.code, ErrorCode.TokenExpired);
    await c.close();
  });

  test('a token for a user that does not exist is refused', async () => {
    const { token } = await server.core.issueToken('ghost');
    const c = await TestClient.connect(server.wsUrl);
    const res = await c.request('auth', { token, platformID: 5 });
    assert.equal(!res.ok && res.error.code, ErrorCode.UserNotFound);
    await c.close();
  });

  test('every op before auth answers NotAuthenticated', async () => {
    const c = await TestClient.connect(server.wsUrl);
    for (const [op, data] of [
      ['ping', {}],
      ['sync', { since: 0 }],
      ['conversation.list', {}],
      ['message.send', { message: {} }],
      ['user.get', { userIDList: ['alice'] }],
    ] as const) {
      const res = await c.request(op as 'ping', data as never);
      assert.equal(!res.ok && res.error.code, ErrorCode.NotAuthenticated, op);
    }
    await c.close();
  });

  test('auth pipelined with a request is handled in order', async () => {
    const { token } = await server.core.issueToken('alice');
    const c = await TestClient.connect(server.wsUrl);
    const [auth, ping] = await Promise.all([c.request('auth', { token, platformID: 5 }), c.request('ping', {})]);
    assert.equal(auth.ok, true);
    assert.equal(ping.ok, true);
    await c.close();
  });
});

describe('HTTP API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    server.core.upsertUser({ userID: 'alice', nickname: 'Alice' });
  });
  after(() => server.dispose());

  test('admin user-token with the right secret returns a working token', async () => {
    const { status, json } = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'alice', expiresInSeconds: 3600 }, {
      'x-admin-secret': ADMIN_SECRET,
    });
    assert.equal(status, 200);
    assert.equal(json.ok, true);
    assert.ok(Math.abs(json.data.expiresAt - (Date.now() + 3600_000)) < 5000);
    const c = await TestClient.connect(server.wsUrl);
    const auth = await c.call('auth', { token: json.data.token, platformID: 5 });
    assert.equal(auth.userID, 'alice');
    await c.close();
  });

  test('admin endpoints refuse a wrong or missing secret', async () => {
    for (const headers of [{ 'x-admin-secret': 'wrong' }, {}, { 'x-admin-secret': ADMIN_SECRET + 'x' }] as Record<string, string>[]) {
      const { status, json } = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'alice' }, headers);
      assert.equal(status, 401);
      assert.equal(json.error?.code, ErrorCode.AdminSecretInvalid);
    }
    const upsert = await postJson(server.url + HttpPaths.adminUpsertUser, { userID: 'mallory' }, { 'x-admin-secret': 'nope' });
    assert.equal(upsert.json.error?.code, ErrorCode.AdminSecretInvalid);
    assert.equal(server.core.getUser('mallory'), undefined);
  });

  test('admin user-token for an unknown user or with bad arguments fails clearly', async () => {
    const h = { 'x-admin-secret': ADMIN_SECRET };
    const unknown = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'nobody' }, h);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error?.code, ErrorCode.UserNotFound);
    const bad = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'has space' }, h);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error?.code, ErrorCode.InvalidArgument);
    assert.match(bad.json.error!.message, /userID/);
    const extra = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'alice', admin: true }, h);
    assert.equal(extra.json.error?.code, ErrorCode.InvalidArgument);
    assert.match(extra.json.error!.message, /admin/);
    const json = await postJson(server.url + HttpPaths.adminUserToken, '{"userID":', h);
    assert.equal(json.status, 400);
    assert.equal(json.json.error?.code, ErrorCode.BadFrame);
    const huge = await postJson(server.url + HttpPaths.adminUserToken, { userID: 'alice', pad: 'x'.repeat(100_000) }, h);
    assert.equal(huge.status, 413);
    assert.equal(huge.json.error?.code, ErrorCode.FrameTooLarge);
  });

  test('admin upsert-user creates and then updates a user', async () => {
    const h = { 'x-admin-secret': ADMIN_SECRET };
    const created = await postJson(server.url + HttpPaths.adminUpsertUser, { userID: 'frank', nickname: 'Frank' }, h);
    assert.equal(created.status, 200);
    assert.equal(created.json.data.user.nickname, 'Frank');
    const updated = await postJson(server.url + HttpPaths.adminUpsertUser, { userID: 'frank', faceURL: 'https://x.test/f.png' }, h);
    assert.equal(updated.json.data.user.nickname, 'Frank');
    assert.equal(updated.json.data.user.faceURL, 'https://x.test/f.png');
  });

  test('dev login and dev users are refused outside demo mode', async () => {
    const login = await postJson(server.url + HttpPaths.devLogin, { userID: 'alice' });
    assert.equal(login.status, 403);
    assert.equal(login.json.error?.code, ErrorCode.DevLoginDisabled);
    const res = await fetch(server.url + HttpPaths.devUsers);
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as any).error.code, ErrorCode.DevLoginDisabled);
  });

  test('health answers, unknown API paths are 404 with a code, wrong methods 405, other paths 404', async () => {
    const health = await fetch(server.url + HttpPaths.health);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as any).ok, true);
    const unknown = await fetch(server.url + '/api/nope');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as any).error.code, ErrorCode.UnknownOp);
    const wrongMethod = await fetch(server.url + HttpPaths.adminUserToken);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    const page = await fetch(server.url + '/index.html');
    assert.equal(page.status, 404);
  });

  test('the API allows credential-less cross-origin calls (test runner, Storybook, app dev servers)', async () => {
    const preflight = await fetch(server.url + HttpPaths.adminUserToken, {
      method: 'OPTIONS',
      headers: { origin: 'http://elsewhere.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-admin-secret' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /x-admin-secret/);
    const health = await fetch(server.url + HttpPaths.health, { headers: { origin: 'http://elsewhere.test' } });
    assert.equal(health.headers.get('access-control-allow-origin'), '*');
    assert.equal(health.headers.get('access-control-allow-credentials'), null);
  });
});

describe('demo mode', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ demo: true, secret: undefined, adminSecret: undefined });
  });
  after(() => server.dispose());

  test('dev users lists the seeded demo users and dev login gives a working token', async () => {
    const res = await fetch(server.url + HttpPaths.devUsers);
    const users = ((await res.json()) as any).data.users as Array<{ userID: string; nickname: string }>;
    assert.deepEqual(
      users.map((u) => u.userID),
      ['alice', 'bob', 'carol', 'dave', 'erin'],
    );
    const login = await postJson(server.url + HttpPaths.devLogin, { userID: 'carol' });
    assert.equal(login.status, 200);
    const c = await TestClient.connect(server.wsUrl);
    assert.equal((await c.call('auth', { token: login.json.data.token, platformID: 5 })).self.nickname, 'Carol Diaz');
    await c.close();
  });

  test('dev login is only for demo users', async () => {
    server.core.upsertUser({ userID: 'outsider' });
    const res = await postJson(server.url + HttpPaths.devLogin, { userID: 'outsider' });
    assert.equal(res.status, 403);
    assert.equal(res.json.error?.code, ErrorCode.PermissionDenied);
    const missing = await postJson(server.url + HttpPaths.devLogin, { userID: 'zed' });
    assert.equal(missing.json.error?.code, ErrorCode.UserNotFound);
  });

  test('generated demo secrets persist so tokens survive a restart', async () => {
    const { token } = await server.core.issueToken('alice');
    await server.close();
    const again = await startTestServer({ demo: true, dataDir: server.dir, secret: undefined, adminSecret: undefined });
    try {
      const c = await TestClient.connect(again.wsUrl);
      assert.equal((await c.call('auth', { token, platformID: 5 })).userID, 'alice');
      await c.close();
    } finally {
      await again.close();
    }
  });
});

test('outside demo mode the server refuses to start without secrets', async () => {
  const saved = { s: process.env.IMKIT_SECRET, a: process.env.IMKIT_ADMIN_SECRET };
  delete process.env.IMKIT_SECRET;
  delete process.env.IMKIT_ADMIN_SECRET;
  try {
    await assert.rejects(startTestServer({ secret: undefined, adminSecret: undefined, dbFile: ':memory:' }), /IMKIT_SECRET/);
    await assert.rejects(startTestServer({ adminSecret: undefined, dbFile: ':memory:' }), /IMKIT_ADMIN_SECRET/);
    await assert.rejects(startTestServer({ secret: 'short', dbFile: ':memory:' }), /at least 16/);
  } finally {
    if (saved.s !== undefined) process.env.IMKIT_SECRET = saved.s;
    if (saved.a !== undefined) process.env.IMKIT_ADMIN_SECRET = saved.a;
  }
});

test('a logged-in client can look up users', async () => {
  const server = await startTestServer({ dbFile: ':memory:' });
  try {
    server.core.upsertUser({ userID: 'bob', nickname: 'Bob' });
    const c = await loginClient(server, 'alice');
    const { users } = await c.call('user.get', { userIDList: ['bob', 'nobody', 'alice', 'bob'] });
    assert.deepEqual(
      users.map((u) => [u.userID, u.nickname]),
      [
        ['bob', 'Bob'],
        ['alice', 'alice'],
      ],
    );
    await c.close();
  } finally {
    await server.dispose();
  }
});
