import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';
import { boxStyle, videoBox } from './boxes.js';
import { mediaURL, uploadOverlay, withMediaStyles, withURL } from './media.js';

/** Poster frame and duration; tapping plays inline with the browser's controls. */
export function renderVideo(ctx: MessageRenderContext) {
  const v = ctx.message.videoElem;
  if (!v) return html`<span part="text">[${ctx.t.video}]</span>`;
  const size = videoBox(v);
  const play = async (e: Event) => {
    const box = (e.currentTarget as HTMLElement).closest('.video') as HTMLElement;
    const src = await mediaURL(ctx, v.videoUrl, v.videoPath).catch(() => '');
    if (!src || !box) return;
    const video = document.createElement('video');
    video.controls = true;
    video.playsInline = true;
    video.src = src;
    video.setAttribute('part', 'video-player');
    // The player goes into a slot Lit does not manage; the poster is hidden, not removed.
    const slot = box.querySelector('.video-slot');
    const poster = box.querySelector<HTMLElement>('.video-poster');
    if (!slot || !poster) return;
    slot.replaceChildren(video);
    poster.hidden = true;
    void video.play().catch(() => undefined);
  };
  return html`<div class="media video" part="video" style=${boxStyle(size)} ${withMediaStyles}>
    <button type="button" class="video-poster" part="video-poster" @click=${play} aria-label="${ctx.t.play} ${ctx.t.video}">
      ${v.snapshotUrl || v.snapshotPath
        ? withURL(ctx, v.snapshotUrl, v.snapshotPath, (src) => html`<img src=${src} alt="" />`, html``)
        : ''}
      <span class="video-play" aria-hidden="true">▶</span>
      <span class="video-duration" part="video-duration">${ctx.t.duration(v.duration)}</span>
    </button>
    <div class="video-slot"></div>
    ${uploadOverlay(ctx)}
  </div>`;
}
