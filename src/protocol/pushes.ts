import type { CallRelay, SignalingEvent, SignalingEventName } from '../model/call.js';
import type { ConversationItem, MessageItem } from '../model/types.js';
import type { SocialPushEvent } from './pushes-social.js';

/**
 * Everything the server pushes. Logged pushes are also what `sync` returns,
 * so the client applies live pushes and catch-up through one path.
 */
export type PushEvent =
  /** Friends, blacklist, groups, conversation management: see pushes-social.ts. */
  | SocialPushEvent
  /** A new message in one of the user's conversations (also the echo of one's own, for other devices). */
  | { push: 'message.new'; data: { message: MessageItem } }
  /** The user's view of a conversation changed (latest message, unread count, read seq). */
  | { push: 'conversation.changed'; data: { conversation: ConversationItem } }
  /** The peer read one-to-one messages up to `hasReadSeq`. */
  | { push: 'read.receipt'; data: { conversationID: string; userID: string; hasReadSeq: number; readTime: number } }
  /** Transient: the session was closed because the account signed in elsewhere or the token expired. */
  | { push: 'session.ended'; data: { code: number; message: string } }
  /** Transient: a call signaling event (`event` names the client event it becomes: onReceiveNewInvitation, onInviteeAccepted, …). */
  | { push: 'call.signal'; data: SignalingEvent & { event: SignalingEventName } }
  /** Transient: WebRTC data from another participant of a call (SDP, ICE candidate, media flags). */
  | { push: 'call.relay'; data: CallRelay }
  /** A message was recalled: `message` is its new form (contentType 111, revokedElem). Logged for every participant. */
  | { push: 'message.revoked'; data: { message: MessageItem } }
  /** A message was deleted for everyone. Logged for every participant. */
  | { push: 'message.deleted'; data: { conversationID: string; clientMsgID: string; seq: number } }
  /** Transient: the peer is typing (or stopped: msgTip ''). */
  | { push: 'message.typing'; data: { conversationID: string; userID: string; msgTip: string } }
  /** Someone read own group messages. Logged for the senders. */
  | { push: 'group.read.receipt'; data: { conversationID: string; userID: string; clientMsgIDList: string[]; readTime: number } };

export type PushName = PushEvent['push'];
