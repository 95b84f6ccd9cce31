import { html } from 'lit';
import { parseJSON } from '../../../src/model/elems.js';
import { boxStyle, imageBox, videoBox } from './boxes.js';
import { formatDuration } from './format-bytes.js';
import type { MessageRenderContext } from './registry.js';

/*
 * What a media message shows while the media renderers load (the first media message of a
 * page): the classes and box of the rendered message, sized from the message's own data, so
 * the row keeps its size when the real content replaces it. They carry none of the real
 * message's parts (a host waiting for `[part~="image"]` waits for the real thing), only
 * `part="content-loading"`, and `aria-busy`.
 */

export function imagePlaceholder({ message, t }: MessageRenderContext) {
  const p = message.pictureElem;
  if (!p) return html`<span part="text">[${t.image}]</span>`;
  return html`<div part="content-loading" class="media image" style=${boxStyle(imageBox(p))} role="img" aria-label=${t.image} aria-busy="true">
    <span class="media-placeholder"></span>
  </div>`;
}

export function videoPlaceholder({ message, t }: MessageRenderContext) {
  const v = message.videoElem;
  if (!v) return html`<span part="text">[${t.video}]</span>`;
  return html`<div part="content-loading" class="media video" style=${boxStyle(videoBox(v))} role="img" aria-label=${t.video} aria-busy="true">
    <span class="media-placeholder"></span>
  </div>`;
}

export function voicePlaceholder(ctx: MessageRenderContext) {
  const { message, t } = ctx;
  const s = message.soundElem;
  if (!s) return html`<span part="text">[${t.voice}]</span>`;
  return html`<div part="content-loading" class="voice" aria-busy="true">
    <span class="voice-play" aria-hidden="true"></span>
    <span class="voice-track"></span>
    <span class="voice-time">${formatDuration(s.duration)}</span>
    ${!ctx.own && !ctx.isPlayed(message.clientMsgID) ? html`<span class="voice-dot"></span>` : ''}
  </div>`;
}

export function filePlaceholder({ message, t }: MessageRenderContext) {
  const f = message.fileElem;
  if (!f) return html`<span part="text">[${t.file}]</span>`;
  return html`<div part="content-loading" class="file" aria-busy="true">
    <span class="file-icon" aria-hidden="true"></span>
    <span class="file-info">
      <span class="file-name">${f.fileName}</span>
      <span class="file-size">${t.fileSize(f.fileSize)}</span>
    </span>
    <span style="width: 28px"></span>
  </div>`;
}

export function facePlaceholder({ message, t }: MessageRenderContext) {
  const f = message.faceElem;
  if (!f) return html`<span part="text">[${t.sticker}]</span>`;
  // A sticker image is 120×120 (face.ts); a big emoji is the same text either way.
  if (parseJSON<{ url?: string }>(f.data)?.url) return html`<span part="content-loading" class="face sticker" aria-busy="true"><span class="media-placeholder" style="width: 120px; height: 120px"></span></span>`;
  return html`<span part="content-loading" class="face emoji" role="img" aria-label=${f.data} aria-busy="true">${f.data}</span>`;
}
