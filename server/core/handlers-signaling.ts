import {
  CALL_RECORD_CONTENT_TYPE,
  MAX_CALL_PARTICIPANTS,
  type CallEndReason,
  type CallRecordContent,
  type CallRecordStatus,
  type SignalingEvent,
  type SignalingEventName,
  type SignalingInvitation,
  type SignalingResult,
} from '../../src/model/call.js';
import { groupConversationID, singleConversationID } from '../../src/model/conversation-id.js';
import { SessionType } from '../../src/model/enums.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import type { OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { PushEvent } from '../../src/protocol/pushes.js';
import type { Caller, DomainContext } from './handlers.js';
import { iceConfigFor, type IceOptions } from './signaling-ice.js';
import type { MessageRow } from './store.js';
import { conversationView, readStateFor, toMessageItem } from './views.js';

/**
 * Call signaling: the OpenIM invitation flow (invite, accept, reject, cancel,
 * timeout, answered on another device) plus busy and hang-up, and a relay of
 * WebRTC data between the participants of a room.
 *
 * Rooms live in memory: a call does not survive a server restart, and a
 * multi-node deployment would keep them in Redis beside the fan-out. Every push
 * here is transient (`seq: 0`); only the call record the server writes into the
 * conversation when a call ends goes through the event log, so both sides see
 * it, offline devices catch up on it, and it is cached like any message.
 */

export interface CallServiceOptions {
  ice?: IceOptions;
  /** Default invitation timeout in seconds when the caller sets none (5–120). Default 30. */
  defaultTimeoutSeconds?: number;
  /** How long a participant whose socket dropped stays in the call, waiting for a reconnect. Default 20 s. */
  disconnectGraceMs?: number;
}

export interface CallServiceDeps {
  now(): number;
  /** A domain context for work that does not answer a request (timers): its events are delivered at once. */
  background(): DomainContext;
  /** Sends a transient push to the user's connections that pass `filter` (all when omitted). */
  push(userID: string, event: PushEvent, filter?: (connectionID: number) => boolean): void;
  isConnectionOpen(userID: string, connectionID: number): boolean;
  randomID(): string;
  logger: { warn(message: string, ...details: unknown[]): void };
  options?: CallServiceOptions;
}

type MemberState = 'joined' | 'ringing' | 'rejected' | 'timeout' | 'cancelled' | 'left' | 'busy';

interface Member {
  userID: string;
  state: MemberState;
  /** The connection (device) taking part, once joined. */
  connectionID: number;
  graceTimer?: ReturnType<typeof setTimeout>;
}

interface Room {
  invitation: SignalingInvitation;
  members: Map<string, Member>;
  /** Server time of the first answer; 0 while nobody has answered. */
  startTime: number;
  timer?: ReturnType<typeof setTimeout>;
  /** How the unanswered invitations ended, for the record's status. */
  outcomes: Set<'rejected' | 'timeout' | 'cancelled' | 'busy'>;
}

export interface CallService {
  invite(ctx: DomainContext, caller: Caller, req: OpRequest<'signal.invite'>): SignalingResult;
  accept(ctx: DomainContext, caller: Caller, roomID: string): SignalingResult;
  reject(ctx: DomainContext, caller: Caller, roomID: string): void;
  cancel(ctx: DomainContext, caller: Caller, roomID: string): void;
  hungUp(ctx: DomainContext, caller: Caller, roomID: string, reason?: CallEndReason): void;
  relay(caller: Caller, req: OpRequest<'signal.relay'>): void;
  iceConfig(caller: Caller): OpResponse<'call.iceConfig'>;
  /** A connection closed: a participant on it leaves after the grace period unless it comes back. */
  connectionClosed(userID: string, connectionID: number): void;
  /** The room a user is ringing in or taking part in. */
  roomOf(userID: string): string | undefined;
  /** Stops every timer (server shutdown). */
  close(): void;
}

const ROOM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function createCallService(deps: CallServiceDeps): CallService {
  const rooms = new Map<string, Room>();
  const userRoom = new Map<string, string>();
  const opts = deps.options ?? {};
  const graceMs = opts.disconnectGraceMs ?? 20_000;

  // Pushes go out after the response to the request that caused them.
  function push(userID: string, event: PushEvent, filter?: (connectionID: number) => boolean): void {
    queueMicrotask(() => deps.push(userID, event, filter));
  }

  function signal(userID: string, name: SignalingEventName, payload: SignalingEvent, filter?: (id: number) => boolean): void {
    push(userID, { push: 'call.signal', data: { event: name, ...payload } }, filter);
  }

  /** To a member's call device when joined; to all their devices otherwise. */
  function toMember(room: Room, m: Member, name: SignalingEventName, payload: Omit<SignalingEvent, 'invitation'>): void {
    const data = { ...payload, invitation: room.invitation };
    if (m.state === 'joined') signal(m.userID, name, data, (id) => id === m.connectionID);
    else signal(m.userID, name, data);
  }

  function membersIn(room: Room, state: MemberState): Member[] {
    return [...room.members.values()].filter((m) => m.state === state);
  }

  function getRoom(roomID: string): Room {
    const room = rooms.get(roomID);
    if (!room) throw new ImError(ErrorCode.CallNotFound, `No call "${roomID}": it has ended or never existed.`);
    return room;
  }

  function memberOf(room: Room, userID: string): Member {
    const m = room.members.get(userID);
    if (!m || m.state === 'busy') throw new ImError(ErrorCode.NotCallParticipant, `You are not invited to call "${room.invitation.roomID}".`);
    return m;
  }

  function release(room: Room, m: Member, state: MemberState): void {
    m.state = state;
    if (m.graceTimer) clearTimeout(m.graceTimer);
    m.graceTimer = undefined;
    if (userRoom.get(m.userID) === room.invitation.roomID) userRoom.delete(m.userID);
  }

  function result(room: Room, busy: string[] = []): SignalingResult {
    return {
      roomID: room.invitation.roomID,
      token: '',
      liveURL: '',
      invitation: room.invitation,
      busyUserIDList: busy,
      participantUserIDList: membersIn(room, 'joined').map((m) => m.userID),
    };
  }

  /** Nobody is ringing and at most one person is left: the call is over. */
  function isOver(room: Room): boolean {
    return membersIn(room, 'ringing').length === 0 && membersIn(room, 'joined').length <= 1;
  }

  function finish(ctx: DomainContext, room: Room): void {
    const roomID = room.invitation.roomID;
    if (room.timer) clearTimeout(room.timer);
    rooms.delete(roomID);
    for (const m of room.members.values()) if (m.state === 'joined' || m.state === 'ringing') release(room, m, 'left');
    const now = deps.now();
    let status: CallRecordStatus;
    if (room.startTime) status = 'completed';
    else if (room.outcomes.has('cancelled')) status = 'cancelled';
    else if (room.outcomes.has('timeout')) status = 'missed';
    else if (room.outcomes.has('rejected')) status = 'declined';
    else status = 'busy';
    const inv = room.invitation;
    const record: CallRecordContent = {
      roomID,
      mediaType: inv.mediaType,
      status,
      duration: room.startTime ? Math.max(0, Math.round((now - room.startTime) / 1000)) : 0,
      inviterUserID: inv.inviterUserID,
      inviteeUserIDList: inv.inviteeUserIDList,
      participantUserIDList: [...room.members.values()].filter((m) => m.state === 'left' && (room.startTime > 0)).map((m) => m.userID),
      startTime: room.startTime || inv.initiateTime || now,
      endTime: now,
    };
    try {
      writeCallRecord(ctx, record, inv);
    } catch (err) {
      deps.logger.warn(`imkit: could not write the call record of ${roomID}`, err);
    }
  }

  /** The call record: a message from the inviter in the conversation, through the event log. */
  function writeCallRecord(ctx: DomainContext, record: CallRecordContent, inv: SignalingInvitation): void {
    const { store } = ctx;
    const group = inv.sessionType === SessionType.Group;
    const conversationID = group ? groupConversationID(inv.groupID) : singleConversationID(inv.inviterUserID, inv.inviteeUserIDList[0]!);
    ctx.mutate((log) => {
      let conv = store.getConversation(conversationID);
      if (!conv) {
        if (group) return; // The group is gone.
        const [a, b] = [inv.inviterUserID, inv.inviteeUserIDList[0]!].sort() as [string, string];
        store.insertConversation({ conversation_id: conversationID, session_type: SessionType.Single, group_id: '', user_a: a, user_b: b });
        conv = store.getConversation(conversationID)!;
      }
      const participants = group ? store.listGroupMemberIDs(inv.groupID) : [conv.user_a, conv.user_b];
      for (const p of participants) store.ensureUserConversation(p, conversationID);
      const sender = store.getUser(inv.inviterUserID);
      const seq = conv.max_seq + 1;
      const sendTime = Math.max(record.endTime, conv.latest_send_time);
      const row: MessageRow = {
        conversation_id: conversationID,
        seq,
        client_msg_id: `call-${ctx.newServerMsgID()}`,
        server_msg_id: ctx.newServerMsgID(),
        send_id: inv.inviterUserID,
        recv_id: group ? '' : inv.inviteeUserIDList[0]!,
        group_id: group ? inv.groupID : '',
        session_type: inv.sessionType,
        content_type: CALL_RECORD_CONTENT_TYPE,
        content: JSON.stringify(record),
        ex: '',
        platform_id: inv.platformID,
        create_time: record.endTime,
        send_time: sendTime,
        sender_nickname: sender?.nickname ?? '',
        sender_face_url: sender?.face_url ?? '',
      };
      store.insertMessage(row);
      store.setConversationHead(conversationID, seq, sendTime);
      // The inviter "sent" it: it is not unread for them.
      store.setHasReadSeq(inv.inviterUserID, conversationID, seq);
      const updated = store.getConversation(conversationID)!;
      for (const p of participants) {
        log(p, { push: 'message.new', data: { message: toMessageItem(row, readStateFor(store, updated, p)) } });
        log(p, { push: 'conversation.changed', data: { conversation: conversationView(store, updated, p) } });
      }
    });
  }

  function onTimeout(roomID: string): void {
    const room = rooms.get(roomID);
    if (!room) return;
    room.timer = undefined;
    const ringing = membersIn(room, 'ringing');
    if (!ringing.length) return;
    for (const m of ringing) release(room, m, 'timeout');
    room.outcomes.add('timeout');
    const ended = isOver(room);
    const userIDList = ringing.map((m) => m.userID);
    for (const m of ringing) signal(m.userID, 'onInvitationTimeout', { opUserID: m.userID, invitation: room.invitation, userIDList, ended });
    for (const m of membersIn(room, 'joined')) toMember(room, m, 'onInvitationTimeout', { opUserID: room.invitation.inviterUserID, userIDList, ended, reason: 'timeout' });
    if (ended) finish(deps.background(), room);
  }

  function leave(ctx: DomainContext, room: Room, m: Member, reason: CallEndReason): void {
    const joinedBefore = membersIn(room, 'joined');
    release(room, m, 'left');
    const others = joinedBefore.filter((x) => x !== m);
    if (others.length === 0) {
      // The inviter alone, still ringing others: hanging up cancels.
      cancelRinging(room, m.userID);
      finish(ctx, room);
      return;
    }
    const ended = isOver(room);
    for (const o of others) toMember(room, o, 'onHangUp', { opUserID: m.userID, reason, ended });
    if (ended) finish(ctx, room);
  }

  function cancelRinging(room: Room, opUserID: string): Member[] {
    const ringing = membersIn(room, 'ringing');
    for (const r of ringing) release(room, r, 'cancelled');
    if (ringing.length) room.outcomes.add('cancelled');
    for (const r of ringing) signal(r.userID, 'onInvitationCancelled', { opUserID, invitation: room.invitation, reason: 'cancelled' });
    if (room.timer && !membersIn(room, 'ringing').length) {
      clearTimeout(room.timer);
      room.timer = undefined;
    }
    return ringing;
  }

  return {
    invite(ctx, caller, req) {
      const { store } = ctx;
      const input = req.invitation;
      if (userRoom.has(caller.userID)) throw new ImError(ErrorCode.AlreadyInCall);
      const groupID = input.groupID ?? '';
      const sessionType = input.sessionType ?? (groupID ? SessionType.Group : SessionType.Single);
      let invitees = [...new Set(input.inviteeUserIDList)].filter((id) => id !== caller.userID);
      if (sessionType === SessionType.Single) {
        if (groupID) throw new ImError(ErrorCode.InvalidArgument, 'data.invitation.groupID: must be empty for a one-to-one call (sessionType 1)');
        if (input.inviteeUserIDList.length !== 1 || invitees.length !== 1) {
          throw new ImError(ErrorCode.InvalidArgument, 'data.invitation.inviteeUserIDList: a one-to-one call invites exactly one other user');
        }
      } else {
        if (!groupID) throw new ImError(ErrorCode.InvalidArgument, 'data.invitation.groupID: required for a group call (sessionType 2)');
        if (!store.getGroup(groupID)) throw new ImError(ErrorCode.GroupNotFound, `No group "${groupID}".`);
        const members = store.listGroupMemberIDs(groupID);
        if (!members.includes(caller.userID)) throw new ImError(ErrorCode.NotGroupMember, `You are not a member of group "${groupID}".`);
        // imkit: an empty list invites every other member (when they fit in one call).
        if (invitees.length === 0) invitees = members.filter((id) => id !== caller.userID);
        const outsider = invitees.find((id) => !members.includes(id));
        if (outsider) throw new ImError(ErrorCode.NotGroupMember, `"${outsider}" is not a member of group "${groupID}".`);
        if (invitees.length === 0) throw new ImError(ErrorCode.InvalidArgument, 'data.invitation.inviteeUserIDList: nobody to invite');
      }
      if (invitees.length + 1 > MAX_CALL_PARTICIPANTS) {
        throw new ImError(ErrorCode.TooManyCallParticipants, `A call holds at most ${MAX_CALL_PARTICIPANTS} people; ${invitees.length + 1} were asked.`);
      }
      const known = new Set(store.getUsers(invitees).map((u) => u.user_id));
      const unknown = invitees.find((id) => !known.has(id));
      if (unknown) throw new ImError(ErrorCode.UserNotFound, `No user "${unknown}".`);
      let roomID = input.roomID ?? '';
      if (roomID && rooms.has(roomID)) throw new ImError(ErrorCode.CallStateInvalid, `Room "${roomID}" is in use; leave roomID empty to get a fresh one.`);
      if (!roomID) roomID = `room-${deps.randomID()}`;
      if (!ROOM_ID.test(roomID)) throw new ImError(ErrorCode.InvalidArgument, 'data.invitation.roomID: invalid');
      const timeout = input.timeout ?? opts.defaultTimeoutSeconds ?? 30;
      const invitation: SignalingInvitation = {
        inviterUserID: caller.userID,
        inviteeUserIDList: invitees,
        groupID: sessionType === SessionType.Group ? groupID : '',
        roomID,
        timeout,
        mediaType: input.mediaType,
        sessionType: sessionType as SessionType,
        platformID: caller.platformID,
        initiateTime: deps.now(),
      };
      const room: Room = { invitation, members: new Map(), startTime: 0, outcomes: new Set() };
      room.members.set(caller.userID, { userID: caller.userID, state: 'joined', connectionID: caller.connectionID ?? 0 });
      const busy: string[] = [];
      for (const id of invitees) {
        const isBusy = userRoom.has(id);
        if (isBusy) busy.push(id);
        room.members.set(id, { userID: id, state: isBusy ? 'busy' : 'ringing', connectionID: 0 });
      }
      rooms.set(roomID, room);
      userRoom.set(caller.userID, roomID);
      const ringing = membersIn(room, 'ringing');
      for (const m of ringing) {
        userRoom.set(m.userID, roomID);
        signal(m.userID, 'onReceiveNewInvitation', { opUserID: caller.userID, invitation });
      }
      const res = result(room, busy);
      if (busy.length) {
        room.outcomes.add('busy');
        const ended = ringing.length === 0;
        signal(caller.userID, 'onInviteeBusy', { opUserID: busy[0]!, invitation, userIDList: busy, reason: 'busy', ended }, (id) => id === caller.connectionID);
      }
      if (ringing.length === 0) finish(ctx, room);
      else room.timer = setTimeout(() => onTimeout(roomID), timeout * 1000);
      return res;
    },

    accept(ctx, caller, roomID) {
      const room = getRoom(roomID);
      const m = memberOf(room, caller.userID);
      if (m.state !== 'ringing') {
        throw new ImError(ErrorCode.CallStateInvalid, m.state === 'joined' ? 'This call was already answered (on this or another device).' : `The invitation is no longer open (${m.state}).`);
      }
      m.state = 'joined';
      m.connectionID = caller.connectionID ?? 0;
      if (!room.startTime) room.startTime = deps.now();
      if (room.timer && membersIn(room, 'ringing').length === 0) {
        clearTimeout(room.timer);
        room.timer = undefined;
      }
      for (const o of membersIn(room, 'joined')) if (o !== m) toMember(room, o, 'onInviteeAccepted', { opUserID: caller.userID });
      signal(caller.userID, 'onInviteeAcceptedByOtherDevice', { opUserID: caller.userID, invitation: room.invitation }, (id) => id !== m.connectionID);
      void ctx;
      return result(room);
    },

    reject(ctx, caller, roomID) {
      const room = getRoom(roomID);
      const m = memberOf(room, caller.userID);
      if (m.state !== 'ringing') throw new ImError(ErrorCode.CallStateInvalid, `The invitation is no longer open (${m.state}).`);
      release(room, m, 'rejected');
      room.outcomes.add('rejected');
      const ended = isOver(room);
      for (const o of membersIn(room, 'joined')) toMember(room, o, 'onInviteeRejected', { opUserID: caller.userID, reason: 'rejected', ended });
      signal(caller.userID, 'onInviteeRejectedByOtherDevice', { opUserID: caller.userID, invitation: room.invitation }, (id) => id !== caller.connectionID);
      if (ended) finish(ctx, room);
    },

    cancel(ctx, caller, roomID) {
      const room = getRoom(roomID);
      memberOf(room, caller.userID);
      if (room.invitation.inviterUserID !== caller.userID) throw new ImError(ErrorCode.PermissionDenied, 'Only the inviter can cancel a call invitation.');
      if (!membersIn(room, 'ringing').length) throw new ImError(ErrorCode.CallStateInvalid, 'Nobody is being called any more: hang up instead.');
      cancelRinging(room, caller.userID);
      if (isOver(room)) finish(ctx, room);
    },

    hungUp(ctx, caller, roomID, reason = 'hangup') {
      const room = getRoom(roomID);
      const m = memberOf(room, caller.userID);
      if (m.state !== 'joined') throw new ImError(ErrorCode.CallStateInvalid, m.state === 'ringing' ? 'You have not answered this call: reject it instead.' : 'You are not in this call.');
      leave(ctx, room, m, reason);
    },

    relay(caller, req) {
      const room = getRoom(req.roomID);
      const m = memberOf(room, caller.userID);
      if (m.state !== 'joined') throw new ImError(ErrorCode.CallStateInvalid, 'Join the call before sending media data.');
      if (m.connectionID !== caller.connectionID) {
        // The participant's device reconnected (a new socket): rebind, unless the old one is still open.
        if (deps.isConnectionOpen(m.userID, m.connectionID)) throw new ImError(ErrorCode.NotCallParticipant, 'This call is taking place on another device.');
        m.connectionID = caller.connectionID ?? 0;
      }
      if (m.graceTimer) {
        clearTimeout(m.graceTimer);
        m.graceTimer = undefined;
      }
      const target = room.members.get(req.toUserID);
      if (!target || target.state !== 'joined' || target === m) throw new ImError(ErrorCode.NotCallParticipant, `"${req.toUserID}" is not in this call.`);
      const data = { roomID: req.roomID, fromUserID: caller.userID, kind: req.kind, payload: req.payload };
      deps.push(target.userID, { push: 'call.relay', data }, (id) => id === target.connectionID);
    },

    iceConfig(caller) {
      return iceConfigFor(opts.ice, caller.userID, deps.now());
    },

    connectionClosed(userID, connectionID) {
      const roomID = userRoom.get(userID);
      const room = roomID ? rooms.get(roomID) : undefined;
      const m = room?.members.get(userID);
      if (!room || !m || m.state !== 'joined' || m.connectionID !== connectionID || m.graceTimer) return;
      m.graceTimer = setTimeout(() => {
        m.graceTimer = undefined;
        if (rooms.get(room.invitation.roomID) !== room || m.state !== 'joined') return;
        if (deps.isConnectionOpen(userID, m.connectionID)) return;
        try {
          leave(deps.background(), room, m, 'disconnected');
        } catch (err) {
          deps.logger.warn(`imkit: dropping ${userID} from call ${room.invitation.roomID} failed`, err);
        }
      }, graceMs);
    },

    roomOf: (userID) => userRoom.get(userID),

    close() {
      for (const room of rooms.values()) {
        if (room.timer) clearTimeout(room.timer);
        for (const m of room.members.values()) if (m.graceTimer) clearTimeout(m.graceTimer);
      }
      rooms.clear();
      userRoom.clear();
    },
  };
}

function callsOf(ctx: DomainContext): CallService {
  if (!ctx.calls) throw new ImError(ErrorCode.Internal, 'Calls are not enabled on this server.');
  return ctx.calls;
}

type Handler<O extends 'signal.invite' | 'signal.accept' | 'signal.reject' | 'signal.cancel' | 'signal.hungUp' | 'signal.relay' | 'call.iceConfig'> = (
  ctx: DomainContext,
  caller: Caller,
  data: OpRequest<O>,
) => OpResponse<O>;

/** The call ops, registered in handlers.ts. */
export const signalingHandlers: {
  'signal.invite': Handler<'signal.invite'>;
  'signal.accept': Handler<'signal.accept'>;
  'signal.reject': Handler<'signal.reject'>;
  'signal.cancel': Handler<'signal.cancel'>;
  'signal.hungUp': Handler<'signal.hungUp'>;
  'signal.relay': Handler<'signal.relay'>;
  'call.iceConfig': Handler<'call.iceConfig'>;
} = {
  'signal.invite': (ctx, caller, data) => callsOf(ctx).invite(ctx, caller, data),
  'signal.accept': (ctx, caller, data) => callsOf(ctx).accept(ctx, caller, data.invitation.roomID),
  'signal.reject': (ctx, caller, data) => (callsOf(ctx).reject(ctx, caller, data.invitation.roomID), {}),
  'signal.cancel': (ctx, caller, data) => (callsOf(ctx).cancel(ctx, caller, data.invitation.roomID), {}),
  'signal.hungUp': (ctx, caller, data) => (callsOf(ctx).hungUp(ctx, caller, data.invitation.roomID, data.reason ?? 'hangup'), {}),
  'signal.relay': (ctx, caller, data) => (callsOf(ctx).relay(caller, data), {}),
  'call.iceConfig': (ctx, caller) => callsOf(ctx).iceConfig(caller),
};
