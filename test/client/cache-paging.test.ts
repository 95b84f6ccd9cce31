// History pages read from IndexedDB in one request a page where the browser has getAllRecords
// (newest first, with a count), else with a few round trips (a key cursor that advances to
// the page's edge, then one getAll; the in-memory fallback takes that road). Both must be exactly what walking the index one
// message at a time gives — the newest `count` non-deleted messages below the start, oldest
// first — at the edges too: the last short page, equal send times, unsent messages,
// deleted messages inside and at the edge of a page, neighbouring conversations.
import { ImCache } from '../../src/store/cache.js';
import { openImDatabase } from '../../src/store/database.js';
import { openMemoryDatabase } from '../../src/store/memory-database.js';
import { MessageStatus } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import { deepEqual, equal } from '../support/assert.js';

function message(conversationID: string, i: number, extra: Partial<MessageItem> = {}): MessageItem {
  return {
    clientMsgID: `${conversationID}-m${String(i).padStart(4, '0')}`,
    serverMsgID: `s${i}`,
    createTime: 1_000_000 + i * 1000,
    sendTime: 1_000_000 + i * 1000,
    sessionType: 1,
    sendID: 'me',
    recvID: 'peer',
    groupID: '',
    msgFrom: 100,
    contentType: 101,
    platformID: 5,
    senderNickname: '',
    senderFaceUrl: '',
    seq: i + 1,
    isRead: false,
    status: MessageStatus.Succeeded,
    content: `message ${i}`,
    ex: '',
    conversationID,
    ...extra,
  };
}

/** What a page must be, computed from everything stored: the newest `count` below `before`. */
function expectedPage(all: MessageItem[], conversationID: string, before: MessageItem | null, count: number): string[] {
  const key = (m: MessageItem) => [m.sendTime, m.clientMsgID] as const;
  const below = (m: MessageItem) => {
    if (!before) return true;
    const [t, id] = key(m);
    return t < before.sendTime || (t === before.sendTime && id < before.clientMsgID);
  };
  const mine = all
    .filter((m) => m.conversationID === conversationID && m.status !== MessageStatus.Deleted && below(m))
    .sort((a, b) => a.sendTime - b.sendTime || (a.clientMsgID < b.clientMsgID ? -1 : 1));
  return mine.slice(Math.max(0, mine.length - count)).map((m) => m.clientMsgID);
}

const ids = (list: MessageItem[]) => list.map((m) => m.clientMsgID);

type Backend = 'IndexedDB' | 'in-memory';

async function freshCache(backend: Backend): Promise<ImCache> {
  const name = `imkit-paging-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  if (backend === 'IndexedDB') return new ImCache(await openImDatabase(name));
  const memory = await openMemoryDatabase(name);
  return new ImCache(memory.db, memory.keyRange, true);
}

/** Pages back from the newest until a page comes back empty; checks every page on the way. */
async function walk(cache: ImCache, all: MessageItem[], conversationID: string, count: number): Promise<number[]> {
  const sizes: number[] = [];
  let before: MessageItem | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await cache.pageMessages(conversationID, before, count);
    deepEqual(ids(page), expectedPage(all, conversationID, before, count), `page ${sizes.length} of ${conversationID} (count ${count})`);
    if (!page.length) break;
    sizes.push(page.length);
    before = page[0]!;
  }
  return sizes;
}

for (const backend of ['IndexedDB', 'in-memory'] as const) describe(`history pages from the cache (${backend})`, () => {
  it('walks a conversation back to its first message, the last page short', async () => {
    const cache = await freshCache(backend);
    const all = Array.from({ length: 100 }, (_, i) => message('si_me_peer', i));
    await cache.putMessages(all);
    deepEqual(await walk(cache, all, 'si_me_peer', 30), [30, 30, 30, 10], 'page sizes');
    deepEqual(await walk(cache, all, 'si_me_peer', 1), Array.from({ length: 100 }, () => 1), 'pages of one');
    deepEqual(await walk(cache, all, 'si_me_peer', 100), [100], 'one page holding everything');
    deepEqual(await walk(cache, all, 'si_me_peer', 200), [100], 'a page larger than the conversation');
    equal((await cache.pageMessages('si_me_nobody', null, 30)).length, 0, 'an empty conversation has an empty page');
    cache.close();
  });

  it('keeps other conversations out, including ones whose ID extends this one', async () => {
    const cache = await freshCache(backend);
    const all = [
      ...Array.from({ length: 40 }, (_, i) => message('si_me_p', i)),
      ...Array.from({ length: 40 }, (_, i) => message('si_me_p2', i, { sendTime: 2_000_000 + i })),
      ...Array.from({ length: 40 }, (_, i) => message('si_me_a', i, { sendTime: 1 + i })),
    ];
    await cache.putMessages(all);
    deepEqual(await walk(cache, all, 'si_me_p', 30), [30, 10], 'si_me_p');
    deepEqual(await walk(cache, all, 'si_me_p2', 30), [30, 10], 'si_me_p2');
    cache.close();
  });

  it('orders equal send times by message ID and keeps unsent messages (seq 0) in time order', async () => {
    const cache = await freshCache(backend);
    const all = Array.from({ length: 70 }, (_, i) =>
      message('si_me_peer', i, {
        sendTime: 5_000 + Math.floor(i / 7) * 1000, // runs of seven with one send time
        seq: i % 9 === 0 ? 0 : i + 1,
        status: i % 9 === 0 ? (i % 2 ? MessageStatus.Failed : MessageStatus.Sending) : MessageStatus.Succeeded,
      }),
    );
    await cache.putMessages(all);
    deepEqual(await walk(cache, all, 'si_me_peer', 30), [30, 30, 10], 'page sizes');
    deepEqual(await walk(cache, all, 'si_me_peer', 7), [7, 7, 7, 7, 7, 7, 7, 7, 7, 7], 'pages splitting no run');
    deepEqual(await walk(cache, all, 'si_me_peer', 4), [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2], 'pages splitting runs');
    cache.close();
  });

  it('skips deleted messages without shortening a page, also when they sit at its edge', async () => {
    const cache = await freshCache(backend);
    // Deleted: a block of 12 at the newest end, one just at the first page's edge, scattered others.
    const deleted = (i: number) => i >= 88 || i === 58 || i === 57 || i % 11 === 3;
    const all = Array.from({ length: 100 }, (_, i) => message('si_me_peer', i, deleted(i) ? { status: MessageStatus.Deleted } : {}));
    await cache.putMessages(all);
    const left = all.filter((m) => m.status !== MessageStatus.Deleted).length;
    const sizes = await walk(cache, all, 'si_me_peer', 30);
    equal(sizes.reduce((a, b) => a + b, 0), left, 'every message not deleted, once');
    deepEqual(sizes.slice(0, -1), sizes.slice(0, -1).map(() => 30), 'full pages until the last');
    const onlyDeleted = Array.from({ length: 5 }, (_, i) => message('si_me_gone', i, { status: MessageStatus.Deleted }));
    await cache.putMessages(onlyDeleted);
    equal((await cache.pageMessages('si_me_gone', null, 30)).length, 0, 'a conversation of deleted messages has an empty page');
    cache.close();
  });
});

describe('history pages from IndexedDB', () => {
  it('cost one request a page where the browser reads an index backwards with a count', async function () {
    const proto = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
    if (typeof proto.getAllRecords !== 'function') this.skip();
    const cache = await freshCache('IndexedDB');
    const all = Array.from({ length: 100 }, (_, i) => message('si_me_peer', i));
    await cache.putMessages(all);
    const calls: string[] = [];
    const originals = { getAllRecords: proto.getAllRecords, openKeyCursor: proto.openKeyCursor, getAll: proto.getAll } as Record<string, unknown>;
    for (const name of Object.keys(originals)) {
      const original = originals[name] as (...args: unknown[]) => unknown;
      (proto as unknown as Record<string, unknown>)[name] = function (this: IDBIndex, ...args: unknown[]) {
        calls.push(name);
        return original.apply(this, args);
      };
    }
    try {
      const newest = await cache.pageMessages('si_me_peer', null, 30);
      await cache.pageMessages('si_me_peer', newest[0]!, 30);
    } finally {
      Object.assign(proto, originals);
      cache.close();
    }
    deepEqual(calls, ['getAllRecords', 'getAllRecords'], 'requests for two pages');
  });
});
