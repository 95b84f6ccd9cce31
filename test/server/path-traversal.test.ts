// No path traversal: hostile file names are stored under generated IDs, and
// download paths that try to climb out of the uploads folder find nothing.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ERROR_DESCRIPTIONS } from '../../src/protocol/error-descriptions.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { loginClient, startTestServer, textTo, type TestServer } from './helpers.js';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(server: TestServer, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('file access: path traversal and who may download', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    server.core.upsertUser({ userID: 'alice' });
    token = (await server.core.issueToken('alice')).token;
  });
  after(() => server.dispose());

  test('downloads that climb out of the uploads folder are refused with FileNotFound, never served', async () => {
    const paths = [
      '/api/files/../imkit.sqlite',
      '/api/files/..%2Fimkit.sqlite',
      '/api/files/%2e%2e%2fimkit.sqlite',
      '/api/files/..%5C..%5Cimkit.sqlite',
      '/api/files/....//....//etc/passwd',
      '/api/files/%252e%252e%252fimkit.sqlite',
      '/api/files/00000000-0000-0000-0000-000000000000/../../imkit.sqlite',
      '/api/files/%00',
      '/api/files//etc/passwd',
    ];
    for (const path of paths) {
      const res = await rawGet(server, path, token);
      assert.ok(res.status >= 400 && res.status < 500, `${path} → ${res.status}`);
      assert.doesNotMatch(res.body, /SQLite format|root:x:/, `${path} leaked a file`);
      const json = JSON.parse(res.body) as { ok: boolean; error: { code: number } };
      assert.equal(json.ok, false);
      assert.ok(json.error.code in ERROR_DESCRIPTIONS && json.error.code !== ErrorCode.Internal, `${path}: a documented refusal, got ${res.body}`);
    }
  });

  test('a hostile file name is kept as a name only: stored under a generated ID, sent back in a safe Content-Disposition', async () => {
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('plain text, not a script')], { type: 'text/plain' }), '../../../evil"\r\nX-Injected: 1.txt');
    const up = await fetch(`${server.url}/api/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    const json = (await up.json()) as { ok: boolean; data: { uuid: string; url: string } };
    assert.ok(json.ok, JSON.stringify(json));
    assert.match(json.data.uuid, /^[0-9a-f-]{36}$/);
    assert.ok(!existsSync(join(server.dir, '..', 'evil"')) && !readdirSync(join(server.dir, '..')).some((f) => f.startsWith('evil')), 'nothing written outside the data folder');
    assert.deepEqual(readdirSync(join(server.dir, 'uploads')).filter((f) => !f.endsWith('.part')), [json.data.uuid], 'the upload is stored under its ID only');
    const down = await fetch(`${server.url}${json.data.url}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(down.status, 200);
    assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(down.headers.get('x-injected'), null, 'no header injection through the name');
    const disposition = down.headers.get('content-disposition') ?? '';
    assert.ok(!/\r|\n/.test(disposition) && !disposition.includes('../'), `safe disposition: ${disposition}`);
  });

  test('a file is readable by its uploader and by members of conversations it was sent to, and by nobody else', async () => {
    const alice = await loginClient(server, 'alice');
    for (const id of ['bob', 'mallory']) server.core.upsertUser({ userID: id });
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('for bob only')], { type: 'text/plain' }), 'note.txt');
    const up = (await (await fetch(`${server.url}/api/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })).json()) as { data: { uuid: string; url: string } };
    const get = async (userID: string) => {
      const t = (await server.core.issueToken(userID)).token;
      const res = await fetch(`${server.url}${up.data.url}`, { headers: { authorization: `Bearer ${t}` } });
      return { status: res.status, body: await res.text() };
    };
    assert.equal((await get('alice')).status, 200, 'the uploader reads it');
    assert.equal((await get('bob')).status, 404, 'before it is sent, nobody else does');
    await alice.call('message.send', {
      message: { ...textTo('bob', ''), contentType: 105, content: JSON.stringify({ filePath: '', uuid: up.data.uuid, sourceUrl: up.data.url, fileName: 'note.txt', fileSize: 12 }) },
    });
    const bob = await get('bob');
    assert.equal(bob.status, 200, 'the recipient reads it');
    assert.equal(bob.body, 'for bob only');
    const mallory = await get('mallory');
    assert.equal(mallory.status, 404, 'a stranger with the link gets nothing');
    assert.equal((JSON.parse(mallory.body) as { error: { code: number } }).error.code, ErrorCode.FileNotFound);
  });
});
