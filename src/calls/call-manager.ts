import mitt, { type Emitter } from 'mitt';
import type { ImClientApi } from '../client/api.js';
import type { SignalingApi } from '../client/signaling.js';
import type { CallEndReason, CallMediaType, CallRelay, IceConfig, SignalingEvent, SignalingInvitation } from '../model/call.js';
import { SessionType } from '../model/enums.js';
import { ERROR_DESCRIPTIONS } from '../protocol/error-descriptions.js';
import { ErrorCode, ImError, type ErrorInfo } from '../protocol/errors.js';
import { listDevices, openLocalMedia, openTrack, type MediaDeviceLists } from './media.js';
import { qualityOf, samplePeer, SPEAKING_LEVEL, type CallQuality, type PeerStatsSample } from './stats.js';

/** A client that can place calls: the kit's `ImClient`. */
export type CallClient = ImClientApi & SignalingApi;

export function isCallClient(client: unknown): client is CallClient {
  return !!client && typeof (client as CallClient).signalingInvite === 'function';
}

/**
 * - `idle`: no call.
 * - `outgoing`: we invited, nobody has answered yet.
 * - `incoming`: someone is calling us.
 * - `connecting`: answered; media is being connected.
 * - `active`: media flows with at least one person.
 * - `ended`: over (see `endReason`, `error`); `dismiss()` goes back to idle.
 */
export type CallPhase = 'idle' | 'outgoing' | 'incoming' | 'connecting' | 'active' | 'ended';

export type RemoteConnection = 'ringing' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface RemoteParticipant {
  userID: string;
  nickname: string;
  faceURL: string;
  stream: MediaStream | null;
  state: RemoteConnection;
  /** What the participant says they send (their mute and camera switches). */
  audio: boolean;
  video: boolean;
  quality: CallQuality;
  speaking: boolean;
  audioLevel: number;
  /** Bytes received from this participant so far (from getStats). */
  inboundBytes: number;
  outboundBytes: number;
  rtt: number;
}

export interface CallState {
  phase: CallPhase;
  invitation: SignalingInvitation | null;
  /** Whether we placed the call. */
  outgoing: boolean;
  mediaType: CallMediaType;
  /** Everyone else in the call (or invited), keyed by user ID. */
  participants: Map<string, RemoteParticipant>;
  localStream: MediaStream | null;
  muted: boolean;
  cameraOff: boolean;
  /** The local microphone level (0–1) and whether it counts as speaking. */
  localSpeaking: boolean;
  /** Server-independent: when media first connected (ms), 0 before. */
  connectedAt: number;
  endReason: CallEndReason | 'answered-elsewhere' | 'rejected-elsewhere' | null;
  /** Who ended it, when someone else did. */
  endedBy: string;
  error: ErrorInfo | null;
  /** A notice that is not an ending (a camera missing, someone busy or declining in a group, reconnecting). */
  notice: string;
  /** ICE restarts tried in this call (a connection dropped and was being brought back). */
  iceRestarts: number;
  devices: { audioInput: string; videoInput: string; audioOutput: string };
}

export type CallManagerEvents = {
  /** Any part of the state changed. */
  change: CallState;
};

interface Peer {
  pc: RTCPeerConnection;
  polite: boolean;
  makingOffer: boolean;
  ignoreOffer: boolean;
  pendingCandidates: RTCIceCandidateInit[];
  lastSample?: PeerStatsSample;
  wasConnected: boolean;
  restartTimer?: ReturnType<typeof setTimeout>;
  failTimer?: ReturnType<typeof setTimeout>;
}

export interface CallManagerOptions {
  /** Seconds before an unanswered invitation times out (5–120). Default 30. */
  timeout?: number;
  /** How long media may take to connect, or to come back after a drop (ICE restart), before giving up. Default 20 s. */
  connectTimeoutMs?: number;
  /** Stats interval. Default 1000 ms. */
  statsIntervalMs?: number;
  /** Extra RTCConfiguration (merged over the server's ICE servers). */
  rtcConfig?: RTCConfiguration;
}

const fresh = (): CallState => ({
  phase: 'idle',
  invitation: null,
  outgoing: false,
  mediaType: 'video',
  participants: new Map(),
  localStream: null,
  muted: false,
  cameraOff: false,
  localSpeaking: false,
  connectedAt: 0,
  endReason: null,
  endedBy: '',
  error: null,
  notice: '',
  iceRestarts: 0,
  devices: { audioInput: '', videoInput: '', audioOutput: '' },
});

function toInfo(error: unknown): ErrorInfo {
  if (error instanceof ImError) return error.toJSON();
  const e = error as { code?: number; message?: string };
  return { code: (e?.code ?? ErrorCode.Internal) as ErrorInfo['code'], message: e?.message ?? String(error) };
}

/**
 * One person's calls: signaling through the IM client and media over WebRTC, as
 * a mesh (each participant has a peer connection to each other one; up to 6).
 * Negotiation follows the "perfect negotiation" pattern, so renegotiation (a
 * camera switched on mid-call, an ICE restart) works from either side.
 */
export class CallManager {
  readonly events: Emitter<CallManagerEvents> = mitt<CallManagerEvents>();
  private s: CallState = fresh();
  private peers = new Map<string, Peer>();
  private ice: IceConfig | null = null;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | null = null;
  private localAudioContext: { ctx: AudioContext; analyser: AnalyserNode; data: Uint8Array<ArrayBuffer> } | null = null;
  private readonly options: Required<Omit<CallManagerOptions, 'rtcConfig'>> & { rtcConfig?: RTCConfiguration | undefined };
  /** Bumped on each new call, so late answers of a previous call are ignored. */
  private generation = 0;

  constructor(readonly client: CallClient, options: CallManagerOptions = {}) {
    this.options = { timeout: 30, connectTimeoutMs: 20_000, statsIntervalMs: 1000, ...options };
    this.attach();
  }

  /** Changes options for the next peer connections and calls (timeouts, RTCConfiguration). */
  configure(options: CallManagerOptions): void {
    Object.assign(this.options, options);
  }

  get state(): CallState {
    return this.s;
  }

  get selfID(): string {
    try {
      return this.client.getLoginUserID();
    } catch {
      return '';
    }
  }

  /** Stops listening to the client and ends any call (the element was removed). */
  dispose(): void {
    // The client may already be logged out (the page is tearing down): nobody is left to tell, so drop the error.
    if (this.s.phase !== 'idle' && this.s.phase !== 'ended') void this.hangUp().catch(() => undefined);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cleanup();
  }

  // ---- the public actions ---------------------------------------------------

  /** Calls one user, or members of a group (`userIDList` empty or omitted: every other member). */
  async call(target: { userID: string } | { groupID: string; userIDList?: string[] }, mediaType: CallMediaType = 'video', options: { timeout?: number } = {}): Promise<void> {
    if (this.s.phase !== 'idle' && this.s.phase !== 'ended') throw new ImError(ErrorCode.AlreadyInCall, ERROR_DESCRIPTIONS[ErrorCode.AlreadyInCall]);
    const generation = ++this.generation;
    this.s = { ...fresh(), phase: 'outgoing', outgoing: true, mediaType, cameraOff: mediaType === 'audio', devices: this.s.devices };
    const group = 'groupID' in target;
    const invitees = group ? (target.userIDList ?? []) : [target.userID];
    for (const id of invitees) this.s.participants.set(id, this.blankParticipant(id, 'ringing'));
    this.emit();
    try {
      await this.openMedia(mediaType);
      if (generation !== this.generation) return;
      const req = { invitation: { inviteeUserIDList: invitees, mediaType, timeout: options.timeout ?? this.options.timeout, ...(group ? { groupID: target.groupID, sessionType: SessionType.Group } : {}) } };
      const res = group ? await this.client.signalingInviteInGroup(req) : await this.client.signalingInvite(req);
      if (generation !== this.generation) {
        // Cancelled while the invitation was on its way.
        void this.client.signalingCancel({ invitation: res.invitation }).catch(() => undefined);
        return;
      }
      this.s.invitation = res.invitation;
      for (const id of res.invitation.inviteeUserIDList) if (!this.s.participants.has(id)) this.s.participants.set(id, this.blankParticipant(id, 'ringing'));
      for (const id of res.busyUserIDList) this.s.participants.delete(id);
      void this.loadProfiles([...this.s.participants.keys()]);
      if (res.busyUserIDList.length && this.s.participants.size === 0) {
        this.finish('busy', { endedBy: res.busyUserIDList[0]! });
        return;
      }
      if (res.busyUserIDList.length) this.s.notice = `${res.busyUserIDList.join(', ')} ${res.busyUserIDList.length > 1 ? 'are' : 'is'} in another call.`;
      this.emit();
    } catch (error) {
      if (generation !== this.generation) return;
      this.finish('failed', { error });
      throw error;
    }
  }

  /** Answers the incoming call (with the camera on for a video call, unless `mediaType` says audio). */
  async accept(mediaType?: CallMediaType): Promise<void> {
    const inv = this.s.invitation;
    if (this.s.phase !== 'incoming' || !inv) throw new ImError(ErrorCode.CallStateInvalid, 'There is no incoming call to answer.');
    const generation = this.generation;
    const media = mediaType ?? inv.mediaType;
    this.s.phase = 'connecting';
    this.s.cameraOff = media === 'audio';
    this.emit();
    try {
      await this.openMedia(media);
    } catch (error) {
      // Without a microphone there is no call: tell the caller rather than let it ring out.
      await this.client.signalingReject({ invitation: inv }).catch(() => undefined);
      if (generation === this.generation) this.finish('failed', { error });
      throw error;
    }
    if (generation !== this.generation) return;
    try {
      const res = await this.client.signalingAccept({ opUserID: this.selfID, invitation: inv });
      if (generation !== this.generation) return;
      this.s.invitation = res.invitation;
      // Only the people in the call now: the invitees still ringing join later (and call us).
      const joined = new Set(res.participantUserIDList.filter((id) => id !== this.selfID));
      for (const id of [...this.s.participants.keys()]) if (!joined.has(id)) this.s.participants.delete(id);
      for (const id of joined) {
        if (!this.s.participants.has(id)) this.s.participants.set(id, this.blankParticipant(id, 'connecting'));
        else this.s.participants.get(id)!.state = 'connecting';
      }
      void this.loadProfiles([...joined]);
      this.emit();
      // The one who joins calls everyone already there.
      for (const id of joined) this.peerFor(id, true);
      this.startStats();
    } catch (error) {
      if (generation === this.generation) this.finish('failed', { error });
      throw error;
    }
  }

  /** Declines the incoming call. */
  async decline(): Promise<void> {
    const inv = this.s.invitation;
    if (this.s.phase !== 'incoming' || !inv) return;
    this.finish('rejected', { endedBy: this.selfID });
    await this.client.signalingReject({ opUserID: this.selfID, invitation: inv });
  }

  /** Cancels the outgoing call (before anyone answered) or leaves the call. */
  async hangUp(): Promise<void> {
    const { phase, invitation, outgoing } = this.s;
    if (phase === 'incoming') return this.decline();
    if (phase === 'idle' || phase === 'ended') return;
    const answeredByAnyone = [...this.s.participants.values()].some((p) => p.state !== 'ringing');
    this.finish(phase === 'outgoing' || (outgoing && !answeredByAnyone) ? 'cancelled' : 'hangup', { endedBy: this.selfID });
    if (!invitation) {
      this.generation++; // an invite still on its way is cancelled when it returns
      return;
    }
    if (outgoing && !answeredByAnyone) await this.client.signalingCancel({ opUserID: this.selfID, invitation }).catch(() => this.client.signalingHungUp({ invitation }));
    else await this.client.signalingHungUp({ opUserID: this.selfID, invitation });
  }

  /** Back to idle after an ended call (the element does this after showing the summary). */
  dismiss(): void {
    if (this.s.phase !== 'ended') return;
    this.s = { ...fresh(), devices: this.s.devices };
    this.emit();
  }

  setMuted(muted: boolean): void {
    this.s.muted = muted;
    for (const t of this.s.localStream?.getAudioTracks() ?? []) t.enabled = !muted;
    this.emit();
    this.announceMedia();
  }

  /** Turns the camera off or on; turning it on in an audio call upgrades the call to video. */
  async setCameraOff(off: boolean): Promise<void> {
    const stream = this.s.localStream;
    if (!stream) return;
    if (!off && stream.getVideoTracks().length === 0) {
      let track: MediaStreamTrack;
      try {
        track = await openTrack('video', this.s.devices.videoInput || undefined);
      } catch (error) {
        this.s.notice = toInfo(error).message;
        this.emit();
        throw error;
      }
      stream.addTrack(track);
      this.s.mediaType = 'video';
      for (const peer of this.peers.values()) peer.pc.addTrack(track, stream);
    }
    for (const t of stream.getVideoTracks()) t.enabled = !off;
    this.s.cameraOff = off;
    this.s.localStream = stream;
    this.emit();
    this.announceMedia();
  }

  /** Switches to another microphone or camera mid-call (replaceTrack: no renegotiation). */
  async useDevice(kind: 'audioinput' | 'videoinput', deviceId: string): Promise<void> {
    const stream = this.s.localStream;
    const trackKind = kind === 'audioinput' ? 'audio' : 'video';
    if (kind === 'audioinput') this.s.devices.audioInput = deviceId;
    else this.s.devices.videoInput = deviceId;
    if (!stream) return this.emit();
    const old = trackKind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
    if (!old) return this.emit();
    const track = await openTrack(trackKind, deviceId);
    track.enabled = old.enabled;
    for (const peer of this.peers.values()) {
      const sender = peer.pc.getSenders().find((x) => x.track === old);
      await sender?.replaceTrack(track);
    }
    stream.removeTrack(old);
    old.stop();
    stream.addTrack(track);
    if (trackKind === 'audio') this.watchLocalAudio(stream);
    this.emit();
  }

  /** Chooses the speaker; the element applies it with setSinkId where the browser has it. */
  useSpeaker(deviceId: string): void {
    this.s.devices.audioOutput = deviceId;
    this.emit();
  }

  listDevices(): Promise<MediaDeviceLists> {
    return listDevices();
  }

  /** Per participant: bytes received and sent so far (for tests and diagnostics). */
  async stats(): Promise<Record<string, PeerStatsSample>> {
    const out: Record<string, PeerStatsSample> = {};
    for (const [id, peer] of this.peers) out[id] = await samplePeer(peer.pc);
    return out;
  }

  // ---- signaling events -------------------------------------------------------

  private attach(): void {
    const c = this.client;
    const handlers: Array<[string, (e: never) => void]> = [
      ['onReceiveNewInvitation', (e: SignalingEvent) => this.onInvitation(e)],
      ['onInviteeAccepted', (e: SignalingEvent) => this.onAccepted(e)],
      ['onInviteeRejected', (e: SignalingEvent) => this.onGone(e, 'rejected', `${this.nameOf(e.opUserID)} declined.`)],
      ['onInvitationTimeout', (e: SignalingEvent) => this.onTimeout(e)],
      ['onInviteeBusy', (e: SignalingEvent) => this.onBusy(e)],
      ['onInvitationCancelled', (e: SignalingEvent) => this.ifCurrent(e, () => this.finish('cancelled', { endedBy: e.opUserID }))],
      ['onInviteeAcceptedByOtherDevice', (e: SignalingEvent) => this.ifCurrent(e, () => this.s.phase === 'incoming' && this.finish('answered-elsewhere'))],
      ['onInviteeRejectedByOtherDevice', (e: SignalingEvent) => this.ifCurrent(e, () => this.s.phase === 'incoming' && this.finish('rejected-elsewhere'))],
      ['onHangUp', (e: SignalingEvent) => this.onGone(e, e.reason ?? 'hangup', `${this.nameOf(e.opUserID)} left the call.`)],
      ['onCallRelay', (e: CallRelay) => void this.onRelay(e)],
      ['onConnectSuccess', () => this.onSocketBack()],
      ['onLoginStatusChanged', (e: { status: number }) => e.status === 201 && this.s.phase !== 'idle' && this.s.phase !== 'ended' && this.finish('disconnected')],
    ];
    for (const [name, h] of handlers) c.on(name as never, h as never);
    // Leaving the page leaves the call at once, rather than after the server's reconnect grace period.
    const onPageHide = () => {
      if (this.s.phase !== 'idle' && this.s.phase !== 'ended') void this.hangUp().catch(() => undefined);
    };
    if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);
    this.unsubscribe = () => {
      for (const [name, h] of handlers) c.off(name as never, h as never);
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
    };
  }

  private ifCurrent(e: SignalingEvent, run: () => unknown): void {
    if (this.s.invitation && e.invitation.roomID === this.s.invitation.roomID && this.s.phase !== 'ended') run();
  }

  private onInvitation(e: SignalingEvent): void {
    if (this.s.phase !== 'idle' && this.s.phase !== 'ended') return; // the server answers busy for us
    this.generation++;
    const inv = e.invitation;
    this.s = { ...fresh(), phase: 'incoming', invitation: inv, outgoing: false, mediaType: inv.mediaType, cameraOff: inv.mediaType === 'audio', devices: this.s.devices };
    // Shown while ringing: the inviter (and, in a group, the others invited).
    const ids = [inv.inviterUserID, ...inv.inviteeUserIDList.filter((id) => id !== this.selfID)];
    for (const id of ids) this.s.participants.set(id, this.blankParticipant(id, id === inv.inviterUserID ? 'connecting' : 'ringing'));
    void this.loadProfiles(ids);
    this.emit();
  }

  private onAccepted(e: SignalingEvent): void {
    this.ifCurrent(e, () => {
      const p = this.s.participants.get(e.opUserID) ?? this.blankParticipant(e.opUserID, 'connecting');
      p.state = this.peers.get(e.opUserID)?.wasConnected ? 'connected' : 'connecting';
      this.s.participants.set(e.opUserID, p);
      if (this.s.phase === 'outgoing') this.s.phase = 'connecting';
      if (!p.nickname || p.nickname === p.userID) void this.loadProfiles([e.opUserID]);
      this.startStats();
      this.armConnectTimer(e.opUserID);
      this.emit();
    });
  }

  private onTimeout(e: SignalingEvent): void {
    this.ifCurrent(e, () => {
      if (!this.s.outgoing || e.ended) {
        // Our invitation ran out (invitee), or nobody answered ours (inviter).
        if (e.ended || (e.userIDList ?? []).includes(this.selfID)) return this.finish('timeout', { endedBy: e.opUserID });
      }
      for (const id of e.userIDList ?? []) this.dropParticipant(id);
      this.s.notice = `${(e.userIDList ?? []).map((id) => this.nameOf(id)).join(', ')} did not answer.`;
      this.emit();
    });
  }

  private onBusy(e: SignalingEvent): void {
    this.ifCurrent(e, () => {
      if (e.ended) return this.finish('busy', { endedBy: e.opUserID });
      for (const id of e.userIDList ?? []) this.dropParticipant(id);
      this.emit();
    });
  }

  private onGone(e: SignalingEvent, reason: CallEndReason, notice: string): void {
    this.ifCurrent(e, () => {
      if (e.ended) return this.finish(reason, { endedBy: e.opUserID });
      this.dropParticipant(e.opUserID);
      this.s.notice = notice;
      this.emit();
    });
  }

  private dropParticipant(userID: string): void {
    this.s.participants.delete(userID);
    const peer = this.peers.get(userID);
    if (peer) this.closePeer(userID, peer);
  }

  // ---- WebRTC -----------------------------------------------------------------

  private async openMedia(mediaType: CallMediaType): Promise<void> {
    const [{ stream, cameraMissing }, ice] = await Promise.all([
      openLocalMedia(mediaType, { audioInput: this.s.devices.audioInput || undefined, videoInput: this.s.devices.videoInput || undefined }),
      this.ice ? Promise.resolve(this.ice) : this.client.getIceConfig().catch(() => ({ iceServers: [], ttl: 0 })),
    ]);
    this.ice = ice;
    this.s.localStream = stream;
    if (cameraMissing) {
      this.s.cameraOff = true;
      this.s.notice = 'No camera was found: the call goes on with audio only.';
    }
    for (const t of stream.getAudioTracks()) t.enabled = !this.s.muted;
    this.watchLocalAudio(stream);
    this.emit();
  }

  private rtcConfig(): RTCConfiguration {
    return { iceServers: this.ice?.iceServers ?? [], ...this.options.rtcConfig };
  }

  private peerFor(userID: string, initiate: boolean): Peer {
    let peer = this.peers.get(userID);
    if (peer) return peer;
    const pc = new RTCPeerConnection(this.rtcConfig());
    peer = { pc, polite: this.selfID < userID, makingOffer: false, ignoreOffer: false, pendingCandidates: [], wasConnected: false };
    this.peers.set(userID, peer);
    const p = peer;
    pc.onnegotiationneeded = async () => {
      try {
        p.makingOffer = true;
        await pc.setLocalDescription();
        await this.send(userID, 'offer', pc.localDescription!.toJSON());
      } catch (error) {
        console.warn('imkit: negotiation failed', error);
      } finally {
        p.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) void this.send(userID, 'candidate', candidate.toJSON()).catch(() => undefined);
    };
    pc.ontrack = ({ track, streams }) => {
      const part = this.s.participants.get(userID);
      if (!part) return;
      const stream = streams[0] ?? part.stream ?? new MediaStream();
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      part.stream = stream;
      track.onunmute = () => this.emit();
      this.emit();
    };
    pc.onconnectionstatechange = () => this.onPeerState(userID, p);
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') this.restart(userID, p);
    };
    if (initiate) this.addLocalTracks(pc);
    this.armConnectTimer(userID);
    return peer;
  }

  private addLocalTracks(pc: RTCPeerConnection): void {
    const stream = this.s.localStream;
    if (!stream) return;
    const sending = new Set(pc.getSenders().map((s) => s.track));
    for (const track of stream.getTracks()) if (!sending.has(track)) pc.addTrack(track, stream);
  }

  private async onRelay(e: CallRelay): Promise<void> {
    if (!this.s.invitation || e.roomID !== this.s.invitation.roomID || this.s.phase === 'ended' || this.s.phase === 'idle') return;
    let payload: unknown;
    try {
      payload = JSON.parse(e.payload);
    } catch {
      return;
    }
    const from = e.fromUserID;
    if (e.kind === 'media') {
      const part = this.s.participants.get(from);
      const flags = payload as { audio?: boolean; video?: boolean };
      if (part) {
        part.audio = flags.audio !== false;
        part.video = flags.video === true;
        this.emit();
      }
      return;
    }
    if (!this.s.participants.has(from)) this.s.participants.set(from, this.blankParticipant(from, 'connecting'));
    const peer = this.peerFor(from, false);
    const pc = peer.pc;
    try {
      if (e.kind === 'offer' || e.kind === 'answer') {
        const desc = payload as RTCSessionDescriptionInit;
        const collision = desc.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
        peer.ignoreOffer = !peer.polite && collision;
        if (peer.ignoreOffer) return;
        await pc.setRemoteDescription(desc);
        for (const c of peer.pendingCandidates.splice(0)) await pc.addIceCandidate(c).catch(() => undefined);
        if (desc.type === 'offer') {
          // Answer with our own media on the transceivers the offer created.
          this.addLocalTracks(pc);
          await pc.setLocalDescription();
          await this.send(from, 'answer', pc.localDescription!.toJSON());
        }
        this.announceMedia(from);
      } else if (e.kind === 'candidate') {
        const cand = payload as RTCIceCandidateInit;
        if (!pc.remoteDescription) peer.pendingCandidates.push(cand);
        else await pc.addIceCandidate(cand).catch((err) => {
          if (!peer.ignoreOffer) throw err;
        });
      }
    } catch (error) {
      console.warn('imkit: applying call data failed', error);
    }
  }

  private send(toUserID: string, kind: 'offer' | 'answer' | 'candidate' | 'media', data: unknown): Promise<void> {
    const roomID = this.s.invitation?.roomID;
    if (!roomID) return Promise.resolve();
    return this.client.signalingSendData(roomID, toUserID, kind, JSON.stringify(data));
  }

  /** Tells the others whether our microphone and camera are on. */
  private announceMedia(only?: string): void {
    const flags = { audio: !this.s.muted, video: !this.s.cameraOff && (this.s.localStream?.getVideoTracks().length ?? 0) > 0 };
    for (const id of only ? [only] : this.peers.keys()) void this.send(id, 'media', flags).catch(() => undefined);
  }

  private onPeerState(userID: string, peer: Peer): void {
    const part = this.s.participants.get(userID);
    const state = peer.pc.connectionState;
    if (!part) return;
    if (state === 'connected') {
      peer.wasConnected = true;
      clearTimeout(peer.failTimer);
      clearTimeout(peer.restartTimer);
      peer.failTimer = undefined;
      part.state = 'connected';
      if (!this.s.connectedAt) this.s.connectedAt = Date.now();
      if (this.s.phase === 'connecting' || this.s.phase === 'outgoing') this.s.phase = 'active';
      if (this.s.notice.startsWith('Reconnecting')) this.s.notice = '';
      this.announceMedia(userID);
    } else if (state === 'disconnected') {
      part.state = 'reconnecting';
      this.s.notice = `Reconnecting to ${this.nameOf(userID)}…`;
      // A short drop often heals by itself; restart ICE if it does not.
      clearTimeout(peer.restartTimer);
      peer.restartTimer = setTimeout(() => peer.pc.connectionState === 'disconnected' && this.restart(userID, peer), 3000);
    } else if (state === 'failed') {
      this.restart(userID, peer);
    }
    this.emit();
  }

  /** ICE restart first; if the media does not come back in time, the call ends with a reason. */
  private restart(userID: string, peer: Peer): void {
    const part = this.s.participants.get(userID);
    if (part) part.state = 'reconnecting';
    this.s.notice = `Reconnecting to ${this.nameOf(userID)}…`;
    this.s.iceRestarts++;
    try {
      peer.pc.restartIce();
    } catch {
      /* closed */
    }
    this.armConnectTimer(userID);
    this.emit();
  }

  private armConnectTimer(userID: string): void {
    const peer = this.peers.get(userID);
    if (!peer || peer.failTimer) return;
    peer.failTimer = setTimeout(() => {
      peer.failTimer = undefined;
      if (this.peers.get(userID) !== peer || peer.pc.connectionState === 'connected') return;
      const error = peer.wasConnected
        ? new ImError(ErrorCode.CallConnectionLost, `The connection to ${this.nameOf(userID)} was lost and could not be restored.`)
        : new ImError(ErrorCode.PeerUnreachable, `Could not connect to ${this.nameOf(userID)}: no network path between you.`);
      const others = [...this.peers.entries()].filter(([id, p]) => id !== userID && p.pc.connectionState === 'connected');
      if (others.length) {
        // A group call goes on without them.
        this.dropParticipant(userID);
        this.s.notice = error.message;
        this.emit();
        return;
      }
      const inv = this.s.invitation;
      this.finish('failed', { error });
      if (inv) void this.client.signalingHungUp({ invitation: inv, reason: 'failed' }).catch(() => undefined);
    }, this.options.connectTimeoutMs);
  }

  /** The socket is back: peers that dropped meanwhile restart ICE now that signaling works again. */
  private onSocketBack(): void {
    if (this.s.phase !== 'active' && this.s.phase !== 'connecting') return;
    this.announceMedia();
    for (const [id, peer] of this.peers) {
      const st = peer.pc.connectionState;
      if (st === 'failed' || st === 'disconnected') this.restart(id, peer);
    }
  }

  private startStats(): void {
    if (this.statsTimer) return;
    this.statsTimer = setInterval(() => void this.pollStats(), this.options.statsIntervalMs);
  }

  private async pollStats(): Promise<void> {
    let changed = false;
    for (const [id, peer] of this.peers) {
      const part = this.s.participants.get(id);
      if (!part || peer.pc.connectionState === 'closed') continue;
      let sample: PeerStatsSample;
      try {
        sample = await samplePeer(peer.pc);
      } catch {
        continue;
      }
      const quality = peer.pc.connectionState === 'connected' ? qualityOf(peer.lastSample, sample) : 'poor';
      const speaking = part.audio && sample.audioLevel > SPEAKING_LEVEL;
      if (quality !== part.quality || speaking !== part.speaking) changed = true;
      Object.assign(part, { quality, speaking, audioLevel: sample.audioLevel, inboundBytes: sample.inboundBytes, outboundBytes: sample.outboundBytes, rtt: sample.rtt });
      peer.lastSample = sample;
    }
    const local = this.localAudioContext;
    if (local) {
      local.analyser.getByteTimeDomainData(local.data);
      let peak = 0;
      for (const v of local.data) peak = Math.max(peak, Math.abs(v - 128) / 128);
      const speaking = !this.s.muted && peak > SPEAKING_LEVEL;
      if (speaking !== this.s.localSpeaking) {
        this.s.localSpeaking = speaking;
        changed = true;
      }
    }
    if (changed) this.emit();
  }

  private watchLocalAudio(stream: MediaStream): void {
    try {
      this.localAudioContext?.ctx.close().catch(() => undefined);
      this.localAudioContext = null;
      if (!stream.getAudioTracks().length || typeof AudioContext === 'undefined') return;
      const ctx = new AudioContext();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 512;
      ctx.createMediaStreamSource(new MediaStream(stream.getAudioTracks())).connect(analyser);
      this.localAudioContext = { ctx, analyser, data: new Uint8Array(analyser.fftSize) };
    } catch {
      this.localAudioContext = null;
    }
  }

  // ---- helpers --------------------------------------------------------------

  private blankParticipant(userID: string, state: RemoteConnection): RemoteParticipant {
    return { userID, nickname: userID, faceURL: '', stream: null, state, audio: true, video: this.s.mediaType === 'video', quality: 'unknown', speaking: false, audioLevel: 0, inboundBytes: 0, outboundBytes: 0, rtt: NaN };
  }

  private nameOf(userID: string): string {
    return this.s.participants.get(userID)?.nickname || userID;
  }

  private async loadProfiles(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const users = await this.client.getUsersInfo(ids);
      for (const u of users) {
        const p = this.s.participants.get(u.userID);
        if (p) {
          p.nickname = u.nickname || u.userID;
          p.faceURL = u.faceURL;
        }
      }
      this.emit();
    } catch {
      /* names stay as IDs */
    }
  }

  private finish(reason: CallState['endReason'], extra: { endedBy?: string; error?: unknown } = {}): void {
    if (this.s.phase === 'ended' || this.s.phase === 'idle') return;
    this.cleanup();
    this.s.phase = 'ended';
    this.s.endReason = reason;
    this.s.endedBy = extra.endedBy ?? '';
    this.s.error = extra.error ? toInfo(extra.error) : null;
    this.emit();
  }

  private closePeer(userID: string, peer: Peer): void {
    clearTimeout(peer.failTimer);
    clearTimeout(peer.restartTimer);
    peer.pc.onnegotiationneeded = peer.pc.onicecandidate = peer.pc.ontrack = peer.pc.onconnectionstatechange = peer.pc.oniceconnectionstatechange = null;
    peer.pc.close();
    this.peers.delete(userID);
  }

  private cleanup(): void {
    clearInterval(this.statsTimer);
    this.statsTimer = undefined;
    for (const [id, peer] of [...this.peers]) this.closePeer(id, peer);
    for (const t of this.s.localStream?.getTracks() ?? []) t.stop();
    this.localAudioContext?.ctx.close().catch(() => undefined);
    this.localAudioContext = null;
  }

  private emit(): void {
    this.events.emit('change', this.s);
  }
}
