import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import type { ConnectionState } from '../../src/client/events.js';
import { parseConversationID } from '../../src/model/conversation-id.js';
import { ContentType, LoginStatus, MessageStatus, SessionType } from '../../src/model/enums.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import type { ImStrings } from '../i18n/strings.js';
import { avatar, hueOf } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { formatClock, formatDayLabel, isoTime, isSameDay, startOfDay } from '../shared/format.js';
import { intlLocaleFor } from '../i18n/locale.js';
import { LocaleController } from '../shared/locale-controller.js';
import { renderStorageNotice } from '../shared/storage-notice.js';
import { alertIcon, arrowDownIcon, chatIcon, clockIcon, doubleTickIcon, retryIcon, sendIcon, tickIcon } from '../shared/icons.js';
import { OpenerFocusController } from '../shared/focus-trap.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-chat.styles.js';
import { ContentType as CT } from '../../src/model/enums.js';
import { installBuiltinRenderers, layoutOf, rendererFor, type MessageRenderContext } from './renderers/index.js';
import type { MessageStrings } from './strings-messages.js';
import type { MessageActionID } from './actions/menu.js';
import type { ActionHost } from './chat-extras.js';
import { importOnce } from '../shared/lazy.js';
import { renderOverlay, type Overlay } from './overlays.js';
import { filesOf } from './composer/dropped-files.js';
import { loadEmojiPicker } from './composer/emoji.js';
import type { VoiceRecorder } from './composer/recorder.js';
import { mentionQuery, type MentionCandidate } from './composer/mention.js';
import { renderCallRecord } from './call-record.js';
import { CALL_RECORD_CONTENT_TYPE } from '../../src/model/call.js';
import { sweepRowMarkers } from '../shared/row-markers.js';
import { isAtBottom, MAX_WINDOW_ROWS, rangeAround, rangeAtBottom, rowAtOffset, RowHeights, type RowRange } from './message-list/message-window.js';

export interface ImMessageSentDetail {
  message: MessageItem;
}
export interface ImMessageFailedDetail {
  /** The failed message, or null when it could not even be created (e.g. too long). */
  message: MessageItem | null;
  error: { code: number; message: string };
}

const NOT_LOGGED_IN = 2001;
/** Start loading older messages when the top is this close (px). */
const TOP_PREFETCH = 320;
/** Consecutive messages from one sender within this time are grouped. */
const GROUP_GAP_MS = 5 * 60 * 1000;
/**
 * The message actions (menu, handlers) and the CSS of what a first paint does not show
 * (menu, selection, reply preview, mention popup, emoji panel, recording, drop zone):
 * imported when a first one opens.
 */
let extrasModule: typeof import('./chat-extras.js') | null = null;
const loadExtras = importOnce(() => import('./chat-extras.js').then((m) => (extrasModule = m)));

// The first date formatter a page creates costs several ms (locale data); create the ones the
// first painted rows need (clock time, day heading, in the page's language) while the page is
// idle, not when a conversation opens.
if (typeof requestIdleCallback === 'function' && typeof document !== 'undefined') {
  requestIdleCallback(() => {
    const tag = intlLocaleFor(document.documentElement.lang || 'en');
    formatClock(0, tag);
    formatDayLabel(0, Date.now(), tag);
    formatDayLabel(Date.now(), Date.now(), tag);
  });
}

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
 * A conversation opened with unread messages opens at the newest message, with an
 * "Unread messages" divider above the first of them (kept while it stays open) and,
 * while that divider has not been in view, a "↑ N unread messages" pill that jumps
 * to it (`jumpToFirstUnread()`, loading older pages as needed).
 *
 * @event im-reload-request - The storage notice's Reload was pressed; cancelable (the page reloads unless prevented). `detail: { reason }`.
 * @event im-message-sent - The server accepted a message sent from the composer (or retried). `detail: { message }`.
 * @event im-message-failed - Sending failed. `detail: { message | null, error: { code, message } }`.
 * @event im-message-action - A message action ran (reply, copy, forward, select, readers, recall, delete-me, delete-all). `detail: { action, message }`.
 * @event im-message-action-failed - A message action failed. `detail: { action, message, error: { code, message } }`.
 *
 * @slot header-start - Before the avatar in the header (e.g. a back button on narrow screens).
 * @slot header-end - At the end of the header (call buttons, a menu, …).
 * @slot empty - Replaces the "select a conversation" state.
 *
 * @csspart storage-notice - The notice shown while the cache lives in memory or another tab upgraded it (with `storage-notice-reload`, `storage-notice-dismiss`).
 * @csspart base - The wrapper of everything.
 * @csspart header - The header bar.
 * @csspart header-avatar - The conversation's avatar in the header.
 * @csspart title - The conversation's name.
 * @csspart subtitle - The line under the name (connection state, chat kind).
 * @csspart content-loading - Stands in for a media message (same size) while its renderer loads on first use.
 * @csspart call-record-loading - Stands in for a call record chip while its code loads on first use.
 * @csspart log - The scrolling message list (`role="log"`).
 * @csspart loading-older - The indicator shown while older messages load.
 * @csspart beginning - The "beginning of the conversation" marker.
 * @csspart date-separator - A day heading between messages.
 * @csspart current-day - The day of the topmost message in view, floating over the log while its own heading is scrolled away.
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
 * @csspart reload-button - Loads the conversation again after it failed to load.
 * @csspart new-messages - The "N new messages ↓" / scroll-to-bottom button.
 * @csspart unread-divider - "Unread messages": the divider above the first message that was unread when the conversation was opened.
 * @csspart jump-to-unread - The "↑ N unread messages" pill, shown until the unread divider has been in view; jumps to it.
 * @csspart composer - The composer bar (a form).
 * @csspart input - The composer's text area.
 * @csspart send-button - The send button.
 * @csspart composer-error - Why the last message could not be sent.
 * @csspart action - One item of a message's actions menu (`data-action` names it: reply, copy, forward, select, readers, recall, delete-me, delete-all).
 * @csspart actions-button - The "⋯" button that opens a message's actions menu.
 * @csspart actions-menu - A message's actions menu.
 * @csspart attach-button - Opens the file picker (images, videos, files).
 * @csspart content - The type-specific content inside a bubble (from the renderer registry).
 * @csspart custom-fallback - The description shown for a custom message without a registered renderer.
 * @csspart dialog - A dialog (image viewer, merged history, readers, forward target).
 * @csspart dialog-close - The close button of a dialog.
 * @csspart drop-zone - The hint shown while files are dragged over the chat.
 * @csspart emoji-button - Opens the emoji picker.
 * @csspart emoji-panel - The panel holding the emoji picker.
 * @csspart face - A face (big emoji) or sticker.
 * @csspart file - A file message (icon, name, size, download).
 * @csspart file-download - The download button of a file message.
 * @csspart file-icon - The type icon of a file message.
 * @csspart file-input - The hidden file input behind the attach button.
 * @csspart file-name - The name of a file message.
 * @csspart file-size - The size of a file message.
 * @csspart forward-target - A conversation to forward to.
 * @csspart forward-targets - The list of conversations to forward to.
 * @csspart forwarded - "Forwarded from …" above a forwarded message.
 * @csspart image - The thumbnail of an image message.
 * @csspart image-button - The button around a thumbnail that opens the viewer.
 * @csspart image-placeholder - The placeholder while a thumbnail loads.
 * @csspart image-viewer - The image viewer's stage.
 * @csspart link - A link in a text message (http, https, mailto only).
 * @csspart location - A location message (description, coordinates, map link).
 * @csspart location-button - Shares the device's position.
 * @csspart location-coordinates - The coordinates of a location message.
 * @csspart location-description - The description of a location message.
 * @csspart media-missing - Shown when a media file cannot be loaded.
 * @csspart mention - An @mention inside a text.
 * @csspart mention-list - The member picker that opens when typing "@" in a group.
 * @csspart mention-option - One member (or @all) in the member picker.
 * @csspart merged-item - One message in the merged-forward dialog.
 * @csspart merged-list - The list in the merged-forward dialog.
 * @csspart merger - A merged-forward ("chat history") card.
 * @csspart open-original - Opens the original image.
 * @csspart overlay - The backdrop of a dialog.
 * @csspart quote - The quoted message above a reply (tap to jump to it).
 * @csspart read-count - "Read by N" under an own group message (opens the readers).
 * @csspart reader - One reader in the readers dialog.
 * @csspart readers - The list of readers.
 * @csspart recording - The recording status in the composer.
 * @csspart recording-cancel - Cancels a voice recording.
 * @csspart reply-cancel - Cancels the reply.
 * @csspart reply-preview - The message being replied to, above the composer.
 * @csspart select-checkbox - The checkbox of a message in multi-select.
 * @csspart selection-bar - The toolbar of multi-select.
 * @csspart selection-cancel - Leaves multi-select.
 * @csspart selection-delete - Deletes the selected messages for me.
 * @csspart selection-forward - Forwards the selected messages as one chat-history card.
 * @csspart selection-forward-each - Forwards the selected messages one by one.
 * @csspart status-failed - The status icon of a failed message.
 * @csspart status-read - The status icon of a read message.
 * @csspart status-sending - The status icon of a message being sent.
 * @csspart status-sent - The status icon of a sent message.
 * @csspart unknown - The safe line shown for a content type nobody renders.
 * @csspart upload - The upload progress over a media message being sent.
 * @csspart upload-cancel - Cancels an upload.
 * @csspart upload-progress - The progress bar of an upload.
 * @csspart video - A video message.
 * @csspart video-duration - The duration on a video's poster.
 * @csspart video-poster - The poster frame of a video (tap to play).
 * @csspart viewer-image - The image in the viewer.
 * @csspart voice - A voice message.
 * @csspart voice-button - Starts recording a voice message.
 * @csspart voice-duration - The duration (or position) of a voice message.
 * @csspart voice-play - Plays or pauses a voice message.
 * @csspart voice-progress - The progress track of a voice message.
 * @csspart voice-stop - Stops recording and sends.
 * @csspart voice-unplayed - The dot on a voice message not yet played.
 * @csspart zoom-in - Zooms the image viewer in.
 * @csspart zoom-out - Zooms the image viewer out.
 * @csspart empty - The state shown when no conversation is selected.
 * @csspart loading - The state shown while the first page loads.
 * @csspart error - The state shown when the conversation cannot be loaded.
 * @csspart call-record-row - The row of a call record (contentType 1600), centred in the log.
 * @csspart call-record - A call record's chip: kind, outcome, duration, time.
 * @csspart call-record-missed - A call record of a call the viewer missed or declined.
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
  static override styles = [styles];
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    client: { attribute: false },
    conversationID: { attribute: 'conversation-id', reflect: true },
    theme: { reflect: true },
    locale: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    strings: { attribute: false },
    messageStrings: { attribute: false },
    revokeWindowMs: { type: Number, attribute: 'revoke-window' },
    emojiDataSource: { attribute: 'emoji-data-source' },
    conversation: { state: true },
    messages: { state: true },
    phase: { state: true },
    loadError: { state: true },
    loadingOlder: { state: true },
    isEnd: { state: true },
    connection: { state: true },
    selfID: { state: true },
    atBottom: { state: true },
    newCount: { state: true },
    composerEmpty: { state: true },
    composerError: { state: true },
    progress: { state: true },
    replyTo: { state: true },
    selecting: { state: true },
    selected: { state: true },
    menuFor: { state: true },
    overlay: { state: true },
    peerTyping: { state: true },
    emojiOpen: { state: true },
    recordingSeconds: { state: true },
    dragging: { state: true },
    mentionList: { state: true },
    mentionIndex: { state: true },
    highlight: { state: true },
    currentDay: { state: true },
    currentDayShown: { state: true },
    unreadMark: { state: true },
    unreadSeen: { state: true },
  };

  /** The client to use; otherwise the one from the nearest `<im-provider>`. */
  client: ImClientApi | undefined;

  /** The conversation shown (`si_alice_bob`, `sg_team`, …); none shows the empty state. */
  conversationID: string | null = null;

  /** `light`, `dark` or `auto` (follows the OS); defaults to the provider's theme, else light. */
  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;

  /** Messages per history page. */
  pageSize = 30;

  /** Replacement texts (i18n). */
  strings: Partial<ImStrings> | undefined;

  private conversation: ConversationItem | null = null;
  private messages: MessageItem[] = [];
  private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  private loadError: { code: number; message: string } | null = null;
  private loadingOlder = false;
  private isEnd = false;
  private connection: ConnectionState = 'idle';
  private selfID = '';
  private atBottom = true;
  private newCount = 0;
  private composerEmpty = true;
  private composerError = '';

  /** Texts of message types and actions (merged over the locale's table). */
  messageStrings: Partial<MessageStrings> | undefined;

  /** Recall window shown by the action menu (ms); the server enforces its own. Default 2 minutes. */
  revokeWindowMs = 2 * 60 * 1000;

  /** Where the emoji picker loads its data; default the IM server's `/api/emoji/data.json` (no CDN). */
  emojiDataSource: string | undefined;

  private progress = new Map<string, number>();
  private replyTo: MessageItem | null = null;
  private selecting = false;
  private selected = new Set<string>();
  private menuFor: string | null = null;
  private overlay: Overlay | null = null;
  private peerTyping = false;
  private emojiOpen = false;
  private recordingSeconds = -1;
  private dragging = false;
  private mentionList: MentionCandidate[] = [];
  private mentionIndex = 0;
  private highlight: string | null = null;
  /** The day label floating over the log (the day of the topmost row when its heading is out of view), or ''. */
  private currentDay = '';
  /** The floating day label shows while the log scrolls and fades soon after, so it never sits over a message being read. */
  private currentDayShown = false;
  private currentDayTimer: ReturnType<typeof setTimeout> | undefined;
  /** What was unread when the conversation was opened: others' messages after `afterSeq`, `count` of them; null if nothing. */
  private unreadMark: { afterSeq: number; count: number } | null = null;
  /** The unread divider has been in view (or jumped to): the pill is no longer shown. */
  private unreadSeen = false;

  private get log(): HTMLElement | null {
    return this.renderRoot?.querySelector('[part~="log"]') ?? null;
  }
  private get input(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('[part~="input"]') ?? null;
  }

  private readonly byID = new Map<string, MessageItem>();
  private generation = 0;
  /** The conversation the last `open()` was for. */
  private openedFor: string | null | undefined;
  /** True while the view should follow the newest message. */
  private stick = true;
  /** Set when the next render must end at the bottom whatever the scroll position (own send, pill click). */
  private forceBottom = false;
  private anchor: Anchor | null = null;
  /** Set to place a given message at a given offset on the next render (jump, restored position). */
  private pendingAnchor: Anchor | null = null;
  /** The row the reader sees at the top, kept current while scrolling, so rows that grow above it do not move it. */
  private viewAnchor: Anchor | null = null;
  /** The log's scrollTop when `viewAnchor` was noted. */
  private viewAnchorScrollTop = 0;
  /** Measured heights of message rows (the log renders only a window of the loaded messages). */
  private readonly rowHeights = new RowHeights();
  /** The slice of `messages` the last render put in the DOM. */
  private range: RowRange = { start: 0, end: 0 };
  /** The first and last rendered rows, when the next render should keep them (they still cover the view). */
  private kept: [string, string] | null = null;
  /** Set by a scroll that left the rendered rows short of the margin beyond the view: the next render moves the window. */
  private rewindow = false;
  /** Set from an open until its first page has painted: that paint renders only what fits the view (no overscan), and scroll events set nothing off. */
  private firstWindow = false;
  /** The message rows of that slice, in order, as of the last render (scroll handlers read them every event; querying each time showed in scroll frames). */
  private rowEls: HTMLElement[] = [];
  /** The day headings of that slice, by day (start of day, ms). */
  private dayHeadings = new Map<number, HTMLElement>();
  /** Set when a page of older messages came back empty without reaching the start (offline). */
  private olderBlocked = false;
  /** The older page being fetched, so that a second caller can wait for it instead of returning at once. */
  private olderPage: Promise<unknown> | null = null;
  /** Whether `unreadMark` was taken for this open (from the first copy of the conversation it got). */
  private unreadNoted = false;
  /** `firstUnread()` for the last `messages` array it looked at. */
  private firstUnreadMemo: { list: readonly MessageItem[]; self: string; mark: object; end: boolean; id: string | null | undefined } | null = null;
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
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private recordTimer: ReturnType<typeof setInterval> | undefined;
  /** The voice recorder (composer/recorder.ts), made by chat-extras.ts when the user first records. */
  private recorder: VoiceRecorder | null = null;
  /** Members picked in the mention list for the text being written. */
  private pickedMentions: MentionCandidate[] = [];
  private members: MentionCandidate[] | null = null;
  /** Others' group messages already receipted by this view. */
  private receipted = new Set<string>();
  private played = new Set<string>();

  private readonly clients = new ClientController(this, {
    handlers: {
      onSendMessageProgress: ({ clientMsgID, progress }) => {
        if (!this.byID.has(clientMsgID)) return;
        const next = new Map(this.progress);
        next.set(clientMsgID, progress);
        this.progress = next;
      },
      onTypingStatusUpdate: ({ conversationID, msgTip }) => {
        if (conversationID !== this.conversationID) return;
        clearTimeout(this.typingTimer);
        this.peerTyping = !!msgTip;
        if (msgTip) this.typingTimer = setTimeout(() => (this.peerTyping = false), 5000);
      },
      onMessageDeleted: ({ clientMsgID }) => this.dropMessage(clientMsgID),
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
  private readonly i18n = new LocaleController(this);
  // Focus into the message actions menu and the dialogs when they open, and back to their opener when they close.
  private readonly menuFocus = new OpenerFocusController(this, () => this.menuFor !== null, () => this.renderRoot.querySelector<HTMLElement>('[part~="actions-menu"]'));
  private readonly overlayFocus = new OpenerFocusController(this, () => this.overlay !== null, () => this.renderRoot.querySelector<HTMLElement>('[part~="dialog"]'), () => this.menuFocus.lastOpener);

  constructor() {
    super();
    installBuiltinRenderers();
  }

  private readonly onVisibility = () => this.maybeMarkRead();
  /** Bound once: lazily loaded parts call it when their code has arrived. */
  private readonly rerender = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.clockTimer = setInterval(() => this.requestUpdate(), 60_000);
    if (this.observedLog) this.observeLog(this.observedLog, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.currentDayTimer);
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
    // The window may be far up the history: render the newest rows (updated() then scrolls to them).
    this.requestUpdate();
    this.maybeMarkRead();
  }

  /** Loads the next page of older messages (what scrolling to the top does). */
  async loadOlder(): Promise<void> {
    const client = this.clients.client;
    const id = this.conversationID;
    if (this.loadingOlder && this.olderPage) {
      // Let a caller that pages in a loop (jumps) wait for the page in flight.
      await this.olderPage.catch(() => undefined);
      return;
    }
    if (!client || !id || this.phase !== 'ready' || this.loadingOlder || this.isEnd) return;
    const generation = this.generation;
    const oldest = this.messages[0] ?? null;
    this.loadingOlder = true;
    try {
      const request = client.getAdvancedHistoryMessageList({ conversationID: id, startMsg: oldest, count: this.pageSize });
      this.olderPage = request;
      const page = await request;
      if (generation !== this.generation) return;
      const added = this.merge(page.messageList);
      this.isEnd = page.isEnd;
      if (!added && !page.isEnd) this.olderBlocked = true;
    } catch {
      if (generation === this.generation) this.olderBlocked = true;
    } finally {
      if (generation === this.generation) {
        this.loadingOlder = false;
        this.olderPage = null;
      }
    }
    // Still near the top (a page shorter than the prefetch distance, or the reader sits at the
    // top, where no further scroll event comes): fetch the next one.
    await this.updateComplete;
    const log = this.log;
    if (generation === this.generation && log && !this.stick && !this.isEnd && !this.olderBlocked && this.nearTop(log)) void this.loadOlder();
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
    this.olderPage = null;
    this.unreadNoted = false;
    this.unreadMark = null;
    this.unreadSeen = false;
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
      this.firstWindow = true;
      this.stick = true;
      this.forceBottom = true;
      await this.updateComplete;
      if (generation !== this.generation) return;
      // The first page is on screen with just what fits the view; once that has painted, add the
      // rows above and below it (a smaller first render is a sooner first paint). Until then
      // scrolling sets nothing off (onScroll).
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (generation !== this.generation) return;
          this.firstWindow = false;
          this.requestUpdate();
          // What the scroll of pinning the log set off before that paint, now: the next older page.
          this.onScroll();
        }),
      );
      // That render already ended at the newest message (no second render before the first paint).
      // Back in a conversation left scrolled up: to where the reader was (paging back is in chat-extras.ts).
      const saved = this.positions.get(id);
      this.positions.delete(id);
      const restored =
        saved && (await this.extras().then((x) => x.restorePosition(this as unknown as ActionHost, generation, saved), () => false));
      if (generation !== this.generation) return;
      if (!restored) this.maybeMarkRead();
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
      if (generation !== this.generation) return;
      this.noteUnread(c);
      this.conversation = c;
    } catch {
      // Not cached and offline, or not a conversation of ours: the header falls back to the ID.
    }
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
      if (m.status === MessageStatus.Deleted) {
        this.byID.delete(m.clientMsgID);
        continue;
      }
      if (!this.byID.has(m.clientMsgID)) added++;
      this.byID.set(m.clientMsgID, m);
    }
    this.messages = orderMessages(this.byID.values());
    return added;
  }

  private dropMessage(clientMsgID: string): void {
    if (!this.byID.delete(clientMsgID)) return;
    this.messages = orderMessages(this.byID.values());
  }

  private receive(message: MessageItem, incoming: boolean): void {
    if (!this.conversationID || message.conversationID !== this.conversationID) return;
    if (this.phase !== 'ready' && this.phase !== 'loading') return;
    if (message.status === MessageStatus.Deleted) return this.dropMessage(message.clientMsgID);
    if (message.status !== MessageStatus.Sending && this.progress.has(message.clientMsgID)) {
      const next = new Map(this.progress);
      next.delete(message.clientMsgID);
      this.progress = next;
    }
    if (incoming && message.sendID !== this.selfID) this.peerTyping = false;
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
    this.noteUnread(c);
    this.conversation = prev && prev.peerReadSeq > c.peerReadSeq ? { ...c, peerReadSeq: prev.peerReadSeq } : c;
    if (c.unreadCount > 0) this.maybeMarkRead();
  }

  // ---- read state ----------------------------------------------------------

  /**
   * Takes what is unread from the first copy of the conversation this open gets (before the
   * view marks it read): the unread divider and pill show that for as long as it stays open.
   */
  private noteUnread(c: ConversationItem): void {
    if (this.unreadNoted) return;
    this.unreadNoted = true;
    this.unreadMark = c.unreadCount > 0 ? { afterSeq: c.hasReadSeq, count: c.unreadCount } : null;
    this.unreadSeen = false;
  }

  /**
   * The first message that was unread at open: the oldest from someone else with a seq
   * above the read mark (the server counts unread the same way). Null when nothing was
   * unread (or no such message exists); undefined while it may still be in an older page.
   */
  private firstUnread(): string | null | undefined {
    const mark = this.unreadMark;
    if (!mark) return null;
    const list = this.messages;
    const memo = this.firstUnreadMemo;
    if (memo && memo.list === list && memo.self === this.selfID && memo.mark === mark && memo.end === this.isEnd) return memo.id;
    let found: string | null = null;
    let oldestSeq = Infinity;
    for (const m of list) {
      if (m.seq <= 0) continue;
      if (oldestSeq === Infinity) oldestSeq = m.seq;
      if (m.seq > mark.afterSeq && m.sendID !== this.selfID) {
        found = m.clientMsgID;
        break;
      }
    }
    // Every message after the read mark is loaded once the oldest loaded seq reaches it.
    const id = this.isEnd || oldestSeq <= mark.afterSeq + 1 ? found : undefined;
    this.firstUnreadMemo = { list, self: this.selfID, mark, end: this.isEnd, id };
    return id;
  }

  /** Notes that the reader has seen the unread divider once it is in view (the pill then goes). */
  private checkUnreadSeen(log: HTMLElement): void {
    if (!this.unreadMark || this.unreadSeen) return;
    const divider = log.querySelector<HTMLElement>('[part~="unread-divider"]');
    if (!divider) return;
    const box = divider.getBoundingClientRect();
    const view = log.getBoundingClientRect();
    if (box.bottom > view.top && box.top < view.bottom) this.unreadSeen = true;
  }

  private maybeMarkRead(): void {
    const client = this.clients.client;
    const id = this.conversationID;
    const c = this.conversation;
    if (!client || !id || !c || this.phase !== 'ready') return;
    // Group read receipts ("read by N") for others' messages on screen: chat-extras.ts, with the group's other on-demand parts.
    if (c.groupID && this.stick && this.inView) void this.extras().then((x) => x.sendGroupReceipts(this as unknown as ActionHost), () => undefined);
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
        // The viewport or a row changed height (composer grew, window resized, an image loaded, …).
        this.measureRows(log);
        // Follow the bottom, unless the reader scrolled away since it was last pinned (their
        // scroll event has not arrived yet; pinning now would yank them back).
        const moved = log.scrollTop !== this.viewAnchorScrollTop && !isAtBottom(log);
        if (this.stick && !moved) log.scrollTop = log.scrollHeight;
        // Keep the row the reader sees where it was (browsers without CSS scroll anchoring need
        // this). Only if nothing scrolled since it was noted: a script's scrollTop change has
        // no scroll event until the next frame, and the browser's own anchoring moves scrollTop
        // too; either way the note is stale and correcting to it would undo that scroll.
        else if (this.viewAnchor && log.scrollTop === this.viewAnchorScrollTop) this.alignAnchor(log, this.viewAnchor);
        this.noteViewAnchor(log);
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
    // Until an open's first page has painted, the only scroll is the log being pinned to the
    // bottom, and whatever it set off (a day label, the next older page, more rows) would be a
    // render and a layout in front of that paint; the render after it looks at the log afresh.
    if (!log || this.firstWindow) return;
    const bottom = isAtBottom(log);
    this.stick = bottom;
    if (bottom !== this.atBottom) this.atBottom = bottom;
    if (bottom) {
      if (this.newCount) this.newCount = 0;
      this.maybeMarkRead();
    }
    this.noteViewAnchor(log);
    this.updateCurrentDay(log);
    // Only a reader away from the newest message needs the day: the scroll that pins a newly
    // opened conversation to the bottom should not flash the label over the first rows.
    if (!bottom) {
      this.currentDayShown = true;
      clearTimeout(this.currentDayTimer);
      this.currentDayTimer = setTimeout(() => (this.currentDayShown = false), 1200);
    } else if (this.currentDayShown) {
      clearTimeout(this.currentDayTimer);
      this.currentDayShown = false;
    }
    this.checkUnreadSeen(log);
    // Re-window before the rendered rows run out (the render happens before the next paint).
    if (!this.windowCovers(log)) {
      this.rewindow = true;
      this.requestUpdate();
    }
    if (this.nearTop(log) && !this.olderBlocked) void this.loadOlder();
  }

  /**
   * Gives a message's time its tooltip (the full date and time) when the pointer reaches it.
   * Formatting it for every row up front put the creation of a date formatter (~10 ms) in
   * the way of the first painted message.
   */
  private onPointerOver(event: PointerEvent): void {
    const time = (event.target as Element | null)?.closest?.('time[part~="time"]') as HTMLTimeElement | null;
    if (!time) return;
    const locale = this.i18n.intl;
    if (time.title && time.dataset['titleLocale'] === locale) return;
    const ms = Date.parse(time.dateTime);
    if (Number.isNaN(ms)) return;
    time.title = this.i18n.full(ms);
    time.dataset['titleLocale'] = locale;
  }

  /**
   * Whether older messages should be fetched: well before the top (rows outside the window
   * cost no DOM), because a page that lands while the view is at scrollTop 0 must be
   * compensated by script, which the browser counts as a layout shift; above 0, CSS scroll
   * anchoring keeps the view still by itself.
   */
  private nearTop(log: HTMLElement): boolean {
    return log.scrollTop < Math.max(TOP_PREFETCH, 2 * log.clientHeight);
  }

  /** Notes which row the reader sees at the top, and the scroll position it was seen at. */
  private noteViewAnchor(log: HTMLElement): void {
    this.viewAnchor = this.stick ? null : this.findAnchor();
    this.viewAnchorScrollTop = log.scrollTop;
  }

  /** Notes the rows and day headings the render left in the log (one walk over its children, no selector matching). */
  private noteRenderedRows(log: HTMLElement): void {
    const rows: HTMLElement[] = [];
    const headings = new Map<number, HTMLElement>();
    const content = log.firstElementChild;
    for (let el = content?.firstElementChild ?? null; el; el = el.nextElementSibling) {
      if (!(el instanceof HTMLElement)) continue;
      if (el.dataset['msgId'] !== undefined) rows.push(el);
      else if (el.dataset['day'] !== undefined) headings.set(Number(el.dataset['day']), el);
    }
    this.rowEls = rows;
    this.dayHeadings = headings;
  }

  /** The message rows in the DOM, in order (the window of `messages`), as the last render left them. */
  private renderedRows(log: HTMLElement): HTMLElement[] {
    const rows = this.rowEls;
    if (rows.length && rows[0]!.parentElement?.parentElement === log && rows[rows.length - 1]!.isConnected) return rows;
    this.noteRenderedRows(log);
    return this.rowEls;
  }

  /** How far beyond the view the window renders (px above and below). */
  private overscan(viewport: number): number {
    return Math.min(Math.max(viewport, 300), 1000);
  }

  /**
   * Whether the rendered rows still reach `margin` px beyond the view on both sides; by default half
   * the overscan, so that a fast flick (400 px a frame in an 800 px view) finds rows rendered in the
   * frame it scrolls to: the scroll event that re-windows comes a frame after the scroll.
   */
  private windowCovers(log: HTMLElement, margin?: number): boolean {
    const rows = this.renderedRows(log);
    if (!rows.length) return this.messages.length === 0;
    const view = log.getBoundingClientRect();
    margin ??= this.overscan(view.height) / 2;
    // By ID, not by this.range: a page prepended since the last render moved every index.
    const last = rows[rows.length - 1]!;
    const topOK = rows[0]!.dataset['msgId'] === this.messages[0]?.clientMsgID || rows[0]!.getBoundingClientRect().top <= view.top - margin;
    const bottomOK = last.dataset['msgId'] === this.messages[this.messages.length - 1]?.clientMsgID || last.getBoundingClientRect().bottom >= view.bottom + margin;
    return topOK && bottomOK;
  }

  /**
   * Records the heights of the rendered rows: the distance from each row's top to the next
   * one's (so gaps and a following date heading count), the box height for the last one.
   */
  private measureRows(log: HTMLElement): void {
    const rows = this.renderedRows(log);
    let prevTop = 0;
    let prevID = '';
    for (const row of rows) {
      // A day heading or the unread divider right above a row counts with it (the spacers then hold them too).
      let lead: Element = row;
      for (let p = row.previousElementSibling; p?.matches('[part~="date-separator"], [part~="unread-divider"]'); p = p.previousElementSibling) lead = p;
      const top = lead.getBoundingClientRect().top;
      if (prevID) this.rowHeights.set(prevID, top - prevTop);
      prevTop = top;
      prevID = row.dataset['msgId']!;
    }
    const last = rows[rows.length - 1];
    if (last && prevID) this.rowHeights.set(prevID, last.getBoundingClientRect().bottom - prevTop);
  }

  /** Shows the day of the topmost row in view over the log, unless that day's own heading is in view. */
  private updateCurrentDay(log: HTMLElement): void {
    const anchor = this.viewAnchor ?? this.findAnchor();
    const m = anchor ? this.byID.get(anchor.id) : undefined;
    let label = '';
    if (m && log.scrollTop > 0) {
      const day = startOfDay(m.sendTime);
      const heading = this.dayHeadings.get(day);
      const headingInView = !!heading && heading.getBoundingClientRect().bottom > log.getBoundingClientRect().top;
      if (!headingInView) label = this.i18n.dayLabel(day, Date.now());
    }
    if (label !== this.currentDay) this.currentDay = label;
  }

  /** Scrolls so that the anchor's row starts `anchor.top` px below the top of the log (if it is rendered). */
  private alignAnchor(log: HTMLElement, anchor: Anchor): void {
    const row = log.querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(anchor.id)}"]`);
    if (!row) return;
    const delta = row.getBoundingClientRect().top - log.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) >= 0.5) log.scrollTop += delta;
  }

  /** The first message row visible at the top of the log, and where it is. */
  private findAnchor(): Anchor | null {
    const log = this.log;
    if (!log) return null;
    const rows = this.renderedRows(log);
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
    const rect = row.getBoundingClientRect();
    if (rect.bottom > top && rect.top < log.getBoundingClientRect().bottom) return { id: row.dataset['msgId']!, top: rect.top - top };
    // The rendered rows are out of view (the scrollbar was dragged far): find the row by the cached heights.
    const spacer = log.querySelector<HTMLElement>('.spacer-before');
    if (!spacer || !this.messages.length) return null;
    const hit = rowAtOffset(this.messages, this.rowHeights, top - spacer.getBoundingClientRect().top);
    return { id: this.messages[hit.index]!.clientMsgID, top: hit.top };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationID')) {
      const old = changed.get('conversationID');
      if (old && this.input) {
        this.drafts.set(old, this.input.value);
        this.saveDraft(old, this.input.value);
      }
      this.replyTo = null;
      this.selecting = false;
      this.selected = new Set();
      this.overlay = null;
      this.peerTyping = false;
      this.members = null;
      this.pickedMentions = [];
      this.mentionList = [];
      if (old && this.log && this.phase === 'ready') {
        const scrolledUp = !isAtBottom(this.log);
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
      else if (this.pendingAnchor) this.stick = false;
      else this.stick = isAtBottom(log);
    }
    if (this.forceBottom) this.pendingAnchor = null;
    this.forceBottom = false;
    // At scrollTop 0 browsers do not anchor, so older rows landing above would push the view
    // down and the script's correction would count as a layout shift: step 1px off the top
    // first, and CSS scroll anchoring keeps the view still through the render.
    if (log && !this.stick && !this.isEnd && log.scrollTop === 0 && this.messages.length) log.scrollTop = 1;
    // Remember what the reader is looking at, to keep it in place across this render
    // (the window of rendered rows is computed around it).
    this.anchor = this.pendingAnchor ?? (!this.stick && log ? this.findAnchor() : null);
    // Only scrolling moves the window (onScroll asks for it when the rows run short of the margin):
    // a render for anything else (a page landed, a receipt, the spinner) keeps the rows while they
    // cover the view, even if a scroll whose event has not come yet left them short of the margin.
    // New rows are what is slow to render, and a page landing together with a window's worth of
    // them was what made scroll frames late.
    const rows = !this.pendingAnchor && this.anchor && log && this.windowCovers(log, this.rewindow ? undefined : 0) ? this.renderedRows(log) : [];
    this.kept = rows.length ? [rows[0]!.dataset['msgId']!, rows[rows.length - 1]!.dataset['msgId']!] : null;
    this.pendingAnchor = null;
    this.rewindow = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const log = this.log;
    if (log) this.observeLog(log);
    else this.observedLog = null;
    if (changed.has('conversationID')) this.restoreDraft();
    if (!log) return;
    sweepRowMarkers(log.firstElementChild!);
    this.noteRenderedRows(log);
    this.measureRows(log);
    if (this.stick) {
      log.scrollTop = log.scrollHeight;
    } else if (this.anchor) {
      // Rows entered or left the window above the reader, or older ones were prepended:
      // put the row they were reading back where it was.
      this.alignAnchor(log, this.anchor);
    }
    this.noteViewAnchor(log);
    this.anchor = null;
    this.checkUnreadSeen(log);
  }

  // ---- composer ------------------------------------------------------------

  private restoreDraft(): void {
    const input = this.input;
    if (!input) return;
    const id = this.conversationID;
    const local = id ? this.drafts.get(id) : undefined;
    input.value = local ?? '';
    // A draft kept in IndexedDB (setConversationDraft) comes back after a reload.
    if (local === undefined && id && this.clients.client) {
      void this.clients.client
        .getConversationByID(id)
        .then((c) => {
          if (this.conversationID === id && this.input && !this.input.value && c.draftText) {
            this.input.value = c.draftText;
            this.onInput();
          }
        })
        .catch(() => undefined);
    }
    this.composerError = '';
    this.onInput();
  }

  private saveDraft(conversationID: string, text: string): void {
    clearTimeout(this.draftTimer);
    const client = this.clients.client;
    if (!client) return;
    Promise.resolve()
      .then(() => client.setConversationDraft(conversationID, text.trim() ? text : ''))
      .catch(() => undefined);
  }

  private onInput(): void {
    const input = this.input;
    if (!input) return;
    const id = this.conversationID;
    if (id) {
      clearTimeout(this.draftTimer);
      const text = input.value;
      this.draftTimer = setTimeout(() => this.saveDraft(id, text), 600);
    }
    this.updateMentions();
    if (input.value.trim()) this.notifyTyping('typing');
    const empty = input.value.trim() === '';
    if (empty !== this.composerEmpty) this.composerEmpty = empty;
    // Empty: the CSS height (one row), without forcing a layout (this runs as a conversation opens).
    if (!input.value) {
      input.style.height = '';
      return;
    }
    // Grow with the text up to the CSS max-height, then scroll inside.
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + (input.offsetHeight - input.clientHeight)}px`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // The mention popup's keys and Escape for a reply (both exist only once chat-extras.ts is in).
    if (extrasModule?.composerKeydown(this as unknown as ActionHost, event)) return;
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
    if (this.conversationID) this.saveDraft(this.conversationID, '');
    this.notifyTyping('');
    const replyTo = this.replyTo;
    // Members are picked in the mention popup, so chat-extras.ts is in when there are any.
    const mentions = this.pickedMentions.length && extrasModule ? extrasModule.activeMentions(text, this.pickedMentions) : [];
    this.replyTo = null;
    this.pickedMentions = [];
    this.mentionList = [];
    let message: MessageItem;
    try {
      if (replyTo) message = await client.createQuoteMessage({ text, message: replyTo });
      else if (mentions.length && this.isGroup) {
        message = await client.createTextAtMessage({
          text,
          atUserIDList: mentions.map((m) => m.userID),
          atUsersInfo: mentions.map((m) => ({ atUserID: m.userID, groupNickname: m.name })),
        });
      } else message = await client.createTextMessage(text);
    } catch (err) {
      this.replyTo = replyTo;
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

  // ---- message types and actions (issue 3) ---------------------------------

  private get mt(): MessageStrings {
    return this.i18n.messages(this.messageStrings);
  }

  private notifyTyping(tip: string): void {
    const client = this.clients.client;
    const c = this.conversation;
    if (!client || !c || c.groupID || !c.userID) return;
    Promise.resolve()
      .then(() => client.typingStatusUpdate(c.userID, tip))
      .catch(() => undefined);
  }

  private updateMentions(): void {
    const input = this.input;
    if (!input || !this.isGroup) {
      if (this.mentionList.length) this.mentionList = [];
      return;
    }
    const q = mentionQuery(input.value, input.selectionStart ?? input.value.length);
    if (!q) {
      if (this.mentionList.length) this.mentionList = [];
      return;
    }
    // The members, their filtering and the popup are imported on the first "@".
    void this.extras().then(
      (x) => x.showMentions(this as unknown as ActionHost),
      () => undefined,
    );
  }

  /** Sends a message created elsewhere (files, voice, forward) through the normal path. */
  private async sendCreated(create: () => Promise<MessageItem>): Promise<void> {
    const client = this.clients.client;
    const target = this.recipient();
    if (!client || !target) return;
    this.scrollToBottom();
    let message: MessageItem;
    try {
      message = await create();
    } catch (err) {
      const error = toErrorInfo(err);
      this.composerError = error.message || this.text.sendFailed;
      this.emit<ImMessageFailedDetail>('im-message-failed', { message: null, error });
      return;
    }
    this.composerError = '';
    await this.deliver(() => client.sendMessage(message, target.userID, target.groupID), message.clientMsgID);
  }

  /** Sends files (picked, pasted or dropped): images, videos and other files. */
  async sendFiles(files: File[]): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    // Which message a file becomes (composer/attach.ts) loads with chat-extras.ts.
    for (const file of files) await this.sendCreated(() => this.extras().then((x) => x.createForFile(client, file)));
  }

  private onPickFiles(e: Event): void {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.sendFiles(files);
  }

  private onPaste(e: ClipboardEvent): void {
    const files = filesOf(e.clipboardData);
    if (!files.length) return;
    e.preventDefault();
    void this.sendFiles(files);
  }

  private onDragOver(e: DragEvent): void {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    // The drop zone shows once its CSS is in (unless the drag ended meanwhile).
    const drag = ++this.dragSeq;
    void this.extras().then(
      () => drag === this.dragSeq && (this.dragging = true),
      () => undefined,
    );
  }

  /** Counts drag events, so a drop zone whose CSS arrives after the drag ended stays hidden. */
  private dragSeq = 0;

  private onDrop(e: DragEvent): void {
    this.dragSeq++;
    this.dragging = false;
    const files = filesOf(e.dataTransfer);
    if (!files.length) return;
    e.preventDefault();
    void this.sendFiles(files);
  }

  /** The panel's template and CSS come with chat-extras.ts, the picker itself with composer/emoji.ts. */
  private async toggleEmoji(): Promise<void> {
    if (!this.emojiOpen && !(await this.extras().catch(() => null))) return;
    this.emojiOpen = !this.emojiOpen;
    if (this.emojiOpen) await loadEmojiPicker().catch(() => (this.emojiOpen = false));
  }

  /** Starts recording a voice message, or stops and sends it (chat-extras.ts, with the recorder and its status). */
  private toggleRecording(): void {
    void this.withActions((x, host) => x.toggleRecording(host));
  }

  /** Sends the device's position as a location message (asks the browser for permission; chat-extras.ts). */
  private shareLocation(): void {
    void this.withActions((x, host) => x.shareLocation(host));
  }

  /** Scrolls to a loaded message (e.g. the original of a quote) and flashes it (chat-extras.ts); false when it is not loaded. */
  jumpToMessage(clientMsgID: string): boolean {
    if (!this.byID.has(clientMsgID)) return false;
    void this.withActions((x, host) => x.jumpToMessage(host, clientMsgID));
    return true;
  }

  /**
   * Scrolls to the "Unread messages" divider above the first message that was unread when
   * the conversation was opened, loading older pages until that message is there. Resolves
   * false when nothing was unread or it could not be loaded (offline, or very far back).
   */
  async jumpToFirstUnread(): Promise<boolean> {
    const generation = this.generation;
    if (!this.unreadMark) return false;
    this.unreadSeen = true;
    // Paging back to it and placing it are in chat-extras.ts, imported on the first jump.
    return this.extras().then(
      (x) => generation === this.generation && x.jumpToFirstUnread(this as unknown as ActionHost, generation),
      () => false,
    );
  }

  private renderCtx(m: MessageItem): MessageRenderContext {
    return {
      message: m,
      own: m.sendID === this.selfID,
      client: this.clients.client,
      strings: this.text,
      t: this.mt,
      selfID: this.selfID,
      progress: this.progress.get(m.clientMsgID),
      openImage: (src, original, name) => (this.overlay = { kind: 'image', src, original, name, zoom: 1 }),
      // A quote's original: paging back to it is in chat-extras.ts.
      jumpTo: (id, seq) => void this.withActions((x, host) => x.jumpOrLoad(host, id, seq)),
      openMerged: (message) => (this.overlay = { kind: 'merged', message }),
      markPlayed: (id) => {
        this.played.add(id);
        this.savePlayed();
        this.requestUpdate();
      },
      isPlayed: (id) => this.loadPlayed().has(id),
      cancelUpload: (id) => this.clients.client?.cancelUpload(id),
      requestUpdate: this.rerender,
    };
  }

  private playedLoaded = '';
  private loadPlayed(): Set<string> {
    const key = `imkit-played:${this.selfID}`;
    if (this.playedLoaded !== key && typeof localStorage !== 'undefined') {
      this.playedLoaded = key;
      try {
        this.played = new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
      } catch {
        this.played = new Set();
      }
    }
    return this.played;
  }

  private savePlayed(): void {
    if (typeof localStorage === 'undefined') return;
    try {
      localStorage.setItem(`imkit-played:${this.selfID}`, JSON.stringify([...this.played].slice(-2000)));
    } catch {
      /* storage full or denied: played state stays in memory */
    }
  }

  private get isManager(): boolean {
    return false;
  }

  /** What a chosen action does lives in chat-extras.ts, imported on the first action; the action waits for it (it is not dropped). */
  private async withActions(run: (a: typeof import('./chat-extras.js'), host: ActionHost) => unknown): Promise<void> {
    try {
      await run(await this.extras(), this as unknown as ActionHost);
    } catch (err) {
      this.menuFor = null;
      this.composerError = toErrorInfo(err).message;
    }
  }

  /** Loads chat-extras.ts and adopts its CSS into this chat (before whatever needs it is shown). */
  private async extras(): Promise<typeof import('./chat-extras.js')> {
    const m = await loadExtras();
    m.adoptExtraStyles(this);
    return m;
  }

  private toggleMenu(id: string, open: boolean): void {
    if (open) this.menuFor = null;
    else void this.withActions(() => (this.menuFor = id));
  }

  private runAction(m: MessageItem, id: MessageActionID): Promise<void> {
    return this.withActions((a, host) => a.runAction(host, m, id));
  }

  private openForward(messages: MessageItem[], merged: boolean): void {
    void this.withActions((a, host) => a.openForward(host, messages, merged));
  }

  private forwardTo(target: ConversationItem): Promise<void> {
    return this.withActions((a, host) => a.forwardTo(host, target));
  }

  private deleteSelected(): Promise<void> {
    return this.withActions((a, host) => a.deleteSelected(host));
  }

  private renderActions(m: MessageItem): TemplateResult | typeof nothing {
    if (this.selecting) return nothing;
    const open = this.menuFor === m.clientMsgID;
    return html`<div class="actions">
      <button
        part="actions-button"
        type="button"
        class="actions-button"
        aria-label=${this.mt.moreActions}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        @click=${() => this.toggleMenu(m.clientMsgID, open)}
      >⋯</button>
      ${open && extrasModule ? extrasModule.renderActionsMenu(this as unknown as ActionHost, m) : nothing}
    </div>`;
  }

  private renderReadCount(m: MessageItem): TemplateResult | typeof nothing {
    if (!this.isGroup || m.sendID !== this.selfID || m.seq <= 0) return nothing;
    const n = m.attachedInfoElem?.groupHasReadInfo.hasReadCount ?? 0;
    if (!n) return nothing;
    return html`<button part="read-count" type="button" class="read-count" @click=${() => void this.runAction(m, 'readers')}>${this.mt.readBy(n)}</button>`;
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  // ---- rendering -----------------------------------------------------------

  private get text(): ImStrings {
    return this.i18n.strings(this.strings);
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
          ${connected ? (this.peerTyping ? this.mt.typing : this.isGroup ? t.groupChat : t.directChat) : t.connection[this.connection]}
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
    if (m.contentType === CALL_RECORD_CONTENT_TYPE) return renderCallRecord(m, this.selfID, this.mt, this.i18n, this.rerender);
    const layout = layoutOf(m);
    if (layout === 'notice') {
      return html`<div part="notice" data-msg-id=${m.clientMsgID} data-seq=${m.seq}>${rendererFor(m).render(this.renderCtx(m))}</div>`;
    }
    const own = m.sendID === this.selfID;
    const joins = (a: MessageItem | undefined, b: MessageItem | undefined) =>
      !!a &&
      !!b &&
      a.sendID === b.sendID &&
      layoutOf(a) !== 'notice' &&
      layoutOf(b) !== 'notice' &&
      isSameDay(a.sendTime, b.sendTime) &&
      Math.abs(b.sendTime - a.sendTime) < GROUP_GAP_MS;
    const cont = joins(prev, m);
    const more = joins(m, next);
    const failed = m.status === MessageStatus.Failed;
    const sending = m.status === MessageStatus.Sending;
    const parts = [
      'message',
      own ? 'message-own' : 'message-other',
      sending && 'message-sending',
      failed && 'message-failed',
      `message-type-${m.contentType}`,
    ]
      .filter(Boolean)
      .join(' ');
    const senderName = m.senderNickname || m.sendID;
    const showAvatarColumn = this.isGroup && !own;
    const showSender = this.isGroup && !own && !cont;
    const forwardedFrom = m.ex && m.ex.startsWith('{') ? (() => {
      try {
        return (JSON.parse(m.ex) as { forwardedFrom?: string }).forwardedFrom ?? '';
      } catch {
        return '';
      }
    })() : '';
    return html`<div
      part=${parts}
      class="${cont ? 'cont' : 'first'} ${more ? 'more' : 'last'} ${this.highlight === m.clientMsgID ? 'flash' : ''} ${this.selecting ? 'selecting' : ''}"
      data-msg-id=${m.clientMsgID}
      data-seq=${m.seq}
      data-content-type=${m.contentType}
    >
      ${this.selecting && extrasModule ? extrasModule.renderSelectBox(this as unknown as ActionHost, m) : nothing}
      ${showAvatarColumn
        ? more
          ? html`<span class="avatar-gap"></span>`
          : avatar({ id: m.sendID, name: senderName, faceURL: m.senderFaceUrl, size: 34 })
        : nothing}
      <div class="stack">
        <div part="bubble" class="layout-${layout} ${m.atTextElem?.isAtSelf && !own ? 'at-self' : ''}">
          ${showSender
            ? html`<span part="sender" style="--im-sender-hue:${hueOf(m.sendID)}">${senderName}</span>`
            : html`<span class="sr-only">${own ? t.you : senderName}:</span>`}
          ${forwardedFrom ? html`<span part="forwarded" class="forwarded">${this.mt.forwarded(forwardedFrom)}</span>` : nothing}
          <div part="content" class="content-${m.contentType}">${rendererFor(m).render(this.renderCtx(m))}</div><span part="meta">
            <time part="time" datetime=${isoTime(m.sendTime)}
              >${this.i18n.clock(m.sendTime)}</time
            >${this.renderStatus(m)}
          </span>
        </div>
        ${this.renderReadCount(m)}
        ${failed
          ? html`<div part="failure" role="alert">
              <span>${alertIcon()} ${t.notSent}${m.failure?.message ? html`: ${m.failure.message}` : nothing}</span>
              <button part="retry-button" type="button" @click=${() => void this.retry(m.clientMsgID)}>
                ${retryIcon()} ${t.retry}
              </button>
            </div>`
          : nothing}
      </div>
      ${this.renderActions(m)}
    </div>`;
  }

  /** Which slice of the loaded messages to render: the newest when following the bottom, else around the anchor. */
  private windowRange(): RowRange {
    const list = this.messages;
    // No log yet (the first page of an open): the chat's own height bounds the view.
    const viewport = this.log?.clientHeight || this.clientHeight || innerHeight;
    const overscan = this.firstWindow ? 0 : this.overscan(viewport);
    const a = this.anchor;
    const index = a && !this.stick ? list.findIndex((m) => m.clientMsgID === a.id) : -1;
    if (a && index >= 0) {
      const k = this.kept;
      const start = k ? list.indexOf(this.byID.get(k[0])!) : -1;
      const end = k ? list.indexOf(this.byID.get(k[1])!) + 1 : 0;
      if (start >= 0 && start <= index && index < end && end - start <= MAX_WINDOW_ROWS) return { start, end };
      return rangeAround(list, this.rowHeights, index, a.top, viewport, overscan);
    }
    return rangeAtBottom(list, this.rowHeights, viewport, overscan);
  }

  private renderLog(): TemplateResult {
    const t = this.text;
    const list = this.messages;
    const now = Date.now();
    // Only a window of the loaded messages is in the DOM; spacers stand in for the rest
    // (message-list/message-window.ts).
    const range = (this.range = this.windowRange());
    const before = this.rowHeights.sum(list, 0, range.start);
    const after = this.rowHeights.sum(list, range.end, list.length);
    // Rows and day headings are siblings (no per-day containers): a container whose top moved
    // as rows came and went above the view would count as a layout shift, though nothing seen moves.
    const firstUnread = this.firstUnread();
    const items: Array<{ key: string; day: number; index: number }> = [];
    for (let i = range.start; i < range.end; i++) {
      const m = list[i]!;
      const day = startOfDay(m.sendTime);
      const prev = list[i - 1];
      if (!prev || startOfDay(prev.sendTime) !== day) items.push({ key: `day-${day}`, day, index: -1 });
      if (m.clientMsgID === firstUnread) items.push({ key: 'unread-divider', day, index: -2 });
      items.push({ key: m.clientMsgID, day, index: i });
    }
    const renderItem = (item: { day: number; index: number }) => {
      if (item.index === -2) {
        return html`<div part="unread-divider" role="separator" aria-label=${t.unreadDivider}><span>${t.unreadDivider}</span></div>`;
      }
      if (item.index < 0) {
        return html`<div part="date-separator" data-day=${item.day}>${this.i18n.dayLabel(item.day, now)}</div>`;
      }
      // Neighbours come from the whole list, so grouping is right at the window's edges.
      return this.renderMessage(list[item.index]!, list[item.index - 1], list[item.index + 1]);
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
        @pointerover=${this.onPointerOver}
      >
        <div class="content">
          ${top}
          <div class="spacer spacer-before" aria-hidden="true" style="height:${before}px"></div>
          ${repeat(items, (item) => item.key, renderItem)}
          <div class="spacer spacer-after" aria-hidden="true" style="height:${after}px"></div>
        </div>
      </div>
      ${this.currentDay ? html`<div part="current-day" class=${this.currentDayShown ? 'shown' : ''} aria-hidden="true">${this.currentDay}</div>` : nothing}
      ${this.unreadMark && !this.unreadSeen && firstUnread !== null
        ? html`<button part="jump-to-unread" type="button" @click=${() => void this.jumpToFirstUnread()}>
            ${arrowDownIcon()}<span>${t.jumpToUnread(this.unreadMark.count)}</span>
          </button>`
        : nothing}
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
    const mt = this.mt;
    const reply = this.replyTo;
    const recording = this.recordingSeconds >= 0;
    // Selection bar, reply preview, mention popup and recording status show only after a step
    // that loaded their module (an action, an "@", the recorder): a first paint does not need them.
    const extras = extrasModule;
    const host = this as unknown as ActionHost;
    return html`${this.composerError
        ? html`<div part="composer-error" role="alert">${this.composerError}</div>`
        : nothing}
      ${this.selecting && extras ? extras.renderSelectionBar(host) : nothing}
      ${reply && extras ? extras.renderReplyPreview(host, reply) : nothing}
      ${this.mentionList.length && extras ? extras.renderMentionList(host) : nothing}
      ${this.emojiOpen && extras ? extras.renderEmojiPanel(host) : nothing}
      <form part="composer" @submit=${this.onSubmit} class=${recording ? 'recording' : ''}>
        <button part="attach-button" type="button" class="tool" aria-label=${mt.attach} title=${mt.attach} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>
        </button>
        <input part="file-input" type="file" multiple hidden @change=${this.onPickFiles} />
        ${typeof navigator !== 'undefined' && navigator.geolocation
          ? html`<button part="location-button" type="button" class="tool" aria-label=${mt.shareLocation} title=${mt.shareLocation} @click=${() => this.shareLocation()}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>
            </button>`
          : nothing}
        <button part="emoji-button" type="button" class="tool" aria-label=${mt.emoji} title=${mt.emoji} aria-expanded=${this.emojiOpen ? 'true' : 'false'} @click=${() => void this.toggleEmoji()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm-3.5-9A1.5 1.5 0 1 0 8.5 8a1.5 1.5 0 0 0 0 3zm7 0A1.5 1.5 0 1 0 15.5 8a1.5 1.5 0 0 0 0 3zM12 17.5c2.3 0 4.3-1.4 5.1-3.5H6.9c.8 2.1 2.8 3.5 5.1 3.5z"/></svg>
        </button>
        ${recording && extras ? extras.renderRecordingStatus(host) : nothing}
        <textarea
          part="input"
          rows="1"
          enterkeyhint="send"
          ?hidden=${recording}
          placeholder=${t.placeholder}
          aria-label=${t.composerLabel}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @paste=${this.onPaste}
          @blur=${() => this.notifyTyping('')}
        ></textarea>
        ${recording
          ? html`<button part="voice-stop" type="button" class="tool stop" aria-label=${mt.stopRecording} title=${mt.stopRecording} @click=${() => this.toggleRecording()}>■</button>`
          : html`${this.composerEmpty && canRecord()
                ? html`<button part="voice-button" type="button" class="tool" aria-label=${mt.recordVoice} title=${mt.recordVoice} @click=${() => this.toggleRecording()}>
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1A7 7 0 0 0 19 11z"/></svg>
                  </button>`
                : nothing}
              <button part="send-button" type="submit" ?disabled=${this.composerEmpty} aria-label=${t.send} title=${t.send}>
                ${sendIcon()}
              </button>`}
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
        <button part="reload-button" class="state-button" type="button" @click=${() => void this.open()}>${t.retry}</button>
      </div>`;
    } else if (this.phase !== 'ready') {
      body = html`<div part="loading" role="status" aria-busy="true">
        <span class="spinner" aria-hidden="true"></span>
      </div>`;
    } else {
      body = this.renderLog();
    }
    return html`<div
      part="base"
      class=${this.dragging ? 'dragging' : ''}
      @dragover=${this.onDragOver}
      @dragleave=${(e: DragEvent) => e.currentTarget === e.target && (this.dragSeq++, (this.dragging = false))}
      @drop=${this.onDrop}
      @click=${(e: Event) => this.menuFor && !(e.composedPath()[0] as HTMLElement).closest?.('.actions') && (this.menuFor = null)}
    >
      ${this.renderHeader()} ${renderStorageNotice(this, this.clients, this.text)} ${body} ${this.renderComposer()}
      ${this.dragging ? html`<div part="drop-zone" class="drop-zone">${this.mt.dropFiles}</div>` : nothing}
      ${renderOverlay(this.overlay, {
        t: this.mt,
        formatTime: (t) => this.i18n.full(t),
        close: () => (this.overlay = null),
        zoom: (d) => {
          if (this.overlay?.kind === 'image') this.overlay = { ...this.overlay, zoom: Math.min(4, Math.max(0.5, this.overlay.zoom + d)) };
        },
        forwardTo: (c) => void this.forwardTo(c),
        requestUpdate: this.rerender,
      })}
    </div>`;
  }
}

/** Whether this browser can record voice messages (the recorder itself loads on first use). */
function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
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
