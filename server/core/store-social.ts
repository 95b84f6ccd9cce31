import type { SqlDriver } from './sql-driver.js';
import type { Store } from './store.js';

/**
 * SQL of the social graph (schema v2): friends, friend requests, the blacklist,
 * group applications, member details and per-user conversation state. Kept apart
 * from store.ts so the social work does not crowd the core store; like it, every
 * statement is plain SQLite that also runs under sql.js.
 */

export interface FriendRow {
  owner_user_id: string;
  friend_user_id: string;
  remark: string;
  create_time: number;
  operator_user_id: string;
}

export interface FriendRequestRow {
  from_user_id: string;
  to_user_id: string;
  req_msg: string;
  create_time: number;
  handle_result: number;
  handler_user_id: string;
  handle_msg: string;
  handle_time: number;
}

export interface BlackRow {
  owner_user_id: string;
  block_user_id: string;
  create_time: number;
}

export interface GroupRequestRow {
  group_id: string;
  user_id: string;
  req_msg: string;
  req_time: number;
  handle_result: number;
  handle_user_id: string;
  handled_msg: string;
  handled_time: number;
}

export interface MemberRow {
  group_id: string;
  user_id: string;
  role_level: number;
  join_time: number;
  group_nickname: string;
  mute_end_time: number;
  operator_user_id: string;
}

export interface SettingsRow {
  user_id: string;
  global_recv_msg_opt: number;
  quiet_start: string;
  quiet_end: string;
}

export interface SocialStore {
  // users
  updateProfile(userID: string, fields: Record<string, string | number>): void;
  getSettings(userID: string): SettingsRow;
  setSettings(row: SettingsRow): void;

  // friends
  getFriend(ownerID: string, friendID: string): FriendRow | undefined;
  listFriends(ownerID: string): FriendRow[];
  /** Who has `userID` in their friend list. */
  listFriendOwners(userID: string): string[];
  addFriend(ownerID: string, friendID: string, now: number, operatorID: string): void;
  deleteFriend(ownerID: string, friendID: string): boolean;
  setRemark(ownerID: string, friendID: string, remark: string): void;
  getFriendRequest(fromID: string, toID: string): FriendRequestRow | undefined;
  putFriendRequest(row: FriendRequestRow): void;
  listFriendRequestsTo(userID: string): FriendRequestRow[];
  listFriendRequestsFrom(userID: string): FriendRequestRow[];

  // blacklist
  isBlocked(ownerID: string, userID: string): boolean;
  addBlack(ownerID: string, userID: string, now: number): boolean;
  removeBlack(ownerID: string, userID: string): boolean;
  listBlacks(ownerID: string): BlackRow[];
  getBlack(ownerID: string, userID: string): BlackRow | undefined;

  // groups
  getMember(groupID: string, userID: string): MemberRow | undefined;
  listMembers(groupID: string): MemberRow[];
  addMember(groupID: string, userID: string, role: number, now: number, operatorID: string): void;
  removeMember(groupID: string, userID: string): boolean;
  removeAllMembers(groupID: string): void;
  setMemberRole(groupID: string, userID: string, role: number): void;
  setMemberMute(groupID: string, userID: string, muteEndTime: number): void;
  setMemberNickname(groupID: string, userID: string, nickname: string): void;
  updateGroup(groupID: string, fields: Record<string, string | number>): void;
  listJoinedGroupIDs(userID: string): string[];
  getGroupRequest(groupID: string, userID: string): GroupRequestRow | undefined;
  putGroupRequest(row: GroupRequestRow): void;
  listGroupRequestsFor(groupIDs: readonly string[]): GroupRequestRow[];
  listGroupRequestsBy(userID: string): GroupRequestRow[];
  /** Groups where `userID` is owner or admin. */
  listManagedGroupIDs(userID: string): string[];

  // per-user conversation state
  setPinned(userID: string, conversationID: string, pinned: boolean): void;
  setRecvMsgOpt(userID: string, conversationID: string, opt: number): void;
  setHidden(userID: string, conversationID: string, hidden: boolean): void;
  isHidden(userID: string, conversationID: string): boolean;
  /** Un-hides the conversation for everyone who hid it; returns who they were. */
  unhideAll(conversationID: string): string[];
  setClearedSeq(userID: string, conversationID: string, seq: number): void;
  listVisibleConversationIDs(userID: string): string[];
}

const PROFILE_COLUMNS = new Set(['nickname', 'face_url', 'gender', 'birth', 'email', 'signature', 'ex']);
const GROUP_COLUMNS = new Set(['group_name', 'notification', 'introduction', 'face_url', 'ex', 'join_policy', 'status', 'owner_user_id']);

function setClause(fields: Record<string, string | number>, allowed: Set<string>): { sql: string; params: (string | number)[] } {
  const keys = Object.keys(fields).filter((k) => allowed.has(k));
  return { sql: keys.map((k) => `${k} = ?`).join(', '), params: keys.map((k) => fields[k]!) };
}

const cache = new WeakMap<SqlDriver, SocialStore>();

export function socialStore(store: Store): SocialStore {
  const d = store.driver;
  let s = cache.get(d);
  if (!s) cache.set(d, (s = createSocialStore(d)));
  return s;
}

function createSocialStore(d: SqlDriver): SocialStore {
  return {
    updateProfile(userID, fields) {
      const { sql, params } = setClause(fields, PROFILE_COLUMNS);
      if (sql) d.run(`UPDATE users SET ${sql} WHERE user_id = ?`, [...params, userID]);
    },
    getSettings: (userID) =>
      d.get<SettingsRow>('SELECT * FROM user_settings WHERE user_id = ?', [userID]) ?? {
        user_id: userID,
        global_recv_msg_opt: 0,
        quiet_start: '',
        quiet_end: '',
      },
    setSettings(r) {
      d.run(
        `INSERT INTO user_settings (user_id, global_recv_msg_opt, quiet_start, quiet_end) VALUES (?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET global_recv_msg_opt = excluded.global_recv_msg_opt,
           quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end`,
        [r.user_id, r.global_recv_msg_opt, r.quiet_start, r.quiet_end],
      );
    },

    getFriend: (o, f) => d.get<FriendRow>('SELECT * FROM friends WHERE owner_user_id = ? AND friend_user_id = ?', [o, f]),
    listFriends: (o) => d.all<FriendRow>('SELECT * FROM friends WHERE owner_user_id = ? ORDER BY create_time, friend_user_id', [o]),
    listFriendOwners: (u) =>
      d.all<{ owner_user_id: string }>('SELECT owner_user_id FROM friends WHERE friend_user_id = ?', [u]).map((r) => r.owner_user_id),
    addFriend(o, f, now, op) {
      d.run('INSERT OR IGNORE INTO friends (owner_user_id, friend_user_id, create_time, operator_user_id) VALUES (?, ?, ?, ?)', [o, f, now, op]);
    },
    deleteFriend: (o, f) => d.run('DELETE FROM friends WHERE owner_user_id = ? AND friend_user_id = ?', [o, f]).changes > 0,
    setRemark(o, f, remark) {
      d.run('UPDATE friends SET remark = ? WHERE owner_user_id = ? AND friend_user_id = ?', [remark, o, f]);
    },
    getFriendRequest: (from, to) =>
      d.get<FriendRequestRow>('SELECT * FROM friend_requests WHERE from_user_id = ? AND to_user_id = ?', [from, to]),
    putFriendRequest(r) {
      d.run(
        `INSERT OR REPLACE INTO friend_requests (from_user_id, to_user_id, req_msg, create_time, handle_result,
           handler_user_id, handle_msg, handle_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.from_user_id, r.to_user_id, r.req_msg, r.create_time, r.handle_result, r.handler_user_id, r.handle_msg, r.handle_time],
      );
    },
    listFriendRequestsTo: (u) => d.all<FriendRequestRow>('SELECT * FROM friend_requests WHERE to_user_id = ? ORDER BY create_time DESC', [u]),
    listFriendRequestsFrom: (u) => d.all<FriendRequestRow>('SELECT * FROM friend_requests WHERE from_user_id = ? ORDER BY create_time DESC', [u]),

    isBlocked: (o, u) => !!d.get('SELECT 1 AS x FROM blacks WHERE owner_user_id = ? AND block_user_id = ?', [o, u]),
    addBlack: (o, u, now) => d.run('INSERT OR IGNORE INTO blacks (owner_user_id, block_user_id, create_time) VALUES (?, ?, ?)', [o, u, now]).changes > 0,
    removeBlack: (o, u) => d.run('DELETE FROM blacks WHERE owner_user_id = ? AND block_user_id = ?', [o, u]).changes > 0,
    listBlacks: (o) => d.all<BlackRow>('SELECT * FROM blacks WHERE owner_user_id = ? ORDER BY create_time, block_user_id', [o]),
    getBlack: (o, u) => d.get<BlackRow>('SELECT * FROM blacks WHERE owner_user_id = ? AND block_user_id = ?', [o, u]),

    getMember: (g, u) => d.get<MemberRow>('SELECT * FROM group_members WHERE group_id = ? AND user_id = ?', [g, u]),
    listMembers: (g) =>
      d.all<MemberRow>('SELECT * FROM group_members WHERE group_id = ? ORDER BY role_level DESC, join_time, user_id', [g]),
    addMember(g, u, role, now, op) {
      d.run(
        'INSERT OR IGNORE INTO group_members (group_id, user_id, role_level, join_time, operator_user_id) VALUES (?, ?, ?, ?, ?)',
        [g, u, role, now, op],
      );
    },
    removeMember: (g, u) => d.run('DELETE FROM group_members WHERE group_id = ? AND user_id = ?', [g, u]).changes > 0,
    removeAllMembers(g) {
      d.run('DELETE FROM group_members WHERE group_id = ?', [g]);
    },
    setMemberRole(g, u, role) {
      d.run('UPDATE group_members SET role_level = ? WHERE group_id = ? AND user_id = ?', [role, g, u]);
    },
    setMemberMute(g, u, t) {
      d.run('UPDATE group_members SET mute_end_time = ? WHERE group_id = ? AND user_id = ?', [t, g, u]);
    },
    setMemberNickname(g, u, n) {
      d.run('UPDATE group_members SET group_nickname = ? WHERE group_id = ? AND user_id = ?', [n, g, u]);
    },
    updateGroup(groupID, fields) {
      const { sql, params } = setClause(fields, GROUP_COLUMNS);
      if (sql) d.run(`UPDATE groups SET ${sql} WHERE group_id = ?`, [...params, groupID]);
    },
    listJoinedGroupIDs: (u) =>
      d.all<{ group_id: string }>('SELECT group_id FROM group_members WHERE user_id = ? ORDER BY join_time', [u]).map((r) => r.group_id),
    getGroupRequest: (g, u) => d.get<GroupRequestRow>('SELECT * FROM group_requests WHERE group_id = ? AND user_id = ?', [g, u]),
    putGroupRequest(r) {
      d.run(
        `INSERT OR REPLACE INTO group_requests (group_id, user_id, req_msg, req_time, handle_result, handle_user_id,
           handled_msg, handled_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.group_id, r.user_id, r.req_msg, r.req_time, r.handle_result, r.handle_user_id, r.handled_msg, r.handled_time],
      );
    },
    listGroupRequestsFor(groupIDs) {
      if (groupIDs.length === 0) return [];
      const out: GroupRequestRow[] = [];
      // Chunks keep the parameter count well under SQLite's limit.
      for (let i = 0; i < groupIDs.length; i += 200) {
        const chunk = groupIDs.slice(i, i + 200);
        out.push(
          ...d.all<GroupRequestRow>(
            `SELECT * FROM group_requests WHERE group_id IN (${chunk.map(() => '?').join(',')}) ORDER BY req_time DESC`,
            chunk,
          ),
        );
      }
      return out.sort((a, b) => b.req_time - a.req_time);
    },
    listGroupRequestsBy: (u) => d.all<GroupRequestRow>('SELECT * FROM group_requests WHERE user_id = ? ORDER BY req_time DESC', [u]),
    listManagedGroupIDs: (u) =>
      d
        .all<{ group_id: string }>('SELECT group_id FROM group_members WHERE user_id = ? AND role_level >= 60', [u])
        .map((r) => r.group_id),

    setPinned(u, c, pinned) {
      d.run('UPDATE user_conversations SET is_pinned = ? WHERE user_id = ? AND conversation_id = ?', [pinned ? 1 : 0, u, c]);
    },
    setRecvMsgOpt(u, c, opt) {
      d.run('UPDATE user_conversations SET recv_msg_opt = ? WHERE user_id = ? AND conversation_id = ?', [opt, u, c]);
    },
    setHidden(u, c, hidden) {
      d.run('UPDATE user_conversations SET is_hidden = ? WHERE user_id = ? AND conversation_id = ?', [hidden ? 1 : 0, u, c]);
    },
    isHidden: (u, c) =>
      !!d.get('SELECT 1 AS x FROM user_conversations WHERE user_id = ? AND conversation_id = ? AND is_hidden = 1', [u, c]),
    unhideAll(c) {
      const who = d
        .all<{ user_id: string }>('SELECT user_id FROM user_conversations WHERE conversation_id = ? AND is_hidden = 1', [c])
        .map((r) => r.user_id);
      if (who.length) d.run('UPDATE user_conversations SET is_hidden = 0 WHERE conversation_id = ?', [c]);
      return who;
    },
    setClearedSeq(u, c, seq) {
      d.run('UPDATE user_conversations SET cleared_seq = ?, has_read_seq = MAX(has_read_seq, ?) WHERE user_id = ? AND conversation_id = ?', [
        seq,
        seq,
        u,
        c,
      ]);
    },
    listVisibleConversationIDs: (u) =>
      d
        .all<{ conversation_id: string }>('SELECT conversation_id FROM user_conversations WHERE user_id = ? AND is_hidden = 0', [u])
        .map((r) => r.conversation_id),
  };
}
