import { AT_ALL } from '../model/elems.js';
import { ContentType, MessageStatus } from '../model/enums.js';
import type { ConversationItem, MessageItem } from '../model/types.js';
import type { PushFrame } from '../protocol/frames.js';
import type { ImCache } from '../store/cache.js';
import type { Emission } from './apply-events.js';

type MessageEventFrame = Extract<PushFrame, { push: 'message.revoked' | 'message.deleted' | 'group.read.receipt' }>;

/** Applies the logged message-action events (recall, delete for everyone, group reads) to the cache. */
export async function applyMessageEvent(cache: ImCache, selfID: string, event: MessageEventFrame): Promise<Emission[]> {
  const out: Emission[] = [];
  switch (event.push) {
    case 'message.revoked': {
      const incoming = event.data.message;
      const local = await cache.getMessage(incoming.clientMsgID);
      // Deleted here stays deleted here; otherwise it becomes the "recalled" notice.
      const message: MessageItem = local?.status === MessageStatus.Deleted ? { ...incoming, status: MessageStatus.Deleted } : incoming;
      await cache.putMessages([message]);
      out.push({ type: 'onMessageUpdated', payload: message });
      out.push({ type: 'onNewRecvMessageRevoked', payload: message });
      break;
    }
    case 'message.deleted': {
      const local = await cache.getMessage(event.data.clientMsgID);
      if (local) {
        const message = { ...local, status: MessageStatus.Deleted, content: '' };
        await cache.putMessages([message]);
        out.push({ type: 'onMessageUpdated', payload: message });
      }
      out.push({ type: 'onMessageDeleted', payload: { conversationID: event.data.conversationID, clientMsgID: event.data.clientMsgID } });
      break;
    }
    case 'group.read.receipt': {
      const { userID, clientMsgIDList } = event.data;
      for (const id of clientMsgIDList) {
        const m = await cache.getMessage(id);
        if (!m || m.sendID !== selfID) continue;
        const info = m.attachedInfoElem?.groupHasReadInfo ?? { hasReadUserIDList: [], hasReadCount: 0 };
        if (info.hasReadUserIDList.includes(userID)) continue;
        const list = [...info.hasReadUserIDList, userID];
        const next: MessageItem = { ...m, attachedInfoElem: { groupHasReadInfo: { hasReadUserIDList: list, hasReadCount: list.length } } };
        await cache.putMessages([next]);
        out.push({ type: 'onMessageUpdated', payload: next });
      }
      out.push({ type: 'onRecvGroupReadReceipt', payload: [event.data] });
      break;
    }
  }
  return out;
}

/**
 * OpenIM `groupAtType` for the list's "mentioned you" mark: 1 @me, 2 @all,
 * 3 both. The server keeps no per-user mention state, so the client derives it
 * from the unread messages it saw and keeps it until the conversation is read.
 */
export function mentionType(message: MessageItem | null | undefined, selfID: string): number {
  if (!message || message.contentType !== ContentType.AtText || message.sendID === selfID) return 0;
  const list = message.atTextElem?.atUserList ?? [];
  return (list.includes(selfID) ? 1 : 0) | (list.includes(AT_ALL) ? 2 : 0);
}

/** The groupAtType to keep when the server's view of a conversation replaces the local one. */
export function mergeGroupAtType(server: ConversationItem, local: ConversationItem | undefined, selfID?: string): number {
  if (server.unreadCount <= 0) return 0;
  const fromLatest = selfID && server.latestMsg && server.latestMsg.seq > server.hasReadSeq ? mentionType(server.latestMsg, selfID) : 0;
  return (server.groupAtType | (local?.groupAtType ?? 0) | fromLatest) & 3;
}
