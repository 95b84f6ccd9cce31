import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers.js';

const root = resolve(import.meta.dirname, '../..');

function run(args: string[], env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, IMKIT_SECRET: undefined, IMKIT_ADMIN_SECRET: undefined, PORT: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const listening = new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    void exited.then(() => reject(new Error(out)));
  });
  listening.catch(() => {}); // tests that expect an exit never await it
  return { child, exited, listening, output: () => out };
}

test('the CLI starts in demo mode, prints one line, serves, and shuts down on SIGTERM', async () => {
  const tmp = tempDir();
  try {
    const p = run(['--demo', '--port', '0', '--data-dir', tmp.dir], {});
    const url = await p.listening;
    assert.match(p.output(), /^imkit server listening on http:\/\/127\.0\.0\.1:\d+ \(demo mode, data in .*imkit\.sqlite\)\n$/);
    const users = (await (await fetch(url + '/api/dev/users')).json()) as { data: { users: unknown[] } };
    assert.equal(users.data.users.length, 5);
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0);
    assert.ok(existsSync(join(tmp.dir, 'imkit.sqlite')));
    assert.ok(existsSync(join(tmp.dir, 'secrets.json')));
  } finally {
    tmp.cleanup();
  }
});

test('outside demo mode the CLI exits with a clear message when secrets are missing', async () => {
  const p = run(['--port', '0', '--db', ':memory:'], {});
  assert.equal(await p.exited, 1);
  assert.match(p.output(), /IMKIT_SECRET and IMKIT_ADMIN_SECRET are not set/);
});

test('with secrets in the environment the CLI runs without demo data', async () => {
  const p = run(['--port', '0', '--db', ':memory:'], { IMKIT_SECRET: 'x'.repeat(32), IMKIT_ADMIN_SECRET: 'y'.repeat(32) });
  const url = await p.listening;
  assert.match(p.output(), /\(in-memory database\)/);
  const res = await fetch(url + '/api/dev/users');
  assert.equal(res.status, 403);
  p.child.kill('SIGINT');
  assert.equal(await p.exited, 0);
});
