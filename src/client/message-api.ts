import type { MessageItem } from '../model/types.js';
import type { MessageSearchParams, MessageSearchResult } from '../protocol/ops-messages.js';
import type { SearchLocalParams } from './message-actions.js';

/**
 * Message types and actions on the client (OpenIM names). In the browser the
 * media creators take a `File`/`Blob` instead of a path; `sendMessage` uploads it.
 */
export interface MessageApi {
  createTextAtMessage(options: { text: string; atUserIDList: string[]; atUsersInfo?: { atUserID: string; groupNickname: string }[] }): Promise<MessageItem>;
  createImageMessage(file: Blob): Promise<MessageItem>;
  createSoundMessage(file: Blob, duration: number): Promise<MessageItem>;
  createVideoMessage(file: Blob): Promise<MessageItem>;
  createFileMessage(file: Blob, fileName?: string): Promise<MessageItem>;
  createLocationMessage(options: { description: string; longitude: number; latitude: number }): Promise<MessageItem>;
  createCustomMessage(options: { data: unknown; extension?: unknown; description?: string }): Promise<MessageItem>;
  createFaceMessage(options: { index: number; data: string }): Promise<MessageItem>;
  createQuoteMessage(options: { text: string; message: MessageItem }): Promise<MessageItem>;
  createForwardMessage(message: MessageItem): Promise<MessageItem>;
  createMergerMessage(options: { messageList: MessageItem[]; title: string; summaryList?: string[] }): Promise<MessageItem>;
  cancelUpload(clientMsgID: string): boolean;
  getFileURL(url: string): Promise<string>;
  revokeMessage(message: MessageItem | { conversationID: string; clientMsgID: string }): Promise<MessageItem>;
  deleteMessageFromLocalStorage(message: MessageItem): Promise<void>;
  deleteMessage(message: MessageItem): Promise<void>;
  typingStatusUpdate(recvID: string, msgTip: string): Promise<boolean>;
  markGroupMessageAsRead(groupID: string, msgIDList: string[]): Promise<void>;
  getGroupMessageReaderList(
    conversationID: string,
    clientMsgID: string,
  ): Promise<{ readers: { userID: string; nickname: string; readTime: number }[]; unreadCount: number }>;
  setConversationDraft(conversationID: string, draftText: string): Promise<void>;
  insertSingleMessageToLocalStorage(message: MessageItem, recvID: string, sendID: string): Promise<MessageItem>;
  insertGroupMessageToLocalStorage(message: MessageItem, groupID: string, sendID: string): Promise<MessageItem>;
  searchLocalMessages(params: SearchLocalParams): Promise<MessageSearchResult>;
  searchServerMessages(params: MessageSearchParams): Promise<MessageSearchResult>;
  findMessages?(clientMsgIDList: string[]): Promise<MessageItem[]>;
}
