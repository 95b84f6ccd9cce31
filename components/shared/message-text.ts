import { ContentType, MessageStatus } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import { ELEM_FIELD, messageSummary, parseJSON } from '../../src/model/elems.js';
import type { ImStrings } from '../i18n/strings.js';

/** Whether a message's body is plain text the chat shows as a bubble. */
export function isTextual(message: MessageItem): boolean {
  return message.contentType === ContentType.Text || message.contentType === ContentType.AtText;
}

/** The text a message shows in a one-line preview (conversation list) or, for text, in its bubble. */
export function messageText(message: MessageItem, strings: ImStrings): string {
  if (message.status === MessageStatus.Deleted) return strings.revoked;
  // "Alice recalled a message" (the elem names who).
  if (message.contentType === ContentType.Revoke) return localizedPreview(message, strings) ?? strings.revoked;
  if (message.status === MessageStatus.Revoked) return strings.revoked;
  if (message.contentType === ContentType.Text) return message.textElem?.content ?? message.content ?? '';
  const localized = localizedPreview(message, strings);
  if (localized !== undefined) return localized;
  if (ELEM_FIELD[message.contentType] || message.contentType === ContentType.Notification) {
    return messageSummary(message) || message.content || '';
  }
  return strings.unsupported(message.contentType);
}

/** The preview of a media message in the viewer's language (`[图片]`, `[File] report.pdf`); undefined for text-like types. */
function localizedPreview(message: MessageItem, strings: ImStrings): string | undefined {
  const type = message.contentType;
  const e = parseJSON<Record<string, unknown>>(message.content);
  const str = (k: string) => (e && typeof e[k] === 'string' ? (e[k] as string) : '');
  switch (type) {
    case ContentType.Picture:
    case ContentType.Voice:
    case ContentType.Video:
      return strings.preview(type, '');
    case ContentType.File:
      return strings.preview(type, str('fileName'));
    case ContentType.Location:
      return strings.preview(type, str('description'));
    case ContentType.Merger:
      return strings.preview(type, str('title'));
    case ContentType.Custom:
      return str('description') || strings.preview(type, '');
    case ContentType.Face: {
      const data = str('data');
      return data && !data.startsWith('{') ? data : strings.preview(type, '');
    }
    case ContentType.Revoke:
      return message.revokedElem ? strings.recalled(str('revokerNickname') || str('revokerID')) : undefined;
    default:
      return undefined;
  }
}

/** A single line for previews: whitespace runs collapsed. */
export function previewLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
