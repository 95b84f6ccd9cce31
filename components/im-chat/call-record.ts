import { html, type TemplateResult } from 'lit';
import { parseCallRecord, type CallRecordContent } from '../../src/model/call.js';
import type { MessageItem } from '../../src/model/types.js';
import { phoneIcon, videoIcon } from '../im-call/call-icons.js';
import { formatClock, formatFull, isoTime } from '../shared/format.js';

/** "Video call · 02:13", "Missed voice call", … for a call record (contentType 1600), as the viewer sees it. */
export function callRecordText(record: CallRecordContent, selfID: string): string {
  const kind = record.mediaType === 'video' ? 'video call' : 'voice call';
  const Kind = kind[0]!.toUpperCase() + kind.slice(1);
  const mine = record.inviterUserID === selfID;
  switch (record.status) {
    case 'completed': {
      const s = record.duration;
      const d = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      return `${Kind} · ${s >= 3600 ? `${Math.floor(s / 3600)}:` : ''}${d}`;
    }
    case 'missed':
      return mine ? `${Kind} · no answer` : `Missed ${kind}`;
    case 'declined':
      return mine ? `${Kind} · declined` : `${Kind} · you declined`;
    case 'cancelled':
      return mine ? `${Kind} · cancelled` : `Missed ${kind} (cancelled)`;
    case 'busy':
      return mine ? `${Kind} · busy` : `Missed ${kind} (you were busy)`;
    default:
      return Kind;
  }
}

/**
 * A call record in the message log: a centred chip with the call kind, outcome,
 * duration and time. Missed calls to the viewer are shown in the danger colour.
 * Parts: `call-record` (plus `call-record-missed`), inside the row `message`.
 */
export function renderCallRecord(m: MessageItem, selfID: string): TemplateResult {
  const record = parseCallRecord(m.content);
  const text = record ? callRecordText(record, selfID) : 'Call';
  const missed = !!record && record.status !== 'completed' && record.inviterUserID !== selfID;
  return html`<div part="message call-record-row" data-msg-id=${m.clientMsgID} data-seq=${m.seq} style="display:flex;justify-content:center;padding:6px 0">
    <span
      part=${missed ? 'call-record call-record-missed' : 'call-record'}
      style="display:inline-flex;align-items:center;gap:8px;padding:6px 12px;border-radius:999px;background:var(--_im-color-bg-elevated, #f7f8fa);border:1px solid var(--_im-color-border, #e3e6ea);color:${missed ? 'var(--_im-color-danger, #d93025)' : 'var(--_im-color-text, inherit)'};font-size:0.92em"
      >${record?.mediaType === 'video' ? videoIcon() : phoneIcon()}<span>${text}</span
      ><time style="color:var(--_im-color-text-muted, #69707a);font-size:0.9em" datetime=${isoTime(m.sendTime)} title=${formatFull(m.sendTime)}
        >${formatClock(m.sendTime)}</time
      ></span
    >
  </div>`;
}
