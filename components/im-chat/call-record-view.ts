import { html, type TemplateResult } from 'lit';
import type { CallRecordContent } from '../../src/model/call.js';
import { parseCallRecord } from '../../src/model/call-record.js';
import type { MessageItem } from '../../src/model/types.js';
import { phoneIcon, videoIcon } from '../im-call/call-icons.js';
import { formatClock, formatFull, isoTime } from '../shared/format.js';
import { CHIP_STYLE, type CallRecordTimes } from './call-record.js';
import { englishMessageStrings } from './strings-messages-more.js';
import type { MessageStrings } from './strings-messages.js';

/** "Video call · 02:13", "Missed voice call", … for a call record (contentType 1600), as the viewer sees it, in the table's language. */
export function callRecordText(record: CallRecordContent, selfID: string, t: MessageStrings = englishMessageStrings): string {
  const s = record.duration;
  const d = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const duration = `${s >= 3600 ? `${Math.floor(s / 3600)}:` : ''}${d}`;
  return t.callRecord({ video: record.mediaType === 'video', status: record.status, mine: record.inviterUserID === selfID, duration });
}

/**
 * The chip of a call record (loaded on first use, see call-record.ts): the call kind, outcome,
 * duration and time. Missed calls to the viewer are shown in the danger colour.
 * Parts: `call-record` (plus `call-record-missed`), inside the row `message`.
 */
export function callRecordChip(m: MessageItem, selfID: string, t: MessageStrings = englishMessageStrings, times?: CallRecordTimes): TemplateResult {
  const record = parseCallRecord(m.content);
  const text = record ? callRecordText(record, selfID, t) : t.call;
  const missed = !!record && record.status !== 'completed' && record.inviterUserID !== selfID;
  return html`<span part=${missed ? 'call-record call-record-missed' : 'call-record'} style="${CHIP_STYLE};color:${missed ? 'var(--_im-color-danger, #d93025)' : 'var(--_im-color-text, inherit)'}"
    >${record?.mediaType === 'video' ? videoIcon() : phoneIcon()}<span>${text}</span>${callRecordTime(m, times)}</span
  >`;
}

export function callRecordTime(m: MessageItem, times?: CallRecordTimes): TemplateResult {
  return html`<time style="color:var(--_im-color-text-muted, #69707a);font-size:0.9em" datetime=${isoTime(m.sendTime)} title=${times ? times.full(m.sendTime) : formatFull(m.sendTime)}
    >${times ? times.clock(m.sendTime) : formatClock(m.sendTime)}</time
  >`;
}
