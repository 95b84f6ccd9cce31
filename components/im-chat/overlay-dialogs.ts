import { css, html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { messageSummary } from '../../src/model/elems.js';
import { adoptStylesAt } from '../shared/adopt-styles.js';
import { trapTab } from '../shared/focus-keys.js';
import { formatFull } from '../shared/format.js';
import type { Overlay, OverlayHost } from './overlays.js';
// The English texts this part shows (the rest of the chat's table).
import './strings-messages-more.js';

/**
 * The dialogs' styles travel with their code: the first dialog rendered in a chat adds them to
 * that chat's shadow root (a constructed sheet, so a strict CSP allows it). The backdrop
 * (`.overlay`) stays in im-chat-messages.styles.ts, as it shows while this module loads.
 */
const dialogStyles = css`
  .dialog {
    display: flex;
    flex-direction: column;
    max-width: min(92%, 560px);
    max-height: 88%;
    min-width: 260px;
    border-radius: 12px;
    background: var(--_im-color-bg);
    color: var(--_im-color-text);
    overflow: hidden;
  }
  .image-overlay .dialog {
    max-width: 96%;
    max-height: 96%;
  }
  .dialog-head {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 10px 14px;
    border-bottom: 1px solid var(--_im-color-border);
  }
  .dialog-title {
    flex: 1 1 auto;
    font-weight: 600;
  }
  .dialog-close {
    border: 0;
    background: none;
    color: inherit;
    font-size: 16px;
    cursor: pointer;
  }
  .dialog-body {
    padding: 12px 14px;
    overflow: auto;
  }
  .viewer {
    overflow: auto;
    max-height: 70vh;
    display: grid;
    place-items: center;
    background: #111;
  }
  .viewer img {
    max-width: 100%;
    max-height: 70vh;
    transform-origin: center;
    transition: transform 0.15s;
  }
  .viewer-tools {
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: center;
    padding: 8px;
  }
  .viewer-tools button,
  .viewer-tools a {
    border: 1px solid var(--_im-color-border);
    border-radius: 14px;
    background: var(--_im-color-bg);
    color: var(--_im-color-text);
    font: inherit;
    font-size: 12.5px;
    padding: 3px 10px;
    cursor: pointer;
    text-decoration: none;
  }
  .merged-list,
  .readers,
  .forward-targets {
    list-style: none;
    margin: 0;
    padding: 0 14px 12px;
    overflow: auto;
  }
  .merged-list li {
    padding: 8px 0;
    border-bottom: 1px solid var(--_im-color-border);
  }
  .merged-sender {
    font-weight: 600;
    margin-inline-end: 8px;
  }
  .merged-time,
  .readers time {
    font-size: 11.5px;
    color: var(--_im-color-text-muted);
  }
  .merged-text {
    white-space: pre-wrap;
  }
  .readers li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 6px 0;
  }
  .forward-targets button {
    width: 100%;
    text-align: start;
    padding: 8px 10px;
    border: 0;
    border-radius: 8px;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .forward-targets button:hover {
    background: var(--_im-color-bg-elevated);
  }
`;

const adoptDialogStyles = (el: Element | undefined) => adoptStylesAt(el, dialogStyles);

/** The dialogs of `<im-chat>` (image viewer, merged-forward list, readers, forward target picker), loaded on first open (overlays.ts). */
function dialog(host: OverlayHost, label: string, body: TemplateResult, cls = ''): TemplateResult {
  return html`<div
    part="overlay"
    class="overlay ${cls}"
    ${ref(adoptDialogStyles)}
    @click=${(e: Event) => e.target === e.currentTarget && host.close()}
    @keydown=${(e: KeyboardEvent) => (e.key === 'Escape' ? host.close() : trapTab(e, (e.currentTarget as Element).getRootNode() as ShadowRoot, e.currentTarget as Element))}
  >
    <div part="dialog" class="dialog" role="dialog" aria-modal="true" aria-label=${label}>
      <div class="dialog-head">
        <span class="dialog-title">${label}</span>
        <button part="dialog-close" type="button" class="dialog-close" aria-label=${host.t.close} @click=${() => host.close()} autofocus>✕</button>
      </div>
      ${body}
    </div>
  </div>`;
}

export function renderDialog(o: Overlay, host: OverlayHost): TemplateResult {
  const t = host.t;
  switch (o.kind) {
    case 'image':
      return dialog(
        host,
        o.name,
        html`<div class="viewer" part="image-viewer">
            <img part="viewer-image" src=${o.src} alt=${o.name} style="transform: scale(${o.zoom})" />
          </div>
          <div class="viewer-tools">
            <button type="button" part="zoom-out" @click=${() => host.zoom(-0.25)} aria-label=${t.zoomOut}>−</button>
            <span>${Math.round(o.zoom * 100)}%</span>
            <button type="button" part="zoom-in" @click=${() => host.zoom(0.25)} aria-label=${t.zoomIn}>+</button>
            <a part="open-original" href=${o.original} target="_blank" rel="noopener" download>${t.openOriginal}</a>
          </div>`,
        'image-overlay',
      );
    case 'merged': {
      const m = o.message.mergeElem;
      return dialog(
        host,
        m?.title || t.chatHistory,
        html`<ol class="merged-list" part="merged-list">
          ${(m?.multiMessage ?? []).map(
            (x) => html`<li part="merged-item">
              <span class="merged-sender">${x.senderNickname || x.sendID}</span>
              <time class="merged-time">${(host.formatTime ?? formatFull)(x.sendTime)}</time>
              <div class="merged-text">${messageSummary(x)}</div>
            </li>`,
          )}
        </ol>`,
      );
    }
    case 'readers':
      return dialog(
        host,
        t.readers,
        o.loading
          ? html`<div class="dialog-body"><span class="spinner"></span></div>`
          : html`<div class="dialog-body">
              ${o.error ? html`<p role="alert">${o.error}</p>` : nothing}
              <ul class="readers" part="readers">
                ${o.readers.map((r) => html`<li part="reader">${r.nickname} <time>${(host.formatTime ?? formatFull)(r.readTime)}</time></li>`)}
              </ul>
              <p class="readers-unread">${t.unreadMembers(o.unread)}</p>
            </div>`,
      );
    case 'forward':
      return dialog(
        host,
        t.forwardTo,
        html`<div class="dialog-body">
          ${o.error ? html`<p role="alert">${o.error}</p>` : nothing}
          ${o.conversations === null
            ? html`<span class="spinner"></span>`
            : html`<ul class="forward-targets" part="forward-targets">
                ${o.conversations.map(
                  (c) => html`<li>
                    <button type="button" part="forward-target" data-conversation-id=${c.conversationID} @click=${() => host.forwardTo(c)}>
                      ${c.showName || c.conversationID}
                    </button>
                  </li>`,
                )}
              </ul>`}
        </div>`,
      );
  }
}
