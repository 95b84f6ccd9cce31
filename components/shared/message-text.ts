import { ContentType, MessageStatus } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import type { ImStrings } from '../i18n/strings.js';

/** Whether a message's body is plain text the chat shows as a bubble. */
export function isTextual(message: MessageItem): boolean {
  return message.contentType === ContentType.Text || message.contentType === ContentType.AtText;
}

/** The text a message shows in a one-line preview (conversation list) or, for text, in its bubble. */
export function messageText(message: MessageItem, strings: ImStrings): string {
  if (message.status === MessageStatus.Revoked || message.contentType === ContentType.Revoke) return strings.revoked;
  if (isTextual(message) || message.contentType === ContentType.Notification) {
    return message.textElem?.content ?? message.content ?? '';
  }
  return strings.unsupported(message.contentType);
}

/** A single line for previews: whitespace runs collapsed. */
export function previewLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
