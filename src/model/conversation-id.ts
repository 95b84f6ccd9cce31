import { SessionType } from './enums.js';

/**
 * Conversation IDs as in OpenIM v3: `si_<a>_<b>` with the two user IDs sorted,
 * so both sides name the conversation alike, and `sg_<groupID>` for groups.
 * User and group IDs never contain `_` (see ID_PATTERN), so the form is unambiguous.
 */
export function singleConversationID(a: string, b: string): string {
  return a < b ? `si_${a}_${b}` : `si_${b}_${a}`;
}

export function groupConversationID(groupID: string): string {
  return `sg_${groupID}`;
}

export function conversationIDOf(sessionType: SessionType, selfID: string, sourceID: string): string {
  return sessionType === SessionType.Group ? groupConversationID(sourceID) : singleConversationID(selfID, sourceID);
}

/** The peer or group a conversation ID names, from the point of view of `selfID`. */
export function parseConversationID(
  conversationID: string,
  selfID: string,
): { sessionType: SessionType; userID: string; groupID: string } | null {
  if (conversationID.startsWith('sg_')) {
    const groupID = conversationID.slice(3);
    return ID_PATTERN.test(groupID) ? { sessionType: SessionType.Group, userID: '', groupID } : null;
  }
  if (conversationID.startsWith('si_')) {
    const parts = conversationID.slice(3).split('_');
    if (parts.length !== 2 || !parts.every((p) => ID_PATTERN.test(p))) return null;
    const [a, b] = parts as [string, string];
    if (a !== selfID && b !== selfID) return null;
    return { sessionType: SessionType.Single, userID: a === selfID ? b : a, groupID: '' };
  }
  return null;
}

/** User and group IDs: 1–64 characters of letters, digits, `.`, `-` and `@`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.@-]{0,63}$/;
