import { html, type LitElement, type TemplateResult } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import type { ConversationItem, MessageItem } from '../../src/model/types.js';
import { AT_ALL } from '../../src/model/elems.js';
import { ContentType } from '../../src/model/enums.js';
import type { ImStrings } from '../i18n/strings.js';
import { adoptStyles } from '../shared/adopt-styles.js';
import { menuKeydown } from '../shared/focus-keys.js';
import { messageText } from '../shared/message-text.js';
import { VoiceRecorder } from './composer/recorder.js';
import { mentionQuery, type MentionCandidate } from './composer/mention.js';
import { filterCandidates } from './composer/mention-pick.js';
import extraStyles from './chat-extras.styles.js';
// The English texts this part shows (the rest of the chat's table).
import './strings-messages-more.js';
import type { Overlay } from './overlays.js';
import type { MessageStrings } from './strings-messages.js';
import { isAtBottom } from './message-list/message-window.js';
import { actionsFor, copyText, type MessageActionID } from './actions/menu.js';

export { createForFile } from './composer/attach.js';
export { activeMentions } from './composer/mention-pick.js';

/**
 * What the chat's on-demand parts (message actions, selection, reply, mentions, recording)
 * need of `<im-chat>`. The element passes itself: these are its (TypeScript-private) fields,
 * named here so this module is imported when one is first used instead of shipping with a
 * first paint of the chat.
 */
export interface ActionHost {
  readonly clients: { client: ImClientApi | undefined };
  readonly input: HTMLTextAreaElement | null;
  readonly byID: Map<string, MessageItem>;
  readonly displayName: string;
  readonly selfID: string;
  readonly isGroup: boolean;
  readonly isManager: boolean;
  readonly revokeWindowMs: number;
  readonly mt: MessageStrings;
  readonly text: ImStrings;
  readonly messages: MessageItem[];
  readonly conversation: ConversationItem | null;
  readonly pickedMentions: MentionCandidate[];
  members: MentionCandidate[] | null;
  mentionList: MentionCandidate[];
  mentionIndex: number;
  onInput(): void;
  recorder: VoiceRecorder | null;
  recordTimer: ReturnType<typeof setInterval> | undefined;
  recordingSeconds: number;
  readonly emojiDataSource: string | undefined;
  sendCreated(create: () => Promise<MessageItem>): Promise<void>;
  menuFor: string | null;
  replyTo: MessageItem | null;
  selecting: boolean;
  selected: Set<string>;
  overlay: Overlay | null;
  composerError: string;
  dropMessage(clientMsgID: string): void;
  emit<T>(name: string, detail: T): void;
  // The log, for the jump to the first unread message:
  readonly generation: number;
  readonly log: HTMLElement | null;
  readonly isEnd: boolean;
  readonly olderBlocked: boolean;
  readonly updateComplete: Promise<boolean>;
  stick: boolean;
  atBottom: boolean;
  pendingAnchor: { id: string; top: number } | null;
  firstUnread(): string | null | undefined;
  loadOlder(): Promise<void>;
  noteViewAnchor(log: HTMLElement): void;
  requestUpdate(): void;
  highlight: string | null;
  // Group read receipts:
  readonly inView: boolean;
  readonly receipted: Set<string>;
}

export function toErrorInfo(err: unknown): { code: number; message: string } {
  const e = err as { code?: number; message?: string } | null;
  return { code: typeof e?.code === 'number' ? e.code : 0, message: e?.message ?? String(err) };
}

/** Runs a chosen menu action on `m`; reports it with `im-message-action` or `im-message-action-failed`. */
export async function runAction(host: ActionHost, m: MessageItem, id: MessageActionID): Promise<void> {
  const client = host.clients.client;
  host.menuFor = null;
  if (!client) return;
  try {
    switch (id) {
      case 'reply':
        host.replyTo = m;
        host.input?.focus();
        break;
      case 'copy':
        await navigator.clipboard?.writeText(copyText(m));
        break;
      case 'forward':
        openForward(host, [m], false);
        break;
      case 'select':
        host.selecting = true;
        host.selected = new Set([m.clientMsgID]);
        break;
      case 'recall':
        await client.revokeMessage(m);
        break;
      case 'delete-me':
        await client.deleteMessageFromLocalStorage(m);
        host.dropMessage(m.clientMsgID);
        break;
      case 'delete-all':
        await client.deleteMessage(m);
        host.dropMessage(m.clientMsgID);
        break;
      case 'readers': {
        host.overlay = { kind: 'readers', message: m, loading: true, readers: [], unread: 0 };
        const r = await client.getGroupMessageReaderList(m.conversationID, m.clientMsgID);
        host.overlay = { kind: 'readers', message: m, loading: false, readers: r.readers, unread: r.unreadCount };
        break;
      }
    }
    host.emit('im-message-action', { action: id, message: m });
  } catch (err) {
    const error = toErrorInfo(err);
    host.composerError = error.message;
    host.emit('im-message-action-failed', { action: id, message: m, error });
  }
}

/** Opens the forward dialog for `messages` and fills in the conversations to pick from. */
export function openForward(host: ActionHost, messages: MessageItem[], merged: boolean): void {
  const client = host.clients.client;
  host.overlay = { kind: 'forward', messages, merged, conversations: null };
  if (!client) return;
  void client.getAllConversationList().then(
    (list) => {
      if (host.overlay?.kind === 'forward') host.overlay = { ...host.overlay, conversations: list };
    },
    (err) => {
      if (host.overlay?.kind === 'forward') host.overlay = { ...host.overlay, conversations: [], error: toErrorInfo(err).message };
    },
  );
}

/** Sends the forward dialog's messages (one by one, or merged into one) to `target`. */
export async function forwardTo(host: ActionHost, target: ConversationItem): Promise<void> {
  const client = host.clients.client;
  const o = host.overlay;
  if (!client || o?.kind !== 'forward') return;
  const to = { userID: target.groupID ? '' : target.userID, groupID: target.groupID };
  try {
    const list = o.merged
      ? [await client.createMergerMessage({ messageList: o.messages, title: host.displayName })]
      : await Promise.all(o.messages.map((m) => client.createForwardMessage(m)));
    for (const m of list) await client.sendMessage(m, to.userID, to.groupID);
    host.overlay = null;
    host.selecting = false;
    host.selected = new Set();
  } catch (err) {
    host.overlay = { ...o, error: toErrorInfo(err).message };
  }
}

/** Deletes the selected messages from this device and leaves selection mode. */
export async function deleteSelected(host: ActionHost): Promise<void> {
  const client = host.clients.client;
  if (!client) return;
  for (const id of host.selected) {
    const m = host.byID.get(id);
    if (m) await client.deleteMessageFromLocalStorage(m).catch(() => undefined);
    host.dropMessage(id);
  }
  host.selecting = false;
  host.selected = new Set();
}

/** A message's open actions menu (the ⋯ button stays in the row; this opens only once this module is in). */
export function renderActionsMenu(host: ActionHost, m: MessageItem): TemplateResult {
  const own = m.sendID === host.selfID;
  const items = actionsFor(m, { own, isGroup: host.isGroup, isManager: host.isManager, revokeWindowMs: host.revokeWindowMs, now: Date.now() }, host.mt);
  return html`<div part="actions-menu" class="actions-menu" role="menu" aria-label=${host.mt.moreActions} @keydown=${(e: KeyboardEvent) => menuKeydown(e, () => (host.menuFor = null))}>
    ${items.map(
      (a) => html`<button part="action" role="menuitem" type="button" class=${a.danger ? 'danger' : ''} data-action=${a.id} @click=${() => void runAction(host, m, a.id)}>
        ${a.label}
      </button>`,
    )}
  </div>`;
}

/** The bar over the composer while messages are being selected. */
export function renderSelectionBar(host: ActionHost): TemplateResult {
  const t = host.mt;
  const n = host.selected.size;
  const chosen = host.messages.filter((m) => host.selected.has(m.clientMsgID));
  return html`<div part="selection-bar" class="selection-bar" role="toolbar">
    <span>${t.selectedCount(n)}</span>
    <button type="button" part="selection-forward" ?disabled=${!n} @click=${() => openForward(host, chosen, true)}>${t.forwardSelected}</button>
    <button type="button" part="selection-forward-each" ?disabled=${!n} @click=${() => openForward(host, chosen, false)}>${t.forward}</button>
    <button type="button" part="selection-delete" ?disabled=${!n} @click=${() => void deleteSelected(host)}>${t.deleteSelected}</button>
    <button type="button" part="selection-cancel" @click=${() => ((host.selecting = false), (host.selected = new Set()))}>${t.cancel}</button>
  </div>`;
}

/** What the next message replies to, over the composer. */
export function renderReplyPreview(host: ActionHost, reply: MessageItem): TemplateResult {
  const mt = host.mt;
  return html`<div part="reply-preview" class="reply-preview">
    <span class="reply-label">${mt.replyingTo(reply.senderNickname || reply.sendID)}</span>
    <span class="reply-text">${messageText(reply, host.text)}</span>
    <button part="reply-cancel" type="button" aria-label=${mt.cancelReply} @click=${() => (host.replyTo = null)}>✕</button>
  </div>`;
}

/** The members matching the "@" being typed (the composer's keys move through and pick them). */
export function renderMentionList(host: ActionHost): TemplateResult {
  return html`<ul part="mention-list" class="mention-list" role="listbox" aria-label=${host.mt.mentionMembers}>
    ${host.mentionList.map(
      (c, i) => html`<li
        part="mention-option"
        role="option"
        aria-selected=${i === host.mentionIndex ? 'true' : 'false'}
        data-user-id=${c.userID}
        @mousedown=${(e: Event) => {
          e.preventDefault();
          pickMention(host, c);
        }}
      >
        ${c.userID === AT_ALL ? html`<strong>@${c.name}</strong>` : html`@${c.name}`}
      </li>`,
    )}
  </ul>`;
}

/** The group's members (but me) to mention, fetched once per conversation (a failed fetch is tried again on the next "@"). */
async function loadMembers(host: ActionHost): Promise<MentionCandidate[]> {
  if (host.members) return host.members;
  const client = host.clients.client as (ImClientApi & { getGroupMemberList?: (p: { groupID: string; offset?: number; count?: number }) => Promise<{ userID: string; nickname: string; groupNickname?: string }[]> }) | undefined;
  const groupID = host.conversation?.groupID;
  if (!client || !groupID || typeof client.getGroupMemberList !== 'function') return [];
  try {
    const list = await client.getGroupMemberList({ groupID, offset: 0, count: 200 } as never);
    host.members = list
      .filter((m) => m.userID !== host.selfID)
      .map((m) => ({ userID: m.userID, name: m.groupNickname || m.nickname || m.userID }));
  } catch {
    return []; // not cached: the next "@" tries again
  }
  return host.members;
}

/** Fills the mention popup for the "@" before the caret (if it is still there once the members are in). */
export async function showMentions(host: ActionHost): Promise<void> {
  const members = await loadMembers(host);
  const input = host.input;
  const again = input && mentionQuery(input.value, input.selectionStart ?? input.value.length);
  if (!again) return;
  host.mentionList = filterCandidates(members, again.query, host.mt.everyone);
  host.mentionIndex = 0;
}

/**
 * The composer's keys while the mention popup is open: arrows move, Enter or Tab picks, Escape
 * closes; else Escape cancels a reply. True when the key was one of these (the composer then
 * does nothing else with it).
 */
export function composerKeydown(host: ActionHost, event: KeyboardEvent): boolean {
  if (event.key === 'Escape' && host.replyTo && !host.mentionList.length) {
    host.replyTo = null;
    return true;
  }
  const n = host.mentionList.length;
  if (!n || event.isComposing || !['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(event.key)) return false;
  event.preventDefault();
  if (event.key === 'ArrowDown') host.mentionIndex = (host.mentionIndex + 1) % n;
  else if (event.key === 'ArrowUp') host.mentionIndex = (host.mentionIndex - 1 + n) % n;
  else if (event.key === 'Escape') host.mentionList = [];
  else pickMention(host, host.mentionList[host.mentionIndex]!);
  return true;
}

/** Replaces the "@query" before the caret with the member's name and remembers the pick for sending. */
export function pickMention(host: ActionHost, c: MentionCandidate): void {
  const input = host.input;
  if (!input) return;
  const caret = input.selectionStart ?? input.value.length;
  const q = mentionQuery(input.value, caret);
  if (!q) return;
  input.setRangeText(`@${c.name} `, q.start, caret, 'end');
  host.pickedMentions.push(c);
  host.mentionList = [];
  input.focus();
  host.onInput();
}

/** Sends the device's position as a location message (asks the browser for permission). */
export function shareLocation(host: ActionHost): void {
  const client = host.clients.client;
  if (!client || typeof navigator === 'undefined' || !navigator.geolocation) return;
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      const { latitude, longitude } = pos.coords;
      void host.sendCreated(() => client.createLocationMessage({ description: `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`, latitude, longitude }));
    },
    (err) => (host.composerError = err.message || host.mt.shareLocation),
    { enableHighAccuracy: false, timeout: 15_000 },
  );
}

/** Where the emoji picker reads its data: the `emoji-data-source` attribute, else the IM server's `/api/emoji/data.json`. */
function emojiSource(host: ActionHost): string {
  if (host.emojiDataSource) return host.emojiDataSource;
  const server = (host.clients.client as { config?: { serverURL?: string } } | undefined)?.config?.serverURL;
  try {
    if (server) {
      const u = new URL(server, location.href);
      const protocol = u.protocol === 'wss:' ? 'https:' : u.protocol === 'ws:' ? 'http:' : u.protocol;
      return `${protocol}//${u.host}/api/emoji/data.json`;
    }
  } catch {
    /* fall through */
  }
  return '/api/emoji/data.json';
}

/** Inserts text at the caret of a textarea and fires `input`. */
function insertAtCaret(input: HTMLTextAreaElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
}

/** The emoji panel over the composer; a picked emoji goes in at the caret. */
export function renderEmojiPanel(host: ActionHost): TemplateResult {
  const onEmoji = (e: Event) => {
    const unicode = (e as CustomEvent<{ unicode?: string }>).detail?.unicode;
    if (unicode && host.input) insertAtCaret(host.input, unicode);
  };
  return html`<div part="emoji-panel" class="emoji-panel">
    <emoji-picker data-source=${emojiSource(host)} @emoji-click=${onEmoji}></emoji-picker>
  </div>`;
}

/** Starts recording a voice message (asks for the microphone), or stops the recording and sends it. */
export async function toggleRecording(host: ActionHost): Promise<void> {
  const client = host.clients.client;
  if (!client) return;
  const recorder = (host.recorder ??= new VoiceRecorder());
  if (recorder.recording) {
    clearInterval(host.recordTimer);
    host.recordingSeconds = -1;
    const result = await recorder.stop();
    if (result) await host.sendCreated(() => client.createSoundMessage(result.blob, result.duration));
    return;
  }
  await recorder.start();
  host.recordingSeconds = 0;
  host.recordTimer = setInterval(() => (host.recordingSeconds = recorder.elapsed), 250);
}

function cancelRecording(host: ActionHost): void {
  clearInterval(host.recordTimer);
  host.recorder?.cancel();
  host.recordingSeconds = -1;
}

/** Shown in the composer while a voice message is being recorded. */
export function renderRecordingStatus(host: ActionHost): TemplateResult {
  return html`<div part="recording" class="recording-status" role="status">
    <span class="rec-dot"></span>${host.mt.recording(host.recordingSeconds)}
    <button type="button" part="recording-cancel" @click=${() => cancelRecording(host)}>${host.mt.cancel}</button>
  </div>`;
}

/** Adds chat-extras.styles.ts to `el`'s shadow root (once), after the element's own styles. */
export function adoptExtraStyles(el: LitElement): void {
  adoptStyles(el, extraStyles);
}

/** Older pages loaded at most to reach the first unread message (200 pages of 30 is 6,000 messages). */
const UNREAD_MAX_PAGES = 200;
/** Older pages loaded at most to put back where the reader was in a conversation they come back to. */
const RESTORE_MAX_PAGES = 20;
/** Where a jump to the first unread puts that message's top (px below the log's top): room for the divider (and a day heading) above it. */
const UNREAD_JUMP_TOP = 88;

/**
 * Pages back (at most `pages` pages, while `find()` is undefined: not loaded yet) until `find()`
 * names a loaded message, then renders the window around it with its top `top` px below the log's
 * top. False when there is none (null) or it could not be loaded, or the chat opened another
 * conversation meanwhile (`generation`).
 */
async function pageBackTo(host: ActionHost, generation: number, find: () => string | null | undefined, top: number, pages: number): Promise<boolean> {
  for (let i = 0; i < pages && find() === undefined && !host.isEnd && !host.olderBlocked; i++) {
    await host.loadOlder();
    if (generation !== host.generation) return false;
  }
  const id = find();
  if (!id) return false;
  host.pendingAnchor = { id, top };
  host.requestUpdate();
  await host.updateComplete;
  const after = host.log;
  if (after && generation === host.generation) {
    const bottom = isAtBottom(after);
    host.stick = bottom;
    host.atBottom = bottom;
    host.noteViewAnchor(after);
  }
  return true;
}

/**
 * `<im-chat>`'s `jumpToFirstUnread()` once its open (`generation`) has begun it: the first
 * message that was unread, UNREAD_JUMP_TOP px below the log's top so the divider shows above it.
 */
export function jumpToFirstUnread(host: ActionHost, generation: number): Promise<boolean> {
  return pageBackTo(host, generation, () => host.firstUnread(), Math.min(UNREAD_JUMP_TOP, (host.log?.clientHeight ?? 0) / 3), UNREAD_MAX_PAGES);
}

/** Back in a conversation the reader left scrolled up: the message they had at the top, where it was. */
export function restorePosition(host: ActionHost, generation: number, saved: { id: string; top: number }): Promise<boolean> {
  return pageBackTo(host, generation, () => (host.byID.has(saved.id) ? saved.id : undefined), saved.top, RESTORE_MAX_PAGES);
}

/** Group read receipts ("read by N") for others' messages, sent once each while the group chat is read at the bottom. */
export function sendGroupReceipts(host: ActionHost): void {
  const client = host.clients.client;
  const c = host.conversation;
  if (!client || !c?.groupID || !host.stick || !host.inView || document.visibilityState !== 'visible') return;
  const ids = host.messages
    .filter((m) => m.sendID !== host.selfID && m.seq > 0 && m.contentType !== ContentType.Notification && !host.receipted.has(m.clientMsgID))
    .map((m) => m.clientMsgID);
  if (!ids.length) return;
  for (const id of ids) host.receipted.add(id);
  Promise.resolve()
    .then(() => client.markGroupMessageAsRead(c.groupID, ids))
    .catch(() => ids.forEach((id) => host.receipted.delete(id)));
}

/** `<im-chat>`'s `jumpToMessage()` for a loaded message: scrolls to it (centred) and flashes it. */
export function jumpToMessage(host: ActionHost, clientMsgID: string): void {
  const find = () => host.log?.querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(clientMsgID)}"]`);
  const row = find();
  if (row) {
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  } else {
    // Not in the rendered window: render the window around it, then center it (no smooth
    // scroll across unrendered rows, whose heights are estimates).
    host.pendingAnchor = { id: clientMsgID, top: (host.log?.clientHeight ?? 0) / 3 };
    host.requestUpdate();
    void host.updateComplete.then(() => find()?.scrollIntoView({ block: 'center' }));
  }
  host.highlight = clientMsgID;
  setTimeout(() => {
    if (host.highlight === clientMsgID) host.highlight = null;
  }, 1600);
}

/** The checkbox of a message while messages are being selected. */
export function renderSelectBox(host: ActionHost, m: MessageItem): TemplateResult {
  const toggle = () => {
    const next = new Set(host.selected);
    if (next.has(m.clientMsgID)) next.delete(m.clientMsgID);
    else next.add(m.clientMsgID);
    host.selected = next;
  };
  return html`<input part="select-checkbox" class="select-box" type="checkbox" .checked=${host.selected.has(m.clientMsgID)} aria-label=${host.mt.select} @change=${toggle} />`;
}

/** A quote's original: loads older pages until it is there (bounded), then jumps to it. */
export async function jumpOrLoad(host: ActionHost, clientMsgID: string, seq?: number): Promise<void> {
  for (let i = 0; i < 10 && !host.byID.has(clientMsgID) && !host.isEnd; i++) {
    const oldest = host.messages.find((m) => m.seq > 0);
    if (seq && oldest && oldest.seq <= seq) break;
    await host.loadOlder();
  }
  await host.updateComplete;
  if (host.byID.has(clientMsgID)) jumpToMessage(host, clientMsgID);
}
