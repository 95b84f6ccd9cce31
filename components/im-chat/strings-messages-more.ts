// The English texts of what `<im-chat>` shows only after loading it on first use (MoreMessageKey):
// imported by those parts (chat-extras.ts, overlay-dialogs.ts, the media renderers,
// call-record-view.ts), it completes the English table as it loads.
import { installEnglishTable, en } from '../i18n/en.js';
import { formatCount } from '../i18n/plural.js';
import type { MessageStrings, MoreMessageKey } from './strings-messages.js';

const moreMessageStrings: Pick<MessageStrings, MoreMessageKey> = {
  openOriginal: 'Open original',
  close: 'Close',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  play: 'Play',
  pause: 'Pause',
  download: 'Download',
  uploading: (p) => `Uploading ${p}%`,
  cancelUpload: 'Cancel upload',
  copy: 'Copy',
  copied: 'Copied',
  forward: 'Forward',
  select: 'Select',
  recall: 'Recall',
  deleteForMe: 'Delete for me',
  deleteForEveryone: 'Delete for everyone',
  readers: 'Read by',
  unreadMembers: (n) => `${formatCount(n)} not read yet`,
  selectedCount: (n) => `${formatCount(n)} selected`,
  forwardSelected: 'Forward as chat history',
  deleteSelected: 'Delete for me',
  cancel: 'Cancel',
  forwardTo: 'Forward to…',
  stopRecording: 'Stop and send',
  recording: (s) => `Recording ${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`,
  mentionMembers: 'Mention a member',
  replyingTo: (name) => `Replying to ${name}`,
  cancelReply: 'Cancel reply',
  dropFiles: 'Drop files to send',
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

installEnglishTable('messages', { ...en.messages, ...moreMessageStrings });

/** The whole English table (what `tablesFor('en').messages` is from now on). */
export const englishMessageStrings: MessageStrings = en.messages;
