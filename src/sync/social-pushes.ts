import type { PushFrame } from '../protocol/frames.js';
import type { SocialPushEvent } from '../protocol/pushes-social.js';
import type { ImCache } from '../store/cache.js';

// What the client needs up front about social events: which pushes they are (apply-events.ts
// routes them to apply-social.ts, imported on the first one) and the cache helpers that the
// eager conversation code shares with it.

const SOCIAL_PUSHES = new Set<string>([
  'user.updated',
  'user.settings',
  'friend.application',
  'friend.changed',
  'black.changed',
  'group.changed',
  'group.member',
  'group.application',
  'conversation.deleted',
  'conversation.cleared',
]);

export const SETTINGS_KEY = 'userSettings';
export const SELF_KEY = 'self';

export function isSocialPush(frame: PushFrame): frame is PushFrame & SocialPushEvent {
  return SOCIAL_PUSHES.has(frame.push);
}

/** Removes a conversation's cached messages with seq ≤ upToSeq (all of them when upToSeq is Infinity). */
export async function dropCachedMessages(cache: ImCache, conversationID: string, upToSeq: number): Promise<void> {
  await cache.write(async (db, keyRange) => {
    const tx = db.transaction('messages', 'readwrite');
    const index = tx.store.index('byConversationTime');
    let cursor = await index.openCursor(keyRange.bound([conversationID, -Infinity, ''], [conversationID, Infinity, '\uffff']));
    while (cursor) {
      const m = cursor.value;
      // Unsent messages (seq 0) are newer than anything cleared on the server.
      if (m.seq > 0 && m.seq <= upToSeq) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  });
}
