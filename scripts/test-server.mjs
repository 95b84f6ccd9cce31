// Starts the real IM server as a child process for browser and end-to-end tests
// and resolves with its URL once it prints its listening line.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const TEST_ADMIN_SECRET = 'test-admin-secret';

/**
 * @param {{ demo?: boolean, dataDir?: string, extraArgs?: string[], env?: Record<string,string> }} options
 * @returns {Promise<{ url: string, dataDir: string, process: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export function startTestServer(options = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'imkit-test-'));
  const args = ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dataDir];
  if (options.demo !== false) args.push('--demo');
  args.push(...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, IMKIT_ADMIN_SECRET: TEST_ADMIN_SECRET, IMKIT_SECRET: 'test-token-secret', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`IM server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        const stop = () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          });
        resolvePromise({ url: match[1].replace(/\/$/, ''), dataDir, process: child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => {
      log += c.toString();
      if (process.env.IMKIT_TEST_VERBOSE) process.stderr.write(c);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`IM server exited with ${code}:\n${log}`));
    });
  });
}
