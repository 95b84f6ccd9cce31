import { parseConversationID } from '../../src/model/conversation-id.js';
import { AT_ALL, parseJSON, SENDABLE_CONTENT_TYPES, type RevokedElem } from '../../src/model/elems.js';
import { searchableText } from '../../src/model/search-text.js';
import { ContentType, GroupRole, SessionType } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import { Limits } from '../../src/protocol/limits.js';
import type { OutgoingMessage, OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { MessageOps } from '../../src/protocol/ops-messages.js';
import type { PushEvent } from '../../src/protocol/pushes.js';
import { DELETED_CONTENT_TYPE } from './migration-messages.js';
import type { SqlDriver } from './sql-driver.js';
import type { ConversationRow, MessageRow, Store } from './store.js';
import { conversationView, readStateFor, toMessageItem } from './views.js';

/**
 * Message types and message actions (issue 3): content validation per type,
 * recall, delete for everyone, typing, group read receipts, readers and search.
 * Registered into `handlers` with one spread line; the SQL it needs beyond
 * `Store` lives in `MessageStore` below.
 */

/** Extra storage for message actions: deletions, group reads, uploaded files. */
export interface MessageStore {
  updateMessage(conversationID: string, seq: number, contentType: number, content: string): void;
  markDeleted(conversationID: string, seq: number): void;
  isDeleted(conversationID: string, seq: number): boolean;
  addReads(conversationID: string, seqs: number[], userID: string, readTime: number): number[];
  listReaders(conversationID: string, seq: number): { user_id: string; read_time: number }[];
  search(userID: string, conversationID: string | null, filters: { types: number[]; senders: string[]; from: number; to: number; like: string[] }): MessageRow[];
  insertFile(row: FileRow): void;
  getFile(uuid: string): FileRow | undefined;
  /** The uploader, or anyone in a conversation holding a message that refers to the file. */
  canReadFile(uuid: string, userID: string): boolean;
}

export interface FileRow {
  uuid: string;
  owner_id: string;
  name: string;
  mime: string;
  size: number;
  path: string;
  create_time: number;
}

export function createMessageStore(d: SqlDriver): MessageStore {
  return {
    updateMessage(conversationID, seq, contentType, content) {
      d.run('UPDATE messages SET content_type = ?, content = ? WHERE conversation_id = ? AND seq = ?', [contentType, content, conversationID, seq]);
    },
    markDeleted(conversationID, seq) {
      d.run('INSERT OR IGNORE INTO message_deletions (conversation_id, seq) VALUES (?, ?)', [conversationID, seq]);
      d.run("UPDATE messages SET content = '', content_type = ? WHERE conversation_id = ? AND seq = ?", [DELETED_CONTENT_TYPE, conversationID, seq]);
    },
    isDeleted: (conversationID, seq) =>
      !!d.get('SELECT 1 AS x FROM message_deletions WHERE conversation_id = ? AND seq = ?', [conversationID, seq]),
    addReads(conversationID, seqs, userID, readTime) {
      const added: number[] = [];
      for (const seq of seqs) {
        const r = d.run('INSERT OR IGNORE INTO message_reads (conversation_id, seq, user_id, read_time) VALUES (?, ?, ?, ?)', [conversationID, seq, userID, readTime]);
        if (r.changes > 0) added.push(seq);
      }
      return added;
    },
    listReaders: (conversationID, seq) =>
      d.all<{ user_id: string; read_time: number }>(
        'SELECT user_id, read_time FROM message_reads WHERE conversation_id = ? AND seq = ? ORDER BY read_time, user_id',
        [conversationID, seq],
      ),
    search(userID, conversationID, f) {
      const where = ['uc.user_id = ?', 'm.content_type <> ?'];
      const args: (string | number)[] = [userID, DELETED_CONTENT_TYPE];
      if (conversationID) {
        where.push('m.conversation_id = ?');
        args.push(conversationID);
      }
      if (f.types.length) {
        where.push(`m.content_type IN (${f.types.map(() => '?').join(',')})`);
        args.push(...f.types);
      }
      if (f.senders.length) {
        where.push(`m.send_id IN (${f.senders.map(() => '?').join(',')})`);
        args.push(...f.senders);
      }
      if (f.from > 0) {
        where.push('m.send_time >= ?');
        args.push(f.from);
      }
      if (f.to > 0) {
        where.push('m.send_time <= ?');
        args.push(f.to);
      }
      for (const k of f.like) {
        where.push("m.content LIKE ? ESCAPE '\\'");
        args.push(`%${k.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
      }
      return d.all<MessageRow>(
        `SELECT m.* FROM messages m JOIN user_conversations uc ON uc.conversation_id = m.conversation_id
         WHERE ${where.join(' AND ')} ORDER BY m.send_time DESC LIMIT 2000`,
        args,
      );
    },
    insertFile(f) {
      d.run('INSERT INTO files (uuid, owner_id, name, mime, size, path, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        f.uuid, f.owner_id, f.name, f.mime, f.size, f.path, f.create_time,
      ]);
    },
    getFile: (uuid) => d.get<FileRow>('SELECT * FROM files WHERE uuid = ?', [uuid]),
    canReadFile(uuid, userID) {
      const file = d.get<FileRow>('SELECT * FROM files WHERE uuid = ?', [uuid]);
      if (!file) return false;
      if (file.owner_id === userID) return true;
      // uuid is [0-9a-f-] only (checked by the caller), so it holds no LIKE wildcards.
      const ref = d.get<{ ok: number }>(
        'SELECT 1 AS ok FROM messages m JOIN user_conversations uc ON uc.conversation_id = m.conversation_id AND uc.user_id = ? WHERE m.content LIKE ? LIMIT 1',
        [userID, `%${uuid}%`],
      );
      return !!ref;
    },
  };
}



/** What the message handlers need beyond `DomainContext`'s store and clock. */
export interface MessageContext {
  store: MessageStore;
  revokeWindowMs: number;
  /** Sends a push with seq 0 (never logged) after the response. */
  transient(userID: string, event: PushEvent): void;
}

interface Ctx {
  store: Store;
  now(): number;
  mutate<T>(fn: (log: (userID: string, event: PushEvent) => void) => T): T;
  messages?: MessageContext;
}
interface Caller {
  userID: string;
}

function ext(ctx: Ctx): MessageContext {
  if (!ctx.messages) throw new ImError(ErrorCode.Internal, 'Message actions are not configured on this server.');
  return ctx.messages;
}

// ---- content validation ------------------------------------------------------

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isHttpURL = (x: unknown) => isStr(x) && (x === '' || /^(\/api\/files\/[A-Za-z0-9-]+|https?:\/\/\S+)$/.test(x));

function bad(what: string): never {
  throw new ImError(ErrorCode.InvalidContent, `content: ${what}`);
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function checkText(text: unknown, field: string): void {
  if (!isStr(text)) bad(`${field} must be a string`);
  const length = codePoints(text);
  if (length > Limits.maxTextLength) {
    throw new ImError(ErrorCode.MessageTooLong, `The text has ${length} characters; the limit is ${Limits.maxTextLength}.`);
  }
}

function checkPicture(p: unknown, field: string): void {
  const o = p as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') bad(`${field} is required`);
  if (!isStr(o.url) || !isHttpURL(o.url) || !o.url) bad(`${field}.url must be an uploaded file URL`);
  if (!isNum(o.width) || !isNum(o.height) || !isNum(o.size)) bad(`${field} needs numeric width, height and size`);
}

function checkEmbedded(m: unknown, field: string): void {
  const o = m as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || !isStr(o.clientMsgID) || !isStr(o.sendID) || !isNum(o.contentType) || !isStr(o.content)) {
    bad(`${field} must be a message (clientMsgID, sendID, contentType, content)`);
  }
}

/**
 * Throws unless `out.content` fits `out.contentType`. Text is plain; every
 * other sendable type carries its elem as JSON (src/model/elems.ts).
 */
export function validateMessageContent(out: OutgoingMessage): void {
  if (!SENDABLE_CONTENT_TYPES.includes(out.contentType)) {
    throw new ImError(ErrorCode.UnsupportedContentType, `contentType ${out.contentType} cannot be sent by a client.`);
  }
  if (out.contentType === ContentType.Text) {
    if (!/\S/.test(out.content)) throw new ImError(ErrorCode.InvalidArgument, 'data.message.content: must not be empty');
    checkText(out.content, 'text');
    return;
  }
  const e = parseJSON<Record<string, unknown>>(out.content);
  if (!e || Array.isArray(e)) bad('must be a JSON object (the elem of this content type)');
  switch (out.contentType) {
    case ContentType.AtText:
      checkText(e.text, 'text');
      if (!isStr(e.text) || !/\S/.test(e.text)) bad('text must not be empty');
      if (!Array.isArray(e.atUserList) || e.atUserList.length === 0 || !e.atUserList.every(isStr)) bad('atUserList must be a non-empty list of user IDs');
      if (out.sessionType !== SessionType.Group) bad('@mentions are for group chats');
      break;
    case ContentType.Picture:
      checkPicture(e.sourcePicture, 'sourcePicture');
      checkPicture(e.snapshotPicture, 'snapshotPicture');
      break;
    case ContentType.Voice:
      if (!isHttpURL(e.sourceUrl) || !e.sourceUrl) bad('sourceUrl must be an uploaded file URL');
      if (!isNum(e.duration) || e.duration < 0) bad('duration must be a number of seconds');
      break;
    case ContentType.Video:
      if (!isHttpURL(e.videoUrl) || !e.videoUrl) bad('videoUrl must be an uploaded file URL');
      if (!isHttpURL(e.snapshotUrl)) bad('snapshotUrl must be an uploaded file URL or empty');
      if (!isNum(e.duration) || e.duration < 0) bad('duration must be a number of seconds');
      break;
    case ContentType.File:
      if (!isHttpURL(e.sourceUrl) || !e.sourceUrl) bad('sourceUrl must be an uploaded file URL');
      if (!isStr(e.fileName) || !e.fileName || e.fileName.length > 255) bad('fileName must be 1–255 characters');
      if (!isNum(e.fileSize) || e.fileSize < 0) bad('fileSize must be a number');
      break;
    case ContentType.Location:
      if (!isNum(e.latitude) || Math.abs(e.latitude) > 90) bad('latitude must be between -90 and 90');
      if (!isNum(e.longitude) || Math.abs(e.longitude) > 180) bad('longitude must be between -180 and 180');
      if (!isStr(e.description)) bad('description must be a string');
      break;
    case ContentType.Custom:
      if (!isStr(e.data)) bad('data must be a string (JSON chosen by the app)');
      if (!isStr(e.description) || !isStr(e.extension)) bad('description and extension must be strings');
      break;
    case ContentType.Face:
      if (!isNum(e.index) || !isStr(e.data) || !e.data) bad('a face needs index (number) and data (string)');
      break;
    case ContentType.Quote:
      checkText(e.text, 'text');
      if (!isStr(e.text) || !/\S/.test(e.text)) bad('text must not be empty');
      checkEmbedded(e.quoteMessage, 'quoteMessage');
      break;
    case ContentType.Merger:
      if (!isStr(e.title)) bad('title must be a string');
      if (!Array.isArray(e.abstractList) || !e.abstractList.every(isStr)) bad('abstractList must be a list of strings');
      if (!Array.isArray(e.multiMessage) || e.multiMessage.length === 0 || e.multiMessage.length > Limits.maxMergeMessages) {
        bad(`multiMessage must hold 1–${Limits.maxMergeMessages} messages`);
      }
      e.multiMessage.forEach((m, i) => checkEmbedded(m, `multiMessage[${i}]`));
      break;
  }
}

/** The users an @mention message mentions (AT_ALL expanded by the caller). */
export function mentionsOf(out: Pick<MessageItem, 'contentType' | 'content'>): string[] {
  if (out.contentType !== ContentType.AtText) return [];
  const list = parseJSON<{ atUserList?: unknown }>(out.content)?.atUserList;
  return Array.isArray(list) ? list.filter(isStr) : [];
}

/** Fills `attachedInfoElem.groupHasReadInfo` on the viewer's own messages of a group page. */
export function withGroupReads(ctx: Ctx, conv: ConversationRow, viewerID: string, messages: MessageItem[]): void {
  if (conv.session_type !== SessionType.Group || !ctx.messages) return;
  for (const m of messages) {
    if (m.sendID !== viewerID || m.seq <= 0) continue;
    const readers = ctx.messages.store.listReaders(conv.conversation_id, m.seq).map((r) => r.user_id);
    if (readers.length) m.attachedInfoElem = { groupHasReadInfo: { hasReadUserIDList: readers, hasReadCount: readers.length } };
  }
}

// ---- actions ---------------------------------------------------------------

function participants(store: Store, c: ConversationRow): string[] {
  return c.session_type === SessionType.Single ? [c.user_a, c.user_b] : store.listGroupMemberIDs(c.group_id);
}

/** The conversation, if the caller takes part in it. */
function requireConversation(ctx: Ctx, caller: Caller, conversationID: string): ConversationRow {
  const parsed = parseConversationID(conversationID, caller.userID);
  const conv = parsed ? ctx.store.getConversation(conversationID) : undefined;
  if (!parsed || !conv) throw new ImError(ErrorCode.ConversationNotFound, `No conversation "${conversationID}" of yours.`);
  if (parsed.sessionType === SessionType.Group && ctx.store.getMemberRole(parsed.groupID, caller.userID) === undefined) {
    throw new ImError(ErrorCode.NotGroupMember, `You are not a member of group "${parsed.groupID}".`);
  }
  return conv;
}

function requireMessage(ctx: Ctx, conv: ConversationRow, clientMsgID: string): MessageRow {
  const row = ctx.store.getMessageByClientMsgID(clientMsgID);
  if (!row || row.conversation_id !== conv.conversation_id || row.content_type === DELETED_CONTENT_TYPE) {
    throw new ImError(ErrorCode.MessageNotFound, `No message "${clientMsgID}" in ${conv.conversation_id}.`);
  }
  return row;
}

function isGroupManager(ctx: Ctx, conv: ConversationRow, userID: string): boolean {
  if (conv.session_type !== SessionType.Group) return false;
  const role = ctx.store.getMemberRole(conv.group_id, userID) ?? 0;
  return role >= GroupRole.Admin;
}

/** Logs a changed message (and the conversation when it was the latest) for every participant. */
function logChanged(ctx: Ctx, log: (u: string, e: PushEvent) => void, conv: ConversationRow, build: (p: string) => PushEvent): void {
  const fresh = ctx.store.getConversation(conv.conversation_id)!;
  for (const p of participants(ctx.store, fresh)) {
    log(p, build(p));
    if (ctx.store.getUserConversation(p, fresh.conversation_id)) {
      log(p, { push: 'conversation.changed', data: { conversation: conversationView(ctx.store, fresh, p) } });
    }
  }
}

const lastTyping = new WeakMap<object, Map<string, number>>();

type H<O extends keyof MessageOps> = (ctx: Ctx, caller: Caller, data: OpRequest<O>) => OpResponse<O>;

export const messageHandlers: { [O in keyof MessageOps]: H<O> } = {
  'message.revoke'(ctx, caller, { conversationID, clientMsgID }) {
    const m = ext(ctx);
    return ctx.mutate((log) => {
      const conv = requireConversation(ctx, caller, conversationID);
      const row = requireMessage(ctx, conv, clientMsgID);
      const read = (p: string) => readStateFor(ctx.store, ctx.store.getConversation(conversationID)!, p);
      if (row.content_type === ContentType.Revoke) return { message: toMessageItem(row, read(caller.userID)) };
      const own = row.send_id === caller.userID;
      if (!own && !isGroupManager(ctx, conv, caller.userID)) {
        throw new ImError(ErrorCode.PermissionDenied, 'You can recall only your own messages.');
      }
      if (own && ctx.now() - row.send_time > m.revokeWindowMs) {
        throw new ImError(ErrorCode.RevokeWindowPassed, `Messages can be recalled for ${Math.round(m.revokeWindowMs / 1000)} seconds after sending.`);
      }
      const revoker = ctx.store.getUser(caller.userID);
      const elem: RevokedElem = {
        revokerID: caller.userID,
        revokerNickname: revoker?.nickname || caller.userID,
        revokeTime: ctx.now(),
        clientMsgID,
        sourceMessageSendID: row.send_id,
        sourceMessageSenderNickname: row.sender_nickname,
      };
      m.store.updateMessage(conversationID, row.seq, ContentType.Revoke, JSON.stringify(elem));
      const updated = ctx.store.getMessage(conversationID, row.seq)!;
      logChanged(ctx, log, conv, (p) => ({ push: 'message.revoked', data: { message: toMessageItem(updated, read(p)) } }));
      return { message: toMessageItem(updated, read(caller.userID)) };
    });
  },

  'message.delete'(ctx, caller, { conversationID, clientMsgID }) {
    const m = ext(ctx);
    return ctx.mutate((log) => {
      const conv = requireConversation(ctx, caller, conversationID);
      const row = requireMessage(ctx, conv, clientMsgID);
      if (row.send_id !== caller.userID && !isGroupManager(ctx, conv, caller.userID)) {
        throw new ImError(ErrorCode.PermissionDenied, 'You can delete only your own messages for everyone.');
      }
      m.store.markDeleted(conversationID, row.seq);
      logChanged(ctx, log, conv, () => ({ push: 'message.deleted', data: { conversationID, clientMsgID, seq: row.seq } }));
      return {};
    });
  },

  'message.typing'(ctx, caller, { conversationID, msgTip }) {
    const m = ext(ctx);
    const conv = requireConversation(ctx, caller, conversationID);
    if (conv.session_type !== SessionType.Single) {
      throw new ImError(ErrorCode.InvalidArgument, 'Typing status is for one-to-one chats.');
    }
    let seen = lastTyping.get(m.store);
    if (!seen) lastTyping.set(m.store, (seen = new Map()));
    const key = `${caller.userID}\n${conversationID}`;
    const now = ctx.now();
    // A stop ('') always goes through; starts are limited to one per interval.
    if (msgTip && now - (seen.get(key) ?? 0) < Limits.typingIntervalMs) {
      throw new ImError(ErrorCode.RateLimited, `At most one typing notice per ${Limits.typingIntervalMs} ms.`);
    }
    if (msgTip) seen.set(key, now);
    if (seen.size > 10_000) seen.clear();
    const peer = conv.user_a === caller.userID ? conv.user_b : conv.user_a;
    m.transient(peer, { push: 'message.typing', data: { conversationID, userID: caller.userID, msgTip } });
    return {};
  },

  'message.markGroupRead'(ctx, caller, { conversationID, clientMsgIDList }) {
    const m = ext(ctx);
    return ctx.mutate((log) => {
      const conv = requireConversation(ctx, caller, conversationID);
      if (conv.session_type !== SessionType.Group) throw new ImError(ErrorCode.InvalidArgument, 'Use conversation.markRead for one-to-one chats.');
      const rows = clientMsgIDList
        .map((id) => ctx.store.getMessageByClientMsgID(id))
        .filter((r): r is MessageRow => !!r && r.conversation_id === conversationID && r.send_id !== caller.userID);
      const now = ctx.now();
      const added = new Set(m.store.addReads(conversationID, rows.map((r) => r.seq), caller.userID, now));
      const bySender = new Map<string, string[]>();
      for (const r of rows) {
        if (!added.has(r.seq)) continue;
        const list = bySender.get(r.send_id) ?? [];
        list.push(r.client_msg_id);
        bySender.set(r.send_id, list);
      }
      for (const [sender, ids] of bySender) {
        log(sender, { push: 'group.read.receipt', data: { conversationID, userID: caller.userID, clientMsgIDList: ids, readTime: now } });
      }
      return {};
    });
  },

  'message.readers'(ctx, caller, { conversationID, clientMsgID }) {
    const m = ext(ctx);
    const conv = requireConversation(ctx, caller, conversationID);
    const row = requireMessage(ctx, conv, clientMsgID);
    const readers = m.store.listReaders(conversationID, row.seq);
    const users = new Map(ctx.store.getUsers(readers.map((r) => r.user_id)).map((u) => [u.user_id, u]));
    const members = participants(ctx.store, conv).filter((u) => u !== row.send_id);
    return {
      readers: readers.map((r) => ({ userID: r.user_id, nickname: users.get(r.user_id)?.nickname || r.user_id, readTime: r.read_time })),
      unreadCount: Math.max(0, members.length - readers.length),
    };
  },

  'message.search'(ctx, caller, p) {
    const m = ext(ctx);
    const conversationID = p.conversationID || null;
    if (conversationID) requireConversation(ctx, caller, conversationID);
    const keywords = (p.keywordList ?? []).map((k) => k.trim()).filter(Boolean);
    const end = p.searchTimePosition ? p.searchTimePosition * 1000 : 0;
    const start = p.searchTimePeriod ? (end || ctx.now()) - p.searchTimePeriod * 1000 : 0;
    const rows = m.store.search(caller.userID, conversationID, {
      types: p.messageTypeList ?? [],
      senders: p.senderUserIDList ?? [],
      from: start,
      to: end,
      like: keywords,
    });
    const lower = keywords.map((k) => k.toLocaleLowerCase());
    const convs = new Map<string, ConversationRow>();
    const matched: MessageItem[] = [];
    for (const r of rows) {
      const item = { contentType: r.content_type, content: r.content };
      if (r.content_type === ContentType.Revoke) continue;
      const text = searchableText(item).toLocaleLowerCase();
      if (!lower.every((k) => text.includes(k))) continue;
      let conv = convs.get(r.conversation_id);
      if (!conv) convs.set(r.conversation_id, (conv = ctx.store.getConversation(r.conversation_id)!));
      matched.push(toMessageItem(r, readStateFor(ctx.store, conv, caller.userID)));
    }
    const count = Math.min(Math.max(p.count ?? 50, 1), Limits.maxPageSize);
    const page = Math.max(p.pageIndex ?? 1, 1);
    const slice = matched.slice((page - 1) * count, page * count);
    const groups = new Map<string, MessageItem[]>();
    for (const msg of slice) {
      const list = groups.get(msg.conversationID) ?? [];
      list.push(msg);
      groups.set(msg.conversationID, list);
    }
    return {
      totalCount: matched.length,
      searchResultItems: [...groups].map(([id, list]) => ({ conversationID: id, messageCount: list.length, messageList: list })),
    };
  },
};

export { AT_ALL };
