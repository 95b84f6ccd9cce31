import type { ConnectionState } from '../../src/client/events.js';
import { formatCount, plural } from './plural.js';

/**
 * Every piece of text the elements show. The tables for each shipped locale
 * live in `en.ts`, `zh-hans.ts` and `zh-hant.ts` beside this file; pass a
 * partial table to an element's `strings` property to reword any of them
 * (overrides win over the locale's table). Dates and numbers follow the
 * resolved locale through Intl (see LocaleController).
 */
export interface ImStrings {
  you: string;
  draft: string;
  conversationsLabel: string;
  noConversations: string;
  noConversationsHint: string;
  loadFailed: string;
  retry: string;
  unread: (count: number) => string;
  pinned: string;
  muted: string;
  connection: Record<ConnectionState, string>;
  selectConversation: string;
  selectConversationHint: string;
  messagesLabel: (name: string) => string;
  loadingOlder: string;
  beginning: string;
  noMessages: string;
  newMessages: (count: number) => string;
  /** The divider above the first message that was unread when the conversation was opened. */
  unreadDivider: string;
  /** The pill that jumps up to that divider. */
  jumpToUnread: (count: number) => string;
  scrollToBottom: string;
  placeholder: string;
  send: string;
  composerLabel: string;
  sending: string;
  sent: string;
  read: string;
  failed: string;
  notSent: string;
  revoked: string;
  unsupported: (contentType: number) => string;
  /** One-line previews of non-text messages (`[Photo]`), keyed by content type; `detail` is a file name, place, title. */
  preview: (contentType: number, detail: string) => string;
  /** "Alice recalled a message" in previews. */
  recalled: (name: string) => string;
  /** Prefixes of a row whose unread messages mention you / everyone. */
  mentionedYou: string;
  mentionedAll: string;
  groupChat: string;
  directChat: string;
  sendFailed: string;
  /** The cache lives in memory (IndexedDB refused, full or failing): shown by the list and the chat. */
  storageMemoryNotice: string;
  /** Another tab runs a newer version of the app and upgraded the cache. */
  storageReloadNotice: string;
  reload: string;
  dismiss: string;
}

const PREVIEWS: Record<number, string> = {
  102: '[Photo]',
  103: '[Voice message]',
  104: '[Video]',
  105: '[File]',
  107: '[Chat history]',
  109: '[Location]',
  110: '[Custom message]',
  115: '[Sticker]',
  1600: '[Call]',
};

/** The storage notice's texts: their English comes with the notice (strings-storage.ts), which few pages ever show. */
export type StorageNoticeKey = 'storageMemoryNotice' | 'storageReloadNotice' | 'reload' | 'dismiss';

/**
 * English, as far as the elements need it before a storage notice shows. `tablesFor('en').strings`
 * (and the public `defaultStrings`) is this plus the notice's texts once strings-storage.ts is in.
 */
export const firstStrings: Omit<ImStrings, StorageNoticeKey> = {
  you: 'You',
  draft: 'Draft',
  conversationsLabel: 'Conversations',
  noConversations: 'No conversations yet',
  noConversationsHint: 'Messages you send and receive will show up here.',
  loadFailed: 'Could not load conversations.',
  retry: 'Retry',
  unread: (n) => `${formatCount(n)} unread`,
  pinned: 'Pinned',
  muted: 'Muted',
  connection: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    failed: 'Offline — showing saved messages',
    kicked: 'Signed out: this account signed in elsewhere',
    'token-expired': 'Session expired — sign in again',
  },
  selectConversation: 'Select a conversation',
  selectConversationHint: 'Choose a chat from the list to start messaging.',
  messagesLabel: (name) => `Messages with ${name}`,
  loadingOlder: 'Loading earlier messages…',
  beginning: 'This is the beginning of the conversation',
  noMessages: 'No messages yet. Say hello!',
  newMessages: (n) => `${formatCount(n)} ${plural(n, 'new message', 'new messages')}`,
  scrollToBottom: 'Scroll to the newest message',
  unreadDivider: 'Unread messages',
  jumpToUnread: (n) => `${formatCount(n)} ${plural(n, 'unread message', 'unread messages')}`,
  placeholder: 'Write a message…',
  send: 'Send',
  composerLabel: 'Message',
  sending: 'Sending',
  sent: 'Sent',
  read: 'Read',
  failed: 'Failed to send',
  notSent: 'Not sent',
  revoked: 'This message was deleted',
  unsupported: (type) => PREVIEWS[type] ?? '[Unsupported message]',
  preview: (type, detail) => `${PREVIEWS[type] ?? '[Unsupported message]'}${detail ? ` ${detail}` : ''}`,
  recalled: (name) => `${name} recalled a message`,
  mentionedYou: '[You were mentioned]',
  mentionedAll: '[@All]',
  groupChat: 'Group',
  directChat: 'Direct message',
  sendFailed: 'Could not send the message',
};
