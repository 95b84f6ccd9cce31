import type { CallRelayKind, IceConfig, SignalingInviteReq, SignalingOpReq, SignalingResult } from '../model/call.js';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import { MESSAGE_OP_NAMES, type MessageOps } from './ops-messages.js';
import type { PushFrame } from './frames.js';
import { SOCIAL_OP_NAMES, type SocialOps } from './ops-social.js';

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
/** Social and conversation-management ops live in ops-social.ts (SocialOps). */
export interface Ops extends SocialOps, MessageOps {
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
  /** Invite one user (sessionType 1) or group members (2) to a call. Invitees already in a call come back in busyUserIDList. */
  'signal.invite': { req: SignalingInviteReq; res: SignalingResult };
  /** Accept an invitation on this device; the inviter and the other participants are told. */
  'signal.accept': { req: SignalingOpReq; res: SignalingResult };
  /** Reject an invitation. */
  'signal.reject': { req: SignalingOpReq; res: Record<string, never> };
  /** The inviter cancels the invitations nobody has answered yet. */
  'signal.cancel': { req: SignalingOpReq; res: Record<string, never> };
  /** Leave a call one has joined (the inviter before any answer: same as cancel). */
  'signal.hungUp': { req: SignalingOpReq; res: Record<string, never> };
  /** Relay WebRTC data (SDP offer/answer, ICE candidate, media flags) to another participant of the room. */
  'signal.relay': { req: { roomID: string; toUserID: string; kind: CallRelayKind; payload: string }; res: Record<string, never> };
  /** STUN/TURN servers for WebRTC, with time-limited TURN credentials (coturn's shared-secret scheme). */
  'call.iceConfig': { req: Record<string, never>; res: IceConfig };
}

export type OpName = keyof Ops;
export type OpRequest<O extends OpName> = Ops[O]['req'];
export type OpResponse<O extends OpName> = Ops[O]['res'];

export const OP_NAMES: readonly OpName[] = [
  ...MESSAGE_OP_NAMES,
  'auth',
  'ping',
  'sync',
  'conversation.list',
  'message.send',
  'message.history',
  'conversation.markRead',
  'conversation.get',
  'user.get',
  'signal.invite',
  'signal.accept',
  'signal.reject',
  'signal.cancel',
  'signal.hungUp',
  'signal.relay',
  'call.iceConfig',
  ...SOCIAL_OP_NAMES,
];
