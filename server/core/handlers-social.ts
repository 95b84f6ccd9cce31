import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { GroupRole, SessionType } from '../../src/model/enums.js';
import {
  ApplicationResult,
  GroupStatus,
  type BlackInfo,
  type FriendApplication,
  type FriendInfo,
  type GroupApplication,
  type UserSettings,
} from '../../src/model/social.js';
import type { GroupInfo, GroupMemberInfo, UserInfo } from '../../src/model/types.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import type { OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { Caller, DomainContext, LogFn } from './handlers.js';
import type { ConversationRow, GroupRow, Store } from './store.js';
import { socialStore, type FriendRequestRow, type GroupRequestRow, type MemberRow, type SettingsRow, type SocialStore } from './store-social.js';
import { toGroupInfo, toUserInfo } from './views.js';

/**
 * Users, friends and the blacklist. Friendship is two-way: accepting a request
 * adds each to the other's list, and deleting a friend removes both rows. Every
 * change is logged for each user it concerns (so all their devices follow).
 */

// --- views -------------------------------------------------------------------

export function requireUser(store: Store, userID: string): UserInfo {
  const u = store.getUser(userID);
  if (!u) throw new ImError(ErrorCode.UserNotFound, `No user "${userID}".`);
  return toUserInfo(u);
}

export function friendView(store: Store, ownerID: string, friendID: string): FriendInfo {
  const s = socialStore(store);
  const row = s.getFriend(ownerID, friendID);
  const u = store.getUser(friendID);
  const profile = u ? toUserInfo(u) : { userID: friendID, nickname: friendID, faceURL: '' };
  return {
    ...profile,
    ownerUserID: ownerID,
    remark: row?.remark ?? '',
    createTime: row?.create_time ?? 0,
    addSource: 1,
    operatorUserID: row?.operator_user_id ?? '',
  };
}

export function friendApplicationView(store: Store, r: FriendRequestRow): FriendApplication {
  const from = store.getUser(r.from_user_id);
  const to = store.getUser(r.to_user_id);
  return {
    fromUserID: r.from_user_id,
    fromNickname: from?.nickname ?? r.from_user_id,
    fromFaceURL: from?.face_url ?? '',
    toUserID: r.to_user_id,
    toNickname: to?.nickname ?? r.to_user_id,
    toFaceURL: to?.face_url ?? '',
    reqMsg: r.req_msg,
    createTime: r.create_time,
    handleResult: r.handle_result as FriendApplication['handleResult'],
    handlerUserID: r.handler_user_id,
    handleMsg: r.handle_msg,
    handleTime: r.handle_time,
    ex: '',
  };
}

export function blackView(store: Store, ownerID: string, userID: string, createTime: number): BlackInfo {
  const u = store.getUser(userID);
  return {
    ownerUserID: ownerID,
    userID,
    nickname: u?.nickname ?? userID,
    faceURL: u?.face_url ?? '',
    createTime,
    addSource: 1,
    operatorUserID: ownerID,
    ex: '',
  };
}

export function groupView(store: Store, groupID: string): GroupInfo {
  const g = store.getGroup(groupID);
  if (!g) throw new ImError(ErrorCode.GroupNotFound, `No group "${groupID}".`);
  return toGroupInfo(g, store.countGroupMembers(groupID));
}

export function memberView(store: Store, m: MemberRow): GroupMemberInfo {
  const u = store.getUser(m.user_id);
  return {
    groupID: m.group_id,
    userID: m.user_id,
    nickname: m.group_nickname || u?.nickname || m.user_id,
    faceURL: u?.face_url ?? '',
    roleLevel: m.role_level as GroupMemberInfo['roleLevel'],
    joinTime: m.join_time,
    groupNickname: m.group_nickname,
    muteEndTime: m.mute_end_time,
    operatorUserID: m.operator_user_id,
  };
}

export function groupApplicationView(store: Store, r: GroupRequestRow): GroupApplication {
  const g = store.getGroup(r.group_id);
  const u = store.getUser(r.user_id);
  return {
    groupID: r.group_id,
    groupName: g?.group_name ?? r.group_id,
    groupFaceURL: g?.face_url ?? '',
    userID: r.user_id,
    nickname: u?.nickname ?? r.user_id,
    userFaceURL: u?.face_url ?? '',
    reqMsg: r.req_msg,
    reqTime: r.req_time,
    handleResult: r.handle_result as GroupApplication['handleResult'],
    handleUserID: r.handle_user_id,
    handledMsg: r.handled_msg,
    handledTime: r.handled_time,
    ex: '',
  };
}

function settingsView(r: SettingsRow): UserSettings {
  return { globalRecvMsgOpt: r.global_recv_msg_opt, quietStart: r.quiet_start, quietEnd: r.quiet_end };
}

// --- rules used by message sending ------------------------------------------

export interface SocialOptions {
  /** One-to-one messages only between friends. Default false. */
  requireFriendship?: boolean;
}

/**
 * The social rules of sending, checked after membership: a blocked sender is
 * refused, friendship may be required, muted groups and members may not speak.
 * Also brings a conversation that someone deleted (hid) back into their list.
 */
export function checkSend(ctx: DomainContext & { social?: SocialOptions }, senderID: string, conv: ConversationRow): void {
  const { store } = ctx;
  const s = socialStore(store);
  if (conv.session_type === SessionType.Single) {
    const peer = conv.user_a === senderID ? conv.user_b : conv.user_a;
    if (s.isBlocked(peer, senderID)) {
      throw new ImError(ErrorCode.Blocked, `${peer} does not accept messages from you.`);
    }
    if (ctx.social?.requireFriendship && !s.getFriend(senderID, peer)) {
      throw new ImError(ErrorCode.NotFriends, `Add ${peer} as a friend before messaging them.`);
    }
  } else {
    const g = store.getGroup(conv.group_id);
    if (g && g.status === GroupStatus.Dismissed) throw new ImError(ErrorCode.GroupDismissed);
    const m = s.getMember(conv.group_id, senderID);
    if (g && m) {
      if (g.status === GroupStatus.Muted && m.role_level < GroupRole.Admin) throw new ImError(ErrorCode.GroupMuted);
      if (m.mute_end_time > ctx.now()) {
        throw new ImError(ErrorCode.MemberMuted, `You are muted in this group until ${new Date(m.mute_end_time).toISOString()}.`);
      }
    }
  }
  s.unhideAll(conv.conversation_id);
}

// --- users -------------------------------------------------------------------

function notSelf(caller: Caller, other: string, what: string): void {
  if (other === caller.userID) throw new ImError(ErrorCode.InvalidArgument, `${what}: not yourself`);
  if (!ID_PATTERN.test(other)) throw new ImError(ErrorCode.InvalidArgument, `${what}: not a valid user ID`);
}

function logProfileChange(store: Store, s: SocialStore, log: LogFn, userID: string): UserInfo {
  const user = requireUser(store, userID);
  log(userID, { push: 'user.updated', data: { user } });
  for (const owner of s.listFriendOwners(userID)) {
    log(owner, { push: 'user.updated', data: { user, friend: friendView(store, owner, userID) } });
  }
  return user;
}

type H<O extends keyof import('../../src/protocol/ops-social.js').SocialOps> = (
  ctx: DomainContext,
  caller: Caller,
  data: OpRequest<O>,
) => OpResponse<O>;

export const socialHandlers: {
  'user.setSelfInfo': H<'user.setSelfInfo'>;
  'user.getSettings': H<'user.getSettings'>;
  'user.setSettings': H<'user.setSettings'>;
  'friend.add': H<'friend.add'>;
  'friend.applications': H<'friend.applications'>;
  'friend.accept': H<'friend.accept'>;
  'friend.refuse': H<'friend.refuse'>;
  'friend.list': H<'friend.list'>;
  'friend.setRemark': H<'friend.setRemark'>;
  'friend.delete': H<'friend.delete'>;
  'friend.check': H<'friend.check'>;
  'black.add': H<'black.add'>;
  'black.remove': H<'black.remove'>;
  'black.list': H<'black.list'>;
} = {
  'user.setSelfInfo'(ctx, caller, data) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const fields: Record<string, string | number> = {};
      if (data.nickname !== undefined) fields.nickname = data.nickname;
      if (data.faceURL !== undefined) fields.face_url = data.faceURL;
      if (data.gender !== undefined) fields.gender = data.gender;
      if (data.birth !== undefined) fields.birth = data.birth;
      if (data.email !== undefined) fields.email = data.email;
      if (data.signature !== undefined) fields.signature = data.signature;
      if (data.ex !== undefined) fields.ex = data.ex;
      s.updateProfile(caller.userID, fields);
      return { user: logProfileChange(store, s, log, caller.userID) };
    });
  },

  'user.getSettings': (ctx, caller) => ({ settings: settingsView(socialStore(ctx.store).getSettings(caller.userID)) }),

  'user.setSettings'(ctx, caller, data) {
    const s = socialStore(ctx.store);
    return ctx.mutate((log) => {
      const cur = s.getSettings(caller.userID);
      const next: SettingsRow = {
        user_id: caller.userID,
        global_recv_msg_opt: data.globalRecvMsgOpt ?? cur.global_recv_msg_opt,
        quiet_start: data.quietStart ?? cur.quiet_start,
        quiet_end: data.quietEnd ?? cur.quiet_end,
      };
      s.setSettings(next);
      const settings = settingsView(next);
      log(caller.userID, { push: 'user.settings', data: { settings } });
      return { settings };
    });
  },

  'friend.add'(ctx, caller, { toUserID, reqMsg = '' }) {
    const { store } = ctx;
    const s = socialStore(store);
    notSelf(caller, toUserID, 'data.toUserID');
    return ctx.mutate((log) => {
      requireUser(store, toUserID);
      if (s.isBlocked(toUserID, caller.userID)) throw new ImError(ErrorCode.Blocked, `${toUserID} does not accept requests from you.`);
      if (s.getFriend(caller.userID, toUserID)) throw new ImError(ErrorCode.AlreadyFriends, `${toUserID} is already your friend.`);
      const row: FriendRequestRow = {
        from_user_id: caller.userID,
        to_user_id: toUserID,
        req_msg: reqMsg,
        create_time: ctx.now(),
        handle_result: ApplicationResult.Pending,
        handler_user_id: '',
        handle_msg: '',
        handle_time: 0,
      };
      s.putFriendRequest(row);
      const application = friendApplicationView(store, row);
      log(caller.userID, { push: 'friend.application', data: { kind: 'added', application } });
      log(toUserID, { push: 'friend.application', data: { kind: 'added', application } });
      return { application };
    });
  },

  'friend.applications'(ctx, caller, { as }) {
    const { store } = ctx;
    const s = socialStore(store);
    const rows = as === 'recipient' ? s.listFriendRequestsTo(caller.userID) : s.listFriendRequestsFrom(caller.userID);
    return { applications: rows.map((r) => friendApplicationView(store, r)) };
  },

  'friend.accept': (ctx, caller, data) => handleFriendRequest(ctx, caller, data, true),
  'friend.refuse': (ctx, caller, data) => handleFriendRequest(ctx, caller, data, false),

  'friend.list'(ctx, caller) {
    const { store } = ctx;
    return { friends: socialStore(store).listFriends(caller.userID).map((f) => friendView(store, caller.userID, f.friend_user_id)) };
  },

  'friend.setRemark'(ctx, caller, { toUserID, remark }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      if (!s.getFriend(caller.userID, toUserID)) throw new ImError(ErrorCode.NotFriends, `${toUserID} is not your friend.`);
      s.setRemark(caller.userID, toUserID, remark);
      const friend = friendView(store, caller.userID, toUserID);
      log(caller.userID, { push: 'friend.changed', data: { kind: 'info', friend } });
      return { friend };
    });
  },

  'friend.delete'(ctx, caller, { friendUserID }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      if (!s.getFriend(caller.userID, friendUserID)) throw new ImError(ErrorCode.NotFriends, `${friendUserID} is not your friend.`);
      const mine = friendView(store, caller.userID, friendUserID);
      const theirs = friendView(store, friendUserID, caller.userID);
      s.deleteFriend(caller.userID, friendUserID);
      s.deleteFriend(friendUserID, caller.userID);
      log(caller.userID, { push: 'friend.changed', data: { kind: 'deleted', friend: mine } });
      log(friendUserID, { push: 'friend.changed', data: { kind: 'deleted', friend: theirs } });
      return {};
    });
  },

  'friend.check'(ctx, caller, { userIDList }) {
    const s = socialStore(ctx.store);
    return {
      results: userIDList.map((userID) => ({
        userID,
        result: s.getFriend(caller.userID, userID) && !s.isBlocked(caller.userID, userID) ? (1 as const) : (0 as const),
      })),
    };
  },

  'black.add'(ctx, caller, { toUserID }) {
    const { store } = ctx;
    const s = socialStore(store);
    notSelf(caller, toUserID, 'data.toUserID');
    return ctx.mutate((log) => {
      requireUser(store, toUserID);
      const now = ctx.now();
      const added = s.addBlack(caller.userID, toUserID, now);
      const black = blackView(store, caller.userID, toUserID, s.getBlack(caller.userID, toUserID)?.create_time ?? now);
      if (added) log(caller.userID, { push: 'black.changed', data: { kind: 'added', black } });
      return { black };
    });
  },

  'black.remove'(ctx, caller, { toUserID }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const row = s.getBlack(caller.userID, toUserID);
      if (!row) throw new ImError(ErrorCode.UserNotFound, `${toUserID} is not on your blacklist.`);
      s.removeBlack(caller.userID, toUserID);
      log(caller.userID, { push: 'black.changed', data: { kind: 'deleted', black: blackView(store, caller.userID, toUserID, row.create_time) } });
      return {};
    });
  },

  'black.list'(ctx, caller) {
    const { store } = ctx;
    return { blacks: socialStore(store).listBlacks(caller.userID).map((b) => blackView(store, caller.userID, b.block_user_id, b.create_time)) };
  },
};

function handleFriendRequest(
  ctx: DomainContext,
  caller: Caller,
  { toUserID, handleMsg = '' }: { toUserID: string; handleMsg?: string },
  accept: boolean,
): { application: FriendApplication } {
  const { store } = ctx;
  const s = socialStore(store);
  return ctx.mutate((log) => {
    const row = s.getFriendRequest(toUserID, caller.userID);
    if (!row || row.handle_result !== ApplicationResult.Pending) {
      throw new ImError(ErrorCode.ApplicationNotFound, `No pending friend request from ${toUserID}.`);
    }
    const now = ctx.now();
    const next: FriendRequestRow = {
      ...row,
      handle_result: accept ? ApplicationResult.Accepted : ApplicationResult.Refused,
      handler_user_id: caller.userID,
      handle_msg: handleMsg,
      handle_time: now,
    };
    s.putFriendRequest(next);
    const application = friendApplicationView(store, next);
    const kind = accept ? 'accepted' : 'rejected';
    log(caller.userID, { push: 'friend.application', data: { kind, application } });
    log(toUserID, { push: 'friend.application', data: { kind, application } });
    if (accept) {
      s.addFriend(caller.userID, toUserID, now, caller.userID);
      s.addFriend(toUserID, caller.userID, now, caller.userID);
      // A crossing request the other way is settled by this one.
      const crossing = s.getFriendRequest(caller.userID, toUserID);
      if (crossing && crossing.handle_result === ApplicationResult.Pending) {
        s.putFriendRequest({ ...crossing, handle_result: ApplicationResult.Accepted, handler_user_id: caller.userID, handle_time: now });
      }
      log(caller.userID, { push: 'friend.changed', data: { kind: 'added', friend: friendView(store, caller.userID, toUserID) } });
      log(toUserID, { push: 'friend.changed', data: { kind: 'added', friend: friendView(store, toUserID, caller.userID) } });
    }
    return { application };
  });
}

export type { GroupRow };
