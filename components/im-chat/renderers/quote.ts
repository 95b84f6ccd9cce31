import { html } from 'lit';
import { messageSummary } from '../../../src/model/elems.js';
import type { MessageRenderContext } from './registry.js';
import { linkify } from './linkify.js';

/** A reply: the quoted message (tap to jump to it) above the reply text. */
export function renderQuote(ctx: MessageRenderContext) {
  const q = ctx.message.quoteElem;
  if (!q) return html`<span part="text">${ctx.message.content}</span>`;
  const quoted = q.quoteMessage;
  return html`<button
      part="quote"
      type="button"
      class="quote"
      @click=${() => ctx.jumpTo(quoted.clientMsgID, quoted.seq)}
      title=${ctx.t.reply}
    >
      <span class="quote-sender">${quoted.senderNickname || quoted.sendID}</span>
      <span class="quote-text">${messageSummary(quoted)}</span>
    </button>
    <span part="text">${linkify(q.text)}</span>`;
}
