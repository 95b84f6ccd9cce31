import { html, nothing, type TemplateResult } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import { RecvMsgOpt } from '../../src/model/enums.js';
import type { ConversationItem } from '../../src/model/types.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
import type { ImConversationAction, ImConversationActionDetail } from './im-conversation-list.component.js';

/** The parts of <im-conversation-list> the row menu reads (private there; the element casts itself). */
export interface ConversationMenuHost extends HTMLElement {
  menu: { id: string; x: number; y: number } | null;
  actionError: string | null;
  byID: Map<string, ConversationItem>;
  social: ImSocialStrings;
  renderRoot: HTMLElement | DocumentFragment;
  readonly clients: { client: ImClientApi | undefined };
  readonly updateComplete: Promise<boolean>;
  closeMenu(refocus: boolean): void;
  runAction(action: ImConversationAction, conversationID: string): Promise<boolean>;
}

/** `openMenu()`: the menu at `at` (a point inside the element), else under the row; focus on its first item once drawn. */
export async function openMenu(host: ConversationMenuHost, conversationID: string, at?: { x: number; y: number }): Promise<void> {
  let point = at;
  if (!point) {
    const row = host.renderRoot.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(conversationID)}"]`);
    const box = host.getBoundingClientRect();
    const r = row?.getBoundingClientRect();
    point = r ? { x: r.right - box.left - 8, y: r.bottom - box.top - 4 } : { x: 8, y: 8 };
  }
  host.actionError = null;
  host.menu = { id: conversationID, ...point };
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('[part~="menu-item"]')?.focus();
}

/** `runAction()`: tells the host page (which may cancel), then does it; false when cancelled or failed. */
export async function runAction(host: ConversationMenuHost, action: ImConversationAction, conversationID: string): Promise<boolean> {
  const client = host.clients.client;
  const conversation = host.byID.get(conversationID);
  if (!client || !conversation) return false;
  const go = host.dispatchEvent(
    new CustomEvent<ImConversationActionDetail>('im-conversation-action', {
      detail: { action, conversationID, conversation },
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
  if (!go) return false;
  try {
    await runConversationAction(client, action, conversationID);
    host.actionError = null;
    return true;
  } catch (err) {
    host.actionError = `${host.social.actionFailed}: ${(err as Error).message ?? String(err)}`;
    return false;
  }
}

/** What a row action does, through the client. */
export async function runConversationAction(client: ImClientApi, action: ImConversationAction, conversationID: string): Promise<void> {
  switch (action) {
    case 'pin':
    case 'unpin':
      await client.pinConversation({ conversationID, isPinned: action === 'pin' });
      break;
    case 'mute':
    case 'unmute':
      await client.setConversationRecvMessageOpt({ conversationID, opt: action === 'mute' ? RecvMsgOpt.NotNotify : RecvMsgOpt.Normal });
      break;
    case 'mark-read':
      await client.markConversationMessageAsRead(conversationID);
      break;
    case 'hide':
      await client.hideConversation(conversationID);
      break;
    case 'delete':
      await client.deleteConversationAndDeleteAllMsg(conversationID);
      break;
    case 'clear':
      await client.clearConversationAndDeleteAllMsg(conversationID);
      break;
  }
}

export function renderConversationMenu(host: ConversationMenuHost): TemplateResult | typeof nothing {
  const menu = host.menu;
  const c = menu ? host.byID.get(menu.id) : undefined;
  if (!menu || !c) return nothing;
  const s = host.social;
  const muted = c.recvMsgOpt !== RecvMsgOpt.Normal;
  const items: Array<[ImConversationAction, string, boolean?]> = [
    [c.isPinned ? 'unpin' : 'pin', c.isPinned ? s.unpin : s.pin],
    [muted ? 'unmute' : 'mute', muted ? s.unmute : s.mute],
    ['mark-read', s.markRead],
    ['clear', s.clearHistory],
    ['hide', s.hide],
    ['delete', s.deleteWithMessages, true],
  ];
  const box = host.getBoundingClientRect();
  // Keep the menu inside the element.
  const x = Math.max(4, Math.min(menu.x, box.width - 208));
  const y = Math.max(4, Math.min(menu.y, box.height - 250));
  return html`<div class="menu-backdrop" @click=${() => host.closeMenu(false)} @contextmenu=${(e: Event) => { e.preventDefault(); host.closeMenu(false); }}></div>
    <div part="menu" role="menu" aria-label=${s.actionsFor(c.showName || c.conversationID)} style="left:${x}px;top:${y}px" @keydown=${(e: KeyboardEvent) => onMenuKeyDown(host, e)}>
      ${items.map(
        ([action, label, danger]) =>
          html`<button part=${danger ? 'menu-item menu-item-danger' : 'menu-item'} role="menuitem" type="button" tabindex="-1" data-action=${action}
            @click=${() => { host.closeMenu(true); void host.runAction(action, c.conversationID); }}>${label}</button>`,
      )}
    </div>`;
}

function onMenuKeyDown(host: ConversationMenuHost, event: KeyboardEvent): void {
  const items = [...host.renderRoot.querySelectorAll<HTMLElement>('[part~="menu-item"]')];
  const index = items.indexOf(host.renderRoot.querySelector<HTMLElement>('[part~="menu-item"]:focus') as HTMLElement);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = items[(index + 1) % items.length];
      break;
    case 'ArrowUp':
      next = items[(index - 1 + items.length) % items.length];
      break;
    case 'Home':
      next = items[0];
      break;
    case 'End':
      next = items[items.length - 1];
      break;
    case 'Escape':
      event.preventDefault();
      event.stopPropagation();
      host.closeMenu(true);
      return;
    case 'Tab':
      host.closeMenu(false);
      return;
    default:
      return;
  }
  event.preventDefault();
  next?.focus();
}
