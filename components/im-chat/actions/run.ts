import type { ImClientApi } from '../../../src/client/api.js';
import type { ConversationItem, MessageItem } from '../../../src/model/types.js';
import type { Overlay } from '../overlays.js';
import { copyText, type MessageActionID } from './menu.js';

/**
 * What a message action needs of `<im-chat>`. The element passes itself: these are its
 * (TypeScript-private) fields, named here so this module can be imported on the first
 * action instead of shipping with a first paint of the chat.
 */
export interface ActionHost {
  readonly clients: { client: ImClientApi | undefined };
  readonly input: HTMLTextAreaElement | null;
  readonly byID: Map<string, MessageItem>;
  readonly displayName: string;
  menuFor: string | null;
  replyTo: MessageItem | null;
  selecting: boolean;
  selected: Set<string>;
  overlay: Overlay | null;
  composerError: string;
  dropMessage(clientMsgID: string): void;
  emit<T>(name: string, detail: T): void;
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
