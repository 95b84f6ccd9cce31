import type { CallRelayKind, IceConfig, SignalingInviteReq, SignalingOpReq, SignalingResult } from '../model/call.js';
import { ID_PATTERN } from '../model/conversation-id.js';
import { SessionType } from '../model/enums.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import type { SessionContext } from './context.js';

/**
 * Call signaling, as the OpenIM SDK names it (`signalingInvite`, `signalingAccept`,
 * …) plus `signalingHungUp`, the WebRTC relay and the ICE configuration.
 * Events come from transient `call.signal` / `call.relay` pushes; nothing here is
 * cached (a call does not outlive the connection for long, and the call record
 * that follows it is an ordinary message).
 */
export interface SignalingApi {
  /** Invite one user to a call. Resolves with `{ roomID, token, liveURL, invitation, busyUserIDList }`. */
  signalingInvite(req: SignalingInviteReq): Promise<SignalingResult>;
  /** Invite members of a group (`invitation.groupID`); an empty `inviteeUserIDList` invites every other member. */
  signalingInviteInGroup(req: SignalingInviteReq): Promise<SignalingResult>;
  signalingAccept(req: SignalingOpReq): Promise<SignalingResult>;
  signalingReject(req: SignalingOpReq): Promise<void>;
  signalingCancel(req: SignalingOpReq): Promise<void>;
  /** imkit: leave a call you joined (Tencent's and RongCloud's `hangup`). */
  signalingHungUp(req: SignalingOpReq): Promise<void>;
  /** imkit: send WebRTC data (SDP, ICE candidate, media flags) to another participant of the room. */
  signalingSendData(roomID: string, toUserID: string, kind: CallRelayKind, payload: string): Promise<void>;
  /** imkit: STUN/TURN servers for RTCPeerConnection, with time-limited TURN credentials. */
  getIceConfig(): Promise<IceConfig>;
}

export class Signaling implements SignalingApi {
  constructor(private readonly s: SessionContext) {}

  private online(): void {
    if (!this.s.isOnline()) throw new ImError(ErrorCode.NetworkError, 'Calls need a connection to the server, and there is none right now.');
  }

  private checkInvite(req: SignalingInviteReq, group: boolean): SignalingInviteReq {
    const inv = req?.invitation;
    if (!inv || typeof inv !== 'object') throw new ImError(ErrorCode.InvalidArgument, 'invitation is required.');
    if (inv.mediaType !== 'audio' && inv.mediaType !== 'video') throw new ImError(ErrorCode.InvalidArgument, 'invitation.mediaType must be "audio" or "video".');
    const list = inv.inviteeUserIDList;
    if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && ID_PATTERN.test(id))) {
      throw new ImError(ErrorCode.InvalidArgument, 'invitation.inviteeUserIDList must be a list of user IDs.');
    }
    if (group) {
      if (!inv.groupID || !ID_PATTERN.test(inv.groupID)) throw new ImError(ErrorCode.InvalidArgument, 'invitation.groupID is required for a group call.');
      return { invitation: { ...inv, sessionType: SessionType.Group } };
    }
    if (list.length !== 1) throw new ImError(ErrorCode.InvalidArgument, 'signalingInvite invites exactly one user; use signalingInviteInGroup for more.');
    if (list[0] === this.s.userID) throw new ImError(ErrorCode.InvalidArgument, 'You cannot call yourself.');
    return { invitation: { ...inv, groupID: '', sessionType: SessionType.Single } };
  }

  private room(req: SignalingOpReq): SignalingOpReq {
    const roomID = req?.invitation?.roomID;
    if (typeof roomID !== 'string' || !roomID) throw new ImError(ErrorCode.InvalidArgument, 'invitation.roomID is required.');
    return { invitation: { roomID }, ...(req.reason === 'failed' || req.reason === 'hangup' ? { reason: req.reason } : {}) };
  }

  async signalingInvite(req: SignalingInviteReq): Promise<SignalingResult> {
    const data = this.checkInvite(req, false);
    this.online();
    return this.s.connection.request('signal.invite', { invitation: data.invitation });
  }

  async signalingInviteInGroup(req: SignalingInviteReq): Promise<SignalingResult> {
    const data = this.checkInvite(req, true);
    this.online();
    return this.s.connection.request('signal.invite', { invitation: data.invitation });
  }

  async signalingAccept(req: SignalingOpReq): Promise<SignalingResult> {
    const data = this.room(req);
    this.online();
    return this.s.connection.request('signal.accept', data);
  }

  async signalingReject(req: SignalingOpReq): Promise<void> {
    const data = this.room(req);
    this.online();
    await this.s.connection.request('signal.reject', data);
  }

  async signalingCancel(req: SignalingOpReq): Promise<void> {
    const data = this.room(req);
    this.online();
    await this.s.connection.request('signal.cancel', data);
  }

  async signalingHungUp(req: SignalingOpReq): Promise<void> {
    const data = this.room(req);
    this.online();
    await this.s.connection.request('signal.hungUp', data);
  }

  async signalingSendData(roomID: string, toUserID: string, kind: CallRelayKind, payload: string): Promise<void> {
    this.online();
    await this.s.connection.request('signal.relay', { roomID, toUserID, kind, payload });
  }

  async getIceConfig(): Promise<IceConfig> {
    this.online();
    return this.s.connection.request('call.iceConfig', {});
  }
  // The call pushes become events in signaling-push.ts (they must not wait for this module).
}
