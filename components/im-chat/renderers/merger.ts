import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';

/** A merged forward: a card with the title and the first lines; tapping opens the list. */
export function renderMerger(ctx: MessageRenderContext) {
  const m = ctx.message.mergeElem;
  if (!m) return html`<span part="text">[${ctx.t.chatHistory}]</span>`;
  return html`<button part="merger" type="button" class="merger" @click=${() => ctx.openMerged(ctx.message)}>
    <span class="merger-title">${m.title || ctx.t.chatHistory}</span>
    ${m.abstractList.slice(0, 4).map((line) => html`<span class="merger-line">${line}</span>`)}
    <span class="merger-foot">${ctx.t.chatHistory} · ${ctx.t.chatHistoryOf(m.multiMessage.length)}</span>
  </button>`;
}
