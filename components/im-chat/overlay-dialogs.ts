import { html, nothing, type TemplateResult } from 'lit';
import { messageSummary } from '../../src/model/elems.js';
import { trapTab } from '../shared/focus-trap.js';
import { formatFull } from '../shared/format.js';
import type { Overlay, OverlayHost } from './overlays.js';

/** The dialogs of `<im-chat>` (image viewer, merged-forward list, readers, forward target picker), loaded on first open (overlays.ts). */
function dialog(host: OverlayHost, label: string, body: TemplateResult, cls = ''): TemplateResult {
  return html`<div
    part="overlay"
    class="overlay ${cls}"
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
