import { ContentType, MessageFrom, MessageStatus, Platform, SessionType } from '../model/enums.js';
import { groupConversationID, ID_PATTERN, parseConversationID, singleConversationID } from '../model/conversation-id.js';
import type { ConversationItem, MessageItem } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import type { SessionContext } from './context.js';
import type { AdvancedHistoryResult, HistoryOptions } from './api.js';
import { newClientMsgID } from './ids.js';
import { mergeConversation } from '../sync/apply-events.js';
import { checkText, MessageCreator, type PendingFiles } from './message-create.js';
import type { UploadHandle } from './message-upload.js';

/** Errors after which sending again may succeed: the message waits in the outbox instead of failing. */
function isTransient(error: ImError): boolean {
  return error.code === ErrorCode.NetworkError || error.code === ErrorCode.Closed || error.code === ErrorCode.RateLimited;
}

/** How long the outbox waits after the server said "slow down" before sending again. */
const RATE_LIMIT_PAUSE_MS = 1000;

export class Messages {
  /** Sends in flight, by clientMsgID, so a retry or a flush never sends the same message twice at once. */
  /** True while flushOutbox is sending; a send during it asks for another pass. */
  private pumping = false;
  private pumpAgain = false;
  /** Set when the server rate-limits us: nothing is sent before this time. */
  private pausedUntil = 0;
  /** Callers of sendMessage waiting for a queued message to go out after a reconnect. */
  private waiting = new Map<string, { resolve: (m: MessageItem) => void; reject: (e: ImError) => void }[]>();

  /** Files of created media messages until they are sent (then they live in the outbox entry). */
  private pendingFiles = new Map<string, PendingFiles>();
  /** Uploads in progress, for cancelUpload. */
  private uploads = new Map<string, UploadHandle>();
  readonly create: MessageCreator;

  constructor(private readonly s: SessionContext) {
    this.create = new MessageCreator(() => s.self(), () => s.userID, () => s.now());
    s.emitter.on('onMessageUpdated', this.onUpdated);
  }

  /**
   * A send whose answer was lost with the connection is confirmed by the event log
   * instead (catch-up applies our own message.new): settle its callers then too.
   */
  private onUpdated = (m: MessageItem): void => {
    if (m.sendID === this.s.userID && m.status === MessageStatus.Succeeded) this.settleWaiters(m.clientMsgID, m);
  };

  /** Remembers the files of a created media message until it is sent. */
  holdFiles(clientMsgID: string, files: PendingFiles | undefined): void {
    if (files) this.pendingFiles.set(clientMsgID, files);
  }

  /** Aborts the upload of a message being sent; the message fails with UploadCancelled (1307). */
  cancelUpload(clientMsgID: string): boolean {
    const h = this.uploads.get(clientMsgID);
    if (!h) return false;
    h.cancel();
    return true;
  }

  createText(text: string): MessageItem {
    // Counted in characters (code points) like the other creators and the server: 8,000 emoji fit.
    checkText(text, 'A text message');
    const self = this.s.self();
    const now = this.s.now();
    return {
      clientMsgID: newClientMsgID(),
      serverMsgID: '',
      createTime: now,
      sendTime: now,
      sessionType: SessionType.Single,
      sendID: this.s.userID,
      recvID: '',
      groupID: '',
      msgFrom: MessageFrom.User,
      contentType: ContentType.Text,
      platformID: Platform.Web,
      senderNickname: self.nickname,
      senderFaceUrl: self.faceURL,
      seq: 0,
      isRead: false,
      status: MessageStatus.Sending,
      content: text,
      textElem: { content: text },
      ex: '',
      conversationID: '',
    };
  }

  /**
   * Optimistic send: the message is written to the cache and the outbox and
   * emitted at once; the promise settles when the server accepts or refuses it.
   * Offline, it stays queued (status sending) and goes out after reconnecting.
   */
  async send(message: MessageItem, recvID: string, groupID: string): Promise<MessageItem> {
    if (!message || typeof message !== 'object' || typeof message.clientMsgID !== 'string') {
      throw new ImError(ErrorCode.InvalidArgument, 'message must be a message created by createTextMessage.');
    }
    const isGroup = !!groupID;
    const target = isGroup ? groupID : recvID;
    if (!target || !ID_PATTERN.test(target) || (recvID && groupID)) {
      throw new ImError(ErrorCode.InvalidArgument, 'Pass either recvID (one-to-one) or groupID (group), as a valid ID.');
    }
    if (!isGroup && recvID === this.s.userID) throw new ImError(ErrorCode.InvalidArgument, 'You cannot send a message to yourself.');
    const existing = await this.s.cache.getMessage(message.clientMsgID);
    if (existing && existing.status === MessageStatus.Succeeded) return existing;
    if (existing && existing.status === MessageStatus.Failed) return this.resend(existing.clientMsgID);
    const conversationID = isGroup ? groupConversationID(groupID) : singleConversationID(this.s.userID, recvID);
    const now = this.s.now();
    const pending: MessageItem = {
      ...message,
      sessionType: isGroup ? SessionType.Group : SessionType.Single,
      recvID: isGroup ? '' : recvID,
      groupID: isGroup ? groupID : '',
      conversationID,
      status: MessageStatus.Sending,
      sendTime: Math.max(now, message.createTime),
      seq: 0,
    };
    delete pending.failure;
    await this.s.serial(async () => {
      const files = this.pendingFiles.get(pending.clientMsgID);
      this.pendingFiles.delete(pending.clientMsgID);
      await this.s.cache.queueOutgoing(pending, {
        clientMsgID: pending.clientMsgID,
        conversationID,
        recvID: pending.recvID,
        groupID: pending.groupID,
        queuedAt: this.nextQueuedAt(now),
        ...(files ? { files } : {}),
      });
      this.s.emitter.emit('onMessageUpdated', pending);
      await this.touchConversation(pending);
    });
    return this.dispatch(pending);
  }

  async resend(clientMsgID: string): Promise<MessageItem> {
    const message = await this.s.cache.getMessage(clientMsgID);
    if (!message) throw new ImError(ErrorCode.MessageNotFound, `No message ${clientMsgID} in the cache.`);
    if (message.status === MessageStatus.Succeeded) return message;
    const retry: MessageItem = { ...message, status: MessageStatus.Sending };
    delete retry.failure;
    await this.s.serial(async () => {
      const previous = await this.s.cache.getOutboxEntry(clientMsgID);
      const files = previous?.files ?? this.pendingFiles.get(clientMsgID);
      await this.s.cache.queueOutgoing(retry, {
        clientMsgID,
        conversationID: retry.conversationID,
        recvID: retry.recvID,
        groupID: retry.groupID,
        queuedAt: this.nextQueuedAt(this.s.now()),
        ...(files ? { files } : {}),
      });
      this.s.emitter.emit('onMessageUpdated', retry);
    });
    return this.dispatch(retry);
  }

  private lastQueuedAt = 0;
  /**
   * Strictly increasing queue times: the outbox is read in `queuedAt` order, and two
   * messages written in the same millisecond must not fall back to clientMsgID order.
   */
  private nextQueuedAt(now: number): number {
    this.lastQueuedAt = Math.max(now, this.lastQueuedAt + 1);
    return this.lastQueuedAt;
  }

  /**
   * Sends what is queued, oldest first and one at a time, so that the server
   * receives messages in the order they were written even across reconnects.
   * Runs after login, after every reconnect and after each new send.
   */
  async flushOutbox(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        for (;;) {
          if (!this.s.isOnline() || this.pausedUntil > Date.now()) return;
          const next = await this.nextQueued();
          if (!next) break;
          // null: the connection failed or we were asked to slow down; a later flush resumes here.
          if ((await this.transmit(next).catch(() => undefined)) === null) return;
        }
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
      // A pass asked for while this one was on its way out (a reconnect's flush that found it still
      // running) would otherwise be lost, and with every message already queued nothing else asks
      // again: the outbox would sit full on a live connection. Go round once more if the link is up.
      if (this.pumpAgain && this.s.isOnline()) {
        this.pumpAgain = false;
        setTimeout(() => void this.flushOutbox(), Math.max(0, this.pausedUntil - Date.now()) + 10);
      }
    }
  }

  private async nextQueued(): Promise<MessageItem | null> {
    for (const entry of await this.s.cache.getOutbox()) {
      const message = await this.s.cache.getMessage(entry.clientMsgID);
      if (message && message.status === MessageStatus.Sending) return message;
    }
    return null;
  }

  /** The server asked us to slow down: hold new sends in the outbox and flush it again shortly. */
  private pauseForRateLimit(): void {
    if (this.pausedUntil > Date.now()) return;
    this.pausedUntil = Date.now() + RATE_LIMIT_PAUSE_MS;
    setTimeout(() => void this.flushOutbox(), RATE_LIMIT_PAUSE_MS + 10);
  }

  /** Rejects every caller still waiting on a queued message (logout). */
  abandonWaiters(): void {
    this.s.emitter.off('onMessageUpdated', this.onUpdated);
    for (const list of this.waiting.values()) for (const w of list) w.reject(new ImError(ErrorCode.Closed));
    this.waiting.clear();
  }

  /** The caller's promise settles when the server accepts or refuses the message, however many connections that takes. */
  private dispatch(message: MessageItem): Promise<MessageItem> {
    const settled = new Promise<MessageItem>((resolve, reject) => {
      const list = this.waiting.get(message.clientMsgID) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(message.clientMsgID, list);
    });
    void this.flushOutbox();
    return settled;
  }

  /** Resolves with the accepted message, or null when the connection failed and the message stays queued. */
  private async transmit(original: MessageItem): Promise<MessageItem | null> {
    let message = original;
    try {
      message = await this.uploadFiles(message);
      const { message: accepted } = await this.s.connection.request('message.send', {
        message: {
          clientMsgID: message.clientMsgID,
          sessionType: message.sessionType,
          recvID: message.recvID,
          groupID: message.groupID,
          contentType: message.contentType,
          content: message.content,
          createTime: message.createTime,
          ex: message.ex,
        },
      });
      const sent: MessageItem = { ...accepted, conversationID: message.conversationID, isRead: accepted.isRead };
      keepLocalPaths(sent, message);
      await this.s.serial(async () => {
        const current = await this.s.cache.getMessage(sent.clientMsgID);
        const final = { ...sent, isRead: sent.isRead || !!current?.isRead };
        await this.s.cache.completeOutgoing(final);
        this.s.emitter.emit('onMessageUpdated', final);
      });
      this.settleWaiters(message.clientMsgID, sent);
      return sent;
    } catch (error) {
      const err = error instanceof ImError ? error : new ImError(ErrorCode.Internal, String(error));
      // Still queued; the flush after the next connect sends it and settles the callers then.
      if (err.code === ErrorCode.RateLimited) this.pauseForRateLimit();
      if (isTransient(err)) return null;
      const failed: MessageItem = { ...message, status: MessageStatus.Failed, failure: { code: err.code, message: err.message } };
      await this.s.serial(async () => {
        await this.s.cache.completeOutgoing(failed);
        this.s.emitter.emit('onMessageUpdated', failed);
        await this.touchConversation(failed);
      });
      this.settleWaiters(message.clientMsgID, undefined, err);
      throw err;
    }
  }

  /** Uploads the files of a media message whose elem has no server URL yet (see uploadMessageFiles). */
  private async uploadFiles(message: MessageItem): Promise<MessageItem> {
    const entry = await this.s.cache.getOutboxEntry(message.clientMsgID);
    const files = entry?.files ?? this.pendingFiles.get(message.clientMsgID);
    const needs =
      (message.pictureElem && !message.pictureElem.sourcePicture.url) ||
      (message.soundElem && !message.soundElem.sourceUrl) ||
      (message.videoElem && !message.videoElem.videoUrl) ||
      (message.fileElem && !message.fileElem.sourceUrl);
    if (!needs) return message;
    if (!files) throw new ImError(ErrorCode.FileNotFound, 'The file of this message is no longer available; send it again.');
    // The upload code (message-upload.ts) is imported when the first media message is sent.
    return (await import('./message-upload.js')).uploadMessageFiles(this.s, message, files, this.uploads);
  }

  private settleWaiters(clientMsgID: string, message?: MessageItem, error?: ImError): void {
    const list = this.waiting.get(clientMsgID);
    if (!list) return;
    this.waiting.delete(clientMsgID);
    for (const w of list) (message ? w.resolve(message) : w.reject(error!));
  }

  /** Show an own message in the conversation list straight away, before the server's snapshot. */
  private async touchConversation(message: MessageItem): Promise<void> {
    const existing = await this.s.cache.getConversation(message.conversationID);
    const base: ConversationItem = existing ?? {
      conversationID: message.conversationID,
      conversationType: message.sessionType,
      userID: message.recvID,
      groupID: message.groupID,
      showName: (await this.s.cache.getUsers(message.recvID ? [message.recvID] : []))[0]?.nickname || message.recvID || message.groupID,
      faceURL: '',
      recvMsgOpt: 0,
      unreadCount: 0,
      groupAtType: 0,
      latestMsg: null,
      latestMsgSendTime: 0,
      draftText: '',
      draftTextTime: 0,
      isPinned: false,
      maxSeq: 0,
      hasReadSeq: 0,
      peerReadSeq: 0,
      ex: '',
    };
    if (base.latestMsg && base.latestMsg.clientMsgID !== message.clientMsgID && base.latestMsgSendTime > message.sendTime) return;
    const next = mergeConversation(base, base);
    next.latestMsg = message;
    next.latestMsgSendTime = message.sendTime;
    await this.s.cache.putConversations([next]);
    this.s.emitter.emit(existing ? 'onConversationChanged' : 'onNewConversation', [next]);
  }

  /**
   * A page of history older than `startMsg`: from the cache when the cached run
   * of seqs is unbroken, otherwise from the server (and then cached). Offline,
   * whatever the cache holds.
   */
  async history(options: HistoryOptions): Promise<AdvancedHistoryResult> {
    const conversationID = this.resolveConversationID(options);
    const count = options.count;
    if (!Number.isInteger(count) || count < 1 || count > Limits.maxPageSize) {
      throw new ImError(ErrorCode.InvalidArgument, `count must be an integer from 1 to ${Limits.maxPageSize}.`);
    }
    const startMsg = options.startMsg ?? null;
    // Two independent reads: side by side they cost one IndexedDB round trip before the first paint, not two.
    const [cached, conversation] = await Promise.all([this.s.cache.pageMessages(conversationID, startMsg, count), this.s.cache.getConversation(conversationID)]);
    // The seq we expect just below the page: the start message's, or one past the newest.
    const ceiling = startMsg ? startMsg.seq || this.lowestSeq(cached, conversation) : (conversation?.maxSeq ?? 0) + 1;
    const acked = cached.filter((m) => m.seq > 0);
    const contiguous = isUnbroken(acked, ceiling);
    const lowest = acked.length ? acked[0]!.seq : ceiling;
    const reachedStart = lowest <= 1;
    if (contiguous && (acked.length >= count || reachedStart)) {
      return { messageList: cached, isEnd: reachedStart };
    }
    if (!this.s.isOnline()) return { messageList: cached, isEnd: false };
    // Ask the server for the page below the last seq we can vouch for.
    const beforeSeq = contiguous ? lowest : ceiling;
    const { messages, hasMore } = await this.s.connection.request('message.history', {
      conversationID,
      beforeSeq: beforeSeq > (conversation?.maxSeq ?? 0) ? 0 : beforeSeq,
      count,
    });
    const fetched = messages.map((m) => ({ ...m, conversationID }));
    await this.s.cache.putMessages(await this.keepLocalState(fetched));
    const merged = await this.s.cache.pageMessages(conversationID, startMsg, count);
    const oldest = merged.find((m) => m.seq > 0);
    return { messageList: merged, isEnd: !hasMore && (!oldest || oldest.seq <= 1) };
  }

  private lowestSeq(cached: MessageItem[], conversation: ConversationItem | undefined): number {
    const acked = cached.filter((m) => m.seq > 0);
    return acked.length ? acked[acked.length - 1]!.seq + 1 : (conversation?.maxSeq ?? 0) + 1;
  }

  /** Server copies never overwrite local knowledge (read state already learned from receipts). */
  private async keepLocalState(list: MessageItem[]): Promise<MessageItem[]> {
    return Promise.all(
      list.map(async (m) => {
        const local = await this.s.cache.getMessage(m.clientMsgID);
        // Deleted here ("delete for me") stays deleted here.
        if (local?.status === MessageStatus.Deleted) return { ...m, status: MessageStatus.Deleted };
        return local?.isRead ? { ...m, isRead: true } : m;
      }),
    );
  }

  private resolveConversationID(options: HistoryOptions): string {
    if (options.conversationID) {
      if (!parseConversationID(options.conversationID, this.s.userID)) {
        throw new ImError(ErrorCode.ConversationNotFound, `No conversation ${options.conversationID}.`);
      }
      return options.conversationID;
    }
    if (options.groupID) return groupConversationID(options.groupID);
    if (options.userID) return singleConversationID(this.s.userID, options.userID);
    throw new ImError(ErrorCode.InvalidArgument, 'Pass conversationID, userID or groupID.');
  }
}

/** True when the seqs run down from `ceiling - 1` without a hole (the list is oldest first). */
function isUnbroken(acked: MessageItem[], ceiling: number): boolean {
  let expected = ceiling - 1;
  for (let i = acked.length - 1; i >= 0; i--) {
    if (acked[i]!.seq !== expected) return false;
    expected--;
  }
  return true;
}

/** The sender's device keeps showing its local copy (object URLs) instead of downloading what it just sent. */
function keepLocalPaths(sent: MessageItem, local: MessageItem): void {
  if (sent.pictureElem && local.pictureElem?.sourcePath) sent.pictureElem.sourcePath = local.pictureElem.sourcePath;
  if (sent.soundElem && local.soundElem?.soundPath) sent.soundElem.soundPath = local.soundElem.soundPath;
  if (sent.videoElem && local.videoElem?.videoPath) {
    sent.videoElem.videoPath = local.videoElem.videoPath;
    sent.videoElem.snapshotPath = local.videoElem.snapshotPath;
  }
  if (sent.fileElem && local.fileElem?.filePath) sent.fileElem.filePath = local.fileElem.filePath;
}
