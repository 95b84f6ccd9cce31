import { AT_ALL } from '../model/elems.js';
import { ContentType } from '../model/enums.js';
import type { ConversationItem, MessageItem } from '../model/types.js';

// The "mentioned you" mark, which every conversation update needs. Apart from
// apply-message-events.ts, which apply-events.ts imports on the first recall, delete or
// group read receipt.

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
