import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import type { LoginStatus, SessionType } from '../model/enums.js';
import type { ConnectionState, ImEvents, StorageNotice } from './events.js';
import type { MessageApi } from './message-api.js';
import type { SocialApi } from './social-api.js';

/** Options for `getHistoryMessageList` / `getAdvancedHistoryMessageList`. */
export interface HistoryOptions {
  /** The peer, for a one-to-one conversation (reference field). */
  userID?: string;
  /** The group, for a group conversation (reference field). */
  groupID?: string;
  /** imkit: the conversation directly, instead of userID/groupID. */
  conversationID?: string;
  /** The oldest message of the previous page; omit (or null) for the newest page. */
  startMsg?: MessageItem | null;
  /** Page size, 1–200. */
  count: number;
}

export interface AdvancedHistoryResult {
  /** Oldest first. */
  messageList: MessageItem[];
  /** True when there is nothing older, in the cache or on the server. */
  isEnd: boolean;
}

/**
 * The public surface of the client, as the elements use it. Method names and
 * shapes follow the OpenIM JS SDK reference; every promise rejects with an `ImError`.
 */
export interface ImClientApi extends SocialApi, MessageApi {
  readonly connectionState: ConnectionState;
  /** imkit: why the cache lives in memory for this page, when it does (see `onStorageDegraded`). */
  readonly storageProblem?: StorageNotice | null;
  on<K extends keyof ImEvents>(type: K, handler: (event: ImEvents[K]) => void): void;
  off<K extends keyof ImEvents>(type: K, handler: (event: ImEvents[K]) => void): void;
  login(userID: string, token: string): Promise<void>;
  logout(options?: { clearCache?: boolean }): Promise<void>;
  getLoginStatus(): Promise<LoginStatus>;
  getLoginUserID(): string;
  getSelfUserInfo(): Promise<UserInfo>;
  getUsersInfo(userIDList: string[]): Promise<UserInfo[]>;
  getAllConversationList(): Promise<ConversationItem[]>;
  getConversationListSplit(offset: number, count: number): Promise<ConversationItem[]>;
  getOneConversation(sourceID: string, sessionType: SessionType): Promise<ConversationItem>;
  getConversationByID(conversationID: string): Promise<ConversationItem>;
  getTotalUnreadMsgCount(): Promise<number>;
  createTextMessage(text: string): Promise<MessageItem>;
  sendMessage(message: MessageItem, recvID: string, groupID: string): Promise<MessageItem>;
  resendMessage(clientMsgID: string): Promise<MessageItem>;
  getHistoryMessageList(options: HistoryOptions): Promise<MessageItem[]>;
  getAdvancedHistoryMessageList(options: HistoryOptions): Promise<AdvancedHistoryResult>;
  markConversationMessageAsRead(conversationID: string): Promise<void>;
  markC2CMessageAsRead(userID: string, clientMsgIDList: string[]): Promise<void>;
  markSingleMessageHasRead(userID: string): Promise<void>;
  markGroupMessageHasRead(groupID: string): Promise<void>;
}
