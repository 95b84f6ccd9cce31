import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';
import { customRendererFor } from './registry.js';

/** Custom messages (110): a host's registered renderer for `data.type`, else the description as text. */
export function renderCustom(ctx: MessageRenderContext) {
  const c = ctx.message.customElem;
  const found = customRendererFor(ctx.message);
  if (found && c) {
    try {
      return found.render({ ...ctx, data: found.data, description: c.description, extension: c.extension });
    } catch {
      // A broken host renderer falls back to the safe text below.
    }
  }
  return html`<span part="text custom-fallback" class="fallback">${c?.description || ctx.t.unknownType(ctx.message.contentType)}</span>`;
}

/** Any content type nobody registered: a safe line of text. */
export function renderUnknown(ctx: MessageRenderContext) {
  return html`<span part="text unknown" class="fallback">${ctx.t.unknownType(ctx.message.contentType)}</span>`;
}
