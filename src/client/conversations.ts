import { SessionType } from '../model/enums.js';
import { conversationIDOf } from '../model/conversation-id.js';
import type { ConversationItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { compareConversations } from '../store/cache.js';
import { mergeConversation } from '../sync/apply-events.js';
import type { SessionContext } from './context.js';

export class Conversations {
  private lastTotal = -1;
  constructor(private readonly s: SessionContext) {}

  getAll(): Promise<ConversationItem[]> {
    return this.s.cache.getConversations();
  }

  async getSplit(offset: number, count: number): Promise<ConversationItem[]> {
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1) {
      throw new ImError(ErrorCode.InvalidArgument, 'offset must be an integer ≥ 0 and count an integer ≥ 1.');
    }
    return (await this.getAll()).slice(offset, offset + count);
  }

  async getOne(sourceID: string, sessionType: SessionType): Promise<ConversationItem> {
    if (typeof sourceID !== 'string' || !sourceID) throw new ImError(ErrorCode.InvalidArgument, 'sourceID is required.');
    if (sessionType !== SessionType.Single && sessionType !== SessionType.Group) {
      throw new ImError(ErrorCode.InvalidArgument, 'sessionType must be 1 (single) or 2 (group).');
    }
    return this.getByID(conversationIDOf(sessionType, this.s.userID, sourceID));
  }

  /** From the cache when known; otherwise from the server, which creates an empty one-to-one conversation. */
  async getByID(conversationID: string): Promise<ConversationItem> {
    const cached = await this.s.cache.getConversation(conversationID);
    if (cached) return cached;
    if (!this.s.isOnline()) {
      throw new ImError(ErrorCode.NetworkError, 'This conversation is not cached and the server cannot be reached.');
    }
    const { conversation } = await this.s.connection.request('conversation.get', { conversationID });
    return this.s.serial(async () => {
      const merged = mergeConversation(conversation, await this.s.cache.getConversation(conversationID));
      await this.s.cache.putConversations([merged]);
      this.s.emitter.emit('onNewConversation', [merged]);
      return merged;
    });
  }

  async totalUnread(): Promise<number> {
    return sumUnread(await this.s.cache.getConversations());
  }

  /** Emit the total when it changed since the last emission (`all`: the whole list, when the caller has just read it). */
  async emitTotalIfChanged(all?: ConversationItem[]): Promise<void> {
    const total = all ? sumUnread(all) : await this.totalUnread();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.s.emitter.emit('onTotalUnreadMessageCountChanged', total);
    }
  }

  /**
   * Marks the conversation read up to its newest message. The cache changes at
   * once (the badge clears offline too); the server is told when reachable.
   */
  async markRead(conversationID: string, upToSeq?: number): Promise<void> {
    const conversation = await this.s.cache.getConversation(conversationID);
    if (!conversation) throw new ImError(ErrorCode.ConversationNotFound, `No conversation ${conversationID}.`);
    const target = Math.min(upToSeq ?? conversation.maxSeq, conversation.maxSeq);
    if (conversation.unreadCount > 0 || conversation.hasReadSeq < target) {
      await this.s.serial(async () => {
        const current = (await this.s.cache.getConversation(conversationID)) ?? conversation;
        const next = { ...current, unreadCount: target >= current.maxSeq ? 0 : current.unreadCount, hasReadSeq: Math.max(current.hasReadSeq, target) };
        await this.s.cache.putConversations([next]);
        this.s.emitter.emit('onConversationChanged', [next]);
        await this.emitTotalIfChanged();
      });
    }
    if (!this.s.isOnline()) return;
    if (conversation.hasReadSeq >= target && conversation.unreadCount === 0) return;
    await this.s.connection.request('conversation.markRead', { conversationID, seq: target });
  }

  sort(list: ConversationItem[]): ConversationItem[] {
    return [...list].sort(compareConversations);
  }

  // Pin, mute, hide, delete, clear and mark-all-read: conversation-management.ts (loaded on first use).
}

function sumUnread(all: ConversationItem[]): number {
  return all.reduce((sum, c) => sum + (c.recvMsgOpt === 1 ? 0 : c.unreadCount), 0);
}
