import { MessageFrom, MessageStatus, SessionType } from '../../src/model/enums.js';
import type { ConversationItem, GroupInfo, MessageItem, UserInfo } from '../../src/model/types.js';
import { withElems } from '../../src/model/elems.js';
import { DELETED_CONTENT_TYPE } from './migration-messages.js';
import type { ConversationRow, GroupRow, MessageRow, Store, UserRow } from './store.js';

/**
 * Turning rows into the wire shapes of src/model. A view is always for one
 * viewer: unread counts, read flags and the conversation's name depend on who looks.
 */

export function toUserInfo(u: UserRow): UserInfo {
  return {
    userID: u.user_id,
    nickname: u.nickname,
    faceURL: u.face_url,
    ex: u.ex,
    createTime: u.create_time,
    gender: u.gender ?? 0,
    birth: u.birth ?? 0,
    email: u.email ?? '',
    signature: u.signature ?? '',
  };
}

export function toGroupInfo(g: GroupRow, memberCount: number): GroupInfo {
  return {
    groupID: g.group_id,
    groupName: g.group_name,
    notification: g.notification,
    introduction: g.introduction,
    faceURL: g.face_url,
    ownerUserID: g.owner_user_id,
    creatorUserID: g.creator_user_id,
    createTime: g.create_time,
    memberCount,
    status: g.status,
    groupType: g.group_type,
    ex: g.ex,
    joinPolicy: g.join_policy ?? 0,
  };
}

/** The read state the viewer needs to decide each message's `isRead`. */
export interface ReadState {
  viewerID: string;
  /** Highest seq the viewer has read. */
  hasReadSeq: number;
  /** Highest seq the peer has read (one-to-one); 0 in groups, which have no receipts yet. */
  peerReadSeq: number;
}

export function toMessageItem(m: MessageRow, read: ReadState): MessageItem {
  // Own messages are "read" when the peer has read them; others' when the viewer has.
  const isRead = m.send_id === read.viewerID ? m.seq <= read.peerReadSeq : m.seq <= read.hasReadSeq;
  const item: MessageItem = {
    clientMsgID: m.client_msg_id,
    serverMsgID: m.server_msg_id,
    createTime: m.create_time,
    sendTime: m.send_time,
    sessionType: m.session_type as SessionType,
    sendID: m.send_id,
    recvID: m.recv_id,
    groupID: m.group_id,
    msgFrom: MessageFrom.User,
    contentType: m.content_type,
    platformID: m.platform_id,
    senderNickname: m.sender_nickname,
    senderFaceUrl: m.sender_face_url,
    seq: m.seq,
    isRead,
    status: MessageStatus.Succeeded,
    content: m.content,
    ex: m.ex,
    conversationID: m.conversation_id,
  };
  // Elems from content (issue 3); a message deleted for everyone (stored type 0) comes out deleted.
  if (m.content_type === DELETED_CONTENT_TYPE) item.status = MessageStatus.Deleted;
  return withElems(item, read.viewerID);
}

/** The peer of `viewerID` in a one-to-one conversation row. */
export function peerOf(c: ConversationRow, viewerID: string): string {
  return c.user_a === viewerID ? c.user_b : c.user_a;
}

export function readStateFor(store: Store, c: ConversationRow, viewerID: string): ReadState {
  const own = store.getUserConversation(viewerID, c.conversation_id);
  const peerReadSeq =
    c.session_type === SessionType.Single
      ? (store.getUserConversation(peerOf(c, viewerID), c.conversation_id)?.has_read_seq ?? 0)
      : 0;
  return { viewerID, hasReadSeq: own?.has_read_seq ?? 0, peerReadSeq };
}

/** The viewer's ConversationItem. The caller ensures the viewer takes part in `c`. */
export function conversationView(store: Store, c: ConversationRow, viewerID: string): ConversationItem {
  const own = store.getUserConversation(viewerID, c.conversation_id);
  const read = readStateFor(store, c, viewerID);
  let userID = '';
  let showName = '';
  let faceURL = '';
  if (c.session_type === SessionType.Single) {
    userID = peerOf(c, viewerID);
    const peer = store.getUser(userID);
    showName = peer?.nickname || userID;
    faceURL = peer?.face_url ?? '';
  } else {
    const g = store.getGroup(c.group_id);
    showName = g?.group_name || c.group_id;
    faceURL = g?.face_url ?? '';
  }
  const clearedSeq = own?.cleared_seq ?? 0;
  const latest = c.max_seq > clearedSeq ? store.getMessage(c.conversation_id, c.max_seq) : undefined;
  return {
    conversationID: c.conversation_id,
    conversationType: c.session_type as SessionType,
    userID,
    groupID: c.group_id,
    showName,
    faceURL,
    recvMsgOpt: (own?.recv_msg_opt ?? 0) as ConversationItem['recvMsgOpt'],
    unreadCount: store.countUnread(c.conversation_id, viewerID, Math.max(read.hasReadSeq, clearedSeq)),
    groupAtType: 0,
    latestMsg: latest ? toMessageItem(latest, read) : null,
    latestMsgSendTime: c.latest_send_time,
    draftText: '',
    draftTextTime: 0,
    isPinned: (own?.is_pinned ?? 0) !== 0,
    maxSeq: c.max_seq,
    hasReadSeq: read.hasReadSeq,
    peerReadSeq: read.peerReadSeq,
    ex: '',
  };
}

/** Pinned first, then the most recent activity: the order a conversation list shows. */
export function compareConversations(a: ConversationItem, b: ConversationItem): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  return b.latestMsgSendTime - a.latestMsgSendTime || a.conversationID.localeCompare(b.conversationID);
}
