import type { MessageItem } from '../model/types.js';
import type { MessageSearchParams, MessageSearchResult } from '../protocol/ops-messages.js';
import type { SearchLocalParams } from './message-actions.js';

/**
 * Message types and actions on the client (OpenIM names). In the browser the
 * media creators take a `File`/`Blob` instead of a path; `sendMessage` uploads it.
 */
export interface MessageApi {
  createTextAtMessage(options: { text: string; atUserIDList: string[]; atUsersInfo?: { atUserID: string; groupNickname: string }[] }): Promise<MessageItem>;
  /** Browser: takes the image `File`/`Blob` (not a path); a thumbnail is made with canvas; the upload happens in sendMessage. */
  createImageMessage(file: Blob): Promise<MessageItem>;
  /** Browser: takes the recording `Blob` and its duration in seconds. */
  createSoundMessage(file: Blob, duration: number): Promise<MessageItem>;
  /** Browser: takes the video `File`/`Blob`; duration and poster frame are read in the browser. */
  createVideoMessage(file: Blob): Promise<MessageItem>;
  /** Browser: takes the `File`/`Blob`; `fileName` defaults to the File's name. */
  createFileMessage(file: Blob, fileName?: string): Promise<MessageItem>;
  createLocationMessage(options: { description: string; longitude: number; latitude: number }): Promise<MessageItem>;
  /** `data`/`extension`: objects or JSON strings. A host renders its own types with `registerMessageRenderer`. */
  createCustomMessage(options: { data: unknown; extension?: unknown; description?: string }): Promise<MessageItem>;
  createFaceMessage(options: { index: number; data: string }): Promise<MessageItem>;
  createQuoteMessage(options: { text: string; message: MessageItem }): Promise<MessageItem>;
  createForwardMessage(message: MessageItem): Promise<MessageItem>;
  createMergerMessage(options: { messageList: MessageItem[]; title: string; summaryList?: string[] }): Promise<MessageItem>;
  cancelUpload(clientMsgID: string): boolean;
  getFileURL(url: string): Promise<string>;
  /** Recall a message: everyone, including devices offline now, sees "X recalled a message". */
  revokeMessage(message: MessageItem | { conversationID: string; clientMsgID: string }): Promise<MessageItem>;
  /** Delete for me (this device's cache). */
  deleteMessageFromLocalStorage(message: MessageItem): Promise<void>;
  /** Delete for everyone (OpenIM DeleteMessageFromLocalAndSvr): own messages; group owners/admins any. */
  deleteMessage(message: MessageItem): Promise<void>;
  /** "Typing…" in a one-to-one chat; '' = stopped. Rate-limited: resolves false when skipped. */
  typingStatusUpdate(recvID: string, msgTip: string): Promise<boolean>;
  markGroupMessageAsRead(groupID: string, msgIDList: string[]): Promise<void>;
  getGroupMessageReaderList(
    conversationID: string,
    clientMsgID: string,
  ): Promise<{ readers: { userID: string; nickname: string; readTime: number }[]; unreadCount: number }>;
  /** Kept in IndexedDB across reloads and shown in the conversation list; '' clears it. */
  setConversationDraft(conversationID: string, draftText: string): Promise<void>;
  insertSingleMessageToLocalStorage(message: MessageItem, recvID: string, sendID: string): Promise<MessageItem>;
  insertGroupMessageToLocalStorage(message: MessageItem, groupID: string, sendID: string): Promise<MessageItem>;
  /** OpenIM SearchLocalMessages: keyword, types, senders, time; one conversation or all. */
  searchLocalMessages(params: SearchLocalParams): Promise<MessageSearchResult>;
  /** imkit: the same search on the server (covers history this device never loaded). */
  searchServerMessages(params: MessageSearchParams): Promise<MessageSearchResult>;
  findMessages?(clientMsgIDList: string[]): Promise<MessageItem[]>;
}
