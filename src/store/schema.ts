import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';

export interface OutboxEntry {
  clientMsgID: string;
  conversationID: string;
  recvID: string;
  groupID: string;
  /** When it was queued; the outbox is flushed oldest first. */
  queuedAt: number;
  /** Files a media message still has to upload (issue 3); IndexedDB keeps Blobs, so a reload keeps them. */
  files?: { source: Blob; sourceName: string; snapshot?: Blob };
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The cache's shape. Bump DB_VERSION and add a step to MIGRATIONS for every change. */
export interface ImDB extends DBSchema {
  conversations: {
    key: string;
    value: ConversationItem;
    indexes: { byLatest: number };
  };
  messages: {
    key: string;
    value: MessageItem;
    indexes: {
      /** Paging by time within a conversation; clientMsgID breaks ties. */
      byConversationTime: [string, number, string];
      /** Finding a message by its server seq. */
      byConversationSeq: [string, number];
    };
  };
  users: { key: string; value: UserInfo };
  outbox: { key: string; value: OutboxEntry; indexes: { byQueuedAt: number } };
  /** Sync cursor, the logged-in user's profile and other single values. */
  meta: { key: string; value: MetaEntry };
}

export type ImDatabase = IDBPDatabase<ImDB>;
type UpgradeTx = IDBPTransaction<ImDB, StoreNames<ImDB>[], 'versionchange'>;

/** Each step takes the database from version i to i+1. Never edit a shipped step; add one. */
export const MIGRATIONS: ReadonlyArray<(db: ImDatabase, tx: UpgradeTx) => void> = [
  (db) => {
    const conversations = db.createObjectStore('conversations', { keyPath: 'conversationID' });
    conversations.createIndex('byLatest', 'latestMsgSendTime');
    const messages = db.createObjectStore('messages', { keyPath: 'clientMsgID' });
    messages.createIndex('byConversationTime', ['conversationID', 'sendTime', 'clientMsgID']);
    messages.createIndex('byConversationSeq', ['conversationID', 'seq']);
    db.createObjectStore('users', { keyPath: 'userID' });
    const outbox = db.createObjectStore('outbox', { keyPath: 'clientMsgID' });
    outbox.createIndex('byQueuedAt', 'queuedAt');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
];

export const DB_VERSION = MIGRATIONS.length;
