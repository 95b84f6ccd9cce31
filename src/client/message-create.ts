import {
  AT_ALL,
  embed,
  messageSummary,
  type AtElem,
  type CustomElem,
  type FaceElem,
  type FileElem,
  type LocationElem,
  type MergeElem,
  type MessageElems,
  type PictureElem,
  type Picture,
  type QuoteElem,
  type SoundElem,
  type VideoElem,
} from '../model/elems.js';
import { ContentType, MessageFrom, MessageStatus, Platform, SessionType } from '../model/enums.js';
import type { MessageItem, UserInfo } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import { newClientMsgID } from './ids.js';
import type { MediaInfo } from './message-media.js';

/** The canvas/video probing (message-media.ts) is imported when an image or video message is first made. */
const media = () => import('./message-media.js');

/**
 * The message creators of the OpenIM SDK (`createImageMessage…`,
 * `createSoundMessage…`, …). In the browser the media creators take a `File`
 * or `Blob` instead of a path: the bytes are kept with the message (in the
 * outbox, so a reload does not lose them) and uploaded by `sendMessage`, which
 * reports progress (`onSendMessageProgress`) and fills in the URLs.
 */

/** Files waiting to be uploaded for a message, by role. Kept in the outbox entry. */
export interface PendingFiles {
  source: Blob;
  sourceName: string;
  snapshot?: Blob;
}

/** A created message plus the files it still needs to upload. */
export interface CreatedMessage {
  message: MessageItem;
  files?: PendingFiles;
}

function base(self: UserInfo, userID: string, contentType: number, content: string, now: number, elems: MessageElems = {}): MessageItem {
  return {
    clientMsgID: newClientMsgID(),
    serverMsgID: '',
    createTime: now,
    sendTime: now,
    sessionType: SessionType.Single,
    sendID: userID,
    recvID: '',
    groupID: '',
    msgFrom: MessageFrom.User,
    contentType,
    platformID: Platform.Web,
    senderNickname: self.nickname,
    senderFaceUrl: self.faceURL,
    seq: 0,
    isRead: false,
    status: MessageStatus.Sending,
    content,
    ex: '',
    conversationID: '',
    ...elems,
  };
}

function checkText(text: unknown, what = 'text'): string {
  if (typeof text !== 'string') throw new ImError(ErrorCode.InvalidArgument, `${what} must be a string.`);
  if (!text.trim()) throw new ImError(ErrorCode.InvalidArgument, `${what} cannot be empty.`);
  const length = [...text].length;
  if (length > Limits.maxTextLength) {
    throw new ImError(ErrorCode.MessageTooLong, `A text message can have at most ${Limits.maxTextLength} characters (this one has ${length}).`);
  }
  return text;
}

function checkBlob(file: unknown, what: string): Blob {
  if (typeof Blob === 'undefined' || !(file instanceof Blob)) {
    throw new ImError(ErrorCode.InvalidArgument, `${what} must be a File or Blob (in the browser the creators take the file itself, not a path).`);
  }
  if (file.size === 0) throw new ImError(ErrorCode.InvalidArgument, `${what} is empty.`);
  return file;
}

function fileName(file: Blob, fallback: string): string {
  const name = (file as File).name;
  return typeof name === 'string' && name ? name : fallback;
}

/** The elem as sent: local-only fields (object URLs) left out. */
export function wireContent(contentType: number, elems: MessageElems): string {
  switch (contentType) {
    case ContentType.Picture:
      return JSON.stringify({ ...elems.pictureElem, sourcePath: '' });
    case ContentType.Voice:
      return JSON.stringify({ ...elems.soundElem, soundPath: '' });
    case ContentType.Video:
      return JSON.stringify({ ...elems.videoElem, videoPath: '', snapshotPath: '' });
    case ContentType.File:
      return JSON.stringify({ ...elems.fileElem, filePath: '' });
    default:
      return '';
  }
}

const objectURL = (b: Blob) => (typeof URL !== 'undefined' && URL.createObjectURL ? URL.createObjectURL(b) : '');

export class MessageCreator {
  constructor(private readonly self: () => UserInfo, private readonly userID: () => string, private readonly now: () => number) {}

  private make(contentType: number, elems: MessageElems, content?: string): MessageItem {
    const field = Object.keys(elems)[0] as keyof MessageElems | undefined;
    const text = content ?? (field ? JSON.stringify(elems[field]) : '');
    return base(this.self(), this.userID(), contentType, text, this.now(), elems);
  }

  text(text: string): MessageItem {
    checkText(text);
    return { ...this.make(ContentType.Text, {}, text), textElem: { content: text } };
  }

  /** `atUserIDList` may contain `AT_ALL` ("AtAllTag") for @all; `atUsersInfo` gives display names. */
  textAt(text: string, atUserIDList: string[], atUsersInfo: { atUserID: string; groupNickname: string }[] = []): MessageItem {
    checkText(text);
    if (!Array.isArray(atUserIDList) || atUserIDList.length === 0 || !atUserIDList.every((x) => typeof x === 'string' && x)) {
      throw new ImError(ErrorCode.InvalidArgument, 'atUserIDList must name at least one user (or "AtAllTag").');
    }
    const atTextElem: AtElem = { text, atUserList: [...new Set(atUserIDList)], atUsersInfo, isAtSelf: false };
    return this.make(ContentType.AtText, { atTextElem });
  }

  async image(file: Blob): Promise<CreatedMessage> {
    checkBlob(file, 'image');
    const info: MediaInfo = await (await media()).describeImage(file);
    const sourcePicture: Picture = { uuid: '', type: file.type || 'image/*', size: file.size, width: info.width, height: info.height, url: '' };
    const snapshotPicture: Picture = {
      uuid: '',
      type: info.snapshot?.type || sourcePicture.type,
      size: info.snapshot?.size ?? file.size,
      width: info.snapshotWidth,
      height: info.snapshotHeight,
      url: '',
    };
    const pictureElem: PictureElem = { sourcePath: objectURL(file), sourcePicture, bigPicture: { ...sourcePicture }, snapshotPicture };
    const message = this.make(ContentType.Picture, { pictureElem });
    return { message, files: { source: file, sourceName: fileName(file, 'image'), ...(info.snapshot ? { snapshot: info.snapshot } : {}) } };
  }

  /** `duration` in seconds (the recorder knows it; browsers report Infinity for fresh WebM recordings). */
  sound(file: Blob, duration: number): CreatedMessage {
    checkBlob(file, 'sound');
    if (!Number.isFinite(duration) || duration < 0) throw new ImError(ErrorCode.InvalidArgument, 'duration must be a number of seconds.');
    const soundElem: SoundElem = {
      uuid: '',
      soundPath: objectURL(file),
      sourceUrl: '',
      dataSize: file.size,
      duration: Math.round(duration * 10) / 10,
      soundType: file.type,
    };
    return { message: this.make(ContentType.Voice, { soundElem }), files: { source: file, sourceName: fileName(file, 'voice') } };
  }

  async video(file: Blob): Promise<CreatedMessage> {
    checkBlob(file, 'video');
    const info = await (await media()).describeVideo(file);
    const videoElem: VideoElem = {
      videoPath: objectURL(file),
      videoUUID: '',
      videoUrl: '',
      videoType: file.type || 'video/mp4',
      videoSize: file.size,
      duration: Math.round(info.duration * 10) / 10,
      snapshotPath: info.snapshot ? objectURL(info.snapshot) : '',
      snapshotUUID: '',
      snapshotSize: info.snapshot?.size ?? 0,
      snapshotUrl: '',
      snapshotWidth: info.snapshotWidth,
      snapshotHeight: info.snapshotHeight,
    };
    const message = this.make(ContentType.Video, { videoElem });
    return { message, files: { source: file, sourceName: fileName(file, 'video'), ...(info.snapshot ? { snapshot: info.snapshot } : {}) } };
  }

  file(file: Blob, name?: string): CreatedMessage {
    checkBlob(file, 'file');
    const fileElem: FileElem = {
      filePath: objectURL(file),
      uuid: '',
      sourceUrl: '',
      fileName: (name || fileName(file, 'file')).slice(0, 255),
      fileSize: file.size,
      fileType: file.type,
    };
    return { message: this.make(ContentType.File, { fileElem }), files: { source: file, sourceName: fileElem.fileName } };
  }

  location(description: string, longitude: number, latitude: number): MessageItem {
    if (typeof description !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'description must be a string.');
    if (!Number.isFinite(latitude) || Math.abs(latitude) > 90) throw new ImError(ErrorCode.InvalidArgument, 'latitude must be between -90 and 90.');
    if (!Number.isFinite(longitude) || Math.abs(longitude) > 180) throw new ImError(ErrorCode.InvalidArgument, 'longitude must be between -180 and 180.');
    const locationElem: LocationElem = { description, latitude, longitude };
    return this.make(ContentType.Location, { locationElem });
  }

  /** `data` and `extension` may be objects or JSON strings; `data.type` picks a registered renderer. */
  custom(data: unknown, extension: unknown = '', description = ''): MessageItem {
    const str = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x ?? ''));
    const customElem: CustomElem = { data: str(data), extension: str(extension), description: String(description) };
    return this.make(ContentType.Custom, { customElem });
  }

  /** A face or sticker: `data` is an emoji, or `{ url }` JSON of a sticker image. */
  face(index: number, data: string): MessageItem {
    if (!Number.isInteger(index) || typeof data !== 'string' || !data) {
      throw new ImError(ErrorCode.InvalidArgument, 'A face needs an integer index and data (an emoji or a sticker URL JSON).');
    }
    const faceElem: FaceElem = { index, data };
    return this.make(ContentType.Face, { faceElem });
  }

  quote(text: string, quoted: MessageItem): MessageItem {
    checkText(text);
    if (!quoted || typeof quoted.clientMsgID !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'message (the quoted one) is required.');
    const quoteElem: QuoteElem = { text, quoteMessage: embed(quoted) };
    return this.make(ContentType.Quote, { quoteElem });
  }

  /** A copy of `original` to send elsewhere (same content type and elem). */
  forward(original: MessageItem): MessageItem {
    if (!original || typeof original.clientMsgID !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'message is required.');
    const forwardable = [ContentType.Text, ContentType.Picture, ContentType.Voice, ContentType.Video, ContentType.File, ContentType.Location, ContentType.Custom, ContentType.Face, ContentType.Merger, ContentType.AtText, ContentType.Quote] as number[];
    if (!forwardable.includes(original.contentType) || original.status !== MessageStatus.Succeeded) {
      throw new ImError(ErrorCode.UnsupportedContentType, 'Only sent messages with content can be forwarded.');
    }
    // Mentions and quotes lose their context elsewhere: they go on as plain text.
    if (original.contentType === ContentType.AtText || original.contentType === ContentType.Quote) return this.text(messageSummary(original));
    const m = base(this.self(), this.userID(), original.contentType, original.content, this.now());
    m.ex = JSON.stringify({ forwardedFrom: original.senderNickname || original.sendID });
    for (const key of ['pictureElem', 'soundElem', 'videoElem', 'fileElem', 'locationElem', 'customElem', 'faceElem', 'mergeElem'] as const) {
      if (original[key]) (m as unknown as Record<string, unknown>)[key] = JSON.parse(JSON.stringify(original[key]));
    }
    if (original.contentType === ContentType.Text) m.textElem = { content: original.content };
    return m;
  }

  /** A merged forward ("chat history") of several messages, oldest first. */
  merger(messageList: MessageItem[], title: string, summaryList?: string[]): MessageItem {
    if (!Array.isArray(messageList) || messageList.length === 0 || messageList.length > Limits.maxMergeMessages) {
      throw new ImError(ErrorCode.InvalidArgument, `messageList must hold 1–${Limits.maxMergeMessages} messages.`);
    }
    const sorted = [...messageList].sort((a, b) => a.sendTime - b.sendTime);
    const abstractList =
      summaryList ?? sorted.slice(0, 4).map((m) => `${m.senderNickname || m.sendID}: ${messageSummary(m)}`.slice(0, 120));
    const mergeElem: MergeElem = { title: String(title || 'Chat history'), abstractList, multiMessage: sorted.map(embed) };
    return this.make(ContentType.Merger, { mergeElem });
  }
}

export { AT_ALL };
