import { groupConversationID, parseConversationID, singleConversationID } from '../model/conversation-id.js';
import { searchableText } from '../model/search-text.js';
import { ContentType, MessageStatus, SessionType } from '../model/enums.js';
import type { ConversationItem, MessageItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import type { MessageSearchParams, MessageSearchResult } from '../protocol/ops-messages.js';
import type { SessionContext } from './context.js';
import type { Conversations } from './conversations.js';

/** OpenIM's `SearchLocalMessages` parameters (§3.9), plus imkit's `conversationID`. */
export interface SearchLocalParams extends MessageSearchParams {
  /** User ID (one-to-one) or group ID; with `sessionType`. */
  sourceID?: string;
  /** 1 one-to-one, 2 group, 0 every conversation. */
  sessionType?: number;
}

/** Message actions beyond sending: recall, delete, typing, group reads, drafts, local inserts, search, under the client's method names (ImClient hands those calls here). */
export class MessageActions {
  /** Last typing notice sent per conversation, to stay under the server's rate limit. */
  private typingSent = new Map<string, number>();

  constructor(
    private readonly s: SessionContext,
    private readonly conversations: Conversations,
  ) {}

  /** Marks the conversation with `userID` read up to the newest of the given (cached) messages. */
  async markC2CMessageAsRead(userID: string, clientMsgIDList: string[]): Promise<void> {
    const conversation = await this.conversations.getOne(userID, 1);
    const messages = (await Promise.all(clientMsgIDList.map((id) => this.s.cache.getMessage(id)))).filter((m): m is MessageItem => !!m);
    const upTo = Math.max(0, ...messages.map((m) => m.seq));
    return this.conversations.markRead(conversation.conversationID, upTo || undefined);
  }

  async markSingleMessageHasRead(userID: string): Promise<void> {
    return this.conversations.markRead((await this.conversations.getOne(userID, 1)).conversationID);
  }

  async markGroupMessageHasRead(groupID: string): Promise<void> {
    return this.conversations.markRead((await this.conversations.getOne(groupID, 2)).conversationID);
  }

  private requireOnline(): void {
    if (!this.s.isOnline()) throw new ImError(ErrorCode.NetworkError, 'This needs a connection to the server.');
  }

  private conversationOf(message: MessageItem): string {
    if (!message || typeof message.clientMsgID !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'message is required.');
    if (message.conversationID) return message.conversationID;
    if (message.groupID) return groupConversationID(message.groupID);
    const peer = message.sendID === this.s.userID ? message.recvID : message.sendID;
    return singleConversationID(this.s.userID, peer);
  }

  /** Applies a changed message to the cache and tells the UI (also used for pushes). */
  private async store(message: MessageItem): Promise<void> {
    await this.s.serial(async () => {
      await this.s.cache.putMessages([message]);
      this.s.emitter.emit('onMessageUpdated', message);
      await this.refreshLatest(message);
    });
  }

  /** Keeps the conversation list's preview in step when the latest message changed. */
  private async refreshLatest(message: MessageItem): Promise<void> {
    const c = await this.s.cache.getConversation(message.conversationID);
    if (!c?.latestMsg || c.latestMsg.clientMsgID !== message.clientMsgID) return;
    const next: ConversationItem = { ...c, latestMsg: message };
    await this.s.cache.putConversations([next]);
    this.s.emitter.emit('onConversationChanged', [next]);
  }

  /** Recall a message (own, within the server's window; group admins: anyone's), as cached here if it is. */
  async revokeMessage(message: MessageItem | { conversationID: string; clientMsgID: string }): Promise<MessageItem> {
    const found = (await this.s.cache.getMessage(message?.clientMsgID)) ?? (message as MessageItem);
    return this.revoke({ ...found, conversationID: message.conversationID || found.conversationID });
  }

  private async revoke(message: MessageItem): Promise<MessageItem> {
    const conversationID = this.conversationOf(message);
    this.requireOnline();
    const { message: revoked } = await this.s.connection.request('message.revoke', { conversationID, clientMsgID: message.clientMsgID });
    const item = { ...revoked, conversationID };
    await this.store(item);
    return item;
  }

  /** Delete for me: only this device's cache (it would come back after clearing the cache). */
  async deleteMessageFromLocalStorage(message: MessageItem): Promise<void> {
    const conversationID = this.conversationOf(message);
    const local = await this.s.cache.getMessage(message.clientMsgID);
    if (!local) throw new ImError(ErrorCode.MessageNotFound, `No message ${message.clientMsgID} in the cache.`);
    const deleted = { ...local, conversationID, status: MessageStatus.Deleted };
    await this.s.serial(async () => {
      await this.s.cache.putMessages([deleted]);
      this.s.emitter.emit('onMessageUpdated', deleted);
      this.s.emitter.emit('onMessageDeleted', { conversationID, clientMsgID: message.clientMsgID });
    });
  }

  /** Delete for everyone (own messages; group owners and admins: anyone's). */
  async deleteMessage(message: MessageItem): Promise<void> {
    const conversationID = this.conversationOf(message);
    this.requireOnline();
    await this.s.connection.request('message.delete', { conversationID, clientMsgID: message.clientMsgID });
    await this.deleteMessageFromLocalStorage(message).catch(() => undefined);
  }

  /**
   * "Typing…" to the peer of a one-to-one chat. Calls closer together than the
   * server's interval are dropped here (resolving false); '' says "stopped".
   */
  async typingStatusUpdate(userID: string, msgTip: string): Promise<boolean> {
    const conversationID = singleConversationID(this.s.userID, userID);
    if (!this.s.isOnline()) return false;
    const now = this.s.now();
    if (msgTip && now - (this.typingSent.get(conversationID) ?? 0) < Limits.typingIntervalMs + 50) return false;
    if (msgTip) this.typingSent.set(conversationID, now);
    else this.typingSent.delete(conversationID);
    try {
      await this.s.connection.request('message.typing', { conversationID, msgTip });
      return true;
    } catch (error) {
      if (error instanceof ImError && error.code === ErrorCode.RateLimited) return false;
      throw error;
    }
  }

  /** Group read receipts for messages of others in a group (those not yet marked). */
  async markGroupMessageAsRead(groupID: string, clientMsgIDList: string[]): Promise<void> {
    if (!Array.isArray(clientMsgIDList) || clientMsgIDList.length === 0) return;
    const conversationID = groupConversationID(groupID);
    this.requireOnline();
    for (let i = 0; i < clientMsgIDList.length; i += Limits.maxPageSize) {
      await this.s.connection.request('message.markGroupRead', { conversationID, clientMsgIDList: clientMsgIDList.slice(i, i + Limits.maxPageSize) });
    }
  }

  async getGroupMessageReaderList(conversationID: string, clientMsgID: string) {
    this.requireOnline();
    return this.s.connection.request('message.readers', { conversationID, clientMsgID });
  }

  /** Draft text of a conversation, kept in the cache across reloads ('' clears it). */
  async setConversationDraft(conversationID: string, draftText: string): Promise<void> {
    if (!parseConversationID(conversationID, this.s.userID)) throw new ImError(ErrorCode.ConversationNotFound, `No conversation ${conversationID}.`);
    if (typeof draftText !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'draftText must be a string.');
    await this.s.serial(async () => {
      const c = await this.s.cache.getConversation(conversationID);
      if (!c) return;
      if (c.draftText === draftText) return;
      const next: ConversationItem = { ...c, draftText, draftTextTime: draftText ? this.s.now() : 0 };
      await this.s.cache.putConversations([next]);
      this.s.emitter.emit('onConversationChanged', [next]);
    });
  }

  insertSingleMessageToLocalStorage(message: MessageItem, recvID: string, sendID: string): Promise<MessageItem> {
    return this.insertLocal(message, { recvID }, sendID);
  }

  insertGroupMessageToLocalStorage(message: MessageItem, groupID: string, sendID: string): Promise<MessageItem> {
    return this.insertLocal(message, { groupID }, sendID);
  }

  /** Puts a message into the local cache only (never sent): status sent, seq 0. */
  private async insertLocal(message: MessageItem, target: { recvID?: string; groupID?: string }, sendID: string): Promise<MessageItem> {
    if (!message || typeof message.clientMsgID !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'message is required.');
    const isGroup = !!target.groupID;
    const peer = isGroup ? '' : sendID === this.s.userID ? target.recvID! : sendID;
    if (!isGroup && !peer) throw new ImError(ErrorCode.InvalidArgument, 'recvID is required.');
    const conversationID = isGroup ? groupConversationID(target.groupID!) : singleConversationID(this.s.userID, peer);
    const now = this.s.now();
    const inserted: MessageItem = {
      ...message,
      sendID,
      recvID: isGroup ? '' : (target.recvID ?? ''),
      groupID: target.groupID ?? '',
      sessionType: isGroup ? SessionType.Group : SessionType.Single,
      conversationID,
      status: MessageStatus.Succeeded,
      seq: 0,
      sendTime: message.sendTime || now,
      isRead: true,
    };
    await this.s.serial(async () => {
      await this.s.cache.putMessages([inserted]);
      this.s.emitter.emit('onMessageUpdated', inserted);
    });
    return inserted;
  }

  /** OpenIM `searchLocalMessages`: the cache, grouped per conversation, newest first. */
  async searchLocalMessages(params: SearchLocalParams): Promise<MessageSearchResult> {
    const p = params ?? {};
    let conversationID = p.conversationID || '';
    if (!conversationID && p.sourceID && p.sessionType) {
      conversationID = p.sessionType === SessionType.Group ? groupConversationID(p.sourceID) : singleConversationID(this.s.userID, p.sourceID);
    }
    const keywords = (p.keywordList ?? []).map((k) => k.trim().toLocaleLowerCase()).filter(Boolean);
    const types = p.messageTypeList ?? [];
    const senders = p.senderUserIDList ?? [];
    const end = p.searchTimePosition ? p.searchTimePosition * 1000 : Number.MAX_SAFE_INTEGER;
    const start = p.searchTimePeriod ? (p.searchTimePosition ? end : this.s.now()) - p.searchTimePeriod * 1000 : 0;
    const all = await this.s.cache.db.getAll('messages');
    const matched = all
      .filter((m) => {
        if (m.status === MessageStatus.Deleted || m.contentType === ContentType.Revoke) return false;
        if (conversationID && m.conversationID !== conversationID) return false;
        if (types.length && !types.includes(m.contentType)) return false;
        if (senders.length && !senders.includes(m.sendID)) return false;
        if (m.sendTime < start || m.sendTime > end) return false;
        const text = searchableText(m).toLocaleLowerCase();
        return keywords.every((k) => text.includes(k));
      })
      .sort((a, b) => b.sendTime - a.sendTime);
    return paginate(matched, p.pageIndex, p.count);
  }

  /** The same search on the server (everything, not only what this device cached). */
  async searchServerMessages(params: MessageSearchParams): Promise<MessageSearchResult> {
    this.requireOnline();
    return this.s.connection.request('message.search', params ?? {});
  }
}

function paginate(list: MessageItem[], pageIndex = 1, count = 50): MessageSearchResult {
  const size = Math.min(Math.max(count || 50, 1), Limits.maxPageSize);
  const page = Math.max(pageIndex || 1, 1);
  const slice = list.slice((page - 1) * size, page * size);
  const groups = new Map<string, MessageItem[]>();
  for (const m of slice) {
    const g = groups.get(m.conversationID) ?? [];
    g.push(m);
    groups.set(m.conversationID, g);
  }
  return {
    totalCount: list.length,
    searchResultItems: [...groups].map(([conversationID, messageList]) => ({ conversationID, messageCount: messageList.length, messageList })),
  };
}
