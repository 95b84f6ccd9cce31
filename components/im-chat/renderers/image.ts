import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { MessageRenderContext } from './registry.js';
import { uploadOverlay, withURL, mediaURL } from './media.js';

/** Largest box a thumbnail takes in the chat (CSS px). */
const BOX = 240;

export function renderImage(ctx: MessageRenderContext) {
  const p = ctx.message.pictureElem;
  if (!p) return html`<span part="text">[${ctx.t.image}]</span>`;
  const w = p.snapshotPicture.width || p.sourcePicture.width || BOX;
  const h = p.snapshotPicture.height || p.sourcePicture.height || BOX;
  const scale = Math.min(1, BOX / Math.max(w, h));
  const size = { width: `${Math.max(40, Math.round(w * scale))}px`, aspectRatio: `${w} / ${h}` };
  const open = async () => {
    const original = await mediaURL(ctx, p.sourcePicture.url, p.sourcePath).catch(() => '');
    if (original) ctx.openImage(original, original, ctx.t.image);
  };
  return html`<div class="media image" style=${styleMap(size)}>
    ${withURL(
      ctx,
      p.snapshotPicture.url || p.sourcePicture.url,
      p.sourcePath,
      (src) => html`<button part="image-button" type="button" class="image-button" @click=${open} aria-label=${ctx.t.image}>
        <img part="image" src=${src} alt=${ctx.t.image} loading="lazy" decoding="async" />
      </button>`,
      html`<span class="media-placeholder" part="image-placeholder"></span>`,
    )}
    ${uploadOverlay(ctx)}
  </div>`;
}
