import type { SessionType } from './enums.js';

/**
 * Audio/video call signaling shapes. The invitation follows the OpenIM SDK's
 * `invitation` object field for field; imkit adds call states, end reasons and
 * the call-record message the server writes into the conversation afterwards.
 */

/** `"audio"` or `"video"`, as in the OpenIM reference. */
export type CallMediaType = 'audio' | 'video';

/** The OpenIM invitation object (`SignalingInvite` / `SignalingInviteInGroup`). */
export interface SignalingInvitation {
  inviterUserID: string;
  /** One element for a one-to-one call; up to 5 for a group call (6 people in all). */
  inviteeUserIDList: string[];
  /** `""` for a one-to-one call. */
  groupID: string;
  /** Unique per call; the server makes one when it is left empty. */
  roomID: string;
  /** Seconds the invitees have to answer. */
  timeout: number;
  mediaType: CallMediaType;
  /** 1 single, 2 group. */
  sessionType: SessionType;
  platformID: number;
  /** imkit: server time the invitation was sent (ms). */
  initiateTime?: number;
}

/** What a caller passes to `signalingInvite` / `signalingInviteInGroup` (the server fills in the rest). */
export interface SignalingInviteReq {
  invitation: {
    inviteeUserIDList: string[];
    groupID?: string;
    roomID?: string;
    /** Seconds, 5–120; default 30. */
    timeout?: number;
    mediaType: CallMediaType;
    sessionType?: SessionType;
    platformID?: number;
  };
  /** Accepted for OpenIM compatibility; the reference server sends no offline push. */
  offlinePushInfo?: unknown;
}

/** What `signalingAccept` / `signalingReject` / `signalingCancel` / `signalingHungUp` take. */
export interface SignalingOpReq {
  opUserID?: string;
  /** Only `roomID` is needed; the whole invitation from the event may be passed. */
  invitation: Pick<SignalingInvitation, 'roomID'> & Partial<SignalingInvitation>;
  /** imkit, for `signalingHungUp`: why you leave (`hangup` by default; `failed` when the media could not connect). */
  reason?: 'hangup' | 'failed';
}

/** The success result of invite and accept, as in the reference (`token`, `roomID`, `liveURL`). */
export interface SignalingResult {
  roomID: string;
  /** Opaque; the reference server's media runs peer to peer, so this is empty. */
  token: string;
  liveURL: string;
  invitation: SignalingInvitation;
  /** imkit: invitees who were already in a call (they get no invitation). */
  busyUserIDList: string[];
  /** imkit: who is in the call now (joined), the caller included once joined. */
  participantUserIDList: string[];
}

/** Why someone left or the call ended. */
export type CallEndReason =
  | 'hangup'
  | 'cancelled'
  | 'rejected'
  | 'timeout'
  | 'busy'
  | 'disconnected'
  | 'ended'
  | 'failed';

/** Payload of every signaling event (the reference's `{ opUserID, invitation }`, plus imkit fields). */
export interface SignalingEvent {
  /** Who did it (the accepter, the rejecter, the canceller, the one who hung up). */
  opUserID: string;
  invitation: SignalingInvitation;
  /** imkit: why, for hang-ups and endings. */
  reason?: CallEndReason;
  /** imkit: true when this event ended the whole call (nobody left to talk to). */
  ended?: boolean;
  /** imkit: for `onInviteeBusy` and `onInvitationTimeout`: the invitees concerned. */
  userIDList?: string[];
}

/** Kinds of relayed WebRTC data. */
export type CallRelayKind = 'offer' | 'answer' | 'candidate' | 'media';

/** imkit: WebRTC data relayed by the server between two participants of a room. */
export interface CallRelay {
  roomID: string;
  fromUserID: string;
  kind: CallRelayKind;
  /** JSON text: an RTCSessionDescriptionInit, an RTCIceCandidateInit, or `{ audio, video }` flags. */
  payload: string;
}

/** One ICE server, as `RTCIceServer`. */
export interface IceServerConfig {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface IceConfig {
  iceServers: IceServerConfig[];
  /** Seconds the TURN credentials stay valid. */
  ttl: number;
}

/** Content type of the call-record message the server writes after a call. */
export const CALL_RECORD_CONTENT_TYPE = 1600;

/** How a call ended, as its record shows it. */
export type CallRecordStatus = 'completed' | 'missed' | 'declined' | 'cancelled' | 'busy';

/** The JSON `content` of a call-record message (contentType 1600). */
export interface CallRecordContent {
  roomID: string;
  mediaType: CallMediaType;
  status: CallRecordStatus;
  /** Seconds between the first answer and the end; 0 when nobody answered. */
  duration: number;
  inviterUserID: string;
  /** Everyone invited, the inviter excluded. */
  inviteeUserIDList: string[];
  /** Everyone who joined (the inviter included), for group calls. */
  participantUserIDList: string[];
  startTime: number;
  endTime: number;
}

/** Most people in one call (a mesh: everyone sends to everyone). */
export const MAX_CALL_PARTICIPANTS = 6;

/** The client events a `call.signal` push becomes (OpenIM names, plus imkit's onHangUp and onInviteeBusy). */
export const SIGNALING_EVENT_NAMES = [
  'onReceiveNewInvitation',
  'onInviteeAccepted',
  'onInviteeRejected',
  'onInvitationCancelled',
  'onInvitationTimeout',
  'onInviteeAcceptedByOtherDevice',
  'onInviteeRejectedByOtherDevice',
  'onHangUp',
  'onInviteeBusy',
] as const;
export type SignalingEventName = (typeof SIGNALING_EVENT_NAMES)[number];
