import type { ConversationItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import type { PushFrame } from '../protocol/frames.js';
import type { Connection } from '../transport/connection.js';
import type { ImCache } from '../store/cache.js';
import { applyEvents, mergeConversation, type Emission } from './apply-events.js';

export const CURSOR_KEY = 'eventCursor';

/**
 * Brings the cache up to the server's event log. A fresh cache (cursor 0) takes
 * a snapshot of the conversation list instead of replaying the whole log;
 * otherwise it pages through `sync` from the stored cursor.
 */
export async function catchUp(
  conn: Connection,
  cache: ImCache,
  selfID: string,
  emit: (batch: Emission[]) => void,
): Promise<number> {
  let cursor = (await cache.getMeta<number>(CURSOR_KEY)) ?? 0;
  if (cursor === 0) return snapshot(conn, cache, emit);
  for (;;) {
    let page;
    try {
      page = await conn.request('sync', { since: cursor, limit: 200 });
    } catch (error) {
      // The server lost events we saw (restored from a backup): start again from a snapshot.
      if (error instanceof ImError && error.code === ErrorCode.SyncCursorInvalid) return snapshot(conn, cache, emit);
      throw error;
    }
    const fresh = page.events.filter((e) => e.seq > cursor);
    if (fresh.length) {
      emit(await applyEvents(cache, selfID, fresh));
      cursor = fresh[fresh.length - 1]!.seq;
      await cache.setMeta(CURSOR_KEY, cursor);
    }
    if (!page.hasMore || !fresh.length) return cursor;
  }
}

async function snapshot(conn: Connection, cache: ImCache, emit: (batch: Emission[]) => void): Promise<number> {
  const { conversations, maxEventSeq } = await conn.request('conversation.list', {});
  const merged: ConversationItem[] = [];
  for (const c of conversations) merged.push(mergeConversation(c, await cache.getConversation(c.conversationID)));
  await cache.putConversations(merged);
  const latest = merged.flatMap((c) => (c.latestMsg ? [c.latestMsg] : []));
  await cache.putMessages(latest);
  await cache.setMeta(CURSOR_KEY, maxEventSeq);
  emit([{ type: 'onConversationChanged', payload: merged }]);
  return maxEventSeq;
}

/** Live pushes: apply the next one in order; anything out of order asks for a catch-up. */
export function isNextEvent(frame: PushFrame, cursor: number): 'apply' | 'stale' | 'gap' {
  if (frame.seq <= cursor) return 'stale';
  return frame.seq === cursor + 1 ? 'apply' : 'gap';
}
