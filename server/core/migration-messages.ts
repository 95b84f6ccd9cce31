/** The SQL of issue 3's migration step (server/core/schema.ts, version 3). Never edit once shipped. */
export const MESSAGE_ACTIONS_MIGRATION_SQL = `
  CREATE TABLE message_reads (
    conversation_id TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    user_id         TEXT NOT NULL,
    read_time       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq, user_id)
  ) WITHOUT ROWID;
  CREATE TABLE message_deletions (
    conversation_id TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE files (
    uuid        TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    path        TEXT NOT NULL,
    create_time INTEGER NOT NULL
  );
`;

/** Stored content type of a message deleted for everyone; such rows come out with status Deleted. */
export const DELETED_CONTENT_TYPE = 0;
