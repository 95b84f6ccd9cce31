import type { GroupInfo, GroupMemberInfo, UserInfo } from './types.js';

/**
 * The social graph around the chat: friends, friend requests, the blacklist,
 * group applications and per-user settings. Field names follow the OpenIM v3
 * structures (`FriendInfo`, `FriendApplication`, `BlackInfo`, `GroupApplicationInfo`).
 */

/** `handleResult` of an application: pending, accepted or refused (OpenIM numbering). */
export const ApplicationResult = { Pending: 0, Accepted: 1, Refused: -1 } as const;
export type ApplicationResult = (typeof ApplicationResult)[keyof typeof ApplicationResult];

/** How a user may join a group. */
export const GroupJoinPolicy = {
  /** Anyone may join at once with `joinGroup`. */
  Open: 0,
  /** `joinGroup` files an application that the owner or an admin accepts or refuses. */
  Approval: 1,
  /** Only members may add people (`inviteUserToGroup`); `joinGroup` is refused. */
  InviteOnly: 2,
} as const;
export type GroupJoinPolicy = (typeof GroupJoinPolicy)[keyof typeof GroupJoinPolicy];

/** `GroupInfo.status` values (OpenIM numbering). */
export const GroupStatus = { Ok: 0, Dismissed: 2, Muted: 3 } as const;
export type GroupStatus = (typeof GroupStatus)[keyof typeof GroupStatus];

/** `getGroupMemberList` filter: 0 all, 1 owner, 2 admins, 3 ordinary members, 4 admins and owner, 5 muted members. */
export const GroupMemberFilter = { All: 0, Owner: 1, Admin: 2, Member: 3, AdminAndOwner: 4, Muted: 5 } as const;
export type GroupMemberFilter = (typeof GroupMemberFilter)[keyof typeof GroupMemberFilter];

/** `checkFriend` result: 1 when the user is my friend and not on my blacklist. */
export interface FriendCheckResult {
  userID: string;
  result: 0 | 1;
}

/** A friend as seen by `ownerUserID`: the friend's profile plus the owner's remark. */
export interface FriendInfo extends UserInfo {
  ownerUserID: string;
  /** The owner's private name for the friend; '' when unset. */
  remark: string;
  /** When the friendship began (ms). */
  createTime: number;
  /** 1 friend request (the only source here). */
  addSource: number;
  operatorUserID: string;
}

export interface FriendApplication {
  fromUserID: string;
  fromNickname: string;
  fromFaceURL: string;
  toUserID: string;
  toNickname: string;
  toFaceURL: string;
  reqMsg: string;
  createTime: number;
  handleResult: ApplicationResult;
  handlerUserID: string;
  handleMsg: string;
  handleTime: number;
  ex: string;
}

export interface BlackInfo {
  ownerUserID: string;
  userID: string;
  nickname: string;
  faceURL: string;
  createTime: number;
  addSource: number;
  operatorUserID: string;
  ex: string;
}

export interface GroupApplication {
  groupID: string;
  groupName: string;
  groupFaceURL: string;
  /** The applicant. */
  userID: string;
  nickname: string;
  userFaceURL: string;
  reqMsg: string;
  reqTime: number;
  handleResult: ApplicationResult;
  handleUserID: string;
  handledMsg: string;
  handledTime: number;
  ex: string;
}

/** Per-user settings kept on the server, so every device of the user agrees. */
export interface UserSettings {
  /** Applies to every conversation on top of its own `recvMsgOpt` (RecvMsgOpt numbering). */
  globalRecvMsgOpt: number;
  /** Quiet hours, as local "HH:MM" times; '' when off. Notifications stay silent in between. */
  quietStart: string;
  quietEnd: string;
}

/** Fields `setSelfInfo` changes; omitted ones stay. */
export interface SelfInfoUpdate {
  nickname?: string;
  faceURL?: string;
  gender?: number;
  birth?: number;
  email?: string;
  signature?: string;
  ex?: string;
}

/** `createGroup`'s first argument, as in OpenIM v3's `groupBaseInfo`. */
export interface GroupBaseInfo {
  /** Optional: the server picks an ID when omitted. */
  groupID?: string;
  groupName: string;
  notification?: string;
  introduction?: string;
  faceURL?: string;
  ex?: string;
  joinPolicy?: GroupJoinPolicy;
}

/** Fields `setGroupInfo` changes; omitted ones stay. */
export interface GroupInfoUpdate {
  groupName?: string;
  notification?: string;
  introduction?: string;
  faceURL?: string;
  ex?: string;
  joinPolicy?: GroupJoinPolicy;
}

/** One user's result of a batch operation (invite, kick): 1 done, 0 skipped. */
export interface UserResult {
  userID: string;
  result: 0 | 1;
}

export type { GroupInfo, GroupMemberInfo };

/** Minutes since midnight of an "HH:MM" string, or null when empty or malformed. */
function minutesOf(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Whether `date` (local time) falls in the quiet hours of `settings`. A range whose
 * end is before its start runs over midnight (22:00–07:00).
 */
export function isQuietTime(settings: Pick<UserSettings, 'quietStart' | 'quietEnd'>, date: Date = new Date()): boolean {
  const start = minutesOf(settings.quietStart);
  const end = minutesOf(settings.quietEnd);
  if (start === null || end === null || start === end) return false;
  const now = date.getHours() * 60 + date.getMinutes();
  return start < end ? now >= start && now < end : now >= start || now < end;
}
