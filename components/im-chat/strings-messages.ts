import { formatCount, plural } from '../i18n/plural.js';
import { formatBytes, formatDuration } from '../shared/format.js';

/** Texts of the message types and actions in `<im-chat>` (override through `strings`). */
export interface MessageStrings {
  everyone: string;
  image: string;
  openOriginal: string;
  close: string;
  zoomIn: string;
  zoomOut: string;
  voice: string;
  play: string;
  pause: string;
  video: string;
  file: string;
  download: string;
  fileSize: (bytes: number) => string;
  /** A voice or video length in seconds, `1:05`. */
  duration: (seconds: number) => string;
  openMap: string;
  location: string;
  sticker: string;
  unknownType: (contentType: number) => string;
  chatHistory: string;
  chatHistoryOf: (n: number) => string;
  uploading: (percent: number) => string;
  cancelUpload: string;
  recalledBy: (name: string) => string;
  youRecalled: string;
  forwarded: (name: string) => string;
  reply: string;
  copy: string;
  copied: string;
  forward: string;
  select: string;
  recall: string;
  deleteForMe: string;
  deleteForEveryone: string;
  readBy: (n: number) => string;
  readers: string;
  unreadMembers: (n: number) => string;
  moreActions: string;
  selectedCount: (n: number) => string;
  forwardSelected: string;
  deleteSelected: string;
  cancel: string;
  forwardTo: string;
  attach: string;
  emoji: string;
  recordVoice: string;
  stopRecording: string;
  recording: (seconds: number) => string;
  mentionMembers: string;
  replyingTo: (name: string) => string;
  cancelReply: string;
  typing: string;
  dropFiles: string;
  shareLocation: string;
  draft: string;
  mentionedYou: string;
  mentionedAll: string;
  search: string;
  searchPlaceholder: string;
  noResults: string;
  unplayed: string;
  /** A call record in the log (contentType 1600), as the viewer sees it. */
  callRecord: (r: CallRecordText) => string;
  call: string;
}

/**
 * The texts only parts loaded on first use show (menus, dialogs, media players, the recorder,
 * call records, selection, drop zone): their English lives in strings-messages-more.ts, which
 * those parts import, so a first paint of the chat does not carry it.
 */
export type MoreMessageKey =
  | 'openOriginal'
  | 'close'
  | 'zoomIn'
  | 'zoomOut'
  | 'play'
  | 'pause'
  | 'download'
  | 'uploading'
  | 'cancelUpload'
  | 'copy'
  | 'copied'
  | 'forward'
  | 'select'
  | 'recall'
  | 'deleteForMe'
  | 'deleteForEveryone'
  | 'readers'
  | 'unreadMembers'
  | 'selectedCount'
  | 'forwardSelected'
  | 'deleteSelected'
  | 'cancel'
  | 'forwardTo'
  | 'stopRecording'
  | 'recording'
  | 'mentionMembers'
  | 'replyingTo'
  | 'cancelReply'
  | 'dropFiles'
  | 'search'
  | 'searchPlaceholder'
  | 'noResults'
  | 'unplayed'
  | 'callRecord'
  | 'call';

/** What a call record line is made of: the kind, how it ended, whether the viewer placed it, and the duration (`02:13`). */
export interface CallRecordText {
  video: boolean;
  status: string;
  mine: boolean;
  duration: string;
}

/**
 * English, as far as a first paint of the chat needs it. The rest (MoreMessageKey) joins this
 * table in `tablesFor('en').messages` when strings-messages-more.ts is imported, which every
 * part that shows those texts does; until then no element reads them.
 */
export const defaultMessageStrings: Omit<MessageStrings, MoreMessageKey> = {
  everyone: 'all',
  image: 'Image',
  voice: 'Voice message',
  video: 'Video',
  file: 'File',
  fileSize: (n) => formatBytes(n, 'en'),
  duration: (s) => formatDuration(s, 'en'),
  openMap: 'Open in map',
  location: 'Location',
  sticker: 'Sticker',
  unknownType: (t) => `This message type (${t}) cannot be shown here.`,
  chatHistory: 'Chat history',
  chatHistoryOf: (n) => `${formatCount(n)} ${plural(n, 'message', 'messages')}`,
  recalledBy: (name) => `${name} recalled a message`,
  youRecalled: 'You recalled a message',
  forwarded: (name) => `Forwarded from ${name}`,
  reply: 'Reply',
  readBy: (n) => `Read by ${formatCount(n)}`,
  moreActions: 'Message actions',
  attach: 'Attach a file',
  emoji: 'Emoji',
  recordVoice: 'Record a voice message',
  typing: 'typing…',
  shareLocation: 'Share location',
  draft: 'Draft',
  mentionedYou: '[You were mentioned]',
  mentionedAll: '[@All]',
};
