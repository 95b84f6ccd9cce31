import {
  embed,
  messageSummary,
  type CustomElem,
  type FaceElem,
  type FileElem,
  type LocationElem,
  type MergeElem,
  type Picture,
  type PictureElem,
  type SoundElem,
  type VideoElem,
} from '../model/elems.js';
import { ContentType, MessageStatus } from '../model/enums.js';
import type { MessageItem, UserInfo } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import { base, MessageCreator, type CreatedMessage, type PendingFiles } from './message-create.js';
import type { MediaInfo } from './message-media.js';

/** The canvas/video probing (message-media.ts) is imported when an image or video message is first made. */
const media = () => import('./message-media.js');

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

const objectURL = (b: Blob) => (typeof URL !== 'undefined' && URL.createObjectURL ? URL.createObjectURL(b) : '');

/**
 * The creators a chat does not need before the user sends something other than text: the
 * client imports this module on the first call of one of them (see MessageCreator).
 */
export class MoreMessageCreators extends MessageCreator {
  constructor(
    self: () => UserInfo,
    userID: () => string,
    now: () => number,
    /** Keeps a created message's files until it is sent (Messages.holdFiles of the session). */
    private readonly hold: (clientMsgID: string, files: PendingFiles | undefined) => void,
  ) {
    super(self, userID, now);
  }

  // The client's creators (ImClient hands these calls here as they are).

  /** Browser: takes the image `File`/`Blob` (not a path); a thumbnail is made with canvas; the upload happens in sendMessage. */
  async createImageMessage(file: Blob): Promise<MessageItem> {
    return this.held(await this.image(file));
  }

  /** Browser: takes the recording `Blob` and its duration in seconds. */
  async createSoundMessage(file: Blob, duration: number): Promise<MessageItem> {
    return this.held(this.sound(file, duration));
  }

  /** Browser: takes the video `File`/`Blob`; duration and poster frame are read in the browser. */
  async createVideoMessage(file: Blob): Promise<MessageItem> {
    return this.held(await this.video(file));
  }

  /** Browser: takes the `File`/`Blob`; `fileName` defaults to the File's name. */
  async createFileMessage(file: Blob, fileName?: string): Promise<MessageItem> {
    return this.held(this.file(file, fileName));
  }

  async createLocationMessage(options: { description: string; longitude: number; latitude: number }): Promise<MessageItem> {
    return this.location(options?.description, options?.longitude, options?.latitude);
  }

  /** `data`/`extension`: objects or JSON strings. A host renders its own types with `registerMessageRenderer`. */
  async createCustomMessage(options: { data: unknown; extension?: unknown; description?: string }): Promise<MessageItem> {
    return this.custom(options?.data, options?.extension, options?.description);
  }

  async createFaceMessage(options: { index: number; data: string }): Promise<MessageItem> {
    return this.face(options?.index, options?.data);
  }

  async createForwardMessage(message: MessageItem): Promise<MessageItem> {
    return this.forward(message);
  }

  async createMergerMessage(options: { messageList: MessageItem[]; title: string; summaryList?: string[] }): Promise<MessageItem> {
    return this.merger(options?.messageList, options?.title, options?.summaryList);
  }

  private held({ message, files }: CreatedMessage): MessageItem {
    this.hold(message.clientMsgID, files);
    return message;
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
