import { ContentType, MessageStatus } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import { ELEM_FIELD, messageSummary } from '../../src/model/elems.js';
import type { ImStrings } from '../i18n/strings.js';

/** Whether a message's body is plain text the chat shows as a bubble. */
export function isTextual(message: MessageItem): boolean {
  return message.contentType === ContentType.Text || message.contentType === ContentType.AtText;
}

/** The text a message shows in a one-line preview (conversation list) or, for text, in its bubble. */
export function messageText(message: MessageItem, strings: ImStrings): string {
  if (message.status === MessageStatus.Deleted) return strings.revoked;
  // "Alice recalled a message" (the elem names who).
  if (message.contentType === ContentType.Revoke) return message.revokedElem ? messageSummary(message) : strings.revoked;
  if (message.status === MessageStatus.Revoked) return strings.revoked;
  if (message.contentType === ContentType.Text) return message.textElem?.content ?? message.content ?? '';
  if (ELEM_FIELD[message.contentType] || message.contentType === ContentType.Notification) {
    return messageSummary(message) || message.content || '';
  }
  return strings.unsupported(message.contentType);
}

/** A single line for previews: whitespace runs collapsed. */
export function previewLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
