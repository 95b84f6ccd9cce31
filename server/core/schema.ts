import type { SqlDriver } from './sql-driver.js';
import { MESSAGE_ACTIONS_MIGRATION_SQL } from './migration-messages.js';

/**
 * Database schema as an append-only list of migrations, tracked by
 * `PRAGMA user_version`. Never edit a migration that has shipped: add a new one.
 * Each migration runs in the same transaction as its `user_version` bump, so a
 * crash mid-migration leaves the previous version intact.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'users, groups, conversations, messages and the per-user event log',
    sql: `
      CREATE TABLE users (
        user_id     TEXT PRIMARY KEY,
        nickname    TEXT NOT NULL DEFAULT '',
        face_url    TEXT NOT NULL DEFAULT '',
        ex          TEXT NOT NULL DEFAULT '',
        create_time INTEGER NOT NULL
      );

      CREATE TABLE groups (
        group_id        TEXT PRIMARY KEY,
        group_name      TEXT NOT NULL,
        notification    TEXT NOT NULL DEFAULT '',
        introduction    TEXT NOT NULL DEFAULT '',
        face_url        TEXT NOT NULL DEFAULT '',
        owner_user_id   TEXT NOT NULL,
        creator_user_id TEXT NOT NULL,
        create_time     INTEGER NOT NULL,
        status          INTEGER NOT NULL DEFAULT 0,
        group_type      INTEGER NOT NULL DEFAULT 2,
        ex              TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE group_members (
        group_id   TEXT NOT NULL REFERENCES groups(group_id),
        user_id    TEXT NOT NULL REFERENCES users(user_id),
        role_level INTEGER NOT NULL,
        join_time  INTEGER NOT NULL,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX group_members_by_user ON group_members(user_id);

      -- One row per conversation, shared by its participants. user_a < user_b for
      -- one-to-one chats (the order of the conversation ID); both '' for groups.
      CREATE TABLE conversations (
        conversation_id  TEXT PRIMARY KEY,
        session_type     INTEGER NOT NULL,
        group_id         TEXT NOT NULL DEFAULT '',
        user_a           TEXT NOT NULL DEFAULT '',
        user_b           TEXT NOT NULL DEFAULT '',
        max_seq          INTEGER NOT NULL DEFAULT 0,
        latest_send_time INTEGER NOT NULL DEFAULT 0
      );

      -- Each participant's own state of a conversation.
      CREATE TABLE user_conversations (
        user_id         TEXT NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations(conversation_id),
        has_read_seq    INTEGER NOT NULL DEFAULT 0,
        recv_msg_opt    INTEGER NOT NULL DEFAULT 0,
        is_pinned       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, conversation_id)
      ) WITHOUT ROWID;

      CREATE TABLE messages (
        conversation_id   TEXT NOT NULL,
        seq               INTEGER NOT NULL,
        client_msg_id     TEXT NOT NULL UNIQUE,
        server_msg_id     TEXT NOT NULL UNIQUE,
        send_id           TEXT NOT NULL,
        recv_id           TEXT NOT NULL DEFAULT '',
        group_id          TEXT NOT NULL DEFAULT '',
        session_type      INTEGER NOT NULL,
        content_type      INTEGER NOT NULL,
        content           TEXT NOT NULL,
        ex                TEXT NOT NULL DEFAULT '',
        platform_id       INTEGER NOT NULL DEFAULT 0,
        create_time       INTEGER NOT NULL,
        send_time         INTEGER NOT NULL,
        sender_nickname   TEXT NOT NULL DEFAULT '',
        sender_face_url   TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (conversation_id, seq)
      );

      -- The per-user ordered event log: what sync returns and what pushes carry.
      CREATE TABLE events (
        user_id     TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        create_time INTEGER NOT NULL,
        PRIMARY KEY (user_id, seq)
      ) WITHOUT ROWID;

      -- Small facts about the database itself (e.g. whether the demo data was seeded).
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'social: profiles, friends, friend requests, blacklist, group policy/mutes/name cards/applications, per-user conversation hiding and clearing, user settings',
    sql: `
      ALTER TABLE users ADD COLUMN gender INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN birth INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
      ALTER TABLE users ADD COLUMN signature TEXT NOT NULL DEFAULT '';
      ALTER TABLE groups ADD COLUMN join_policy INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE group_members ADD COLUMN group_nickname TEXT NOT NULL DEFAULT '';
      ALTER TABLE group_members ADD COLUMN mute_end_time INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE group_members ADD COLUMN operator_user_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE user_conversations ADD COLUMN is_hidden INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE user_conversations ADD COLUMN cleared_seq INTEGER NOT NULL DEFAULT 0;

      -- One row per direction: (alice, bob) is bob in alice's list, with alice's remark.
      CREATE TABLE friends (
        owner_user_id    TEXT NOT NULL,
        friend_user_id   TEXT NOT NULL,
        remark           TEXT NOT NULL DEFAULT '',
        create_time      INTEGER NOT NULL,
        operator_user_id TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (owner_user_id, friend_user_id)
      ) WITHOUT ROWID;

      -- The latest request from one user to another; a new request replaces a handled one.
      CREATE TABLE friend_requests (
        from_user_id    TEXT NOT NULL,
        to_user_id      TEXT NOT NULL,
        req_msg         TEXT NOT NULL DEFAULT '',
        create_time     INTEGER NOT NULL,
        handle_result   INTEGER NOT NULL DEFAULT 0,
        handler_user_id TEXT NOT NULL DEFAULT '',
        handle_msg      TEXT NOT NULL DEFAULT '',
        handle_time     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (from_user_id, to_user_id)
      ) WITHOUT ROWID;
      CREATE INDEX friend_requests_by_to ON friend_requests(to_user_id);

      CREATE TABLE blacks (
        owner_user_id TEXT NOT NULL,
        block_user_id TEXT NOT NULL,
        create_time   INTEGER NOT NULL,
        PRIMARY KEY (owner_user_id, block_user_id)
      ) WITHOUT ROWID;

      CREATE TABLE group_requests (
        group_id       TEXT NOT NULL,
        user_id        TEXT NOT NULL,
        req_msg        TEXT NOT NULL DEFAULT '',
        req_time       INTEGER NOT NULL,
        handle_result  INTEGER NOT NULL DEFAULT 0,
        handle_user_id TEXT NOT NULL DEFAULT '',
        handled_msg    TEXT NOT NULL DEFAULT '',
        handled_time   INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (group_id, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX group_requests_by_user ON group_requests(user_id);

      CREATE TABLE user_settings (
        user_id             TEXT PRIMARY KEY,
        global_recv_msg_opt INTEGER NOT NULL DEFAULT 0,
        quiet_start         TEXT NOT NULL DEFAULT '',
        quiet_end           TEXT NOT NULL DEFAULT ''
      );
    `,
  },
  {
    version: 3,
    description: 'message actions: group read receipts, deletions for everyone, uploaded files',
    sql: MESSAGE_ACTIONS_MIGRATION_SQL,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Brings the database up to SCHEMA_VERSION. Safe to call on every start. */
export function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): number {
  return driver.transaction(() => {
    const current = driver.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
    const latest = migrations[migrations.length - 1]?.version ?? 0;
    if (current > latest) {
      // A newer server wrote this file; running old code on it could corrupt it.
      throw new Error(`database schema version ${current} is newer than this server understands (${latest})`);
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      driver.exec(m.sql);
      // PRAGMA takes no bound parameters; the version is our own integer.
      driver.exec(`PRAGMA user_version = ${Math.trunc(m.version)}`);
    }
    return latest;
  });
}
