import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { until } from 'lit/directives/until.js';
import { MessageStatus } from '../../../src/model/enums.js';
import { adoptStylesAt } from '../../shared/adopt-styles.js';
import mediaStyles from './media.styles.js';
// The English texts this part shows (the rest of the chat's table).
import '../strings-messages-more.js';
import type { MessageRenderContext } from './registry.js';

/**
 * On the root node of every media message: the first one a chat renders adds media.styles.ts
 * to that chat's shadow root (once; before the frame is painted).
 */
export const withMediaStyles = ref((el) => adoptStylesAt(el, mediaStyles));

/**
 * The URL to show for a media file: the sender's local copy while it is being
 * sent, else the server file fetched with the token (an object URL, cached by
 * the client for the page's life).
 */
export function mediaURL(ctx: MessageRenderContext, serverURL: string, localURL: string): Promise<string> {
  const m = ctx.message;
  const local = localURL && (m.status === MessageStatus.Sending || m.status === MessageStatus.Failed || !serverURL);
  if (local) return Promise.resolve(localURL);
  if (!serverURL) return Promise.reject(new Error('no file'));
  if (!ctx.client) return Promise.reject(new Error('no client'));
  return ctx.client.getFileURL(serverURL);
}

const resolved = new Map<string, string>();

/** Renders `fn(url)` once the URL is known; a placeholder before, a broken-file note on failure. */
export function withURL(
  ctx: MessageRenderContext,
  serverURL: string,
  localURL: string,
  fn: (url: string) => TemplateResult,
  placeholder: TemplateResult,
): unknown {
  // Once known, render synchronously: a re-render must not swap the element (it would stop a playing audio).
  const key = `${serverURL}\n${localURL}\n${localURL && ctx.message.status !== MessageStatus.Succeeded ? 'local' : 'server'}`;
  const known = resolved.get(key);
  if (known) return fn(known);
  return until(
    mediaURL(ctx, serverURL, localURL).then(
      (url) => {
        resolved.set(key, url);
        return fn(url);
      },
      () => html`<span part="media-missing" class="media-missing">⚠︎</span>`,
    ),
    placeholder,
  );
}

/** The progress bar and cancel button over a media message being uploaded. */
export function uploadOverlay(ctx: MessageRenderContext): TemplateResult | typeof nothing {
  const m = ctx.message;
  if (m.status !== MessageStatus.Sending || ctx.progress === undefined) return nothing;
  const p = Math.round(ctx.progress);
  return html`<div part="upload" class="upload">
    <progress part="upload-progress" max="100" .value=${p} aria-label=${ctx.t.uploading(p)}></progress>
    <span class="upload-text">${ctx.t.uploading(p)}</span>
    <button part="upload-cancel" type="button" @click=${() => ctx.cancelUpload(m.clientMsgID)}>${ctx.t.cancelUpload}</button>
  </div>`;
}
