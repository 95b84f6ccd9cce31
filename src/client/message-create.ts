import {
  AT_ALL,
  embed,
  type AtElem,
  type MessageElems,
  type QuoteElem,
} from '../model/elems.js';
import { ContentType, MessageFrom, MessageStatus, Platform, SessionType } from '../model/enums.js';
import type { MessageItem, UserInfo } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import { newClientMsgID } from './ids.js';

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

export function base(self: UserInfo, userID: string, contentType: number, content: string, now: number, elems: MessageElems = {}): MessageItem {
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

export function checkText(text: unknown, what = 'text'): string {
  if (typeof text !== 'string') throw new ImError(ErrorCode.InvalidArgument, `${what} must be a string.`);
  if (!text.trim()) throw new ImError(ErrorCode.InvalidArgument, `${what} cannot be empty.`);
  const length = [...text].length;
  if (length > Limits.maxTextLength) {
    throw new ImError(ErrorCode.MessageTooLong, `A text message can have at most ${Limits.maxTextLength} characters (this one has ${length}).`);
  }
  return text;
}

/**
 * The creators a chat needs at once (text, @mention, quote). The others (media, file,
 * location, custom, face, forward, merger) are `MoreMessageCreators` in message-create-more.ts,
 * which the client imports when one of them is first called.
 */
export class MessageCreator {
  constructor(protected readonly self: () => UserInfo, protected readonly userID: () => string, protected readonly now: () => number) {}

  protected make(contentType: number, elems: MessageElems, content?: string): MessageItem {
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

  quote(text: string, quoted: MessageItem): MessageItem {
    checkText(text);
    if (!quoted || typeof quoted.clientMsgID !== 'string') throw new ImError(ErrorCode.InvalidArgument, 'message (the quoted one) is required.');
    const quoteElem: QuoteElem = { text, quoteMessage: embed(quoted) };
    return this.make(ContentType.Quote, { quoteElem });
  }

}

export { AT_ALL };
