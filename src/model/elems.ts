import { ContentType } from './enums.js';
import type { MessageItem } from './types.js';

/**
 * The elems of the richer message types, with the OpenIM field names
 * (sdk-openim.md §3.5). On the wire a non-text message carries its elem as a
 * JSON string in `content` (as OpenIM v3 does); `withElems` parses it into the
 * matching `…Elem` field, so both the server's views and the client cache hold
 * messages with the elem filled in.
 */

/** One rendition of a picture (source, big, snapshot/thumbnail). */
export interface Picture {
  uuid: string;
  /** MIME type, e.g. `image/png`. */
  type: string;
  size: number;
  width: number;
  height: number;
  /** Server URL (`/api/files/<uuid>`); empty until uploaded. */
  url: string;
}

export interface PictureElem {
  /** Local object URL while the file is being uploaded (never sent). */
  sourcePath: string;
  sourcePicture: Picture;
  bigPicture: Picture;
  snapshotPicture: Picture;
}

export interface SoundElem {
  uuid: string;
  soundPath: string;
  sourceUrl: string;
  dataSize: number;
  /** Seconds. */
  duration: number;
  /** imkit: MIME type of the recording. */
  soundType?: string;
}

export interface VideoElem {
  videoPath: string;
  videoUUID: string;
  videoUrl: string;
  /** MIME type, e.g. `video/mp4`. */
  videoType: string;
  videoSize: number;
  /** Seconds. */
  duration: number;
  snapshotPath: string;
  snapshotUUID: string;
  snapshotSize: number;
  snapshotUrl: string;
  snapshotWidth: number;
  snapshotHeight: number;
}

export interface FileElem {
  filePath: string;
  uuid: string;
  sourceUrl: string;
  fileName: string;
  fileSize: number;
  /** imkit: MIME type as detected by the server. */
  fileType?: string;
}

export interface AtElem {
  text: string;
  atUserList: string[];
  /** imkit: nicknames of the mentioned users, for display (same order as atUserList). */
  atUsersInfo?: { atUserID: string; groupNickname: string }[];
  /** Whether the viewer is mentioned (set by the receiver, never sent). */
  isAtSelf: boolean;
}

/** `atUserList` entry meaning "everyone in the group" (as in OpenIM). */
export const AT_ALL = 'AtAllTag';

export interface LocationElem {
  description: string;
  latitude: number;
  longitude: number;
}

export interface CustomElem {
  /** JSON string chosen by the host app; `data.type` (if any) picks a registered renderer. */
  data: string;
  description: string;
  extension: string;
}

export interface FaceElem {
  index: number;
  /** An emoji, or a JSON string `{ "url": … }` of a sticker image. */
  data: string;
}

/** The part of a quoted or merged message kept inside another message. */
export type EmbeddedMessage = Pick<
  MessageItem,
  'clientMsgID' | 'serverMsgID' | 'sendID' | 'senderNickname' | 'senderFaceUrl' | 'contentType' | 'content' | 'sendTime' | 'seq' | 'sessionType'
>;

export interface QuoteElem {
  text: string;
  quoteMessage: EmbeddedMessage;
}

export interface MergeElem {
  title: string;
  abstractList: string[];
  multiMessage: EmbeddedMessage[];
}

export interface NotificationElem {
  /** JSON details of the tip (who, what). */
  detail: string;
  /** The text shown. */
  defaultTips: string;
}

/** What a recalled message turns into (contentType 111). */
export interface RevokedElem {
  revokerID: string;
  revokerNickname: string;
  revokeTime: number;
  clientMsgID: string;
  sourceMessageSendID: string;
  sourceMessageSenderNickname: string;
}

export interface MessageElems {
  pictureElem?: PictureElem;
  soundElem?: SoundElem;
  videoElem?: VideoElem;
  fileElem?: FileElem;
  atTextElem?: AtElem;
  locationElem?: LocationElem;
  customElem?: CustomElem;
  faceElem?: FaceElem;
  quoteElem?: QuoteElem;
  mergeElem?: MergeElem;
  notificationElem?: NotificationElem;
  revokedElem?: RevokedElem;
  /** Group read receipts (OpenIM 001 `attachedInfoElem`), on own group messages. */
  attachedInfoElem?: { groupHasReadInfo: { hasReadUserIDList: string[]; hasReadCount: number } };
}

/** Which elem field each content type carries in `content`. */
export const ELEM_FIELD: Partial<Record<number, keyof MessageElems>> = {
  [ContentType.Picture]: 'pictureElem',
  [ContentType.Voice]: 'soundElem',
  [ContentType.Video]: 'videoElem',
  [ContentType.File]: 'fileElem',
  [ContentType.AtText]: 'atTextElem',
  [ContentType.Merger]: 'mergeElem',
  [ContentType.Location]: 'locationElem',
  [ContentType.Custom]: 'customElem',
  [ContentType.Quote]: 'quoteElem',
  [ContentType.Face]: 'faceElem',
  [ContentType.Notification]: 'notificationElem',
  [ContentType.Revoke]: 'revokedElem',
};

/** Content types a client may send (the rest are made by the server). */
export const SENDABLE_CONTENT_TYPES: readonly number[] = [
  ContentType.Text,
  ContentType.Picture,
  ContentType.Voice,
  ContentType.Video,
  ContentType.File,
  ContentType.AtText,
  ContentType.Merger,
  ContentType.Location,
  ContentType.Custom,
  ContentType.Quote,
  ContentType.Face,
];

export function parseJSON<T>(text: string): T | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fills the elem field from `content` (and `textElem` for text). `viewerID`
 * sets `atTextElem.isAtSelf`. Returns the same object, mutated.
 */
export function withElems<M extends MessageItem>(m: M, viewerID?: string): M {
  if (m.contentType === ContentType.Text) {
    m.textElem = { content: m.content };
    return m;
  }
  const field = ELEM_FIELD[m.contentType];
  if (!field) return m;
  const elem = parseJSON<Record<string, unknown>>(m.content);
  if (!elem) {
    // Group tips carry a readable line in `content` and their detail in `ex`.
    if (m.contentType === ContentType.Notification) m.notificationElem = { detail: m.ex, defaultTips: m.content };
    return m;
  }
  (m as Record<string, unknown>)[field] = elem;
  if (field === 'atTextElem' && viewerID) {
    const at = elem as unknown as AtElem;
    at.isAtSelf = Array.isArray(at.atUserList) && (at.atUserList.includes(viewerID) || at.atUserList.includes(AT_ALL));
  }
  return m;
}

/** The part of a message that travels inside a quote or a merged card. */
export function embed(m: MessageItem): EmbeddedMessage {
  return {
    clientMsgID: m.clientMsgID,
    serverMsgID: m.serverMsgID,
    sendID: m.sendID,
    senderNickname: m.senderNickname,
    senderFaceUrl: m.senderFaceUrl,
    contentType: m.contentType,
    // A quote of a quote keeps only the text, so messages do not nest without bound.
    content: m.contentType === ContentType.Quote ? (parseJSON<QuoteElem>(m.content)?.text ?? '') : m.content,
    sendTime: m.sendTime,
    seq: m.seq,
    sessionType: m.sessionType,
  };
}

/** A one-line plain-text summary (conversation list, quotes, notifications, search). */
export function messageSummary(m: Pick<MessageItem, 'contentType' | 'content'>): string {
  const e = parseJSON<Record<string, unknown>>(m.content);
  const str = (k: string) => (e && typeof e[k] === 'string' ? (e[k] as string) : '');
  switch (m.contentType) {
    case ContentType.Text:
      return m.content;
    case ContentType.AtText:
    case ContentType.Quote:
      return str('text');
    case ContentType.Picture:
      return '[Image]';
    case ContentType.Voice:
      return '[Voice]';
    case ContentType.Video:
      return '[Video]';
    case ContentType.File:
      return `[File] ${str('fileName')}`;
    case ContentType.Location:
      return `[Location] ${str('description')}`;
    case ContentType.Custom:
      return str('description') || '[Custom message]';
    case ContentType.Face: {
      const data = str('data');
      return data && !data.startsWith('{') ? data : '[Sticker]';
    }
    case ContentType.Merger:
      return `[Chat history] ${str('title')}`;
    case ContentType.Notification:
      return str('defaultTips') || (e ? '' : m.content);
    case ContentType.Revoke:
      return `${str('revokerNickname') || str('revokerID')} recalled a message`;
    default:
      return '[Unsupported message]';
  }
}
