// Login paints the first screenful of conversations from a bounded read; that
// screenful must be exactly the top of the full list (pinned ones and fresh
// drafts included), and the rest follows.
import { ImCache } from '../../src/store/cache.js';
import { openImDatabase } from '../../src/store/database.js';
import type { ConversationItem } from '../../src/model/types.js';
import { deepEqual, equal, ok } from '../support/assert.js';

function conversation(i: number, extra: Partial<ConversationItem> = {}): ConversationItem {
  return {
    conversationID: `si_me_p${i}`,
    conversationType: 1,
    userID: `p${i}`,
    groupID: '',
    showName: `Peer ${i}`,
    faceURL: '',
    recvMsgOpt: 0,
    unreadCount: 0,
    groupAtType: 0,
    latestMsg: null,
    latestMsgSendTime: 1_000_000 + i * 1000,
    draftText: '',
    draftTextTime: 0,
    isPinned: false,
    ex: '',
    maxSeq: 1,
    hasReadSeq: 1,
    peerReadSeq: 0,
    ...extra,
  };
}

const ids = (list: ConversationItem[]) => list.map((c) => c.conversationID);

describe('the first screenful of conversations', () => {
  it('equals the top of the full list, with old pinned and freshly drafted conversations in it', async () => {
    const name = `imkit-first-screen-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const cache = new ImCache(await openImDatabase(name));
    await cache.putConversations(Array.from({ length: 120 }, (_, i) => conversation(i)));
    equal(await cache.firstConversations(20), null, 'an untracked cache says so (login then reads everything)');
    await cache.trackListHead();

    // Old conversations that the newest-by-message index would leave out of the first screen.
    await cache.putConversations([conversation(3, { isPinned: true }), conversation(5, { draftText: 'hi', draftTextTime: 9_000_000 })]);
    let first = (await cache.firstConversations(20))!;
    let all = await cache.getConversations();
    deepEqual(ids(first.slice(0, 20)), ids(all.slice(0, 20)), 'the first 20 are the first 20 of the whole list');
    equal(first[0]!.conversationID, 'si_me_p3', 'the pinned conversation leads');
    equal(first[1]!.conversationID, 'si_me_p5', 'the fresh draft comes next');
    ok(first.length <= 22, `a bounded read: ${first.length} conversations`);

    // Unpinning and deleting keep the tracked IDs right.
    await cache.putConversations([conversation(3, { isPinned: false })]);
    await cache.deleteConversation('si_me_p5');
    first = (await cache.firstConversations(20))!;
    all = await cache.getConversations();
    deepEqual(ids(first.slice(0, 20)), ids(all.slice(0, 20)), 'still the top 20 after unpinning and deleting');
    ok(!ids(first).includes('si_me_p3') && !ids(first).includes('si_me_p5'), 'no longer read up front');
    cache.close();
    indexedDB.deleteDatabase(name);
  });
});
