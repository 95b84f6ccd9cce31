import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';

/** Group tips and system notices (1400): the readable line the server wrote. */
export function renderNotice(ctx: MessageRenderContext) {
  const n = ctx.message.notificationElem;
  return html`${n?.defaultTips || ctx.message.content}`;
}

/** A recalled message (111): "X recalled a message" ("You recalled a message" for one's own). */
export function renderRevoked(ctx: MessageRenderContext) {
  const r = ctx.message.revokedElem;
  if (!r) return html`${ctx.strings.revoked}`;
  return html`${r.revokerID === ctx.selfID ? ctx.t.youRecalled : ctx.t.recalledBy(r.revokerNickname || r.revokerID)}`;
}
