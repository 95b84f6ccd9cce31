import type { SqlDriver } from './sql-driver.js';
import { migrate } from './schema.js';

/**
 * The storage layer: every SQL statement the server runs is in this file.
 * Op handlers talk to the `Store` interface only, so moving to PostgreSQL means
 * writing another implementation of it (and, because such drivers are async,
 * awaiting its calls); moving fan-out to Redis pub/sub touches `server-core.ts`'s
 * `deliver`, not this file.
 */

export interface UserRow {
  user_id: string;
  nickname: string;
  face_url: string;
  ex: string;
  create_time: number;
  /** Added by schema v2 (social). */
  gender?: number;
  birth?: number;
  email?: string;
  signature?: string;
}

export interface GroupRow {
  group_id: string;
  group_name: string;
  notification: string;
  introduction: string;
  face_url: string;
  owner_user_id: string;
  creator_user_id: string;
  create_time: number;
  status: number;
  group_type: number;
  ex: string;
  /** Added by schema v2 (social): GroupJoinPolicy. */
  join_policy?: number;
}

export interface ConversationRow {
  conversation_id: string;
  session_type: number;
  group_id: string;
  user_a: string;
  user_b: string;
  max_seq: number;
  latest_send_time: number;
}

export interface UserConversationRow {
  user_id: string;
  conversation_id: string;
  has_read_seq: number;
  recv_msg_opt: number;
  is_pinned: number;
  /** Added by schema v2 (social): hidden by "delete conversation" until the next message. */
  is_hidden?: number;
  /** Added by schema v2 (social): messages with seq <= this were cleared for this user. */
  cleared_seq?: number;
}

export interface MessageRow {
  conversation_id: string;
  seq: number;
  client_msg_id: string;
  server_msg_id: string;
  send_id: string;
  recv_id: string;
  group_id: string;
  session_type: number;
  content_type: number;
  content: string;
  ex: string;
  platform_id: number;
  create_time: number;
  send_time: number;
  sender_nickname: string;
  sender_face_url: string;
}

export interface EventRow {
  user_id: string;
  seq: number;
  type: string;
  data: string;
  create_time: number;
}

export interface Store {
  transaction<T>(fn: () => T): T;
  /** The driver, for domain stores kept in their own files (store-social.ts). */
  readonly driver: SqlDriver;

  getUser(userID: string): UserRow | undefined;
  getUsers(userIDs: readonly string[]): UserRow[];
  upsertUser(user: { userID: string; nickname?: string; faceURL?: string; ex?: string }, now: number): UserRow;

  getGroup(groupID: string): GroupRow | undefined;
  insertGroup(group: GroupRow): void;
  countGroupMembers(groupID: string): number;
  getMemberRole(groupID: string, userID: string): number | undefined;
  listGroupMemberIDs(groupID: string): string[];
  addGroupMember(groupID: string, userID: string, roleLevel: number, joinTime: number): void;

  getConversation(conversationID: string): ConversationRow | undefined;
  insertConversation(row: Omit<ConversationRow, 'max_seq' | 'latest_send_time'>): void;
  /** Advances max_seq and latest_send_time after a message was stored. */
  setConversationHead(conversationID: string, maxSeq: number, latestSendTime: number): void;
  getUserConversation(userID: string, conversationID: string): UserConversationRow | undefined;
  /** Creates the user's row if missing; returns true when it was created. */
  ensureUserConversation(userID: string, conversationID: string): boolean;
  listUserConversationIDs(userID: string): string[];
  setHasReadSeq(userID: string, conversationID: string, hasReadSeq: number): void;

  getMessage(conversationID: string, seq: number): MessageRow | undefined;
  getMessageByClientMsgID(clientMsgID: string): MessageRow | undefined;
  insertMessage(row: MessageRow): void;
  /** Newest first: up to `limit` messages with seq < beforeSeq. */
  listMessagesBefore(conversationID: string, beforeSeq: number, limit: number): MessageRow[];
  countUnread(conversationID: string, userID: string, afterSeq: number): number;

  appendEvent(userID: string, type: string, data: unknown, now: number): number;
  maxEventSeq(userID: string): number;
  /** Oldest first: up to `limit` events with seq > since. */
  listEventsAfter(userID: string, since: number, limit: number): EventRow[];

  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;

  close(): void;
}

/** The SQL implementation, shared by better-sqlite3 (Node) and sql.js (browser). */
export function createSqlStore(driver: SqlDriver): Store {
  migrate(driver);
  const d = driver;

  return {
    transaction: (fn) => d.transaction(fn),
    driver: d,

    getUser: (userID) => d.get<UserRow>('SELECT * FROM users WHERE user_id = ?', [userID]),
    getUsers(userIDs) {
      if (userIDs.length === 0) return [];
      // Bounded by Limits.maxUserLookup (200), well under SQLite's parameter limit.
      const marks = userIDs.map(() => '?').join(',');
      return d.all<UserRow>(`SELECT * FROM users WHERE user_id IN (${marks})`, userIDs);
    },
    upsertUser(user, now) {
      d.run(
        `INSERT INTO users (user_id, nickname, face_url, ex, create_time) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET
           nickname = COALESCE(?, nickname), face_url = COALESCE(?, face_url), ex = COALESCE(?, ex)`,
        [user.userID, user.nickname ?? '', user.faceURL ?? '', user.ex ?? '', now, user.nickname, user.faceURL, user.ex],
      );
      return d.get<UserRow>('SELECT * FROM users WHERE user_id = ?', [user.userID])!;
    },

    getGroup: (groupID) => d.get<GroupRow>('SELECT * FROM groups WHERE group_id = ?', [groupID]),
    insertGroup(g) {
      d.run(
        `INSERT INTO groups (group_id, group_name, notification, introduction, face_url, owner_user_id,
           creator_user_id, create_time, status, group_type, ex) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          g.group_id, g.group_name, g.notification, g.introduction, g.face_url, g.owner_user_id,
          g.creator_user_id, g.create_time, g.status, g.group_type, g.ex,
        ],
      );
    },
    countGroupMembers: (groupID) =>
      d.get<{ n: number }>('SELECT COUNT(*) AS n FROM group_members WHERE group_id = ?', [groupID])?.n ?? 0,
    getMemberRole: (groupID, userID) =>
      d.get<{ role_level: number }>('SELECT role_level FROM group_members WHERE group_id = ? AND user_id = ?', [
        groupID,
        userID,
      ])?.role_level,
    listGroupMemberIDs: (groupID) =>
      d
        .all<{ user_id: string }>('SELECT user_id FROM group_members WHERE group_id = ? ORDER BY join_time, user_id', [groupID])
        .map((r) => r.user_id),
    addGroupMember(groupID, userID, roleLevel, joinTime) {
      d.run('INSERT OR IGNORE INTO group_members (group_id, user_id, role_level, join_time) VALUES (?, ?, ?, ?)', [
        groupID,
        userID,
        roleLevel,
        joinTime,
      ]);
    },

    getConversation: (conversationID) =>
      d.get<ConversationRow>('SELECT * FROM conversations WHERE conversation_id = ?', [conversationID]),
    insertConversation(row) {
      d.run(
        'INSERT INTO conversations (conversation_id, session_type, group_id, user_a, user_b) VALUES (?, ?, ?, ?, ?)',
        [row.conversation_id, row.session_type, row.group_id, row.user_a, row.user_b],
      );
    },
    setConversationHead(conversationID, maxSeq, latestSendTime) {
      d.run('UPDATE conversations SET max_seq = ?, latest_send_time = ? WHERE conversation_id = ?', [
        maxSeq,
        latestSendTime,
        conversationID,
      ]);
    },
    getUserConversation: (userID, conversationID) =>
      d.get<UserConversationRow>('SELECT * FROM user_conversations WHERE user_id = ? AND conversation_id = ?', [
        userID,
        conversationID,
      ]),
    ensureUserConversation(userID, conversationID) {
      return (
        d.run('INSERT OR IGNORE INTO user_conversations (user_id, conversation_id) VALUES (?, ?)', [userID, conversationID])
          .changes > 0
      );
    },
    listUserConversationIDs: (userID) =>
      d
        .all<{ conversation_id: string }>('SELECT conversation_id FROM user_conversations WHERE user_id = ?', [userID])
        .map((r) => r.conversation_id),
    setHasReadSeq(userID, conversationID, hasReadSeq) {
      d.run('UPDATE user_conversations SET has_read_seq = ? WHERE user_id = ? AND conversation_id = ?', [
        hasReadSeq,
        userID,
        conversationID,
      ]);
    },

    getMessage: (conversationID, seq) =>
      d.get<MessageRow>('SELECT * FROM messages WHERE conversation_id = ? AND seq = ?', [conversationID, seq]),
    getMessageByClientMsgID: (clientMsgID) =>
      d.get<MessageRow>('SELECT * FROM messages WHERE client_msg_id = ?', [clientMsgID]),
    insertMessage(m) {
      d.run(
        `INSERT INTO messages (conversation_id, seq, client_msg_id, server_msg_id, send_id, recv_id, group_id,
           session_type, content_type, content, ex, platform_id, create_time, send_time, sender_nickname, sender_face_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          m.conversation_id, m.seq, m.client_msg_id, m.server_msg_id, m.send_id, m.recv_id, m.group_id,
          m.session_type, m.content_type, m.content, m.ex, m.platform_id, m.create_time, m.send_time,
          m.sender_nickname, m.sender_face_url,
        ],
      );
    },
    listMessagesBefore: (conversationID, beforeSeq, limit) =>
      d.all<MessageRow>('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?', [
        conversationID,
        beforeSeq,
        limit,
      ]),
    countUnread: (conversationID, userID, afterSeq) =>
      d.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND seq > ? AND send_id <> ?', [
        conversationID,
        afterSeq,
        userID,
      ])?.n ?? 0,

    appendEvent(userID, type, data, now) {
      // Called inside the op's transaction, so reading MAX and inserting MAX+1 cannot race.
      const seq = (d.get<{ m: number | null }>('SELECT MAX(seq) AS m FROM events WHERE user_id = ?', [userID])?.m ?? 0) + 1;
      d.run('INSERT INTO events (user_id, seq, type, data, create_time) VALUES (?, ?, ?, ?, ?)', [
        userID,
        seq,
        type,
        JSON.stringify(data),
        now,
      ]);
      return seq;
    },
    maxEventSeq: (userID) =>
      d.get<{ m: number | null }>('SELECT MAX(seq) AS m FROM events WHERE user_id = ?', [userID])?.m ?? 0,
    listEventsAfter: (userID, since, limit) =>
      d.all<EventRow>('SELECT * FROM events WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?', [userID, since, limit]),

    getMeta: (key) => d.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key])?.value,
    setMeta(key, value) {
      d.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
    },

    close: () => d.close(),
  };
}
