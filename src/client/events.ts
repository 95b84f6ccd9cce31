import type { CallRelay, SignalingEvent } from '../model/call.js';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import type { ErrorInfo } from '../protocol/errors.js';
import type { StorageDegradedReason } from '../store/cache.js';
import type { SocialEvents } from './social-events.js';
import type { MessageEvents } from './message-events.js';

/** Why and how the cache lives in memory (`onStorageDegraded`, `client.storageProblem`). */
export interface StorageNotice extends ErrorInfo {
  reason: StorageDegradedReason;
  /** True when this tab runs an older version than another tab of the app: reloading fixes it. */
  reloadRequired: boolean;
}

/** Connection state, as one value for UIs that want a single field to watch. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'kicked' | 'token-expired';

export interface C2CReadReceipt {
  conversationID: string;
  /** The reader. */
  userID: string;
  /** Every message of mine with `seq <= hasReadSeq` is read. */
  hasReadSeq: number;
  /** The clientMsgIDs that became read with this receipt (from the cache). */
  msgIDList: string[];
  readTime: number;
}

/**
 * Every event the client emits. Names are the OpenIM listener events
 * (`onConnecting`, `onRecvNewMessage`, …); the ones the reference lacks are marked.
 */
/** Friends, groups and conversation-management events: social-events.ts. */
export type ImEvents = MessageEvents & SocialEvents & {
  onConnecting: void;
  onConnectSuccess: void;
  onConnectFailed: ErrorInfo;
  onKickedOffline: ErrorInfo;
  onUserTokenExpired: ErrorInfo;
  onSyncServerStart: void;
  onSyncServerFinish: void;
  onSyncServerFailed: ErrorInfo;
  onSelfInfoUpdated: UserInfo;
  /** A message from someone else (or from another device of mine) arrived. */
  onRecvNewMessage: MessageItem;
  onRecvC2CReadReceipt: C2CReadReceipt[];
  onNewConversation: ConversationItem[];
  onConversationChanged: ConversationItem[];
  onTotalUnreadMessageCountChanged: number;
  /** imkit: a cached message changed (status sending → sent or failed, read state, …). */
  onMessageUpdated: MessageItem;
  /**
   * imkit: the cache moved to memory for this page (a notice for the user): IndexedDB was refused,
   * a write hit the quota or failed mid-session (everything cached, the outbox first, was copied over),
   * or another tab upgraded the schema (`reloadRequired`). Nothing is lost; sending goes on.
   */
  onStorageDegraded: StorageNotice;
  /** imkit: the connection state as one value. */
  onConnectionStateChanged: ConnectionState;
  /** imkit: login finished (cache open); `userID` is the logged-in user. */
  onLoginStatusChanged: { status: number; userID: string };
  /** Call signaling (OpenIM `OnSignalingListener` names; payload `{ opUserID, invitation, … }`). */
  onReceiveNewInvitation: SignalingEvent;
  onInviteeAccepted: SignalingEvent;
  onInviteeRejected: SignalingEvent;
  onInvitationCancelled: SignalingEvent;
  onInvitationTimeout: SignalingEvent;
  onInviteeAcceptedByOtherDevice: SignalingEvent;
  onInviteeRejectedByOtherDevice: SignalingEvent;
  /** imkit: someone left the call (`ended` when the call is over). */
  onHangUp: SignalingEvent;
  /** imkit: invitees were already in a call (`userIDList`). */
  onInviteeBusy: SignalingEvent;
  /** imkit: WebRTC data from another participant (used by src/calls). */
  onCallRelay: CallRelay;
};

export type ImEventName = keyof ImEvents;
