import { html, type TemplateResult } from 'lit';
import type { MessageItem } from '../../src/model/types.js';
import { loadedLater } from '../shared/lazy.js';
import type { MessageStrings } from './strings-messages.js';

/** Formats times in the chat's locale (a LocaleController fits). */
export interface CallRecordTimes {
  clock(t: number): string;
  full(t: number): string;
}

/** The chip of a call record (inline: the record is drawn outside the bubble styles). */
export const CHIP_STYLE =
  'display:inline-flex;align-items:center;gap:8px;padding:6px 12px;border-radius:999px;background:var(--_im-color-bg-elevated, #f7f8fa);border:1px solid var(--_im-color-border, #e3e6ea);font-size:0.92em';

/** The row around a call record's chip: a message row (`data-msg-id`, `data-seq`), centred. */
export function callRecordRow(m: MessageItem, chip: unknown): TemplateResult {
  return html`<div part="message call-record-row" data-msg-id=${m.clientMsgID} data-seq=${m.seq} style="display:flex;justify-content:center;padding:6px 0">${chip}</div>`;
}

type ChipRenderer = (m: MessageItem, selfID: string, t: MessageStrings, times?: CallRecordTimes) => TemplateResult;

/** The record's text and icons are imported with the first call record a chat shows. */
const chip = loadedLater<ChipRenderer>(() => import('./call-record-view.js').then((v) => v.callRecordChip));

/**
 * A call record (contentType 1600) in the message log: a centred chip with the call kind,
 * outcome, duration and time (call-record-view.ts), in the table's language. Until that code
 * is in, an empty chip of the same height with no `call-record` part stands in for it,
 * and `requestUpdate` (the host's re-render) is called once it has arrived.
 */
export function renderCallRecord(
  m: MessageItem,
  selfID: string,
  t: MessageStrings,
  times?: CallRecordTimes,
  requestUpdate: () => void = () => undefined,
): TemplateResult {
  const chipOf = chip(requestUpdate);
  if (chipOf) return callRecordRow(m, chipOf(m, selfID, t, times));
  return callRecordRow(
    m,
    html`<span part="call-record-loading" style=${CHIP_STYLE} aria-busy="true"><span style="display:inline-block;width:22px;height:22px"></span></span>`,
  );
}
