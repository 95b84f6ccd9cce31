// `npm run bench`: every benchmark in one run, a table on stdout and bench/results.json.
// Flags: --quick (smaller sizes, for a smoke run), --only=browser|bundle|server,
// --sources (print the modules the list+chat page loads up front).
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserScenarios } from './browser.js';
import { buildLibrary, bundleSize, scriptTagSize } from './bundle-size.js';
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
  'bundle.list_chat_gzip_bytes': 50 * 1024,
  'open100k.first_message_ms': 50,
  'open100k.dom_message_nodes': 100,
  'scroll10k.frame_p95_ms': 16.7,
  'coldstart2k.first_row_ms': 100,
  'server.delivery_p99_ms': 50,
};

async function bundles(peers: boolean): Promise<Metric[]> {
  const work = mkdtempSync(join(tmpdir(), 'imkit-bundles-'));
  const out: Metric[] = [];
  // The script-tag bundle as `npm run build` makes dist/imkit.js: up front and behind import().
  const all = await scriptTagSize(root);
  out.push({ name: 'bundle.script_tag_gzip_kb', value: all.eagerGzipKB, unit: 'kB' });
  out.push({ name: 'bundle.script_tag_lazy_gzip_kb', value: all.lazyGzipKB, unit: 'kB' });
  // An app that imports the list and the chat (and the provider, which makes the client) from
  // the package as published (dist/lib, built here), bundled with their dependencies by Vite.
  await buildLibrary(root);
  const lib = (file: string) => `import '${root}/dist/lib/${file}';`;
  const listChat = await bundleSize(work, 'list-chat', [lib('im-provider.js'), lib('im-conversation-list.js'), lib('im-chat.js')].join('\n'), { resolveFrom: root });
  // Guard against measuring less than a page runs (e.g. registrations dropped by sideEffects).
  const missing = ['dist/lib/im-provider.js', 'dist/lib/im-conversation-list.js', 'dist/lib/im-chat.js', 'node_modules/lit-html/lit-html.js', 'node_modules/idb/build/index.js'].filter((s) => !listChat.eagerSources.includes(s));
  if (missing.length) throw new Error(`list-chat bundle lacks ${missing.join(', ')}: the measurement is not what a page loads`);
  if (args.includes('--sources')) console.log('list-chat up front:\n  ' + listChat.eagerSources.join('\n  '));
  out.push({ name: 'bundle.list_chat_gzip_kb', value: listChat.eagerGzipKB, unit: 'kB' });
  out.push({ name: 'bundle.list_chat_gzip_bytes', value: listChat.eagerGzipBytes, unit: 'B' });
  out.push({ name: 'bundle.list_chat_lazy_gzip_kb', value: listChat.lazyGzipKB, unit: 'kB' });
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
