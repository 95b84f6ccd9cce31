import type { MessageItem } from '../model/types.js';

/** Search filter of `message.search` (the shape of OpenIM's `SearchLocalMessages`, §3.9, plus imkit's conversationID). */
export interface MessageSearchParams {
  /** One conversation, or omitted/'' for every conversation of the caller. */
  conversationID?: string;
  /** Keywords; a message matches when it contains every one (case-insensitive). */
  keywordList?: string[];
  /** Accepted for OpenIM compatibility; keywords always combine with AND. */
  keywordListMatchType?: number;
  /** Content types to keep; empty for all. */
  messageTypeList?: number[];
  senderUserIDList?: string[];
  /** Start (newest end) of the window, in seconds since the epoch; 0 = now. */
  searchTimePosition?: number;
  /** Seconds back from `searchTimePosition`; 0 = no limit. */
  searchTimePeriod?: number;
  /** 1-based page. */
  pageIndex?: number;
  count?: number;
}

export interface MessageSearchResult {
  totalCount: number;
  searchResultItems: { conversationID: string; messageCount: number; messageList: MessageItem[] }[];
}

/** Message actions beyond sending (issue 3). */
export interface MessageOps {
  /** Recall a message within the server's window: everyone sees "X recalled a message". */
  'message.revoke': { req: { conversationID: string; clientMsgID: string }; res: { message: MessageItem } };
  /** Delete a message for everyone (own messages; group owners and admins: anyone's). */
  'message.delete': { req: { conversationID: string; clientMsgID: string }; res: Record<string, never> };
  /** Transient "typing…" to the peer of a one-to-one chat; rate-limited, never stored. */
  'message.typing': { req: { conversationID: string; msgTip: string }; res: Record<string, never> };
  /** Group read receipts: mark these messages read by the caller. */
  'message.markGroupRead': { req: { conversationID: string; clientMsgIDList: string[] }; res: Record<string, never> };
  /** Who read a group message. */
  'message.readers': {
    req: { conversationID: string; clientMsgID: string };
    res: { readers: { userID: string; nickname: string; readTime: number }[]; unreadCount: number };
  };
  /** Search the caller's messages on the server. */
  'message.search': { req: MessageSearchParams; res: MessageSearchResult };
}

export const MESSAGE_OP_NAMES = [
  'message.revoke',
  'message.delete',
  'message.typing',
  'message.markGroupRead',
  'message.readers',
  'message.search',
] as const satisfies readonly (keyof MessageOps)[];
