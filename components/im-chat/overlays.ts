import { html, nothing, type TemplateResult } from 'lit';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import { loadedLater } from '../shared/lazy.js';
import type { MessageStrings } from './strings-messages.js';

/** The dialogs of `<im-chat>`: image viewer, merged-forward list, readers, forward target picker. */
export type Overlay =
  | { kind: 'image'; src: string; original: string; name: string; zoom: number }
  | { kind: 'merged'; message: MessageItem }
  | { kind: 'readers'; message: MessageItem; loading: boolean; readers: { userID: string; nickname: string; readTime: number }[]; unread: number; error?: string }
  | { kind: 'forward'; messages: MessageItem[]; merged: boolean; conversations: ConversationItem[] | null; error?: string };

export interface OverlayHost {
  t: MessageStrings;
  /** Full date and time in the element's locale (default: the runtime's). */
  formatTime?: (t: number) => string;
  close(): void;
  zoom(delta: number): void;
  forwardTo(conversation: ConversationItem): void;
  /** Re-renders the host (called once the dialogs' code has arrived). */
  requestUpdate(): void;
}

/** The dialogs' templates are imported when one first opens: a chat that never opens one does not download them. */
const dialogs = loadedLater(() => import('./overlay-dialogs.js').then((m) => m.renderDialog));

export function renderOverlay(o: Overlay | null, host: OverlayHost): unknown {
  if (!o) return nothing;
  const renderDialog = dialogs(host.requestUpdate);
  if (renderDialog) return renderDialog(o, host);
  // The backdrop at once (with a spinner); the dialog replaces it as soon as its code is in.
  return html`<div class="overlay" aria-busy="true" @click=${() => host.close()}><span class="spinner"></span></div>`;
}
