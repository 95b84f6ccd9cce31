import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import type { PushFrame } from './frames.js';

/** What a client sends to have a message accepted: the server fills in the rest. */
export interface OutgoingMessage {
  clientMsgID: string;
  sessionType: number;
  recvID: string;
  groupID: string;
  contentType: number;
  content: string;
  createTime: number;
  ex?: string;
}

/** Request and response shape of every operation on the socket. */
export interface Ops {
  /** First frame on a connection. */
  auth: {
    req: { token: string; platformID: number };
    res: { userID: string; serverTime: number; maxEventSeq: number; self: UserInfo };
  };
  /** Keep-alive; answered at once. */
  ping: { req: Record<string, never>; res: { serverTime: number } };
  /** Events after `since` in the user's log, oldest first, up to `limit`. */
  sync: {
    req: { since: number; limit?: number };
    res: { events: PushFrame[]; maxEventSeq: number; hasMore: boolean };
  };
  /** Snapshot of every conversation, with the event seq it is consistent with. */
  'conversation.list': { req: Record<string, never>; res: { conversations: ConversationItem[]; maxEventSeq: number } };
  /** Send a message. Sending the same clientMsgID again returns the first acceptance. */
  'message.send': {
    req: { message: OutgoingMessage };
    res: { message: MessageItem };
  };
  /** Messages older than `beforeSeq` (or the newest, when 0), oldest first. */
  'message.history': {
    req: { conversationID: string; beforeSeq: number; count: number };
    res: { messages: MessageItem[]; hasMore: boolean };
  };
  /** Mark a conversation read up to `seq` (its newest message when omitted). */
  'conversation.markRead': {
    req: { conversationID: string; seq?: number };
    res: { conversation: ConversationItem };
  };
  /** Get one conversation, creating an empty one-to-one conversation when needed. */
  'conversation.get': {
    req: { conversationID: string };
    res: { conversation: ConversationItem };
  };
  'user.get': { req: { userIDList: string[] }; res: { users: UserInfo[] } };
}

export type OpName = keyof Ops;
export type OpRequest<O extends OpName> = Ops[O]['req'];
export type OpResponse<O extends OpName> = Ops[O]['res'];

export const OP_NAMES: readonly OpName[] = [
  'auth',
  'ping',
  'sync',
  'conversation.list',
  'message.send',
  'message.history',
  'conversation.markRead',
  'conversation.get',
  'user.get',
];
