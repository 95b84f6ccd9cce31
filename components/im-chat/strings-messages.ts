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

/** What a call record line is made of: the kind, how it ended, whether the viewer placed it, and the duration (`02:13`). */
export interface CallRecordText {
  video: boolean;
  status: string;
  mine: boolean;
  duration: string;
}

export const defaultMessageStrings: MessageStrings = {
  everyone: 'all',
  image: 'Image',
  openOriginal: 'Open original',
  close: 'Close',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  voice: 'Voice message',
  play: 'Play',
  pause: 'Pause',
  video: 'Video',
  file: 'File',
  download: 'Download',
  fileSize: (n) => formatBytes(n, 'en'),
  duration: (s) => formatDuration(s, 'en'),
  openMap: 'Open in map',
  location: 'Location',
  sticker: 'Sticker',
  unknownType: (t) => `This message type (${t}) cannot be shown here.`,
  chatHistory: 'Chat history',
  chatHistoryOf: (n) => `${formatCount(n)} ${plural(n, 'message', 'messages')}`,
  uploading: (p) => `Uploading ${p}%`,
  cancelUpload: 'Cancel upload',
  recalledBy: (name) => `${name} recalled a message`,
  youRecalled: 'You recalled a message',
  forwarded: (name) => `Forwarded from ${name}`,
  reply: 'Reply',
  copy: 'Copy',
  copied: 'Copied',
  forward: 'Forward',
  select: 'Select',
  recall: 'Recall',
  deleteForMe: 'Delete for me',
  deleteForEveryone: 'Delete for everyone',
  readBy: (n) => `Read by ${formatCount(n)}`,
  readers: 'Read by',
  unreadMembers: (n) => `${formatCount(n)} not read yet`,
  moreActions: 'Message actions',
  selectedCount: (n) => `${formatCount(n)} selected`,
  forwardSelected: 'Forward as chat history',
  deleteSelected: 'Delete for me',
  cancel: 'Cancel',
  forwardTo: 'Forward to…',
  attach: 'Attach a file',
  emoji: 'Emoji',
  recordVoice: 'Record a voice message',
  stopRecording: 'Stop and send',
  recording: (s) => `Recording ${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`,
  mentionMembers: 'Mention a member',
  replyingTo: (name) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  typing: 'typing…',
  dropFiles: 'Drop files to send',
  shareLocation: 'Share location',
  draft: 'Draft',
  mentionedYou: '[You were mentioned]',
  mentionedAll: '[@All]',
  search: 'Search messages',
  searchPlaceholder: 'Search in this chat',
  noResults: 'No messages found',
  unplayed: 'unplayed',
  callRecord: ({ video, status, mine, duration }) => {
    const kind = video ? 'video call' : 'voice call';
    const Kind = video ? 'Video call' : 'Voice call';
    switch (status) {
      case 'completed':
        return `${Kind} · ${duration}`;
      case 'missed':
        return mine ? `${Kind} · no answer` : `Missed ${kind}`;
      case 'declined':
        return mine ? `${Kind} · declined` : `${Kind} · you declined`;
      case 'cancelled':
        return mine ? `${Kind} · cancelled` : `Missed ${kind} (cancelled)`;
      case 'busy':
        return mine ? `${Kind} · busy` : `Missed ${kind} (you were busy)`;
      default:
        return Kind;
    }
  },
  call: 'Call',
};
