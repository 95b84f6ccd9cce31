import { groupConversationID, ID_PATTERN, parseConversationID, singleConversationID } from '../../src/model/conversation-id.js';
import { ContentType, GroupRole, SessionType } from '../../src/model/enums.js';
import type { ConversationItem, GroupInfo, MessageItem, UserInfo } from '../../src/model/types.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { Limits } from '../../src/protocol/limits.js';
import type { OpName, OpRequest, OpResponse, OutgoingMessage } from '../../src/protocol/ops.js';
import type { PushEvent } from '../../src/protocol/pushes.js';
import type { ConversationRow, MessageRow, Store } from './store.js';
import { messageHandlers, validateMessageContent, withGroupReads, type MessageContext } from './handlers-messages.js';
import { signalingHandlers, type CallService } from './handlers-signaling.js';
import { socialHandlers, checkSend, type SocialOptions } from './handlers-social.js';
import { groupHandlers } from './handlers-groups.js';
import { conversationHandlers, clearedSeqFor } from './handlers-conversations.js';
import { socialStore } from './store-social.js';
import { compareConversations, conversationView, peerOf, readStateFor, toGroupInfo, toMessageItem, toUserInfo } from './views.js';

/**
 * What the server does, op by op, independent of frames and sockets. Every
 * mutation runs through `ctx.mutate`, which wraps it in one transaction and
 * pushes the events it logged only after the commit, so a client never sees
 * a push for something that was rolled back.
 */

/** Appends an event to a user's log (inside the current transaction). */
export type LogFn = (userID: string, event: PushEvent) => void;

export interface DomainContext {
  store: Store;
  now(): number;
  mutate<T>(fn: (log: LogFn) => T): T;
  newServerMsgID(): string;
  /** Social rules (friendship required for one-to-one messages, …): set by server-core. */
  social?: SocialOptions;
  /** Message actions (recall, delete, typing, group reads, search): set by server-core. */
  messages?: MessageContext;
  /** Call signaling (rooms, timers, relay): set by server-core. */
  calls?: CallService;
}

/** The authenticated caller. */
export interface Caller {
  userID: string;
  platformID: number;
  /** Which connection (device) made the request; set by server-core. */
  connectionID?: number;
}

const notFound = (conversationID: string) =>
  new ImError(ErrorCode.ConversationNotFound, `No conversation "${conversationID}" of yours.`);

function participantsOf(store: Store, c: ConversationRow): string[] {
  return c.session_type === SessionType.Single ? [c.user_a, c.user_b] : store.listGroupMemberIDs(c.group_id);
}

function requireMember(store: Store, groupID: string, userID: string): void {
  if (!store.getGroup(groupID)) throw new ImError(ErrorCode.GroupNotFound, `No group "${groupID}".`);
  if (store.getMemberRole(groupID, userID) === undefined) {
    throw new ImError(ErrorCode.NotGroupMember, `You are not a member of group "${groupID}".`);
  }
}

/**
 * Checks that `viewerID` may see `conversationID` and returns its row, creating
 * the row (and the viewer's own state) when `create` is set. Returns undefined
 * for a one-to-one conversation that does not exist yet and may not be created.
 */
function resolveConversation(
  ctx: DomainContext,
  viewerID: string,
  conversationID: string,
  create: boolean,
  log?: LogFn,
): ConversationRow | undefined {
  const { store } = ctx;
  const parsed = parseConversationID(conversationID, viewerID);
  if (!parsed) throw notFound(conversationID);
  if (parsed.sessionType === SessionType.Single) {
    if (parsed.userID === viewerID) throw notFound(conversationID);
    if (!store.getUser(parsed.userID)) throw new ImError(ErrorCode.UserNotFound, `No user "${parsed.userID}".`);
  } else {
    requireMember(store, parsed.groupID, viewerID);
  }
  let conv = store.getConversation(conversationID);
  if (!conv && create) {
    const [a, b] = [viewerID, parsed.userID].sort() as [string, string];
    store.insertConversation({
      conversation_id: conversationID,
      session_type: parsed.sessionType,
      group_id: parsed.groupID,
      user_a: parsed.sessionType === SessionType.Single ? a : '',
      user_b: parsed.sessionType === SessionType.Single ? b : '',
    });
    conv = store.getConversation(conversationID);
  }
  if (conv && create && store.ensureUserConversation(viewerID, conversationID) && log) {
    // The viewer's other devices learn about the new (empty) conversation.
    log(viewerID, { push: 'conversation.changed', data: { conversation: conversationView(store, conv, viewerID) } });
  }
  return conv;
}

/** Length in code points, which is what "characters" means to a person typing. */
function textLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    n++;
  }
  return n;
}

function sameMessage(stored: MessageRow, senderID: string, conversationID: string, out: OutgoingMessage): boolean {
  return (
    stored.send_id === senderID &&
    stored.conversation_id === conversationID &&
    stored.content_type === out.contentType &&
    stored.content === out.content &&
    stored.ex === (out.ex ?? '')
  );
}

export interface SendOptions {
  /** Seeding writes history in the past; live sends always use the clock. */
  sendTime?: number;
  /** Server-made messages (group tips, notices): skips the rules for what a client may send. */
  trusted?: boolean;
}

export function sendMessage(ctx: DomainContext, caller: Caller, out: OutgoingMessage, opts: SendOptions = {}): MessageItem {
  const { store } = ctx;
  // Every sendable content type and its elem (text length included): handlers-messages.ts.
  if (!opts.trusted) validateMessageContent(out);

  let conversationID: string;
  if (out.sessionType === SessionType.Single) {
    if (!ID_PATTERN.test(out.recvID) || out.groupID !== '') {
      throw new ImError(ErrorCode.InvalidArgument, 'data.message: a one-to-one message needs recvID set and groupID empty');
    }
    if (out.recvID === caller.userID) throw new ImError(ErrorCode.InvalidArgument, 'data.message.recvID: cannot message yourself');
    conversationID = singleConversationID(caller.userID, out.recvID);
  } else {
    if (!ID_PATTERN.test(out.groupID) || out.recvID !== '') {
      throw new ImError(ErrorCode.InvalidArgument, 'data.message: a group message needs groupID set and recvID empty');
    }
    conversationID = groupConversationID(out.groupID);
  }

  return ctx.mutate((log) => {
    // De-duplication comes first: a retry of an accepted message must succeed
    // even if, say, the sender has since left the group.
    const existing = store.getMessageByClientMsgID(out.clientMsgID);
    if (existing) {
      if (!sameMessage(existing, caller.userID, conversationID, out)) {
        throw new ImError(ErrorCode.DuplicateMismatch, `clientMsgID "${out.clientMsgID}" was already used for a different message.`);
      }
      const conv = store.getConversation(existing.conversation_id)!;
      return toMessageItem(existing, readStateFor(store, conv, caller.userID));
    }

    const conv = resolveConversation(ctx, caller.userID, conversationID, true)!;
    if (!opts.trusted) checkSend(ctx, caller.userID, conv); // blacklist, friendship, mutes (handlers-social.ts)
    const participants = participantsOf(store, conv);
    for (const p of participants) store.ensureUserConversation(p, conversationID);

    const sender = store.getUser(caller.userID);
    const seq = conv.max_seq + 1;
    // Never earlier than the previous message, so time order and seq order agree.
    const sendTime = Math.max(opts.sendTime ?? ctx.now(), conv.latest_send_time);
    const row: MessageRow = {
      conversation_id: conversationID,
      seq,
      client_msg_id: out.clientMsgID,
      server_msg_id: ctx.newServerMsgID(),
      send_id: caller.userID,
      recv_id: out.sessionType === SessionType.Single ? out.recvID : '',
      group_id: out.sessionType === SessionType.Group ? out.groupID : '',
      session_type: out.sessionType,
      content_type: out.contentType,
      content: out.content,
      ex: out.ex ?? '',
      platform_id: caller.platformID,
      create_time: out.createTime,
      send_time: sendTime,
      sender_nickname: sender?.nickname ?? '',
      sender_face_url: sender?.face_url ?? '',
    };
    store.insertMessage(row);
    store.setConversationHead(conversationID, seq, sendTime);
    // Sending implies having read everything up to one's own message.
    store.setHasReadSeq(caller.userID, conversationID, seq);

    const updated = store.getConversation(conversationID)!;
    for (const p of participants) {
      log(p, { push: 'message.new', data: { message: toMessageItem(row, readStateFor(store, updated, p)) } });
      log(p, { push: 'conversation.changed', data: { conversation: conversationView(store, updated, p) } });
    }
    return toMessageItem(row, readStateFor(store, updated, caller.userID));
  });
}

export function markRead(ctx: DomainContext, readerID: string, conversationID: string, seq?: number): ConversationItem {
  const { store } = ctx;
  return ctx.mutate((log) => {
    const conv = resolveConversation(ctx, readerID, conversationID, false);
    if (!conv) throw notFound(conversationID);
    store.ensureUserConversation(readerID, conversationID);
    const old = store.getUserConversation(readerID, conversationID)?.has_read_seq ?? 0;
    const next = Math.max(old, Math.min(seq ?? conv.max_seq, conv.max_seq));
    if (next > old) {
      store.setHasReadSeq(readerID, conversationID, next);
      log(readerID, { push: 'conversation.changed', data: { conversation: conversationView(store, conv, readerID) } });
      if (conv.session_type === SessionType.Single) {
        log(peerOf(conv, readerID), {
          push: 'read.receipt',
          data: { conversationID, userID: readerID, hasReadSeq: next, readTime: ctx.now() },
        });
      }
    }
    return conversationView(store, conv, readerID);
  });
}

export interface CreateGroupInput {
  groupID: string;
  groupName: string;
  ownerUserID: string;
  /** Other members; the owner is added anyway. */
  memberUserIDs: string[];
  faceURL?: string;
  notification?: string;
  introduction?: string;
}

export function createGroup(ctx: DomainContext, input: CreateGroupInput): GroupInfo {
  const { store } = ctx;
  if (!ID_PATTERN.test(input.groupID)) throw new ImError(ErrorCode.InvalidArgument, `groupID "${input.groupID}" is not a valid ID`);
  const memberIDs = [...new Set([input.ownerUserID, ...input.memberUserIDs])];
  return ctx.mutate((log) => {
    if (store.getGroup(input.groupID)) throw new ImError(ErrorCode.InvalidArgument, `Group "${input.groupID}" already exists.`);
    for (const uid of memberIDs) if (!store.getUser(uid)) throw new ImError(ErrorCode.UserNotFound, `No user "${uid}".`);
    const now = ctx.now();
    store.insertGroup({
      group_id: input.groupID,
      group_name: input.groupName,
      notification: input.notification ?? '',
      introduction: input.introduction ?? '',
      face_url: input.faceURL ?? '',
      owner_user_id: input.ownerUserID,
      creator_user_id: input.ownerUserID,
      create_time: now,
      status: 0,
      group_type: 2,
      ex: '',
    });
    const conversationID = groupConversationID(input.groupID);
    store.insertConversation({ conversation_id: conversationID, session_type: SessionType.Group, group_id: input.groupID, user_a: '', user_b: '' });
    for (const uid of memberIDs) {
      store.addGroupMember(input.groupID, uid, uid === input.ownerUserID ? GroupRole.Owner : GroupRole.Member, now);
      store.ensureUserConversation(uid, conversationID);
    }
    const conv = store.getConversation(conversationID)!;
    for (const uid of memberIDs) {
      log(uid, { push: 'conversation.changed', data: { conversation: conversationView(store, conv, uid) } });
    }
    return toGroupInfo(store.getGroup(input.groupID)!, memberIDs.length);
  });
}

export function upsertUser(ctx: DomainContext, input: { userID: string; nickname?: string; faceURL?: string; ex?: string }): UserInfo {
  if (!ID_PATTERN.test(input.userID)) throw new ImError(ErrorCode.InvalidArgument, `userID "${input.userID}" is not a valid ID`);
  return ctx.mutate(() => toUserInfo(ctx.store.upsertUser(input, ctx.now())));
}

/** The ops that need no I/O beyond the store; `auth` is async and lives in server-core. */
export type SyncOpName = Exclude<OpName, 'auth'>;
type Handler<O extends SyncOpName> = (ctx: DomainContext, caller: Caller, data: OpRequest<O>) => OpResponse<O>;

export const handlers: { [O in SyncOpName]: Handler<O> } = {
  ...signalingHandlers,
  ...socialHandlers,
  ...groupHandlers,
  ...conversationHandlers,
  ping: (ctx) => ({ serverTime: ctx.now() }),
  ...messageHandlers,

  sync(ctx, caller, { since, limit = 100 }) {
    const { store } = ctx;
    return store.transaction(() => {
      const maxEventSeq = store.maxEventSeq(caller.userID);
      if (since > maxEventSeq) {
        throw new ImError(ErrorCode.SyncCursorInvalid, `since=${since} is ahead of the newest event (${maxEventSeq}).`);
      }
      const rows = store.listEventsAfter(caller.userID, since, limit + 1);
      const events = rows.slice(0, limit).map((r) => ({ push: r.type, seq: r.seq, data: JSON.parse(r.data) }) as PushFrame);
      return { events, maxEventSeq, hasMore: rows.length > limit };
    });
  },

  'conversation.list'(ctx, caller) {
    const { store } = ctx;
    // One transaction: the snapshot and maxEventSeq agree, so the client can sync from there.
    return store.transaction(() => {
      const conversations = store
        .listUserConversationIDs(caller.userID)
        .filter((id) => !socialStore(store).isHidden(caller.userID, id)) // deleted (hidden) ones stay out
        .map((id) => store.getConversation(id))
        .filter((c): c is ConversationRow => c !== undefined)
        .map((c) => conversationView(store, c, caller.userID))
        .sort(compareConversations);
      return { conversations, maxEventSeq: store.maxEventSeq(caller.userID) };
    });
  },

  'conversation.get'(ctx, caller, { conversationID }) {
    return ctx.mutate((log) => {
      const conv = resolveConversation(ctx, caller.userID, conversationID, true, log)!;
      socialStore(ctx.store).setHidden(caller.userID, conversationID, false); // opening a deleted (hidden) conversation brings it back
      return { conversation: conversationView(ctx.store, conv, caller.userID) };
    });
  },

  'message.send': (ctx, caller, { message }) => ({ message: sendMessage(ctx, caller, message) }),

  'message.history'(ctx, caller, { conversationID, beforeSeq, count }) {
    const { store } = ctx;
    return store.transaction(() => {
      const conv = resolveConversation(ctx, caller.userID, conversationID, false);
      if (!conv) return { messages: [], hasMore: false };
      const before = beforeSeq === 0 ? conv.max_seq + 1 : beforeSeq;
      const cleared = clearedSeqFor(store, caller.userID, conversationID); // "clear history" (handlers-conversations.ts)
      const rows = store.listMessagesBefore(conversationID, before, count + 1).filter((r) => r.seq > cleared);
      const read = readStateFor(store, conv, caller.userID);
      const messages = rows.slice(0, count).reverse().map((r) => toMessageItem(r, read));
      withGroupReads(ctx, conv, caller.userID, messages); // "read by N" on own group messages (handlers-messages.ts)
      return { messages, hasMore: rows.length > count };
    });
  },

  'conversation.markRead': (ctx, caller, { conversationID, seq }) => ({
    conversation: markRead(ctx, caller.userID, conversationID, seq),
  }),

  'user.get'(ctx, _caller, { userIDList }) {
    const wanted = [...new Set(userIDList)];
    const byID = new Map(ctx.store.getUsers(wanted).map((u) => [u.user_id, toUserInfo(u)]));
    return { users: wanted.flatMap((id) => byID.get(id) ?? []) };
  },
};
