import { html, type TemplateResult } from 'lit';
import { parseCallRecord, type CallRecordContent } from '../../src/model/call.js';
import type { MessageItem } from '../../src/model/types.js';
import { phoneIcon, videoIcon } from '../im-call/call-icons.js';
import { CHIP_STYLE, callRecordTime } from './call-record.js';

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
 * The chip of a call record (loaded on first use, see call-record.ts): the call kind, outcome,
 * duration and time. Missed calls to the viewer are shown in the danger colour.
 * Parts: `call-record` (plus `call-record-missed`), inside the row `message`.
 */
export function callRecordChip(m: MessageItem, selfID: string): TemplateResult {
  const record = parseCallRecord(m.content);
  const text = record ? callRecordText(record, selfID) : 'Call';
  const missed = !!record && record.status !== 'completed' && record.inviterUserID !== selfID;
  return html`<span part=${missed ? 'call-record call-record-missed' : 'call-record'} style="${CHIP_STYLE};color:${missed ? 'var(--_im-color-danger, #d93025)' : 'var(--_im-color-text, inherit)'}"
    >${record?.mediaType === 'video' ? videoIcon() : phoneIcon()}<span>${text}</span>${callRecordTime(m)}</span
  >`;
}
