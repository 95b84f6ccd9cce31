import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { adoptStyles } from './adopt-styles.js';
import type { ImStrings } from '../i18n/strings.js';
// The notice's English texts (the rest of the ImStrings table).
import '../i18n/strings-storage.js';
import type { ClientController } from './client-controller.js';

/**
 * The notice an element shows while the client's cache lives in memory
 * (IndexedDB refused, full or failing) or another tab upgraded it. The user can
 * dismiss it; when a reload is needed it offers one. The Reload button fires
 * `im-reload-request` (cancelable; the page reloads unless a listener prevents it).
 */
export function renderStorageNotice(host: LitElement, clients: ClientController, t: ImStrings): TemplateResult | typeof nothing {
  const notice = clients.storageNotice;
  if (!notice) return nothing;
  adoptStyles(host, storageNoticeStyles);
  const reload = () => {
    const event = new CustomEvent('im-reload-request', { detail: { reason: notice.reason }, bubbles: true, composed: true, cancelable: true });
    if (host.dispatchEvent(event)) location.reload();
  };
  return html`<div part="storage-notice" role="alert" data-reason=${notice.reason} title=${notice.message}>
    <span class="storage-notice-text">${notice.reloadRequired ? t.storageReloadNotice : t.storageMemoryNotice}</span>
    ${notice.reloadRequired ? html`<button type="button" part="storage-notice-reload" @click=${reload}>${t.reload}</button>` : nothing}
    <button type="button" part="storage-notice-dismiss" aria-label=${t.dismiss} title=${t.dismiss} @click=${() => clients.dismissStorageNotice()}>×</button>
  </div>`;
}

const storageNoticeStyles = css`
  [part~='storage-notice'] {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px 6px 14px;
    font-size: 12.5px;
    line-height: 1.35;
    background: var(--_im-color-warning-bg);
    color: var(--_im-color-warning-text);
    border-bottom: 1px solid var(--_im-color-border);
  }
  .storage-notice-text {
    flex: 1 1 auto;
    min-width: 0;
  }
  [part~='storage-notice'] button {
    flex: none;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 6px;
    padding: 2px 8px;
    cursor: pointer;
  }
  [part~='storage-notice-dismiss'] {
    border-color: transparent !important;
    font-size: 16px !important;
    line-height: 1;
  }
  [part~='storage-notice'] button:focus-visible {
    outline: 2px solid var(--_im-color-focus);
    outline-offset: 1px;
  }
`;
