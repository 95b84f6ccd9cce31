import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import type { ConnectionState } from '../../src/client/events.js';
import { LoginStatus, RecvMsgOpt, SessionType } from '../../src/model/enums.js';
import type { ConversationItem } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import type { ImStrings } from '../i18n/strings.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { isoTime } from '../shared/format.js';
import { LocaleController } from '../shared/locale-controller.js';
import { renderStorageNotice } from '../shared/storage-notice.js';
import { chatIcon, muteIcon, pinIcon } from '../shared/icons.js';
import { messageText, previewLine } from '../shared/message-text.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-conversation-list.styles.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
import { moreIcon } from '../shared/social-icons.js';
import { importOnce, loadedLater } from '../shared/lazy.js';
import type { ConversationMenuHost } from './conversation-menu.js';
import { sweepRowMarkers } from '../shared/row-markers.js';

/** The row menu (template, keys, what its items do) loads with the first menu opened. */
const menuCode = importOnce(() => import('./conversation-menu.js'));
const menuTemplate = loadedLater(() => menuCode().then((m) => m.renderConversationMenu));

/** What the row menu can do to a conversation. */
export type ImConversationAction = 'pin' | 'unpin' | 'mute' | 'unmute' | 'mark-read' | 'hide' | 'delete' | 'clear';

export interface ImConversationActionDetail {
  action: ImConversationAction;
  conversationID: string;
  conversation: ConversationItem;
}

export interface ImConversationSelectDetail {
  conversationID: string;
  conversation: ConversationItem;
}

const NOT_LOGGED_IN = 2001;

/** Rows are never shorter than the two text lines (name, preview + badge) need. */
const TEXT_LINES_HEIGHT = 44;
/** A row's vertical padding (8px top and bottom). */
const ROW_PADDING = 16;

/**
 * Rows rendered beyond each edge of the viewport, so a fast scroll or a keypress finds the
 * next rows already there (about a screenful in total at the default row height).
 */
const OVERSCAN = 8;

/** The rows to render: `first` up to (not including) `last`. */
interface RowWindow {
  first: number;
  last: number;
}

/** Pinned first, then the newest activity first; ties by ID so the order is stable. */
function listOrder(a: ConversationItem, b: ConversationItem): number {
  if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
  const at = a.latestMsgSendTime || a.draftTextTime || 0;
  const bt = b.latestMsgSendTime || b.draftTextTime || 0;
  if (at !== bt) return bt - at;
  return a.conversationID < b.conversationID ? -1 : a.conversationID > b.conversationID ? 1 : 0;
}

/**
 * @summary The user's conversations, newest first, with previews, times and unread counts.
 *
 * Paints from the client's cache at once, then follows `onConversationChanged` /
 * `onNewConversation`. A listbox: ArrowUp/ArrowDown/Home/End move focus, Enter or
 * Space (or a click) selects.
 *
 * @event im-reload-request - The storage notice's Reload was pressed; cancelable (the page reloads unless prevented). `detail: { reason }`.
 * @event im-conversation-select - A conversation was chosen. `detail: { conversationID, conversation }`.
 *   Cancelable: call `preventDefault()` to keep the current selection.
 * @event im-conversation-action - A row action (pin, mute, mark read, hide, delete, clear) was chosen from the row menu.
 *   `detail: { action, conversationID, conversation }`. Cancelable: `preventDefault()` stops the action (e.g. to ask first).
 * @event im-unread-change - The total unread count changed. `detail: { total }` (muted "do not receive" chats excluded).
 *
 * @slot header - Above the list (a title, a search box, …).
 * @slot empty - Replaces the built-in "no conversations" message.
 *
 * @csspart storage-notice - The notice shown while the cache lives in memory or another tab upgraded it (with `storage-notice-reload`, `storage-notice-dismiss`).
 * @csspart base - The wrapper of everything.
 * @csspart banner - The connection notice shown while not connected.
 * @csspart list - The scrolling listbox.
 * @csspart item - One conversation row; also `item-selected`, `item-unread`, `item-pinned`.
 * @csspart avatar - A row's avatar.
 * @csspart name - A row's name.
 * @csspart time - A row's time of the latest message.
 * @csspart preview - A row's last-message preview.
 * @csspart preview-sender - "You: " / "Name: " in front of the preview.
 * @csspart preview-draft - "Draft: " in front of an unsent draft.
 * @csspart preview-mention - "[You were mentioned]" / "[@All]" on a group with an unread @mention of you.
 * @csspart badge - A row's unread count; also `badge-muted` for muted conversations.
 * @csspart skeleton - The placeholder rows shown while loading.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart actions-button - A row's "⋯" button that opens its menu (shown on hover, focus and selection).
 * @csspart menu - The row menu (also opened by right-click, the context-menu key or Shift+F10).
 * @csspart menu-item - One item of the row menu.
 * @csspart action-error - The notice shown when a row action failed.
 *
 * @cssprop --im-color-bg - Background.
 * @cssprop --im-color-bg-hover - Row background on hover.
 * @cssprop --im-color-bg-selected - Background of the selected row.
 * @cssprop --im-color-text - Names.
 * @cssprop --im-color-text-muted - Previews and times.
 * @cssprop --im-color-badge - Unread badge.
 * @cssprop --im-color-badge-muted - Unread badge of a muted conversation.
 * @cssprop --im-radius - Row corner radius.
 * @cssprop --im-font-family - Font stack.
 */
export class ImConversationList extends LitElement {
  static override styles = [styles];
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    client: { attribute: false },
    selected: { reflect: true },
    theme: { reflect: true },
    locale: { reflect: true },
    avatarSize: { type: Number, attribute: 'avatar-size' },
    strings: { attribute: false },
    socialStrings: { attribute: false },
    noActions: { type: Boolean, attribute: 'no-actions' },
    sorted: { state: true },
    loaded: { state: true },
    synced: { state: true },
    error: { state: true },
    connection: { state: true },
    focusedID: { state: true },
    selfID: { state: true },
    menu: { state: true },
    actionError: { state: true },
  };

  /** The client to use; otherwise the one from the nearest `<im-provider>`. */
  client: ImClientApi | undefined;

  /** The selected conversation's ID. */
  selected: string | null = null;

  /** `light`, `dark` or `auto` (follows the OS); defaults to the provider's theme, else light. */
  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;

  /** Avatar size in pixels. */
  avatarSize = 46;

  /** Replacement texts (i18n). */
  strings: Partial<ImStrings> | undefined;

  /** Replacement texts of the row menu (i18n). */
  socialStrings: Partial<ImSocialStrings> | undefined;

  /** Hides the row menu and its "⋯" buttons. */
  noActions = false;

  /** The total unread count, as last reported by the client. */
  get totalUnread(): number {
    return this.total;
  }

  /** The conversations shown, in display order. */
  get conversations(): readonly ConversationItem[] {
    return this.sorted;
  }

  private sorted: ConversationItem[] = [];
  private loaded = false;
  private synced = false;
  private error: { code: number; message: string } | null = null;
  private connection: ConnectionState = 'idle';
  private focusedID: string | null = null;
  private selfID = '';
  private menu: { id: string; x: number; y: number } | null = null;
  private actionError: string | null = null;
  private total = 0;

  private readonly byID = new Map<string, ConversationItem>();
  /** IDs changed by events while a full load was in flight: the load must not overwrite them. */
  private touchedDuringLoad: Set<string> | null = null;
  private loadGeneration = 0;
  private clockTimer: ReturnType<typeof setInterval> | undefined;

  private readonly clients = new ClientController(this, {
    handlers: {
      onConversationChanged: (list) => this.upsert(list),
      onNewConversation: (list) => this.upsert(list),
      onConversationDeleted: ({ conversationID }) => this.removeRow(conversationID),
      onTotalUnreadMessageCountChanged: (total) => {
        this.total = total;
        this.dispatchEvent(new CustomEvent('im-unread-change', { detail: { total }, bubbles: true, composed: true }));
      },
      onConnectionStateChanged: (s) => {
        this.connection = s;
        // 'connected' comes after the catch-up; any other state means the server cannot answer now.
        if (s !== 'connecting' && s !== 'idle') this.synced = true;
      },
      onSyncServerFinish: () => {
        this.synced = true;
      },
      onSyncServerFailed: () => {
        this.synced = true;
      },
      onLoginStatusChanged: ({ status }) => {
        if (status === LoginStatus.Logged) void this.load();
        else if (status === LoginStatus.Logout) this.reset();
      },
    },
    attached: (client) => {
      this.reset();
      this.connection = client.connectionState;
      void this.load();
    },
    detached: () => this.reset(),
  });

  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  /** The height of every row: the avatar or the two text lines, whichever is taller, plus padding. */
  private get rowHeight(): number {
    return Math.max(this.avatarSize, TEXT_LINES_HEIGHT) + ROW_PADDING;
  }

  /*
   * Windowing. Every row has the same height (rowHeight), so row i sits at i × rowHeight and
   * the rows in view follow from the list's scrollTop and height alone — no measuring of rows.
   * The listbox holds one spacer as tall as all rows; only the rows in view ± OVERSCAN (plus
   * the roving-focus row, so focus survives a scroll away) are in the DOM, absolutely placed.
   * This replaced @lit-labs/virtualizer, which handles rows of any height and measured about
   * 8 kB min+gzip in a list + chat page against under 1 kB for this (see README, Performance).
   */
  /** The listbox's scrollTop and height as last seen (scroll events, a ResizeObserver). */
  private listScrollTop = 0;
  private listHeight = 0;
  /** The window of the last render, to skip renders for scrolls that stay inside it. */
  private rendered: RowWindow = { first: 0, last: 0 };
  private observedList: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("Mon", "10:32") go stale; re-render once a minute.
    this.clockTimer = setInterval(() => this.requestUpdate(), 60_000);
    // Back in the document: updated() observes the listbox again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clockTimer);
    this.resizeObserver?.disconnect();
    this.observedList = null;
  }

  private get listElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  /** The rows in view ± OVERSCAN for the current scroll position and height. */
  private rowWindow(count: number): RowWindow {
    const h = this.rowHeight;
    // Before the first measurement the listbox is at most as tall as the element (or the window).
    const height = this.listHeight || this.clientHeight || window.innerHeight;
    return {
      first: Math.max(0, Math.floor(this.listScrollTop / h) - OVERSCAN),
      last: Math.min(count, Math.ceil((this.listScrollTop + height) / h) + OVERSCAN),
    };
  }

  /** Reads the listbox's scroll position and size; renders again if that moves the window. */
  private readonly measureList = (): void => {
    const list = this.listElement;
    if (!list) return;
    this.listScrollTop = list.scrollTop;
    this.listHeight = list.clientHeight;
    const next = this.rowWindow(this.sorted.length);
    if (next.first !== this.rendered.first || next.last !== this.rendered.last) this.requestUpdate();
  };

  protected override updated(): void {
    // The listbox is a new element after the skeleton or the empty state: follow that one.
    const list = this.listElement;
    if (list?.firstElementChild) sweepRowMarkers(list.firstElementChild);
    if (list === this.observedList) return;
    this.resizeObserver ??= new ResizeObserver(this.measureList);
    this.resizeObserver.disconnect();
    this.observedList = list;
    if (list) {
      this.resizeObserver.observe(list);
      this.measureList();
    }
  }

  /** Reloads the list from the client (what the error state's Retry does). */
  async reload(): Promise<void> {
    await this.load();
  }

  private reset(): void {
    this.loadGeneration++;
    this.byID.clear();
    this.sorted = [];
    this.loaded = false;
    this.synced = false;
    this.error = null;
    this.selfID = '';
    this.touchedDuringLoad = null;
  }

  private async load(): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    const generation = ++this.loadGeneration;
    this.error = null;
    this.touchedDuringLoad = new Set();
    try {
      const list = await client.getAllConversationList();
      if (generation !== this.loadGeneration) return;
      const touched = this.touchedDuringLoad ?? new Set<string>();
      this.touchedDuringLoad = null;
      for (const c of list) if (!touched.has(c.conversationID)) this.byID.set(c.conversationID, c);
      this.selfID = safeSelf(client);
      this.loaded = true;
      if (client.connectionState !== 'connecting' && client.connectionState !== 'idle') this.synced = true;
      this.resort();
    } catch (err) {
      if (generation !== this.loadGeneration) return;
      this.touchedDuringLoad = null;
      const e = err as { code?: number; message?: string };
      // Not logged in yet: onLoginStatusChanged will load again.
      if (e.code === NOT_LOGGED_IN) return;
      this.error = { code: e.code ?? 0, message: e.message ?? String(err) };
    }
  }

  private upsert(list: ConversationItem[]): void {
    for (const c of list) {
      this.byID.set(c.conversationID, c);
      this.touchedDuringLoad?.add(c.conversationID);
    }
    if (!this.selfID && this.clients.client) this.selfID = safeSelf(this.clients.client);
    this.loaded = true;
    this.error = null;
    this.resort();
  }

  private removeRow(conversationID: string): void {
    if (!this.byID.delete(conversationID)) return;
    if (this.menu?.id === conversationID) this.menu = null;
    if (this.focusedID === conversationID) this.focusedID = null;
    this.resort();
  }

  private get social(): ImSocialStrings {
    return this.i18n.social(this.socialStrings);
  }

  /** Opens the row menu of a conversation (at a point inside the element, or under the row). */
  openMenu(conversationID: string, at?: { x: number; y: number }): void {
    if (this.noActions || !this.byID.has(conversationID)) return;
    // Where it opens and what it shows: conversation-menu.ts, which loads with the first menu.
    void menuCode().then((m) => m.openMenu(this as unknown as ConversationMenuHost, conversationID, at));
  }

  private closeMenu(refocus: boolean): void {
    const id = this.menu?.id;
    this.menu = null;
    if (refocus && id) this.focusRow(id);
  }

  /** Runs a row action (what the menu items do). Resolves false when cancelled or failed. */
  runAction(action: ImConversationAction, conversationID: string): Promise<boolean> {
    return menuCode().then((m) => m.runAction(this as unknown as ConversationMenuHost, action, conversationID), () => false);
  }

  private onContextMenu(event: MouseEvent): void {
    if (this.noActions) return;
    const row = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
    const id = row?.dataset['conversationId'];
    if (!id) return;
    event.preventDefault();
    const box = this.getBoundingClientRect();
    this.focusedID = id;
    this.openMenu(id, { x: event.clientX - box.left, y: event.clientY - box.top });
  }

  private renderMenu(): TemplateResult | typeof nothing {
    if (!this.menu) return nothing;
    return menuTemplate(this.rerender)?.(this as unknown as ConversationMenuHost) ?? nothing;
  }

  /** Bound once: the menu's code calls it when it has arrived. */
  private readonly rerender = () => this.requestUpdate();

  private resort(): void {
    this.sorted = [...this.byID.values()].sort(listOrder);
  }

  private get text(): ImStrings {
    return this.i18n.strings(this.strings);
  }

  /** Selects a conversation as if the user had chosen it (fires `im-conversation-select`). */
  select(conversationID: string): boolean {
    const conversation = this.byID.get(conversationID);
    if (!conversation) return false;
    const ok = this.dispatchEvent(
      new CustomEvent<ImConversationSelectDetail>('im-conversation-select', {
        detail: { conversationID, conversation },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    if (ok) this.selected = conversationID;
    this.focusedID = conversationID;
    return ok;
  }

  /** Focuses the current row (the selected one, else the first). */
  override focus(options?: FocusOptions): void {
    const id = this.rovingID;
    const row = id ? this.rowElement(id) : null;
    if (row) row.focus(options);
    else if (id) this.focusRow(id);
    else super.focus(options);
  }

  private rowElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`);
  }

  /** Scrolls a row into view (rendering it and its neighbours); resolves with it once it is there. */
  private async revealRow(id: string): Promise<HTMLElement | null> {
    await this.updateComplete;
    const index = this.sorted.findIndex((c) => c.conversationID === id);
    const list = this.listElement;
    if (index < 0 || !list) return null;
    // Where the row is follows from its index: scroll the least that shows it whole ("nearest").
    const h = this.rowHeight;
    const top = index * h;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + h > list.scrollTop + list.clientHeight) list.scrollTop = top + h - list.clientHeight;
    this.measureList();
    await this.updateComplete;
    return this.rowElement(id);
  }

  private get rovingID(): string | null {
    const ids = this.sorted;
    if (this.focusedID && this.byID.has(this.focusedID)) return this.focusedID;
    if (this.selected && this.byID.has(this.selected)) return this.selected;
    return ids[0]?.conversationID ?? null;
  }

  private focusRow(id: string): void {
    this.focusedID = id;
    void this.revealRow(id).then((row) => {
      if (row && this.focusedID === id) row.focus({ preventScroll: true });
    });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const ids = this.sorted.map((c) => c.conversationID);
    if (ids.length === 0) return;
    const current = this.rovingID;
    const index = current ? ids.indexOf(current) : -1;
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = ids[Math.min(ids.length - 1, index + 1)];
        break;
      case 'ArrowUp':
        next = ids[Math.max(0, index - 1)];
        break;
      case 'Home':
        next = ids[0];
        break;
      case 'End':
        next = ids[ids.length - 1];
        break;
      case 'Enter':
      case ' ':
        if (current) {
          event.preventDefault();
          this.select(current);
        }
        return;
      case 'ContextMenu':
      case 'F10':
        if (current && (event.key === 'ContextMenu' || event.shiftKey)) {
          event.preventDefault();
          this.openMenu(current);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.focusRow(next);
  }

  private onClick(event: MouseEvent): void {
    const more = (event.target as Element).closest<HTMLElement>('[part~="actions-button"]');
    if (more) {
      event.stopPropagation();
      const id = more.closest<HTMLElement>('[data-conversation-id]')?.dataset['conversationId'];
      if (id) this.openMenu(id);
      return;
    }
    const row = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
    const id = row?.dataset['conversationId'];
    if (id) this.select(id);
  }

  /** The listbox itself got focus (a click between rows, a script): move focus to the roving row. */
  private onListFocus(event: FocusEvent): void {
    if (event.target !== event.currentTarget) return;
    const id = this.rovingID;
    if (id) this.focusRow(id);
  }

  private onFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
    const id = row?.dataset['conversationId'];
    if (id && id !== this.focusedID) this.focusedID = id;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) this.focusedID = null;
  }

  private renderBanner(): TemplateResult | typeof nothing {
    if (!this.clients.client || this.connection === 'connected' || this.connection === 'idle') return nothing;
    const busy = this.connection === 'connecting' || this.connection === 'reconnecting';
    return html`<div part="banner" role="status">
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
      <span>${this.text.connection[this.connection]}</span>
    </div>`;
  }

  private renderRow(c: ConversationItem, index: number, count: number, roving: string | null, now: number): TemplateResult {
    const t = this.text;
    const selected = c.conversationID === this.selected;
    const muted = c.recvMsgOpt !== RecvMsgOpt.Normal;
    const unread = c.unreadCount > 0;
    const isGroup = c.conversationType === SessionType.Group;
    const name = c.showName || c.userID || c.groupID || c.conversationID;
    const parts = ['item', selected && 'item-selected', unread && 'item-unread', c.isPinned && 'item-pinned']
      .filter(Boolean)
      .join(' ');
    const m = c.latestMsg;
    let sender: string | null = null;
    let preview = '';
    if (c.draftText && !selected) {
      preview = previewLine(c.draftText);
    } else if (m) {
      preview = previewLine(messageText(m, t));
      if (m.contentType !== 1400) {
        if (this.selfID && m.sendID === this.selfID) sender = t.you;
        else if (isGroup) sender = m.senderNickname || m.sendID;
      }
    }
    const time = c.latestMsgSendTime || m?.sendTime || 0;
    const id = `c-${c.conversationID}`;
    return html`<div
      id=${id}
      part=${parts}
      role="option"
      aria-selected=${selected ? 'true' : 'false'}
      aria-setsize=${count}
      aria-posinset=${index + 1}
      tabindex=${c.conversationID === roving ? 0 : -1}
      data-conversation-id=${c.conversationID}
      style="top:${index * this.rowHeight}px;height:${this.rowHeight}px"
    >
      ${avatar({ id: c.userID || c.groupID || c.conversationID, name, faceURL: c.faceURL, size: this.avatarSize, group: isGroup })}
      <div class="main">
        <div class="row">
          <span part="name">${name}</span>
          <span class="flags">
            ${c.isPinned ? html`<span title=${t.pinned}>${pinIcon()}<span class="sr-only">${t.pinned}</span></span>` : nothing}
            ${muted ? html`<span title=${t.muted}>${muteIcon()}<span class="sr-only">${t.muted}</span></span>` : nothing}
          </span>
          <span class="spacer"></span>
          ${time
            ? html`<time part="time" datetime=${isoTime(time)} title=${this.i18n.full(time)}>${this.i18n.listTime(time, now)}</time>`
            : nothing}
        </div>
        <div class="row">
          <span part="preview"
            >${unread && c.groupAtType & 3
              ? html`<span part="preview-mention" style="color: var(--_im-color-danger, #d93025); font-weight: 600">${c.groupAtType & 1 ? t.mentionedYou : t.mentionedAll} </span>`
              : nothing}${c.draftText && !selected
              ? html`<span part="preview-draft">${t.draft}: </span>`
              : sender
                ? html`<span part="preview-sender">${sender}: </span>`
                : nothing}${preview}</span
          >
          ${unread
            ? html`<span part=${muted ? 'badge badge-muted' : 'badge'}
                ><span aria-hidden="true">${this.i18n.badge(c.unreadCount)}</span
                ><span class="sr-only">${t.unread(c.unreadCount)}</span></span
              >`
            : nothing}
        </div>
      </div>
      ${this.noActions
        ? nothing
        : // A pointer shortcut only: an interactive control inside role=option is invisible to screen readers
          // (axe nested-interactive); keyboard and AT users open the same menu with the context-menu key or Shift+F10.
          html`<span part="actions-button" aria-hidden="true" title=${this.social.actionsFor(name)}>${moreIcon()}</span>`}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" role="status" aria-busy="true" aria-label=${this.text.conversationsLabel}>
      ${[0.7, 0.5, 0.8, 0.6, 0.55, 0.75].map(
        (w) =>
          html`<div class="skeleton-row">
            <span class="skeleton-avatar"></span>
            <span class="skeleton-lines"
              ><span style="width:${w * 60}%"></span><span style="width:${w * 100}%"></span
            ></span>
          </div>`,
      )}
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.text;
    const client = this.clients.client;
    let body: TemplateResult;
    const live = this.connection === 'connecting' || this.connection === 'connected' || this.connection === 'reconnecting';
    if (this.error && this.sorted.length === 0) {
      body = html`<div part="error" role="alert">
        <span class="title">${t.loadFailed}</span>
        <span>${this.error.message}</span>
        <button part="retry-button" type="button" @click=${() => void this.reload()}>${t.retry}</button>
      </div>`;
    } else if (!client || !this.loaded || (this.sorted.length === 0 && !this.synced && live)) {
      body = this.renderSkeleton();
    } else if (this.sorted.length === 0) {
      body = html`<div part="empty">
        <slot name="empty">
          <span class="empty-icon">${chatIcon()}</span>
          <span class="title">${t.noConversations}</span>
          <span>${t.noConversationsHint}</span>
        </slot>
      </div>`;
    } else {
      const roving = this.rovingID;
      const now = Date.now();
      const sorted = this.sorted;
      const count = sorted.length;
      // Windowed: only the rows near the viewport are in the DOM (hence aria-setsize/aria-posinset),
      // plus the roving row wherever it is, so Tab always has a row to land on and focus is kept.
      const shown = (this.rendered = this.rowWindow(count));
      const indices: number[] = [];
      const rovingIndex = roving ? sorted.findIndex((c) => c.conversationID === roving) : -1;
      if (rovingIndex >= 0 && rovingIndex < shown.first) indices.push(rovingIndex);
      for (let i = shown.first; i < shown.last; i++) indices.push(i);
      if (rovingIndex >= shown.last) indices.push(rovingIndex);
      body = html`<div
        part="list"
        role="listbox"
        aria-label=${t.conversationsLabel}
        tabindex="-1"
        style="min-height: 0"
        @keydown=${this.onKeyDown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
        @focus=${this.onListFocus}
        @contextmenu=${this.onContextMenu}
        @scroll=${this.measureList}
      >
        <div class="rows" style="height:${count * this.rowHeight}px">
          ${repeat(
            indices,
            (i) => sorted[i]!.conversationID,
            (i) => this.renderRow(sorted[i]!, i, count, roving, now),
          )}
        </div>
      </div>`;
    }
    return html`<div part="base">
      <slot name="header"></slot>
      ${this.renderBanner()} ${renderStorageNotice(this, this.clients, this.text)} ${body}
      ${this.actionError ? html`<div part="action-error" role="alert">${this.actionError}<button type="button" aria-label="×" @click=${() => (this.actionError = null)}>×</button></div>` : nothing}
      ${this.renderMenu()}
    </div>`;
  }
}

function safeSelf(client: ImClientApi): string {
  try {
    return client.getLoginUserID();
  } catch {
    return '';
  }
}
