import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import { MessageStatus } from '../model/enums.js';
import type { ImDatabase, OutboxEntry } from './schema.js';

/** Orders conversations as the list shows them: pinned first, then the most recent activity. */
export function compareConversations(a: ConversationItem, b: ConversationItem): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const at = Math.max(a.latestMsgSendTime, a.draftTextTime || 0);
  const bt = Math.max(b.latestMsgSendTime, b.draftTextTime || 0);
  return bt - at || a.conversationID.localeCompare(b.conversationID);
}

/** Orders messages as the chat shows them: by time, then by clientMsgID (the index order). */
export function compareMessages(a: MessageItem, b: MessageItem): number {
  return a.sendTime - b.sendTime || (a.clientMsgID < b.clientMsgID ? -1 : a.clientMsgID > b.clientMsgID ? 1 : 0);
}

/**
 * Typed reads and writes over the IndexedDB cache. Writes that belong
 * together (a message and its outbox entry) happen in one transaction.
 */
export class ImCache {
  /** The key-range class that matches `db` (the browser's, or the in-memory fallback's). */
  readonly keyRange: typeof IDBKeyRange;

  constructor(
    readonly db: ImDatabase,
    keyRange?: typeof IDBKeyRange,
    /** True when the cache lives in memory because IndexedDB was refused. */
    readonly inMemory = false,
  ) {
    this.keyRange = keyRange ?? IDBKeyRange;
  }

  close(): void {
    this.db.close();
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.db.put('meta', { key, value });
  }

  async getConversations(): Promise<ConversationItem[]> {
    const all = await this.db.getAll('conversations');
    return all.sort(compareConversations);
  }

  getConversation(conversationID: string): Promise<ConversationItem | undefined> {
    return this.db.get('conversations', conversationID);
  }

  async putConversations(list: ConversationItem[]): Promise<void> {
    const tx = this.db.transaction('conversations', 'readwrite');
    await Promise.all([...list.map((c) => tx.store.put(c)), tx.done]);
  }

  getMessage(clientMsgID: string): Promise<MessageItem | undefined> {
    return this.db.get('messages', clientMsgID);
  }

  async getMessageBySeq(conversationID: string, seq: number): Promise<MessageItem | undefined> {
    return this.db.getFromIndex('messages', 'byConversationSeq', [conversationID, seq]);
  }

  async putMessages(list: MessageItem[]): Promise<void> {
    const tx = this.db.transaction('messages', 'readwrite');
    await Promise.all([...list.map((m) => tx.store.put(m)), tx.done]);
  }

  /**
   * Up to `count` messages of a conversation older than `before` (or the newest
   * when `before` is null), returned oldest first.
   */
  async pageMessages(conversationID: string, before: MessageItem | null, count: number): Promise<MessageItem[]> {
    const upper: [string, number, string] = before
      ? [conversationID, before.sendTime, before.clientMsgID]
      : [conversationID, Number.MAX_SAFE_INTEGER, '\uffff'];
    const range = this.keyRange.bound([conversationID, -Infinity, ''], upper, false, before !== null);
    const out: MessageItem[] = [];
    let cursor = await this.db.transaction('messages').store.index('byConversationTime').openCursor(range, 'prev');
    while (cursor && out.length < count) {
      if (cursor.value.status !== MessageStatus.Deleted) out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out.reverse();
  }

  /** Own messages in a conversation with `seq <= upTo` not yet marked read; marks them and returns them. */
  async markOwnRead(conversationID: string, selfID: string, upTo: number): Promise<MessageItem[]> {
    const tx = this.db.transaction('messages', 'readwrite');
    const range = this.keyRange.bound([conversationID, 1], [conversationID, upTo]);
    const changed: MessageItem[] = [];
    let cursor = await tx.store.index('byConversationSeq').openCursor(range);
    while (cursor) {
      const m = cursor.value;
      if (m.sendID === selfID && !m.isRead) {
        const next = { ...m, isRead: true };
        await cursor.update(next);
        changed.push(next);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return changed;
  }

  async getUsers(userIDs: string[]): Promise<UserInfo[]> {
    const tx = this.db.transaction('users');
    const found = await Promise.all(userIDs.map((id) => tx.store.get(id)));
    return found.filter((u): u is UserInfo => !!u);
  }

  async putUsers(users: UserInfo[]): Promise<void> {
    const tx = this.db.transaction('users', 'readwrite');
    await Promise.all([...users.map((u) => tx.store.put(u)), tx.done]);
  }

  /** Store a message being sent and queue it, atomically, so a reload finds both or neither. */
  async queueOutgoing(message: MessageItem, entry: OutboxEntry): Promise<void> {
    const tx = this.db.transaction(['messages', 'outbox'], 'readwrite');
    await Promise.all([tx.objectStore('messages').put(message), tx.objectStore('outbox').put(entry), tx.done]);
  }

  /** Replace a sent message with the server's copy and drop it from the outbox, atomically. */
  async completeOutgoing(message: MessageItem): Promise<void> {
    const tx = this.db.transaction(['messages', 'outbox'], 'readwrite');
    await Promise.all([
      tx.objectStore('messages').put(message),
      tx.objectStore('outbox').delete(message.clientMsgID),
      tx.done,
    ]);
  }

  async getOutbox(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'byQueuedAt');
  }

  getOutboxEntry(clientMsgID: string): Promise<OutboxEntry | undefined> {
    return this.db.get('outbox', clientMsgID);
  }
}
