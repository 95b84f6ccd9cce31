import { SessionType } from '../model/enums.js';
import { conversationIDOf } from '../model/conversation-id.js';
import type { ConversationItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { compareConversations } from '../store/cache.js';
import { mergeConversation } from '../sync/apply-events.js';
import type { SessionContext } from './context.js';
import { serverCall } from './social-call.js';
import { dropCachedMessages } from '../sync/social-pushes.js';

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

  // --- conversation management (social work): per-user state kept on the server ---

  /** Writes the server's view of a conversation to the cache and emits it (the push that follows is then a no-op). */
  private async applyServerView(conversation: ConversationItem): Promise<ConversationItem> {
    return this.s.serial(async () => {
      const merged = mergeConversation(conversation, await this.s.cache.getConversation(conversation.conversationID));
      await this.s.cache.putConversations([merged]);
      this.s.emitter.emit('onConversationChanged', [merged]);
      await this.emitTotalIfChanged();
      return merged;
    });
  }

  private requireConversationID(conversationID: unknown): string {
    if (typeof conversationID !== 'string' || conversationID.length < 4) {
      throw new ImError(ErrorCode.InvalidArgument, 'conversationID is required.');
    }
    return conversationID;
  }

  async pin(conversationID: string, isPinned: boolean): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    const { conversation } = await serverCall(this.s, 'conversation.pin', { conversationID: id, isPinned: !!isPinned });
    return this.applyServerView(conversation);
  }

  async setRecvMsgOpt(conversationID: string, opt: number): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    if (opt !== 0 && opt !== 1 && opt !== 2) throw new ImError(ErrorCode.InvalidArgument, 'opt must be 0 (receive), 1 (do not receive) or 2 (receive without notification).');
    const { conversation } = await serverCall(this.s, 'conversation.setRecvMsgOpt', { conversationID: id, opt });
    return this.applyServerView(conversation);
  }

  /** Hides the conversation until its next message; `deleteMessages` also deletes its history (for me). */
  async remove(conversationID: string, deleteMessages: boolean): Promise<void> {
    const id = this.requireConversationID(conversationID);
    await serverCall(this.s, 'conversation.delete', { conversationID: id, deleteMessages });
    await this.s.serial(async () => {
      if (!(await this.s.cache.getConversation(id))) return;
      await this.s.cache.deleteConversation(id);
      if (deleteMessages) await dropCachedMessages(this.s.cache, id, Infinity);
      this.s.emitter.emit('onConversationDeleted', { conversationID: id, deleteMessages });
      await this.emitTotalIfChanged();
    });
  }

  /** Deletes the history of a conversation (for me); the conversation stays in the list. */
  async clearHistory(conversationID: string): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    const { conversation } = await serverCall(this.s, 'conversation.clearHistory', { conversationID: id });
    await this.s.serial(async () => {
      await dropCachedMessages(this.s.cache, id, conversation.maxSeq);
      this.s.emitter.emit('onConversationHistoryCleared', { conversationID: id, clearedSeq: conversation.maxSeq });
    });
    return this.applyServerView(conversation);
  }

  /** Marks every conversation read: at once in the cache, then on the server. */
  async markAllRead(): Promise<void> {
    const all = await this.s.cache.getConversations();
    await this.s.serial(async () => {
      const changed = all.filter((c) => c.unreadCount > 0).map((c) => ({ ...c, unreadCount: 0, hasReadSeq: Math.max(c.hasReadSeq, c.maxSeq) }));
      if (!changed.length) return;
      await this.s.cache.putConversations(changed);
      this.s.emitter.emit('onConversationChanged', changed);
      await this.emitTotalIfChanged();
    });
    if (this.s.isOnline()) await serverCall(this.s, 'conversation.markAllRead', {});
  }
}

function sumUnread(all: ConversationItem[]): number {
  return all.reduce((sum, c) => sum + (c.recvMsgOpt === 1 ? 0 : c.unreadCount), 0);
}
