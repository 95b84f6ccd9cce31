import { groupConversationID, ID_PATTERN } from '../../src/model/conversation-id.js';
import { ContentType, GroupRole, SessionType } from '../../src/model/enums.js';
import { describeGroupTip, TipType, type GroupTip, type TipUser } from '../../src/model/notification.js';
import { ApplicationResult, GroupJoinPolicy, GroupMemberFilter, GroupStatus, type UserResult } from '../../src/model/social.js';
import type { GroupInfo } from '../../src/model/types.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import type { OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { SocialOps } from '../../src/protocol/ops-social.js';
import { groupApplicationView, groupView, memberView, requireUser } from './handlers-social.js';
import type { Caller, DomainContext, LogFn } from './handlers.js';
import type { GroupRow, MessageRow, Store } from './store.js';
import { socialStore, type GroupRequestRow, type MemberRow } from './store-social.js';
import { conversationView, toMessageItem, readStateFor } from './views.js';

/**
 * Group lifecycle, roles and moderation. Who may do what:
 * - owner: everything; the only one who may dismiss, transfer ownership and grant or revoke admin;
 * - admin: edit info, handle applications, kick and mute ordinary members, mute everyone;
 * - member: invite, change their own group nickname, quit;
 * - anyone: look a group up, apply to join (or join an open group).
 * Every change is logged to every member (and to whoever it removed), and a
 * tip message (contentType 1400) goes into the group conversation.
 */

type H<O extends keyof SocialOps> = (ctx: DomainContext, caller: Caller, data: OpRequest<O>) => OpResponse<O>;

function liveGroup(store: Store, groupID: string): GroupRow {
  const g = store.getGroup(groupID);
  if (!g) throw new ImError(ErrorCode.GroupNotFound, `No group "${groupID}".`);
  if (g.status === GroupStatus.Dismissed) throw new ImError(ErrorCode.GroupDismissed, `Group "${groupID}" has been dismissed.`);
  return g;
}

function memberOf(store: Store, groupID: string, userID: string): MemberRow {
  liveGroup(store, groupID);
  const m = socialStore(store).getMember(groupID, userID);
  if (!m) throw new ImError(ErrorCode.NotGroupMember, `You are not a member of group "${groupID}".`);
  return m;
}

function requireRole(store: Store, groupID: string, userID: string, min: number, what: string): MemberRow {
  const m = memberOf(store, groupID, userID);
  if (m.role_level < min) {
    throw new ImError(ErrorCode.PermissionDenied, `Only the ${min >= GroupRole.Owner ? 'owner' : 'owner and admins'} may ${what}.`);
  }
  return m;
}

function tipUser(store: Store, userID: string): TipUser {
  return { userID, nickname: store.getUser(userID)?.nickname ?? userID };
}

function randomHex(bytes: number): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Writes a tip into the group conversation and logs it, with the conversation's
 * new state, to every current member and to `alsoTo` (people just removed).
 */
export function writeGroupTip(ctx: DomainContext, log: LogFn, tip: GroupTip, alsoTo: readonly string[] = []): void {
  const { store } = ctx;
  const conversationID = groupConversationID(tip.groupID);
  const conv = store.getConversation(conversationID);
  if (!conv) return;
  const seq = conv.max_seq + 1;
  const sendTime = Math.max(ctx.now(), conv.latest_send_time);
  const sender = store.getUser(tip.opUser.userID);
  const row: MessageRow = {
    conversation_id: conversationID,
    seq,
    client_msg_id: `tip-${randomHex(12)}`,
    server_msg_id: ctx.newServerMsgID(),
    send_id: tip.opUser.userID,
    recv_id: '',
    group_id: tip.groupID,
    session_type: SessionType.Group,
    content_type: ContentType.Notification,
    content: describeGroupTip(tip),
    ex: JSON.stringify({ tip }),
    platform_id: 0,
    create_time: sendTime,
    send_time: sendTime,
    sender_nickname: sender?.nickname ?? '',
    sender_face_url: sender?.face_url ?? '',
  };
  store.insertMessage(row);
  store.setConversationHead(conversationID, seq, sendTime);
  store.setHasReadSeq(tip.opUser.userID, conversationID, seq);
  socialStore(store).unhideAll(conversationID);
  const updated = store.getConversation(conversationID)!;
  const recipients = [...new Set([...store.listGroupMemberIDs(tip.groupID), ...alsoTo])];
  for (const uid of recipients) {
    store.ensureUserConversation(uid, conversationID);
    const message = toMessageItem(row, readStateFor(store, updated, uid));
    message.msgFrom = 200;
    log(uid, { push: 'message.new', data: { message } });
    log(uid, { push: 'conversation.changed', data: { conversation: conversationView(store, updated, uid) } });
  }
}

function logToMembers(store: Store, log: LogFn, groupID: string, event: Parameters<LogFn>[1], except: readonly string[] = []): void {
  for (const uid of store.listGroupMemberIDs(groupID)) if (!except.includes(uid)) log(uid, event);
}

function logGroupInfo(store: Store, log: LogFn, groupID: string): GroupInfo {
  const group = groupView(store, groupID);
  logToMembers(store, log, groupID, { push: 'group.changed', data: { kind: 'info', group } });
  return group;
}

/** Adds users to a group: their rows, their conversation, the events. Returns who was added. */
function addMembers(ctx: DomainContext, log: LogFn, groupID: string, userIDs: readonly string[], operatorID: string): string[] {
  const { store } = ctx;
  const s = socialStore(store);
  const conversationID = groupConversationID(groupID);
  const added: string[] = [];
  const now = ctx.now();
  for (const uid of userIDs) {
    if (s.getMember(groupID, uid)) continue;
    s.addMember(groupID, uid, GroupRole.Member, now, operatorID);
    store.ensureUserConversation(uid, conversationID);
    // A pending application is settled by joining.
    const req = s.getGroupRequest(groupID, uid);
    if (req && req.handle_result === ApplicationResult.Pending) {
      s.putGroupRequest({ ...req, handle_result: ApplicationResult.Accepted, handle_user_id: operatorID, handled_time: now });
    }
    added.push(uid);
  }
  if (!added.length) return added;
  const group = groupView(store, groupID);
  for (const uid of added) {
    log(uid, { push: 'group.changed', data: { kind: 'joined', group } });
    const member = memberView(store, s.getMember(groupID, uid)!);
    logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'added', member } }, [uid]);
  }
  logToMembers(store, log, groupID, { push: 'group.changed', data: { kind: 'info', group } }, added);
  return added;
}

function removeMember(ctx: DomainContext, log: LogFn, groupID: string, userID: string): void {
  const { store } = ctx;
  const s = socialStore(store);
  const row = s.getMember(groupID, userID);
  if (!row) return;
  const member = memberView(store, row);
  s.removeMember(groupID, userID);
  const group = groupView(store, groupID);
  log(userID, { push: 'group.changed', data: { kind: 'left', group } });
  logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'deleted', member } });
  logToMembers(store, log, groupID, { push: 'group.changed', data: { kind: 'info', group } });
}

function newGroupID(store: Store): string {
  for (;;) {
    const id = `g${randomHex(5)}`;
    if (!store.getGroup(id)) return id;
  }
}

function handleApplication(
  ctx: DomainContext,
  caller: Caller,
  { groupID, fromUserID, handleMsg = '' }: { groupID: string; fromUserID: string; handleMsg?: string },
  accept: boolean,
) {
  const { store } = ctx;
  const s = socialStore(store);
  return ctx.mutate((log) => {
    requireRole(store, groupID, caller.userID, GroupRole.Admin, 'handle applications');
    const req = s.getGroupRequest(groupID, fromUserID);
    if (!req || req.handle_result !== ApplicationResult.Pending) {
      throw new ImError(ErrorCode.ApplicationNotFound, `No pending application from ${fromUserID} to join "${groupID}".`);
    }
    const next: GroupRequestRow = {
      ...req,
      handle_result: accept ? ApplicationResult.Accepted : ApplicationResult.Refused,
      handle_user_id: caller.userID,
      handled_msg: handleMsg,
      handled_time: ctx.now(),
    };
    s.putGroupRequest(next);
    const application = groupApplicationView(store, next);
    const kind = accept ? 'accepted' : 'rejected';
    // The applicant and everyone who could have handled it learn the outcome.
    const managers = s.listMembers(groupID).filter((m) => m.role_level >= GroupRole.Admin).map((m) => m.user_id);
    for (const uid of new Set([fromUserID, ...managers])) log(uid, { push: 'group.application', data: { kind, application } });
    if (accept) {
      if (s.getMember(groupID, fromUserID)) throw new ImError(ErrorCode.AlreadyGroupMember);
      addMembers(ctx, log, groupID, [fromUserID], caller.userID);
      writeGroupTip(ctx, log, {
        type: TipType.ApplicationAccepted,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: [tipUser(store, fromUserID)],
      });
    }
    return { application };
  });
}

function validRole(roleLevel: number): void {
  if (roleLevel !== GroupRole.Member && roleLevel !== GroupRole.Admin) {
    throw new ImError(ErrorCode.InvalidArgument, 'data.roleLevel: must be 20 (member) or 60 (admin); use transferGroupOwner for the owner');
  }
}

export const groupHandlers: {
  [O in
    | 'group.create'
    | 'group.info'
    | 'group.joined'
    | 'group.setInfo'
    | 'group.join'
    | 'group.applications'
    | 'group.acceptApplication'
    | 'group.refuseApplication'
    | 'group.invite'
    | 'group.kick'
    | 'group.quit'
    | 'group.dismiss'
    | 'group.transferOwner'
    | 'group.setMemberRole'
    | 'group.mute'
    | 'group.muteMember'
    | 'group.members'
    | 'group.membersInfo'
    | 'group.setMemberNickname']: H<O>;
} = {
  'group.create'(ctx, caller, data) {
    const { store } = ctx;
    const s = socialStore(store);
    if (data.groupID !== undefined && !ID_PATTERN.test(data.groupID)) throw new ImError(ErrorCode.InvalidArgument, 'data.groupID: not a valid ID');
    if (!data.groupName.trim()) throw new ImError(ErrorCode.InvalidArgument, 'data.groupName: must not be empty');
    return ctx.mutate((log) => {
      const groupID = data.groupID ?? newGroupID(store);
      if (store.getGroup(groupID)) throw new ImError(ErrorCode.InvalidArgument, `data.groupID: group "${groupID}" already exists`);
      const others = [...new Set(data.memberUserIDs.filter((u) => u !== caller.userID))];
      for (const uid of others) requireUser(store, uid);
      const now = ctx.now();
      store.insertGroup({
        group_id: groupID,
        group_name: data.groupName.trim(),
        notification: data.notification ?? '',
        introduction: data.introduction ?? '',
        face_url: data.faceURL ?? '',
        owner_user_id: caller.userID,
        creator_user_id: caller.userID,
        create_time: now,
        status: 0,
        group_type: 2,
        ex: data.ex ?? '',
      });
      s.updateGroup(groupID, { join_policy: data.joinPolicy ?? GroupJoinPolicy.Approval });
      const conversationID = groupConversationID(groupID);
      store.insertConversation({ conversation_id: conversationID, session_type: SessionType.Group, group_id: groupID, user_a: '', user_b: '' });
      s.addMember(groupID, caller.userID, GroupRole.Owner, now, caller.userID);
      const admins = new Set(data.adminUserIDs ?? []);
      for (const uid of others) s.addMember(groupID, uid, admins.has(uid) ? GroupRole.Admin : GroupRole.Member, now, caller.userID);
      const group = groupView(store, groupID);
      for (const uid of [caller.userID, ...others]) {
        store.ensureUserConversation(uid, conversationID);
        log(uid, { push: 'group.changed', data: { kind: 'joined', group } });
      }
      writeGroupTip(ctx, log, {
        type: TipType.GroupCreated,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: others.map((u) => tipUser(store, u)),
      });
      return { group };
    });
  },

  'group.info'(ctx, _caller, { groupIDList }) {
    const { store } = ctx;
    return { groups: [...new Set(groupIDList)].flatMap((id) => (store.getGroup(id) ? [groupView(store, id)] : [])) };
  },

  'group.joined'(ctx, caller) {
    const { store } = ctx;
    return { groups: socialStore(store).listJoinedGroupIDs(caller.userID).map((id) => groupView(store, id)) };
  },

  'group.setInfo'(ctx, caller, data) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      requireRole(store, data.groupID, caller.userID, GroupRole.Admin, 'edit the group info');
      const before = liveGroup(store, data.groupID);
      const fields: Record<string, string | number> = {};
      const changes: Record<string, string | number> = {};
      const set = (col: string, key: string, value: string | number | undefined, old: string | number | undefined) => {
        if (value === undefined || value === old) return;
        fields[col] = value;
        changes[key] = value;
      };
      if (data.groupName !== undefined && !data.groupName.trim()) throw new ImError(ErrorCode.InvalidArgument, 'data.groupName: must not be empty');
      set('group_name', 'groupName', data.groupName?.trim(), before.group_name);
      set('notification', 'notification', data.notification, before.notification);
      set('introduction', 'introduction', data.introduction, before.introduction);
      set('face_url', 'faceURL', data.faceURL, before.face_url);
      set('ex', 'ex', data.ex, before.ex);
      set('join_policy', 'joinPolicy', data.joinPolicy, before.join_policy ?? 0);
      if (!Object.keys(fields).length) return { group: groupView(store, data.groupID) };
      s.updateGroup(data.groupID, fields);
      const group = logGroupInfo(store, log, data.groupID);
      const type =
        'groupName' in changes ? TipType.NameSet : 'notification' in changes ? TipType.AnnouncementSet : TipType.GroupInfoSet;
      writeGroupTip(ctx, log, { type, groupID: data.groupID, opUser: tipUser(store, caller.userID), users: [], changes });
      // Members' conversation rows carry the group's name and avatar.
      return { group };
    });
  },

  'group.join'(ctx, caller, { groupID, reqMsg = '' }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const g = liveGroup(store, groupID);
      if (s.getMember(groupID, caller.userID)) throw new ImError(ErrorCode.AlreadyGroupMember, `You are already a member of "${groupID}".`);
      const policy = g.join_policy ?? 0;
      if (policy === GroupJoinPolicy.InviteOnly) throw new ImError(ErrorCode.GroupInviteOnly);
      if (policy === GroupJoinPolicy.Open) {
        addMembers(ctx, log, groupID, [caller.userID], caller.userID);
        writeGroupTip(ctx, log, { type: TipType.MemberEnter, groupID, opUser: tipUser(store, caller.userID), users: [] });
        return { joined: true };
      }
      const row: GroupRequestRow = {
        group_id: groupID,
        user_id: caller.userID,
        req_msg: reqMsg,
        req_time: ctx.now(),
        handle_result: ApplicationResult.Pending,
        handle_user_id: '',
        handled_msg: '',
        handled_time: 0,
      };
      s.putGroupRequest(row);
      const application = groupApplicationView(store, row);
      const managers = s.listMembers(groupID).filter((m) => m.role_level >= GroupRole.Admin).map((m) => m.user_id);
      for (const uid of new Set([caller.userID, ...managers])) log(uid, { push: 'group.application', data: { kind: 'added', application } });
      return { joined: false, application };
    });
  },

  'group.applications'(ctx, caller, { as }) {
    const { store } = ctx;
    const s = socialStore(store);
    const rows =
      as === 'applicant'
        ? s.listGroupRequestsBy(caller.userID)
        : s.listGroupRequestsFor(s.listManagedGroupIDs(caller.userID));
    return { applications: rows.map((r) => groupApplicationView(store, r)) };
  },

  'group.acceptApplication': (ctx, caller, data) => handleApplication(ctx, caller, data, true),
  'group.refuseApplication': (ctx, caller, data) => handleApplication(ctx, caller, data, false),

  'group.invite'(ctx, caller, { groupID, userIDList }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      memberOf(store, groupID, caller.userID);
      for (const uid of userIDList) requireUser(store, uid);
      const candidates = userIDList.filter((u) => !s.isBlocked(u, caller.userID));
      const added = addMembers(ctx, log, groupID, candidates, caller.userID);
      if (added.length) {
        writeGroupTip(ctx, log, {
          type: TipType.MemberInvited,
          groupID,
          opUser: tipUser(store, caller.userID),
          users: added.map((u) => tipUser(store, u)),
        });
      }
      const results: UserResult[] = userIDList.map((userID) => ({ userID, result: added.includes(userID) ? 1 : 0 }));
      return { results };
    });
  },

  'group.kick'(ctx, caller, { groupID, userIDList }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const me = requireRole(store, groupID, caller.userID, GroupRole.Admin, 'remove members');
      const removed: string[] = [];
      for (const uid of new Set(userIDList)) {
        if (uid === caller.userID) throw new ImError(ErrorCode.InvalidArgument, 'data.userIDList: use quitGroup to leave');
        const target = s.getMember(groupID, uid);
        if (!target) continue;
        if (target.role_level >= me.role_level) {
          throw new ImError(ErrorCode.PermissionDenied, `You may not remove ${uid}: only the owner removes admins, and nobody removes the owner.`);
        }
        removeMember(ctx, log, groupID, uid);
        removed.push(uid);
      }
      if (removed.length) {
        writeGroupTip(
          ctx,
          log,
          { type: TipType.MemberKicked, groupID, opUser: tipUser(store, caller.userID), users: removed.map((u) => tipUser(store, u)) },
          removed,
        );
      }
      return { results: userIDList.map((userID) => ({ userID, result: removed.includes(userID) ? (1 as const) : (0 as const) })) };
    });
  },

  'group.quit'(ctx, caller, { groupID }) {
    const { store } = ctx;
    return ctx.mutate((log) => {
      const me = memberOf(store, groupID, caller.userID);
      if (me.role_level >= GroupRole.Owner) throw new ImError(ErrorCode.OwnerCannotQuit);
      removeMember(ctx, log, groupID, caller.userID);
      writeGroupTip(ctx, log, { type: TipType.MemberQuit, groupID, opUser: tipUser(store, caller.userID), users: [] }, [caller.userID]);
      return {};
    });
  },

  'group.dismiss'(ctx, caller, { groupID }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      requireRole(store, groupID, caller.userID, GroupRole.Owner, 'dismiss the group');
      const members = store.listGroupMemberIDs(groupID);
      // The tip goes out while everyone is still a member; then the group closes.
      writeGroupTip(ctx, log, { type: TipType.GroupDismissed, groupID, opUser: tipUser(store, caller.userID), users: [] });
      s.updateGroup(groupID, { status: GroupStatus.Dismissed });
      const group = groupView(store, groupID);
      for (const uid of members) log(uid, { push: 'group.changed', data: { kind: 'dismissed', group } });
      s.removeAllMembers(groupID);
      return {};
    });
  },

  'group.transferOwner'(ctx, caller, { groupID, newOwnerUserID }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      requireRole(store, groupID, caller.userID, GroupRole.Owner, 'transfer ownership');
      if (newOwnerUserID === caller.userID) throw new ImError(ErrorCode.InvalidArgument, 'data.newOwnerUserID: you already own the group');
      if (!s.getMember(groupID, newOwnerUserID)) throw new ImError(ErrorCode.NotGroupMember, `${newOwnerUserID} is not a member of "${groupID}".`);
      s.setMemberRole(groupID, newOwnerUserID, GroupRole.Owner);
      s.setMemberRole(groupID, caller.userID, GroupRole.Member);
      s.updateGroup(groupID, { owner_user_id: newOwnerUserID });
      for (const uid of [newOwnerUserID, caller.userID]) {
        logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'info', member: memberView(store, s.getMember(groupID, uid)!) } });
      }
      const group = logGroupInfo(store, log, groupID);
      writeGroupTip(ctx, log, {
        type: TipType.OwnerTransferred,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: [tipUser(store, newOwnerUserID)],
      });
      return { group };
    });
  },

  'group.setMemberRole'(ctx, caller, { groupID, userID, roleLevel }) {
    const { store } = ctx;
    const s = socialStore(store);
    validRole(roleLevel);
    return ctx.mutate((log) => {
      requireRole(store, groupID, caller.userID, GroupRole.Owner, 'grant or revoke admin');
      const target = s.getMember(groupID, userID);
      if (!target) throw new ImError(ErrorCode.NotGroupMember, `${userID} is not a member of "${groupID}".`);
      if (target.role_level >= GroupRole.Owner) throw new ImError(ErrorCode.PermissionDenied, 'The owner keeps the owner role; transfer ownership instead.');
      if (target.role_level === roleLevel) return { member: memberView(store, target) };
      s.setMemberRole(groupID, userID, roleLevel);
      const member = memberView(store, s.getMember(groupID, userID)!);
      logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'info', member } });
      writeGroupTip(ctx, log, {
        type: roleLevel === GroupRole.Admin ? TipType.SetToAdmin : TipType.SetToMember,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: [tipUser(store, userID)],
      });
      return { member };
    });
  },

  'group.mute'(ctx, caller, { groupID, isMute }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      requireRole(store, groupID, caller.userID, GroupRole.Admin, 'mute the group');
      const g = liveGroup(store, groupID);
      const status = isMute ? GroupStatus.Muted : GroupStatus.Ok;
      if (g.status === status) return { group: groupView(store, groupID) };
      s.updateGroup(groupID, { status });
      const group = logGroupInfo(store, log, groupID);
      writeGroupTip(ctx, log, {
        type: isMute ? TipType.GroupMuted : TipType.GroupUnmuted,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: [],
      });
      return { group };
    });
  },

  'group.muteMember'(ctx, caller, { groupID, userID, mutedSeconds }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const me = requireRole(store, groupID, caller.userID, GroupRole.Admin, 'mute members');
      const target = s.getMember(groupID, userID);
      if (!target) throw new ImError(ErrorCode.NotGroupMember, `${userID} is not a member of "${groupID}".`);
      if (target.role_level >= me.role_level) throw new ImError(ErrorCode.PermissionDenied, `You may not mute ${userID}.`);
      const muteEndTime = mutedSeconds > 0 ? ctx.now() + mutedSeconds * 1000 : 0;
      s.setMemberMute(groupID, userID, muteEndTime);
      const member = memberView(store, s.getMember(groupID, userID)!);
      logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'info', member } });
      writeGroupTip(ctx, log, {
        type: muteEndTime ? TipType.MemberMuted : TipType.MemberUnmuted,
        groupID,
        opUser: tipUser(store, caller.userID),
        users: [tipUser(store, userID)],
        ...(muteEndTime ? { muteEndTime } : {}),
      });
      return { member };
    });
  },

  'group.members'(ctx, caller, { groupID, filter = 0, offset = 0, count = 100 }) {
    const { store } = ctx;
    memberOf(store, groupID, caller.userID);
    const now = ctx.now();
    const all = socialStore(store)
      .listMembers(groupID)
      .filter((m) => {
        switch (filter) {
          case GroupMemberFilter.Owner:
            return m.role_level === GroupRole.Owner;
          case GroupMemberFilter.Admin:
            return m.role_level === GroupRole.Admin;
          case GroupMemberFilter.Member:
            return m.role_level === GroupRole.Member;
          case GroupMemberFilter.AdminAndOwner:
            return m.role_level >= GroupRole.Admin;
          case GroupMemberFilter.Muted:
            return m.mute_end_time > now;
          default:
            return true;
        }
      });
    return { members: all.slice(offset, offset + count).map((m) => memberView(store, m)), total: all.length };
  },

  'group.membersInfo'(ctx, caller, { groupID, userIDList }) {
    const { store } = ctx;
    const s = socialStore(store);
    memberOf(store, groupID, caller.userID);
    return { members: userIDList.flatMap((u) => { const m = s.getMember(groupID, u); return m ? [memberView(store, m)] : []; }) };
  },

  'group.setMemberNickname'(ctx, caller, { groupID, userID, nickname }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const me = memberOf(store, groupID, caller.userID);
      const target = s.getMember(groupID, userID);
      if (!target) throw new ImError(ErrorCode.NotGroupMember, `${userID} is not a member of "${groupID}".`);
      if (userID !== caller.userID && me.role_level <= target.role_level) {
        throw new ImError(ErrorCode.PermissionDenied, "Only the owner and admins may change another member's group nickname.");
      }
      s.setMemberNickname(groupID, userID, nickname.trim());
      const member = memberView(store, s.getMember(groupID, userID)!);
      logToMembers(store, log, groupID, { push: 'group.member', data: { kind: 'info', member } });
      return { member };
    });
  },
};
