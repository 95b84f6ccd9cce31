import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import type { ConnectionState } from '../../src/client/events.js';
import { parseConversationID } from '../../src/model/conversation-id.js';
import { ContentType, LoginStatus, MessageStatus, SessionType } from '../../src/model/enums.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import { resolveStrings, type ImStrings } from '../i18n/strings.js';
import { avatar, hueOf } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { formatClock, formatDayLabel, formatFull, isoTime, isSameDay, startOfDay } from '../shared/format.js';
import { alertIcon, arrowDownIcon, chatIcon, clockIcon, doubleTickIcon, retryIcon, sendIcon, tickIcon } from '../shared/icons.js';
import { messageText } from '../shared/message-text.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-chat.styles.js';
import { renderCallRecord } from './call-record.js';
import { CALL_RECORD_CONTENT_TYPE } from '../../src/model/call.js';

export interface ImMessageSentDetail {
  message: MessageItem;
}
export interface ImMessageFailedDetail {
  /** The failed message, or null when it could not even be created (e.g. too long). */
  message: MessageItem | null;
  error: { code: number; message: string };
}

const NOT_LOGGED_IN = 2001;
/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 32;
/** Start loading older messages when the top is this close (px). */
const TOP_PREFETCH = 320;
/** Consecutive messages from one sender within this time are grouped. */
const GROUP_GAP_MS = 5 * 60 * 1000;

/**
 * Chat order: acknowledged messages by `seq`; messages without a seq (failed ones)
 * fall in by time; messages still sending stay at the end, in the order they were sent.
 */
export function orderMessages(list: Iterable<MessageItem>): MessageItem[] {
  const byID = (a: MessageItem, b: MessageItem) => (a.clientMsgID < b.clientMsgID ? -1 : a.clientMsgID > b.clientMsgID ? 1 : 0);
  const acked: MessageItem[] = [];
  const loose: MessageItem[] = [];
  const sending: MessageItem[] = [];
  for (const m of list) {
    if (m.seq > 0) acked.push(m);
    else if (m.status === MessageStatus.Sending) sending.push(m);
    else loose.push(m);
  }
  acked.sort((a, b) => a.seq - b.seq || a.sendTime - b.sendTime || byID(a, b));
  const byTime = (a: MessageItem, b: MessageItem) => a.sendTime - b.sendTime || a.createTime - b.createTime || byID(a, b);
  loose.sort(byTime);
  sending.sort(byTime);
  const out: MessageItem[] = [];
  let i = 0;
  let j = 0;
  while (i < acked.length || j < loose.length) {
    if (j < loose.length && (i >= acked.length || loose[j]!.sendTime < acked[i]!.sendTime)) out.push(loose[j++]!);
    else out.push(acked[i++]!);
  }
  return out.concat(sending);
}

interface Anchor {
  id: string;
  top: number;
}

/**
 * @summary One conversation: its history, live messages and a composer.
 *
 * The message list stays at the bottom only while you are at the bottom; when
 * you have scrolled up, new messages show a "N new messages" button instead.
 * Scrolling up loads older pages without moving what you are reading. Messages
 * are marked read while the list is at the bottom and the page is visible.
 *
 * @event im-message-sent - The server accepted a message sent from the composer (or retried). `detail: { message }`.
 * @event im-message-failed - Sending failed. `detail: { message | null, error: { code, message } }`.
 *
 * @slot header-start - Before the avatar in the header (e.g. a back button on narrow screens).
 * @slot header-end - At the end of the header (call buttons, a menu, …).
 * @slot empty - Replaces the "select a conversation" state.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The header bar.
 * @csspart header-avatar - The conversation's avatar in the header.
 * @csspart title - The conversation's name.
 * @csspart subtitle - The line under the name (connection state, chat kind).
 * @csspart log - The scrolling message list (`role="log"`).
 * @csspart loading-older - The indicator shown while older messages load.
 * @csspart beginning - The "beginning of the conversation" marker.
 * @csspart day - The messages of one day.
 * @csspart date-separator - A day heading between messages.
 * @csspart notice - A centred system notice.
 * @csspart message - One message row; also `message-own` / `message-other`, `message-sending`, `message-failed`.
 * @csspart avatar - A sender's avatar (group chats).
 * @csspart bubble - A message bubble.
 * @csspart sender - The sender's name in a group chat.
 * @csspart text - A message's text.
 * @csspart meta - The time and status inside a bubble.
 * @csspart time - A message's time.
 * @csspart status - The status icon; also `status-sending`, `status-sent`, `status-read`, `status-failed`.
 * @csspart failure - The "Not sent" line under a failed message.
 * @csspart retry-button - Retries a failed message.
 * @csspart new-messages - The "N new messages ↓" / scroll-to-bottom button.
 * @csspart composer - The composer bar (a form).
 * @csspart input - The composer's text area.
 * @csspart send-button - The send button.
 * @csspart composer-error - Why the last message could not be sent.
 * @csspart empty - The state shown when no conversation is selected.
 * @csspart loading - The state shown while the first page loads.
 * @csspart error - The state shown when the conversation cannot be loaded.
 *
 * @cssprop --im-color-chat-bg - Background behind the messages.
 * @cssprop --im-color-bubble-own - Background of your bubbles.
 * @cssprop --im-color-bubble-own-text - Text in your bubbles.
 * @cssprop --im-color-bubble-other - Background of others' bubbles.
 * @cssprop --im-color-bubble-other-text - Text in others' bubbles.
 * @cssprop --im-color-accent - Send button, pill and focus accents.
 * @cssprop --im-color-danger - Failed messages and errors.
 * @cssprop --im-color-read - The read double tick.
 * @cssprop --im-radius-bubble - Bubble corner radius.
 * @cssprop --im-font-family - Font stack.
 */
export class ImChat extends LitElement {
  static override styles = styles;

  /** The client to use; otherwise the one from the nearest `<im-provider>`. */
  @property({ attribute: false }) client: ImClientApi | undefined;

  /** The conversation shown (`si_alice_bob`, `sg_team`, …); none shows the empty state. */
  @property({ attribute: 'conversation-id', reflect: true }) conversationID: string | null = null;

  /** `light`, `dark` or `auto` (follows the OS); defaults to the provider's theme, else light. */
  @property({ reflect: true }) theme: ImTheme | undefined;

  /** Messages per history page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 30;

  /** Replacement texts (i18n). */
  @property({ attribute: false }) strings: Partial<ImStrings> | undefined;

  @state() private conversation: ConversationItem | null = null;
  @state() private messages: MessageItem[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private loadError: { code: number; message: string } | null = null;
  @state() private loadingOlder = false;
  @state() private isEnd = false;
  @state() private connection: ConnectionState = 'idle';
  @state() private selfID = '';
  @state() private atBottom = true;
  @state() private newCount = 0;
  @state() private composerEmpty = true;
  @state() private composerError = '';

  @query('[part~="log"]') private log!: HTMLElement | null;
  @query('[part~="input"]') private input!: HTMLTextAreaElement | null;

  private readonly byID = new Map<string, MessageItem>();
  private generation = 0;
  /** The conversation the last `open()` was for. */
  private openedFor: string | null | undefined;
  /** True while the view should follow the newest message. */
  private stick = true;
  /** Set when the next render must end at the bottom whatever the scroll position (own send, pill click). */
  private forceBottom = false;
  private anchor: Anchor | null = null;
  /** Set when a page of older messages came back empty without reaching the start (offline). */
  private olderBlocked = false;
  private drafts = new Map<string, string>();
  /** Where the reader was in each conversation they left scrolled up (restored when they come back). */
  private positions = new Map<string, Anchor>();
  private marking = false;
  private markAgain = false;
  private inView = false;
  private resizeObserver: ResizeObserver | undefined;
  private intersectionObserver: IntersectionObserver | undefined;
  private observedLog: HTMLElement | null = null;
  private clockTimer: ReturnType<typeof setInterval> | undefined;

  private readonly clients = new ClientController(this, {
    handlers: {
      onRecvNewMessage: (m) => this.receive(m, true),
      onMessageUpdated: (m) => this.receive(m, false),
      onConversationChanged: (list) => this.conversationChanged(list),
      onNewConversation: (list) => this.conversationChanged(list),
      onRecvC2CReadReceipt: (receipts) => {
        const c = this.conversation;
        if (!c) return;
        for (const r of receipts) {
          if (r.conversationID === c.conversationID && r.hasReadSeq > c.peerReadSeq) {
            this.conversation = { ...c, peerReadSeq: r.hasReadSeq };
          }
        }
      },
      onConnectionStateChanged: (s) => {
        this.connection = s;
      },
      onSyncServerFinish: () => {
        this.olderBlocked = false;
        if (this.phase === 'ready') void this.refreshNewest();
        else if (this.phase === 'error' || (this.phase === 'loading' && this.conversationID)) void this.open();
      },
      onLoginStatusChanged: ({ status }) => {
        if (status === LoginStatus.Logged) {
          this.selfID = safeSelf(this.clients.client);
          if (this.phase !== 'ready') void this.open();
        } else if (status === LoginStatus.Logout) {
          this.clear();
          this.phase = this.conversationID ? 'loading' : 'idle';
        }
      },
    },
    attached: (client) => {
      this.connection = client.connectionState;
      this.selfID = safeSelf(client);
      void this.open();
    },
    detached: () => this.clear(),
  });

  private readonly themes = new ThemeController(this);

  private readonly onVisibility = () => this.maybeMarkRead();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.clockTimer = setInterval(() => this.requestUpdate(), 60_000);
    if (this.observedLog) this.observeLog(this.observedLog, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.clockTimer);
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
  }

  /** The messages shown, oldest first. */
  get messageList(): readonly MessageItem[] {
    return this.messages;
  }

  /** Whether older messages are loading. */
  get loadingOlderMessages(): boolean {
    return this.loadingOlder;
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom(): void {
    this.stick = true;
    this.forceBottom = true;
    this.newCount = 0;
    const log = this.log;
    if (log) log.scrollTop = log.scrollHeight;
    this.atBottom = true;
    this.maybeMarkRead();
  }

  /** Loads the next page of older messages (what scrolling to the top does). */
  async loadOlder(): Promise<void> {
    const client = this.clients.client;
    const id = this.conversationID;
    if (!client || !id || this.phase !== 'ready' || this.loadingOlder || this.isEnd) return;
    const generation = this.generation;
    const oldest = this.messages[0] ?? null;
    this.loadingOlder = true;
    try {
      const page = await client.getAdvancedHistoryMessageList({ conversationID: id, startMsg: oldest, count: this.pageSize });
      if (generation !== this.generation) return;
      const added = this.merge(page.messageList);
      this.isEnd = page.isEnd;
      if (!added && !page.isEnd) this.olderBlocked = true;
    } catch {
      if (generation === this.generation) this.olderBlocked = true;
    } finally {
      if (generation === this.generation) this.loadingOlder = false;
    }
  }

  /** Focuses the composer. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  // ---- loading -------------------------------------------------------------

  private clear(): void {
    this.generation++;
    this.byID.clear();
    this.messages = [];
    this.conversation = null;
    this.loadError = null;
    this.loadingOlder = false;
    this.isEnd = false;
    this.olderBlocked = false;
    this.newCount = 0;
    this.stick = true;
    this.forceBottom = true;
    this.atBottom = true;
    this.anchor = null;
  }

  private async open(): Promise<void> {
    const client = this.clients.client;
    const id = this.conversationID;
    this.clear();
    this.openedFor = id;
    if (!client || !id) {
      this.phase = 'idle';
      return;
    }
    const generation = this.generation;
    this.phase = 'loading';
    this.selfID = safeSelf(client);
    void this.fetchConversation(client, id, generation);
    try {
      const page = await client.getAdvancedHistoryMessageList({ conversationID: id, count: this.pageSize });
      if (generation !== this.generation) return;
      this.merge(page.messageList);
      this.isEnd = page.isEnd;
      this.phase = 'ready';
      this.stick = true;
      this.forceBottom = true;
      await this.updateComplete;
      if (generation !== this.generation) return;
      if (!this.restorePosition(id)) this.scrollToBottom();
      this.fillViewport();
    } catch (err) {
      if (generation !== this.generation) return;
      const e = err as { code?: number; message?: string };
      if (e.code === NOT_LOGGED_IN) return; // onLoginStatusChanged opens it again.
      this.loadError = { code: e.code ?? 0, message: e.message ?? String(err) };
      this.phase = 'error';
    }
  }

  private async fetchConversation(client: ImClientApi, id: string, generation: number): Promise<void> {
    try {
      const c = await client.getConversationByID(id);
      if (generation === this.generation) this.conversation = c;
    } catch {
      // Not cached and offline, or not a conversation of ours: the header falls back to the ID.
    }
  }

  /** Puts the message the reader last had at the top back where it was; false when it is not loaded. */
  private restorePosition(id: string): boolean {
    const saved = this.positions.get(id);
    this.positions.delete(id);
    const log = this.log;
    if (!saved || !log) return false;
    const row = log.querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(saved.id)}"]`);
    if (!row) return false;
    log.scrollTop += row.getBoundingClientRect().top - log.getBoundingClientRect().top - saved.top;
    const bottom = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
    this.stick = bottom;
    this.atBottom = bottom;
    return true;
  }

  /** After a reconnect: merge the newest page, in case events were missed. */
  private async refreshNewest(): Promise<void> {
    const client = this.clients.client;
    const id = this.conversationID;
    if (!client || !id) return;
    const generation = this.generation;
    try {
      const page = await client.getAdvancedHistoryMessageList({ conversationID: id, count: this.pageSize });
      if (generation !== this.generation) return;
      this.merge(page.messageList);
      if (this.messages.length <= page.messageList.length && page.isEnd) this.isEnd = true;
      if (!this.conversation) void this.fetchConversation(client, id, generation);
      this.fillViewport();
    } catch {
      /* keep what is shown */
    }
  }

  /** Keeps loading older pages while they do not fill the viewport (so there is something to scroll). */
  private fillViewport(): void {
    void this.updateComplete.then(() => {
      const log = this.log;
      if (!log || this.isEnd || this.olderBlocked || this.loadingOlder) return;
      if (log.scrollHeight <= log.clientHeight + TOP_PREFETCH / 2) {
        void this.loadOlder().then(() => {
          if (!this.olderBlocked) this.fillViewport();
        });
      }
    });
  }

  /** Adds or replaces messages; returns how many were new. */
  private merge(list: MessageItem[]): number {
    let added = 0;
    const id = this.conversationID;
    for (const m of list) {
      if (id && m.conversationID && m.conversationID !== id) continue;
      if (!this.byID.has(m.clientMsgID)) added++;
      this.byID.set(m.clientMsgID, m);
    }
    this.messages = orderMessages(this.byID.values());
    return added;
  }

  private receive(message: MessageItem, incoming: boolean): void {
    if (!this.conversationID || message.conversationID !== this.conversationID) return;
    if (this.phase !== 'ready' && this.phase !== 'loading') return;
    const isNew = !this.byID.has(message.clientMsgID);
    this.merge([message]);
    const own = message.sendID === this.selfID;
    if (isNew && !incoming && own && message.status === MessageStatus.Sending) {
      // Sent from this composer: always show it.
      this.forceBottom = true;
    } else if (isNew && !own && !this.stick) {
      this.newCount++;
    }
    if (isNew && !own) this.maybeMarkRead();
  }

  private conversationChanged(list: ConversationItem[]): void {
    const id = this.conversationID;
    if (!id) return;
    const c = list.find((x) => x.conversationID === id);
    if (!c) return;
    const prev = this.conversation;
    this.conversation = prev && prev.peerReadSeq > c.peerReadSeq ? { ...c, peerReadSeq: prev.peerReadSeq } : c;
    if (c.unreadCount > 0) this.maybeMarkRead();
  }

  // ---- read state ----------------------------------------------------------

  private maybeMarkRead(): void {
    const client = this.clients.client;
    const id = this.conversationID;
    const c = this.conversation;
    if (!client || !id || !c || this.phase !== 'ready') return;
    if (c.unreadCount <= 0) return;
    if (!this.stick || !this.inView) return;
    if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return;
    if (this.marking) {
      this.markAgain = true;
      return;
    }
    this.marking = true;
    // (A client method may throw synchronously, e.g. NotLoggedIn: keep it inside the promise.)
    Promise.resolve()
      .then(() => client.markConversationMessageAsRead(id))
      .catch(() => undefined)
      .finally(() => {
        this.marking = false;
        if (this.markAgain) {
          this.markAgain = false;
          this.maybeMarkRead();
        }
      });
  }

  // ---- scrolling -----------------------------------------------------------

  private observeLog(log: HTMLElement, force = false): void {
    if (this.observedLog === log && !force) return;
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
    this.observedLog = log;
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        // The viewport or a row changed height (composer grew, window resized, …).
        if (this.stick) log.scrollTop = log.scrollHeight;
      });
      this.resizeObserver.observe(log);
      const content = log.firstElementChild;
      if (content) this.resizeObserver.observe(content);
    }
    if (typeof IntersectionObserver !== 'undefined') {
      this.intersectionObserver = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        this.inView = !!last?.isIntersecting;
        this.maybeMarkRead();
      });
      this.intersectionObserver.observe(log);
    }
  }

  private onScroll(): void {
    const log = this.log;
    if (!log) return;
    const distance = log.scrollHeight - log.scrollTop - log.clientHeight;
    const bottom = distance <= BOTTOM_SLACK;
    this.stick = bottom;
    if (bottom !== this.atBottom) this.atBottom = bottom;
    if (bottom) {
      if (this.newCount) this.newCount = 0;
      this.maybeMarkRead();
    }
    if (log.scrollTop < TOP_PREFETCH && !this.olderBlocked) void this.loadOlder();
  }

  /** The first message row visible at the top of the log, and where it is. */
  private findAnchor(): Anchor | null {
    const log = this.log;
    if (!log) return null;
    const rows = log.querySelectorAll<HTMLElement>('[data-msg-id]');
    if (rows.length === 0) return null;
    const top = log.getBoundingClientRect().top;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.getBoundingClientRect().bottom > top + 1) hi = mid;
      else lo = mid + 1;
    }
    const row = rows[lo]!;
    return { id: row.dataset['msgId']!, top: row.getBoundingClientRect().top - top };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationID')) {
      const old = changed.get('conversationID');
      if (old && this.input) this.drafts.set(old, this.input.value);
      if (old && this.log && this.phase === 'ready') {
        const scrolledUp = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight > BOTTOM_SLACK;
        const anchor = scrolledUp ? this.findAnchor() : null;
        if (anchor) this.positions.set(old, anchor);
        else this.positions.delete(old);
      }
      if (this.conversationID !== this.openedFor) void this.open();
    }
    // Where is the reader now? A scroll event may not have arrived yet, so measure.
    const log = this.log;
    if (log) {
      if (this.forceBottom) this.stick = true;
      else this.stick = log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
    }
    this.forceBottom = false;
    // Remember what the reader is looking at, to keep it in place across this render.
    this.anchor = !this.stick && log ? this.findAnchor() : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const log = this.log;
    if (log) this.observeLog(log);
    else this.observedLog = null;
    if (changed.has('conversationID')) this.restoreDraft();
    if (!log) return;
    if (this.stick) {
      log.scrollTop = log.scrollHeight;
    } else if (this.anchor) {
      const row = log.querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(this.anchor.id)}"]`);
      if (row) {
        const delta = row.getBoundingClientRect().top - log.getBoundingClientRect().top - this.anchor.top;
        if (Math.abs(delta) >= 0.5) log.scrollTop += delta;
      }
    }
    this.anchor = null;
  }

  // ---- composer ------------------------------------------------------------

  private restoreDraft(): void {
    const input = this.input;
    if (!input) return;
    input.value = (this.conversationID && this.drafts.get(this.conversationID)) || '';
    this.composerError = '';
    this.onInput();
  }

  private onInput(): void {
    const input = this.input;
    if (!input) return;
    const empty = input.value.trim() === '';
    if (empty !== this.composerEmpty) this.composerEmpty = empty;
    // Grow with the text up to the CSS max-height, then scroll inside.
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + (input.offsetHeight - input.clientHeight)}px`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    // An IME is composing (e.g. choosing a Chinese or Japanese candidate): Enter confirms it, not sends.
    if (event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    void this.send();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  private recipient(): { userID: string; groupID: string } | null {
    const c = this.conversation;
    if (c) return { userID: c.groupID ? '' : c.userID, groupID: c.groupID };
    const id = this.conversationID;
    if (!id) return null;
    const parsed = parseConversationID(id, this.selfID || safeSelf(this.clients.client));
    return parsed ? { userID: parsed.userID, groupID: parsed.groupID } : null;
  }

  /** Sends the composer's text. Resolves when the server answered (or the send failed). */
  async send(): Promise<void> {
    const client = this.clients.client;
    const input = this.input;
    const target = this.recipient();
    if (!client || !input || !target) return;
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    if (this.conversationID) this.drafts.delete(this.conversationID);
    this.composerError = '';
    this.onInput();
    this.scrollToBottom();
    let message: MessageItem;
    try {
      message = await client.createTextMessage(text);
    } catch (err) {
      // Nothing was sent: give the text back so it is not lost.
      if (!input.value) input.value = text;
      this.onInput();
      const error = toErrorInfo(err);
      this.composerError = error.message || this.text.sendFailed;
      this.emit<ImMessageFailedDetail>('im-message-failed', { message: null, error });
      return;
    }
    await this.deliver(() => client.sendMessage(message, target.userID, target.groupID), message.clientMsgID);
  }

  private async retry(clientMsgID: string): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    await this.deliver(() => client.resendMessage(clientMsgID), clientMsgID);
  }

  private async deliver(run: () => Promise<MessageItem>, clientMsgID: string): Promise<void> {
    try {
      const sent = await run();
      this.emit<ImMessageSentDetail>('im-message-sent', { message: sent });
    } catch (err) {
      const error = toErrorInfo(err);
      const message = this.byID.get(clientMsgID) ?? null;
      if (!message) this.composerError = error.message || this.text.sendFailed;
      this.emit<ImMessageFailedDetail>('im-message-failed', { message, error });
    }
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering -----------------------------------------------------------

  private get text(): ImStrings {
    return resolveStrings(this.strings);
  }

  private get isGroup(): boolean {
    const c = this.conversation;
    if (c) return c.conversationType === SessionType.Group;
    return !!this.conversationID?.startsWith('sg_');
  }

  private get displayName(): string {
    const c = this.conversation;
    if (c) return c.showName || c.userID || c.groupID;
    const parsed = this.conversationID ? parseConversationID(this.conversationID, this.selfID) : null;
    return parsed ? parsed.userID || parsed.groupID : (this.conversationID ?? '');
  }

  private renderHeader(): TemplateResult {
    const t = this.text;
    const c = this.conversation;
    const name = this.displayName;
    const connected = this.connection === 'connected' || this.connection === 'idle';
    const busy = this.connection === 'connecting' || this.connection === 'reconnecting';
    return html`<header part="header">
      <slot name="header-start"></slot>
      ${avatar({
        id: c?.userID || c?.groupID || this.conversationID || '',
        name,
        faceURL: c?.faceURL,
        size: 40,
        part: 'header-avatar',
        group: this.isGroup,
      })}
      <div class="heading">
        <h2 part="title" id="title">${name}</h2>
        <div part="subtitle" class=${connected ? '' : 'offline'} role="status">
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${connected ? (this.isGroup ? t.groupChat : t.directChat) : t.connection[this.connection]}
        </div>
      </div>
      <slot name="header-end"></slot>
    </header>`;
  }

  private renderStatus(m: MessageItem): TemplateResult | typeof nothing {
    const t = this.text;
    if (m.sendID !== this.selfID) return nothing;
    const c = this.conversation;
    if (m.status === MessageStatus.Sending) {
      return html`<span part="status status-sending" role="img" aria-label=${t.sending} title=${t.sending}>${clockIcon()}</span>`;
    }
    if (m.status === MessageStatus.Failed) {
      return html`<span part="status status-failed" role="img" aria-label=${t.failed} title=${t.failed}>${alertIcon()}</span>`;
    }
    const read = !this.isGroup && (m.isRead || (m.seq > 0 && !!c && c.peerReadSeq >= m.seq));
    if (read) {
      return html`<span part="status status-read" role="img" aria-label=${t.read} title=${t.read}>${doubleTickIcon()}</span>`;
    }
    return html`<span part="status status-sent" role="img" aria-label=${t.sent} title=${t.sent}>${tickIcon()}</span>`;
  }

  private renderMessage(m: MessageItem, prev: MessageItem | undefined, next: MessageItem | undefined): TemplateResult {
    const t = this.text;
    if (m.contentType === CALL_RECORD_CONTENT_TYPE) return renderCallRecord(m, this.selfID);
    if (m.contentType === ContentType.Notification) {
      return html`<div part="notice" data-msg-id=${m.clientMsgID}>${messageText(m, t)}</div>`;
    }
    const own = m.sendID === this.selfID;
    const joins = (a: MessageItem | undefined, b: MessageItem | undefined) =>
      !!a &&
      !!b &&
      a.sendID === b.sendID &&
      a.contentType !== ContentType.Notification &&
      b.contentType !== ContentType.Notification &&
      isSameDay(a.sendTime, b.sendTime) &&
      Math.abs(b.sendTime - a.sendTime) < GROUP_GAP_MS;
    const cont = joins(prev, m);
    const more = joins(m, next);
    const failed = m.status === MessageStatus.Failed;
    const sending = m.status === MessageStatus.Sending;
    const revoked = m.status === MessageStatus.Revoked || m.contentType === ContentType.Revoke;
    const parts = [
      'message',
      own ? 'message-own' : 'message-other',
      sending && 'message-sending',
      failed && 'message-failed',
    ]
      .filter(Boolean)
      .join(' ');
    const senderName = m.senderNickname || m.sendID;
    const showAvatarColumn = this.isGroup && !own;
    const showSender = this.isGroup && !own && !cont;
    return html`<div
      part=${parts}
      class="${cont ? 'cont' : 'first'} ${more ? 'more' : 'last'}"
      data-msg-id=${m.clientMsgID}
      data-seq=${m.seq}
    >
      ${showAvatarColumn
        ? more
          ? html`<span class="avatar-gap"></span>`
          : avatar({ id: m.sendID, name: senderName, faceURL: m.senderFaceUrl, size: 34 })
        : nothing}
      <div class="stack">
        <div part="bubble">
          ${showSender
            ? html`<span part="sender" style="--im-sender-hue:${hueOf(m.sendID)}">${senderName}</span>`
            : html`<span class="sr-only">${own ? t.you : senderName}:</span>`}
          <span part="text" class=${revoked ? 'revoked' : ''}>${messageText(m, t)}</span><span part="meta">
            <time part="time" datetime=${isoTime(m.sendTime)} title=${formatFull(m.sendTime)}
              >${formatClock(m.sendTime)}</time
            >${this.renderStatus(m)}
          </span>
        </div>
        ${failed
          ? html`<div part="failure" role="alert">
              <span>${alertIcon()} ${t.notSent}${m.failure?.message ? html`: ${m.failure.message}` : nothing}</span>
              <button part="retry-button" type="button" @click=${() => void this.retry(m.clientMsgID)}>
                ${retryIcon()} ${t.retry}
              </button>
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  private renderLog(): TemplateResult {
    const t = this.text;
    const list = this.messages;
    const now = Date.now();
    // One section per day, so a day's sticky heading gives way to the next day's.
    const days: Array<{ day: number; messages: MessageItem[] }> = [];
    for (const m of list) {
      const day = startOfDay(m.sendTime);
      const last = days[days.length - 1];
      if (last && last.day === day) last.messages.push(m);
      else days.push({ day, messages: [m] });
    }
    const renderDay = (d: { day: number; messages: MessageItem[] }) => {
      const label = formatDayLabel(d.messages[0]!.sendTime, now);
      const ms = d.messages;
      return html`<div class="day" part="day" role="group" aria-label=${label}>
        <div part="date-separator" aria-hidden="true">${label}</div>
        ${repeat(
          ms,
          (m) => m.clientMsgID,
          (m, i) => this.renderMessage(m, ms[i - 1], ms[i + 1]),
        )}
      </div>`;
    };
    let top: TemplateResult | typeof nothing = nothing;
    if (this.loadingOlder) {
      top = html`<div part="loading-older" role="status"><span class="spinner" aria-hidden="true"></span>${t.loadingOlder}</div>`;
    } else if (this.isEnd) {
      top = html`<div part="beginning">${list.length ? t.beginning : t.noMessages}</div>`;
    }
    return html`<div class="viewport">
      <div
        part="log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-labelledby="title"
        aria-busy=${this.loadingOlder ? 'true' : 'false'}
        tabindex="0"
        @scroll=${this.onScroll}
      >
        <div class="content">
          ${top}
          ${repeat(days, (d) => d.day, renderDay)}
        </div>
      </div>
      ${this.atBottom
        ? nothing
        : html`<button
            part="new-messages"
            class=${this.newCount ? 'count' : ''}
            type="button"
            aria-label=${this.newCount ? this.text.newMessages(this.newCount) : this.text.scrollToBottom}
            @click=${() => this.scrollToBottom()}
          >
            ${this.newCount ? html`<span>${t.newMessages(this.newCount)}</span>` : nothing}${arrowDownIcon()}
          </button>`}
    </div>`;
  }

  private renderComposer(): TemplateResult {
    const t = this.text;
    return html`${this.composerError
        ? html`<div part="composer-error" role="alert">${this.composerError}</div>`
        : nothing}
      <form part="composer" @submit=${this.onSubmit}>
        <textarea
          part="input"
          rows="1"
          enterkeyhint="send"
          placeholder=${t.placeholder}
          aria-label=${t.composerLabel}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        ></textarea>
        <button part="send-button" type="submit" ?disabled=${this.composerEmpty} aria-label=${t.send} title=${t.send}>
          ${sendIcon()}
        </button>
      </form>`;
  }

  protected override render(): TemplateResult {
    const t = this.text;
    if (!this.conversationID) {
      return html`<div part="base">
        <div part="empty">
          <slot name="empty">
            <span class="empty-icon">${chatIcon()}</span>
            <span class="state-title">${t.selectConversation}</span>
            <span>${t.selectConversationHint}</span>
          </slot>
        </div>
      </div>`;
    }
    let body: TemplateResult;
    if (this.phase === 'error') {
      body = html`<div part="error" role="alert">
        <span class="state-title">${this.loadError?.message ?? t.sendFailed}</span>
        <button class="state-button" type="button" @click=${() => void this.open()}>${t.retry}</button>
      </div>`;
    } else if (this.phase !== 'ready') {
      body = html`<div part="loading" role="status" aria-busy="true">
        <span class="spinner" aria-hidden="true"></span>
      </div>`;
    } else {
      body = this.renderLog();
    }
    return html`<div part="base">${this.renderHeader()} ${body} ${this.renderComposer()}</div>`;
  }
}

function safeSelf(client: ImClientApi | undefined): string {
  if (!client) return '';
  try {
    return client.getLoginUserID();
  } catch {
    return '';
  }
}

function toErrorInfo(err: unknown): { code: number; message: string } {
  const e = err as { code?: number; message?: string } | null;
  return { code: typeof e?.code === 'number' ? e.code : 0, message: e?.message ?? String(err) };
}
