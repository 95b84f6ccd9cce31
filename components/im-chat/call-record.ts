import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import type { MessageItem } from '../../src/model/types.js';
import { formatClock, formatFull, isoTime } from '../shared/format.js';
import { importOnce } from './renderers/lazy.js';

/** The chip of a call record (inline: the record is drawn outside the bubble styles). */
export const CHIP_STYLE =
  'display:inline-flex;align-items:center;gap:8px;padding:6px 12px;border-radius:999px;background:var(--_im-color-bg-elevated, #f7f8fa);border:1px solid var(--_im-color-border, #e3e6ea);font-size:0.92em';

/** The row around a call record's chip: a message row (`data-msg-id`, `data-seq`), centred. */
export function callRecordRow(m: MessageItem, chip: unknown): TemplateResult {
  return html`<div part="message call-record-row" data-msg-id=${m.clientMsgID} data-seq=${m.seq} style="display:flex;justify-content:center;padding:6px 0">${chip}</div>`;
}

export function callRecordTime(m: MessageItem): TemplateResult {
  return html`<time style="color:var(--_im-color-text-muted, #69707a);font-size:0.9em" datetime=${isoTime(m.sendTime)} title=${formatFull(m.sendTime)}>${formatClock(m.sendTime)}</time>`;
}

/** The record's text and icons are imported with the first call record a chat shows. */
const view = importOnce(() => import('./call-record-view.js'));
let chipOf: ((m: MessageItem, selfID: string) => TemplateResult) | null = null;

/**
 * A call record (contentType 1600) in the message log: a centred chip with the call kind,
 * outcome, duration and time (call-record-view.ts). Until that code is in, a chip of the
 * same height with the time and no `call-record` part stands in for it.
 */
export function renderCallRecord(m: MessageItem, selfID: string): TemplateResult {
  if (chipOf) return callRecordRow(m, chipOf(m, selfID));
  const stand = html`<span part="call-record-loading" style=${CHIP_STYLE} aria-busy="true"><span style="display:inline-block;width:22px;height:22px"></span>${callRecordTime(m)}</span>`;
  return callRecordRow(
    m,
    until(
      view()
        .then((v) => (chipOf = v.callRecordChip)(m, selfID))
        .catch(() => stand),
      stand,
    ),
  );
}
