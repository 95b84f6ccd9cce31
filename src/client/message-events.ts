import type { MessageItem } from '../model/types.js';

/** A group read receipt: `userID` read these messages of mine. */
export interface GroupReadReceipt {
  conversationID: string;
  userID: string;
  clientMsgIDList: string[];
  readTime: number;
}

/** Events of message types and actions (issue 3), merged into ImEvents. */
export type MessageEvents = {
  /** OpenIM name: a message was recalled; the payload is its new form (contentType 111 with `revokedElem`). */
  onNewRecvMessageRevoked: MessageItem;
  /** imkit: upload progress of a media message being sent, 0–100 (OpenIM 000's `SendMessageProgress`). */
  onSendMessageProgress: { clientMsgID: string; progress: number; message: MessageItem };
  /** imkit: someone in a one-to-one chat is typing (`msgTip` '' when they stopped). Transient. */
  onTypingStatusUpdate: { conversationID: string; userID: string; msgTip: string };
  /** OpenIM name: members read my group messages. */
  onRecvGroupReadReceipt: GroupReadReceipt[];
  /** imkit: a message was deleted (for me, or for everyone by its sender). */
  onMessageDeleted: { conversationID: string; clientMsgID: string };
};
