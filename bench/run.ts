// `npm run bench`: every benchmark in one run, a table on stdout and bench/results.json.
// Flags: --quick (smaller sizes, for a smoke run), --only=browser|bundle|server.
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserScenarios } from './browser.js';
import { bundleSize } from './bundle-size.js';
import type { Metric } from './metrics.js';
import { ensurePeers, peersDir } from './peers.js';
import { serverLoad } from './server-load.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const want = (part: string) => !only || only.split(',').includes(part);
const root = resolve(import.meta.dirname, '..');

/** Targets from the performance issue; `max` means lower is better. */
const targets: Record<string, number> = {
  'bundle.list_chat_gzip_kb': 50,
  'open100k.first_message_ms': 50,
  'open100k.dom_message_nodes': 100,
  'scroll10k.frame_p95_ms': 16.7,
  'coldstart2k.first_row_ms': 100,
  'server.delivery_p99_ms': 50,
};

async function bundles(peers: boolean): Promise<Metric[]> {
  const work = mkdtempSync(join(tmpdir(), 'imkit-bundles-'));
  const out: Metric[] = [];
  const kit = (name: string, source: string) => bundleSize(work, name, source, { resolveFrom: root });
  const all = await kit('script-tag', `import '${root}/index.ts';`);
  out.push({ name: 'bundle.script_tag_gzip_kb', value: all.eagerGzipKB, unit: 'kB' });
  out.push({ name: 'bundle.script_tag_lazy_gzip_kb', value: all.lazyGzipKB, unit: 'kB' });
  const listChat = await kit('list-chat', `import '${root}/components/im-provider/im-provider.ts';\nimport '${root}/components/im-conversation-list/im-conversation-list.ts';\nimport '${root}/components/im-chat/im-chat.ts';`);
  out.push({ name: 'bundle.list_chat_gzip_kb', value: listChat.eagerGzipKB, unit: 'kB' });
  if (!peers) return out;
  // Each peer as an app would use it for a list and a chat; React itself is left out (the app has it).
  const react = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
  const peer = async (name: string, source: string, external: string[] = []) => {
    try {
      const size = await bundleSize(join(peersDir, '.work'), name, source, { resolveFrom: peersDir, external });
      out.push({ name: `peer.${name}_gzip_kb`, value: size.eagerGzipKB, unit: 'kB' });
    } catch (error) {
      console.error(`Could not bundle ${name}:`, (error as Error).message);
    }
  };
  await peer('stream-chat-react', `export { Chat, Channel, ChannelList, MessageList, MessageComposer, Window } from 'stream-chat-react';\nexport { StreamChat } from 'stream-chat';`, react);
  await peer('sendbird-uikit-react', `export { default as SendbirdProvider } from '@sendbird/uikit-react/SendbirdProvider';\nexport { default as GroupChannelList } from '@sendbird/uikit-react/GroupChannelList';\nexport { default as GroupChannel } from '@sendbird/uikit-react/GroupChannel';`, react);
  await peer('deep-chat', `import 'deep-chat';`);
  return out;
}

const metrics: Metric[] = [];
const peers = want('bundle') || want('browser') ? ensurePeers() : false;
if (want('bundle')) metrics.push(...(await bundles(peers)));
if (want('browser')) metrics.push(...(await browserScenarios({ withDeepChat: peers, quick })));
if (want('server')) metrics.push(...(await serverLoad({ clients: quick ? 200 : 1000, seconds: quick ? 5 : 15, perClientPerSecond: 0.5, fanout: quick ? 500 : 2000 })));

const rows = metrics.map((m) => {
  const target = targets[m.name];
  const verdict = target === undefined ? '' : m.value <= target ? 'meets' : 'MISSES';
  return [m.name, String(m.value), m.unit, target === undefined ? '' : `≤ ${target}`, verdict];
});
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['name', 'value', 'unit', 'target', ''][i]!.length));
const line = (r: string[]) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log('\n' + line(['name', 'value', 'unit', 'target', '']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
writeFileSync(resolve(import.meta.dirname, 'results.json'), JSON.stringify(metrics.map(({ name, value, unit }) => ({ name, value, unit })), null, 2) + '\n');
console.log('\nwrote bench/results.json' + (quick ? ' (quick run: smaller sizes)' : ''));
process.exit(0);
