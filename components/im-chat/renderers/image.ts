import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';
import { boxStyle, imageBox } from './boxes.js';
import { uploadOverlay, withMediaStyles, withURL, mediaURL } from './media.js';

export function renderImage(ctx: MessageRenderContext) {
  const p = ctx.message.pictureElem;
  if (!p) return html`<span part="text">[${ctx.t.image}]</span>`;
  const size = imageBox(p);
  const open = async () => {
    const original = await mediaURL(ctx, p.sourcePicture.url, p.sourcePath).catch(() => '');
    if (original) ctx.openImage(original, original, ctx.t.image);
  };
  return html`<div class="media image" style=${boxStyle(size)} ${withMediaStyles}>
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
