import type { ConversationItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { mergeConversation } from '../sync/apply-events.js';
import { dropCachedMessages } from '../sync/apply-social.js';
import type { SessionContext } from './context.js';
import type { Conversations } from './conversations.js';
import { serverCall } from './social-call.js';

/**
 * Conversation management (social work): per-user state kept on the server — pin, receive
 * option, hide/delete, clear history, mark all read — under the client's method names (ImClient
 * hands those calls here). Apart from Conversations (what the list and the chat read at once)
 * because the client imports it when one of these is first called.
 */
export class ConversationManagement {
  constructor(
    private readonly s: SessionContext,
    private readonly conversations: Conversations,
  ) {}

  /** Writes the server's view of a conversation to the cache and emits it (the push that follows is then a no-op). */
  private async applyServerView(conversation: ConversationItem): Promise<ConversationItem> {
    return this.s.serial(async () => {
      const merged = mergeConversation(conversation, await this.s.cache.getConversation(conversation.conversationID));
      await this.s.cache.putConversations([merged]);
      this.s.emitter.emit('onConversationChanged', [merged]);
      await this.conversations.emitTotalIfChanged();
      return merged;
    });
  }

  private requireConversationID(conversationID: unknown): string {
    if (typeof conversationID !== 'string' || conversationID.length < 4) {
      throw new ImError(ErrorCode.InvalidArgument, 'conversationID is required.');
    }
    return conversationID;
  }

  pinConversation(params: { conversationID: string; isPinned: boolean }): Promise<ConversationItem> {
    return this.pin(params?.conversationID, params?.isPinned);
  }

  setConversationRecvMessageOpt(params: { conversationID: string; opt: number }): Promise<ConversationItem> {
    return this.setRecvMsgOpt(params?.conversationID, params?.opt);
  }

  /** Removes the conversation from the list until its next message; its messages stay. */
  hideConversation(conversationID: string): Promise<void> {
    return this.remove(conversationID, false);
  }

  /** Removes the conversation and its messages (for me). */
  deleteConversationAndDeleteAllMsg(conversationID: string): Promise<void> {
    return this.remove(conversationID, true);
  }

  private async pin(conversationID: string, isPinned: boolean): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    const { conversation } = await serverCall(this.s, 'conversation.pin', { conversationID: id, isPinned: !!isPinned });
    return this.applyServerView(conversation);
  }

  private async setRecvMsgOpt(conversationID: string, opt: number): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    if (opt !== 0 && opt !== 1 && opt !== 2) throw new ImError(ErrorCode.InvalidArgument, 'opt must be 0 (receive), 1 (do not receive) or 2 (receive without notification).');
    const { conversation } = await serverCall(this.s, 'conversation.setRecvMsgOpt', { conversationID: id, opt });
    return this.applyServerView(conversation);
  }

  /** Hides the conversation until its next message; `deleteMessages` also deletes its history (for me). */
  private async remove(conversationID: string, deleteMessages: boolean): Promise<void> {
    const id = this.requireConversationID(conversationID);
    await serverCall(this.s, 'conversation.delete', { conversationID: id, deleteMessages });
    await this.s.serial(async () => {
      if (!(await this.s.cache.getConversation(id))) return;
      await this.s.cache.deleteConversation(id);
      if (deleteMessages) await dropCachedMessages(this.s.cache, id, Infinity);
      this.s.emitter.emit('onConversationDeleted', { conversationID: id, deleteMessages });
      await this.conversations.emitTotalIfChanged();
    });
  }

  /** Deletes the history of a conversation (for me); the conversation stays in the list. */
  async clearConversationAndDeleteAllMsg(conversationID: string): Promise<ConversationItem> {
    const id = this.requireConversationID(conversationID);
    const { conversation } = await serverCall(this.s, 'conversation.clearHistory', { conversationID: id });
    await this.s.serial(async () => {
      await dropCachedMessages(this.s.cache, id, conversation.maxSeq);
      this.s.emitter.emit('onConversationHistoryCleared', { conversationID: id, clearedSeq: conversation.maxSeq });
    });
    return this.applyServerView(conversation);
  }

  /** Marks every conversation read: at once in the cache, then on the server. */
  async markAllConversationMessageAsRead(): Promise<void> {
    const all = await this.s.cache.getConversations();
    await this.s.serial(async () => {
      const changed = all.filter((c) => c.unreadCount > 0).map((c) => ({ ...c, unreadCount: 0, hasReadSeq: Math.max(c.hasReadSeq, c.maxSeq) }));
      if (!changed.length) return;
      await this.s.cache.putConversations(changed);
      this.s.emitter.emit('onConversationChanged', changed);
      await this.conversations.emitTotalIfChanged();
    });
    if (this.s.isOnline()) await serverCall(this.s, 'conversation.markAllRead', {});
  }
}
