import { html } from 'lit';
import { parseJSON } from '../../../src/model/elems.js';
import type { MessageRenderContext } from './registry.js';
import { safeHref } from './linkify.js';
import { withMediaStyles, withURL } from './media.js';

/** The room a sticker takes until its image URL is known. */
const STICKER_BOX = html`<span class="media-placeholder" style="width: 120px; height: 120px"></span>`;

/** A face: a big emoji, or a sticker image (`{ "url": … }`). */
export function renderFace(ctx: MessageRenderContext) {
  const f = ctx.message.faceElem;
  if (!f) return html`<span part="text">[${ctx.t.sticker}]</span>`;
  const sticker = parseJSON<{ url?: string }>(f.data);
  if (sticker?.url) {
    const url = sticker.url.startsWith('/api/files/') ? sticker.url : safeHref(sticker.url);
    if (url) {
      return html`<span part="face" class="face sticker" ${withMediaStyles}>${withURL(ctx, url.startsWith('/api/files/') ? url : '', url.startsWith('/api/files/') ? '' : url, (src) => html`<img src=${src} alt=${ctx.t.sticker} width="120" height="120" />`, STICKER_BOX)}</span>`;
    }
  }
  return html`<span part="face" class="face emoji" role="img" aria-label=${f.data}>${f.data}</span>`;
}
