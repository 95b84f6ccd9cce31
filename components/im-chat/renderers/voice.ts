import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';
import { uploadOverlay, withMediaStyles, withURL } from './media.js';

/** A voice message: play/pause, progress, duration; unplayed ones by others carry a dot until played. */
export function renderVoice(ctx: MessageRenderContext) {
  const s = ctx.message.soundElem;
  if (!s) return html`<span part="text">[${ctx.t.voice}]</span>`;
  const unplayed = !ctx.own && !ctx.isPlayed(ctx.message.clientMsgID);
  const toggle = (e: Event) => {
    const root = (e.currentTarget as HTMLElement).closest('.voice')!;
    const audio = root.querySelector('audio');
    if (!audio) return;
    if (audio.paused) {
      void audio.play().catch(() => undefined);
      ctx.markPlayed(ctx.message.clientMsgID);
    } else audio.pause();
  };
  const sync = (e: Event) => {
    const audio = e.currentTarget as HTMLAudioElement;
    const root = audio.closest('.voice') as HTMLElement | null;
    if (!root) return;
    const total = Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : s.duration || 1;
    root.style.setProperty('--im-voice-progress', String(Math.min(1, audio.currentTime / total)));
    root.classList.toggle('playing', !audio.paused && !audio.ended);
    const btn = root.querySelector('button');
    btn?.setAttribute('aria-label', audio.paused ? ctx.t.play : ctx.t.pause);
    const time = root.querySelector('.voice-time');
    if (time) time.textContent = ctx.t.duration(audio.paused && audio.currentTime === 0 ? s.duration : audio.currentTime);
  };
  return html`<div part="voice" class="voice ${unplayed ? 'unplayed' : ''}" ${withMediaStyles}>
    <button part="voice-play" type="button" class="voice-play" aria-label=${ctx.t.play} @click=${toggle}>
      <svg class="icon-play" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M8 5v14l11-7z"/></svg>
      <svg class="icon-pause" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M6 5h4v14H6zm8 0h4v14h-4z"/></svg>
    </button>
    <span class="voice-track" part="voice-progress"><span class="voice-fill"></span></span>
    <span class="voice-time" part="voice-duration" .textContent=${ctx.t.duration(s.duration)}></span>
    ${unplayed ? html`<span class="voice-dot" part="voice-unplayed" aria-label=${ctx.t.unplayed}></span>` : ''}
    ${withURL(
      ctx,
      s.sourceUrl,
      s.soundPath,
      (src) => html`<audio preload="metadata" src=${src} @timeupdate=${sync} @play=${sync} @pause=${sync} @ended=${sync}></audio>`,
      html``,
    )}
    ${uploadOverlay(ctx)}
  </div>`;
}
