import { html, type TemplateResult } from 'lit';
import { parseCallRecord, type CallRecordContent } from '../../src/model/call.js';
import type { MessageItem } from '../../src/model/types.js';
import { phoneIcon, videoIcon } from '../im-call/call-icons.js';
import { formatClock, formatFull, isoTime } from '../shared/format.js';
import { defaultMessageStrings, type MessageStrings } from './strings-messages.js';

/** Formats times in the chat's locale (a LocaleController fits). */
export interface CallRecordTimes {
  clock(t: number): string;
  full(t: number): string;
}

/** "Video call · 02:13", "Missed voice call", … for a call record (contentType 1600), as the viewer sees it, in the table's language. */
export function callRecordText(record: CallRecordContent, selfID: string, t: MessageStrings = defaultMessageStrings): string {
  const s = record.duration;
  const d = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const duration = `${s >= 3600 ? `${Math.floor(s / 3600)}:` : ''}${d}`;
  return t.callRecord({ video: record.mediaType === 'video', status: record.status, mine: record.inviterUserID === selfID, duration });
}

/**
 * A call record in the message log: a centred chip with the call kind, outcome,
 * duration and time. Missed calls to the viewer are shown in the danger colour.
 * Parts: `call-record` (plus `call-record-missed`), inside the row `message`.
 */
export function renderCallRecord(m: MessageItem, selfID: string, t: MessageStrings = defaultMessageStrings, times?: CallRecordTimes): TemplateResult {
  const record = parseCallRecord(m.content);
  const text = record ? callRecordText(record, selfID, t) : t.call;
  const missed = !!record && record.status !== 'completed' && record.inviterUserID !== selfID;
  return html`<div part="message call-record-row" data-msg-id=${m.clientMsgID} data-seq=${m.seq} style="display:flex;justify-content:center;padding:6px 0">
    <span
      part=${missed ? 'call-record call-record-missed' : 'call-record'}
      style="display:inline-flex;align-items:center;gap:8px;padding:6px 12px;border-radius:999px;background:var(--_im-color-bg-elevated, #f7f8fa);border:1px solid var(--_im-color-border, #e3e6ea);color:${missed ? 'var(--_im-color-danger, #d93025)' : 'var(--_im-color-text, inherit)'};font-size:0.92em"
      >${record?.mediaType === 'video' ? videoIcon() : phoneIcon()}<span>${text}</span
      ><time style="color:var(--_im-color-text-muted, #69707a);font-size:0.9em" datetime=${isoTime(m.sendTime)} title=${times ? times.full(m.sendTime) : formatFull(m.sendTime)}
        >${times ? times.clock(m.sendTime) : formatClock(m.sendTime)}</time
      ></span
    >
  </div>`;
}
