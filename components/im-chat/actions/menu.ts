import { ContentType, MessageStatus } from '../../../src/model/enums.js';
import type { MessageItem } from '../../../src/model/types.js';
import type { MessageStrings } from '../strings-messages.js';

export type MessageActionID = 'reply' | 'copy' | 'forward' | 'select' | 'recall' | 'delete-me' | 'delete-all' | 'readers';

export interface MessageActionItem {
  id: MessageActionID;
  label: string;
  danger?: boolean;
}

export interface ActionRules {
  own: boolean;
  isGroup: boolean;
  /** Group owner or admin. */
  isManager: boolean;
  /** Recall window in ms (the server enforces it; the menu only hides the item once it passed). */
  revokeWindowMs: number;
  now: number;
}

const CONTENTFUL: number[] = [
  ContentType.Text,
  ContentType.AtText,
  ContentType.Picture,
  ContentType.Voice,
  ContentType.Video,
  ContentType.File,
  ContentType.Location,
  ContentType.Custom,
  ContentType.Face,
  ContentType.Quote,
  ContentType.Merger,
];

/** The actions a message offers, in menu order. */
export function actionsFor(m: MessageItem, rules: ActionRules, t: MessageStrings): MessageActionItem[] {
  const sent = m.status === MessageStatus.Succeeded && m.seq > 0;
  const content = CONTENTFUL.includes(m.contentType);
  const out: MessageActionItem[] = [];
  if (sent && content) out.push({ id: 'reply', label: t.reply });
  if (content && (m.contentType === ContentType.Text || m.contentType === ContentType.AtText || m.contentType === ContentType.Quote || m.contentType === ContentType.Location)) {
    out.push({ id: 'copy', label: t.copy });
  }
  if (sent && content) out.push({ id: 'forward', label: t.forward });
  if (content) out.push({ id: 'select', label: t.select });
  if (sent && rules.own && rules.isGroup) out.push({ id: 'readers', label: t.readers });
  const canRecall = sent && content && ((rules.own && rules.now - m.sendTime <= rules.revokeWindowMs) || (rules.isGroup && rules.isManager));
  if (canRecall) out.push({ id: 'recall', label: t.recall });
  out.push({ id: 'delete-me', label: t.deleteForMe, danger: true });
  if (sent && content && (rules.own || (rules.isGroup && rules.isManager))) out.push({ id: 'delete-all', label: t.deleteForEveryone, danger: true });
  return out;
}

/** The text copied for a message. */
export function copyText(m: MessageItem): string {
  switch (m.contentType) {
    case ContentType.AtText:
      return m.atTextElem?.text ?? '';
    case ContentType.Quote:
      return m.quoteElem?.text ?? '';
    case ContentType.Location: {
      const l = m.locationElem;
      return l ? `${l.description} (${l.latitude}, ${l.longitude})` : '';
    }
    default:
      return m.textElem?.content ?? m.content;
  }
}
