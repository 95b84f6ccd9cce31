// Peer kits are installed into bench/peers/ by the benchmark itself, never into the kit's dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const peersDir = resolve(import.meta.dirname, 'peers');

export const PEERS = {
  'deep-chat': '^2.4.2',
  'stream-chat-react': '^14.12.0',
  'stream-chat': '^9.53.0',
  '@sendbird/uikit-react': '^3.19.1',
  react: '^19.0.0',
  'react-dom': '^19.0.0',
} as const;

export function ensurePeers(): boolean {
  if (existsSync(join(peersDir, 'node_modules/deep-chat')) && existsSync(join(peersDir, 'node_modules/stream-chat-react')) && existsSync(join(peersDir, 'node_modules/@sendbird/uikit-react'))) return true;
  mkdirSync(peersDir, { recursive: true });
  writeFileSync(join(peersDir, 'package.json'), JSON.stringify({ name: 'imkit-bench-peers', private: true, type: 'module', dependencies: PEERS }, null, 2));
  try {
    console.log('Installing peer kits into bench/peers (first run only)…');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--loglevel=error'], { cwd: peersDir, stdio: 'inherit' });
    return true;
  } catch (error) {
    console.error('Could not install the peer kits; their rows are left out.', error);
    return false;
  }
}
