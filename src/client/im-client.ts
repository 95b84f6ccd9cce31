import mitt, { type Emitter } from 'mitt';
import { LoginStatus, type SessionType } from '../model/enums.js';
import { ID_PATTERN } from '../model/conversation-id.js';
import type { ConversationItem, MessageItem, UserInfo } from '../model/types.js';
import { ErrorCode, ImError, type ErrorInfo } from '../protocol/errors.js';
import type { PushFrame } from '../protocol/frames.js';
import { ImCache, type StorageDegradedReason } from '../store/cache.js';
import { CacheBlockedError, CacheNewerError, databaseName, deleteImDatabase, openImDatabase } from '../store/database.js';
import { applyEvents, type Emission } from '../sync/apply-events.js';
import { catchUp, CURSOR_KEY, isNextEvent } from '../sync/catch-up.js';
import { Connection, type LinkState } from '../transport/connection.js';
import type { TransportFactory } from '../transport/types.js';
import { createWebSocketTransport } from '../transport/websocket.js';
import type { AdvancedHistoryResult, HistoryOptions, ImClientApi } from './api.js';
import type { SessionContext } from './context.js';
import { Conversations } from './conversations.js';
import type { ConversationManagement } from './conversation-management.js';
import type { ConnectionState, ImEvents, StorageNotice } from './events.js';
import { Messages } from './messages.js';
import type { MoreMessageCreators } from './message-create-more.js';
import type { MessageActions, SearchLocalParams } from './message-actions.js';
import { httpBaseOf } from './file-auth.js';
import type { MessageSearchParams, MessageSearchResult } from '../protocol/ops-messages.js';
import type { Signaling, SignalingApi } from './signaling.js';
import { handleSignalingPush } from './signaling-push.js';
import type { CallRelayKind, IceConfig, SignalingInviteReq, SignalingOpReq, SignalingResult } from '../model/call.js';
import { Platform } from '../model/enums.js';
import type { Users } from './users.js';
import type { Friends } from './friends.js';
import type { Groups, CreateGroupParams, GroupMemberListParams } from './groups.js';
import type { SocialApi } from './social-api.js';
import type { BlackInfo, FriendApplication, FriendCheckResult, FriendInfo, GroupApplication, GroupInfoUpdate, SelfInfoUpdate, UserResult, UserSettings } from '../model/social.js';
import type { GroupInfo, GroupMemberInfo } from '../model/types.js';

export interface ImClientConfig {
  /** The IM server, e.g. `https://im.example.com` (the socket is `/ws` under it) or a `ws(s)://` URL. */
  serverURL: string;
  /** Overrides the WebSocket transport (the in-page loopback for stories and tests). */
  transport?: TransportFactory;
  /** Prefix of the IndexedDB database names; default `imkit`. */
  dbNamePrefix?: string;
  requestTimeoutMs?: number;
  heartbeatMs?: number;
  platformID?: number;
}

const SELF_KEY = 'self';
/** How many conversations login reads and emits before the whole list: more than a tall screen shows. */
const FIRST_SCREEN_CONVERSATIONS = 50;
/** How long login waits for another (older) tab to let go of the cache before it works from memory. */
const BLOCKED_OPEN_TIMEOUT_MS = 3000;

/** Resolves after the next frame has been painted (or soon, where frames do not run: hidden tabs, Node). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(fallback), resolve())));
  });
}

/**
 * A session's domain object whose module is imported on first use: a page with a list and a
 * chat never downloads the profile, friends, groups, call-signalling and message-action code
 * until something calls into it (the facade's methods are async anyway). One instance per
 * session; a failed load (a chunk that did not arrive) is tried again on the next call.
 */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/** Everything that exists only while a user is logged in. */
interface Session extends SessionContext {
  connection: Connection;
  messages: Messages;
  /** The creators of messages other than text, @mention and quote: loaded on first use. */
  creators: () => Promise<MoreMessageCreators>;
  /** Message actions (issue 3); loaded on first use, like the domains below. */
  actions: () => Promise<MessageActions>;
  signaling: () => Promise<Signaling>;
  /** Social work: profiles and settings, friends and blacklist, groups. */
  users: () => Promise<Users>;
  friends: () => Promise<Friends>;
  groups: () => Promise<Groups>;
  conversations: Conversations;
  /** Pin, mute, hide, delete, clear, mark all read: loaded on first use. */
  manage: () => Promise<ConversationManagement>;
  online: boolean;
  cursor: number;
  selfInfo: UserInfo;
  dbName: string;
  removeListeners: () => void;
}

/** The session's domains whose modules load on first use (see `Session`). */
type LazyDomain = 'signaling' | 'actions' | 'creators' | 'users' | 'friends' | 'groups' | 'manage';

/**
 * The facade's methods whose work is done by a domain loaded on first use, by domain: each
 * calls the domain's method of the same name with the same arguments (the domain classes
 * carry the OpenIM names). They are put on ImClient's prototype from these lists, their types
 * coming from the interfaces ImClient implements (merged in below): written out as one async
 * method each, the 71 of them cost about 0.65 kB min+gzip on every page. A name its domain
 * lacks, or whose parameters or result do not fit the interface's, fails `tsc` (see `ListsFit`).
 */
const ON_FIRST_USE = {
  signaling:
    'signalingInvite signalingInviteInGroup signalingAccept signalingReject signalingCancel signalingHungUp signalingSendData getIceConfig',
  actions:
    'markC2CMessageAsRead markSingleMessageHasRead markGroupMessageHasRead revokeMessage deleteMessageFromLocalStorage deleteMessage typingStatusUpdate markGroupMessageAsRead getGroupMessageReaderList setConversationDraft insertSingleMessageToLocalStorage insertGroupMessageToLocalStorage searchLocalMessages searchServerMessages',
  creators:
    'createImageMessage createSoundMessage createVideoMessage createFileMessage createLocationMessage createCustomMessage createFaceMessage createForwardMessage createMergerMessage',
  users:
    'getUsersInfo setSelfInfo getUserSettings setGlobalRecvMessageOpt setQuietHours',
  friends:
    'addFriend getFriendApplicationListAsRecipient getFriendApplicationListAsApplicant acceptFriendApplication refuseFriendApplication getFriendList setFriendRemark deleteFriend checkFriend addBlack removeBlack getBlackList',
  groups:
    'createGroup getSpecifiedGroupsInfo getJoinedGroupList setGroupInfo joinGroup getGroupApplicationListAsRecipient getGroupApplicationListAsApplicant acceptGroupApplication refuseGroupApplication inviteUserToGroup kickGroupMember quitGroup dismissGroup transferGroupOwner setGroupMemberRoleLevel changeGroupMute changeGroupMemberMute getGroupMemberList getGroupMemberListPage getSpecifiedGroupMembersInfo setGroupMemberNickname',
  manage:
    'pinConversation setConversationRecvMessageOpt hideConversation deleteConversationAndDeleteAllMsg clearConversationAndDeleteAllMsg markAllConversationMessageAsRead',
} as const;

type Facade = ImClientApi & SignalingApi;
type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? W | Words<Rest> : S;
type NamesOf<D extends LazyDomain> = Words<(typeof ON_FIRST_USE)[D]>;
type OnFirstUse = NamesOf<LazyDomain>;
type DomainOf<D extends LazyDomain> = Awaited<ReturnType<Session[D]>>;
/** Whether domain `D`'s method `K` takes the facade's arguments for `K` and resolves to what the facade promises. */
type Fits<D extends LazyDomain, K> = K extends keyof Facade & keyof DomainOf<D>
  ? DomainOf<D>[K] extends (...args: infer A) => infer R
    ? Facade[K] extends (...args: infer FA) => infer FR
      ? [FA extends A ? true : false, Awaited<R> extends Awaited<FR> ? true : false] extends [true, true]
        ? true
        : false
      : false
    : false
  : false;
type ListsFit = { [D in LazyDomain]: Fits<D, NamesOf<D>> }[LazyDomain];
/** Compiles only while every name fits (see ON_FIRST_USE). */
const listsFit: ListsFit extends true ? true : never = true;
void listsFit;

/**
 * The imkit client: one per page, shared by every element. Method names and
 * shapes follow the OpenIM JS SDK; each promise rejects with an `ImError`
 * (`code`/`errCode`, `message`/`errMsg`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the ON_FIRST_USE methods, installed below.
export interface ImClient extends Pick<Facade, OnFirstUse> {}

export class ImClient implements ImClientApi, SignalingApi {
  static {
    // The ON_FIRST_USE methods: each loads its domain (once per session) and hands it the call.
    for (const [domain, names] of Object.entries(ON_FIRST_USE) as [LazyDomain, string][]) {
      for (const name of names.split(' ')) {
        Object.defineProperty(this.prototype, name, {
          configurable: true,
          writable: true,
          async value(this: ImClient, ...args: unknown[]) {
            return ((await this.require()[domain]()) as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
          },
        });
      }
    }
  }

  readonly events: Emitter<ImEvents> = mitt<ImEvents>();
  private session: Session | null = null;
  private status: LoginStatus = LoginStatus.Logout;
  private _connectionState: ConnectionState = 'idle';

  constructor(readonly config: ImClientConfig) {
    if (!config || typeof config.serverURL !== 'string' || !config.serverURL) {
      throw new ImError(ErrorCode.InvalidArgument, 'ImClient needs a serverURL.');
    }
  }

  get connectionState(): ConnectionState {
    return this._connectionState;
  }

  /** Where the cache lives: `indexeddb`, or `memory` when IndexedDB was refused or failed (see `onStorageDegraded`). */
  get storageMode(): 'indexeddb' | 'memory' {
    return this.session?.cache.inMemory ? 'memory' : 'indexeddb';
  }

  /** Why the cache is in memory, when it is. */
  storageProblem: StorageNotice | null = null;

  on<K extends keyof ImEvents>(type: K, handler: (event: ImEvents[K]) => void): void {
    this.events.on(type, handler);
  }

  off<K extends keyof ImEvents>(type: K, handler: (event: ImEvents[K]) => void): void {
    this.events.off(type, handler);
  }

  /**
   * Opens this user's cache and emits it at once, then connects. Resolves once
   * the first connection attempt has authenticated, or has failed for a reason
   * that a reconnect can cure (offline): the kit then works from the cache and
   * catches up when the server is back. Rejects on a bad or expired token.
   */
  async login(userID: string, token: string): Promise<void> {
    if (typeof userID !== 'string' || !ID_PATTERN.test(userID)) {
      throw new ImError(ErrorCode.InvalidArgument, 'userID must be 1–64 letters, digits, ".", "-" or "@".');
    }
    if (typeof token !== 'string' || !token) throw new ImError(ErrorCode.InvalidArgument, 'token is required.');
    if (this.status === LoginStatus.Logging) throw new ImError(ErrorCode.LoginInProgress);
    if (this.session) await this.logout();
    this.setStatus(LoginStatus.Logging, userID);
    let session: Session;
    try {
      session = await this.openSession(userID, token);
    } catch (error) {
      this.setStatus(LoginStatus.LoginFailed, userID);
      throw error;
    }
    this.session = session;
    if (session.cache.inMemory && this.storageProblem) this.events.emit('onStorageDegraded', this.storageProblem);
    // Paint from cache before the network answers: the first screenful first (a bounded read), then the rest.
    const first = await session.cache.firstConversations(FIRST_SCREEN_CONVERSATIONS);
    if (first?.length) this.events.emit('onConversationChanged', first);
    // Let the first screenful paint before the full read (its parsing and the re-sort compete for the main thread).
    if (first?.length) await afterPaint();
    const cached = await session.cache.getConversations();
    const shown = new Set(first?.map((c) => c.conversationID));
    const rest = shown.size ? cached.filter((c) => !shown.has(c.conversationID)) : cached;
    if (rest.length) this.events.emit('onConversationChanged', rest);
    if (!first) void session.cache.trackListHead().catch(() => undefined);
    await session.conversations.emitTotalIfChanged(cached);
    const firstError = await session.connection.start();
    if (firstError && firstError.code !== ErrorCode.NetworkError && firstError.code !== ErrorCode.Timeout) {
      await this.teardown(false);
      this.setStatus(LoginStatus.LoginFailed, userID);
      throw firstError;
    }
    this.setStatus(LoginStatus.Logged, userID);
  }

  /** Closes the connection and the cache. `clearCache` also deletes this user's cached data. */
  async logout(options: { clearCache?: boolean } = {}): Promise<void> {
    const userID = this.session?.userID ?? '';
    await this.teardown(!!options.clearCache);
    this.setStatus(LoginStatus.Logout, userID);
  }

  async getLoginStatus(): Promise<LoginStatus> {
    return this.status;
  }

  getLoginUserID(): string {
    return this.session?.userID ?? '';
  }

  async getSelfUserInfo(): Promise<UserInfo> {
    return this.require().selfInfo;
  }

  async getAllConversationList(): Promise<ConversationItem[]> {
    return this.require().conversations.getAll();
  }

  async getConversationListSplit(offset: number, count: number): Promise<ConversationItem[]> {
    return this.require().conversations.getSplit(offset, count);
  }

  async getOneConversation(sourceID: string, sessionType: SessionType): Promise<ConversationItem> {
    return this.require().conversations.getOne(sourceID, sessionType);
  }

  async getConversationByID(conversationID: string): Promise<ConversationItem> {
    return this.require().conversations.getByID(conversationID);
  }

  async getTotalUnreadMsgCount(): Promise<number> {
    return this.require().conversations.totalUnread();
  }

  async createTextMessage(text: string): Promise<MessageItem> {
    return this.require().messages.createText(text);
  }

  async sendMessage(message: MessageItem, recvID: string, groupID: string): Promise<MessageItem> {
    return this.require().messages.send(message, recvID ?? '', groupID ?? '');
  }

  async resendMessage(clientMsgID: string): Promise<MessageItem> {
    return this.require().messages.resend(clientMsgID);
  }

  /** Reference shape: the page as a list, oldest first. */
  async getHistoryMessageList(options: HistoryOptions): Promise<MessageItem[]> {
    return (await this.getAdvancedHistoryMessageList(options)).messageList;
  }

  async getAdvancedHistoryMessageList(options: HistoryOptions): Promise<AdvancedHistoryResult> {
    if (!options || typeof options !== 'object') throw new ImError(ErrorCode.InvalidArgument, 'options are required.');
    return this.require().messages.history(options);
  }

  /** Cached messages by clientMsgID (reference `findMessages`). */
  async findMessages(clientMsgIDList: string[]): Promise<MessageItem[]> {
    const s = this.require();
    const found = await Promise.all(clientMsgIDList.map((id) => s.cache.getMessage(id)));
    return found.filter((m): m is MessageItem => !!m);
  }

  async markConversationMessageAsRead(conversationID: string): Promise<void> {
    return this.require().conversations.markRead(conversationID);
  }

  // ---- call signaling, message actions, the creators of non-text messages, profiles, friends,
  // blacklist, groups and conversation management: ON_FIRST_USE (the domains in src/client/) ----

  // ---- message types (issue 3: src/client/message-*.ts) ----

  /** @mention in a group; `atUserIDList` may hold "AtAllTag" (AT_ALL) for everyone. */
  async createTextAtMessage(options: { text: string; atUserIDList: string[]; atUsersInfo?: { atUserID: string; groupNickname: string }[] }): Promise<MessageItem> {
    return this.require().messages.create.textAt(options?.text, options?.atUserIDList, options?.atUsersInfo);
  }

  async createQuoteMessage(options: { text: string; message: MessageItem }): Promise<MessageItem> {
    return this.require().messages.create.quote(options?.text, options?.message);
  }

  /** Aborts the upload of a media message being sent (it fails with 1307 and can be retried). */
  cancelUpload(clientMsgID: string): boolean {
    return this.session?.messages.cancelUpload(clientMsgID) ?? false;
  }

  /** An object URL for a file on the IM server (downloaded with the token; cached for the page). */
  async getFileURL(url: string): Promise<string> {
    const auth = this.require().fileAuth();
    const { fileObjectURL } = await import('./message-upload.js');
    return fileObjectURL(auth, url);
  }

  private require(): Session {
    if (!this.session) throw new ImError(ErrorCode.NotLoggedIn);
    return this.session;
  }

  private setStatus(status: LoginStatus, userID: string): void {
    this.status = status;
    this.events.emit('onLoginStatusChanged', { status, userID });
  }

  private setConnectionState(state: ConnectionState): void {
    if (state === this._connectionState) return;
    this._connectionState = state;
    this.events.emit('onConnectionStateChanged', state);
  }

  private async openSession(userID: string, token: string): Promise<Session> {
    const serverKey = this.config.serverURL.replace(/\/+$/, '');
    const dbName = databaseName(this.config.dbNamePrefix ?? 'imkit', serverKey, userID);
    let cache: ImCache;
    this.storageProblem = null;
    try {
      const db = await openImDatabase(dbName, {
        // Another tab upgraded the schema: this connection must close, but this tab keeps what it holds in memory.
        onVersionChange: () => void cache?.moveToMemory('versionchange'),
        blockedTimeoutMs: BLOCKED_OPEN_TIMEOUT_MS,
      });
      cache = new ImCache(db);
    } catch (error) {
      // IndexedDB refused (quota, private mode, disabled, blocked by an older tab): keep working from memory, and say so.
      const { openMemoryDatabase, storageNotice } = await import('../store/memory-database.js');
      const memory = await openMemoryDatabase(dbName);
      cache = new ImCache(memory.db, memory.keyRange, true);
      // A newer schema on disk means this tab runs old code: a reload brings the new version.
      const reason: StorageDegradedReason =
        error instanceof CacheBlockedError ? 'blocked' : error instanceof CacheNewerError ? 'versionchange' : 'unavailable';
      this.storageProblem = storageNotice(reason, (error as Error).message);
    }
    cache.onDegraded = (notice) => {
      this.storageProblem = notice;
      if (this.session?.cache === cache) this.events.emit('onStorageDegraded', notice);
    };
    const [storedSelf, storedCursor] = await Promise.all([cache.getMeta<UserInfo>(SELF_KEY), cache.getMeta<number>(CURSOR_KEY)]);
    const selfInfo = storedSelf ?? { userID, nickname: userID, faceURL: '' };
    let queue: Promise<unknown> = Promise.resolve();
    const emitter = this.events;
    const transport = this.config.transport ?? createWebSocketTransport(this.config.serverURL);

    const emitBatch = (batch: Emission[]) => {
      for (const e of batch) (emitter.emit as (t: string, p: unknown) => void)(e.type, e.payload);
    };

    const session: Session = {
      userID,
      cache,
      emitter,
      online: false,
      cursor: storedCursor ?? 0,
      selfInfo,
      dbName,
      isOnline: () => session.online,
      self: () => session.selfInfo,
      now: () => Date.now(),
      serial: <T>(task: () => Promise<T>) => {
        const run = queue.then(task, task);
        queue = run.catch(() => undefined);
        return run;
      },
      removeListeners: () => undefined,
      connection: undefined as unknown as Connection,
      messages: undefined as unknown as Messages,
      fileAuth: () => ({ baseURL: httpBaseOf(this.config.serverURL), token }),
      creators: onFirstUse(
        async () =>
          new (await import('./message-create-more.js')).MoreMessageCreators(
            () => session.self(),
            () => session.userID,
            () => session.now(),
            (id, files) => session.messages.holdFiles(id, files),
          ),
      ),
      actions: onFirstUse(async () => new (await import('./message-actions.js')).MessageActions(session, session.conversations)),
      signaling: onFirstUse(async () => new (await import('./signaling.js')).Signaling(session)),
      users: onFirstUse(async () => new (await import('./users.js')).Users(session, (u) => (session.selfInfo = u))),
      friends: onFirstUse(async () => new (await import('./friends.js')).Friends(session)),
      groups: onFirstUse(async () => new (await import('./groups.js')).Groups(session)),
      conversations: undefined as unknown as Conversations,
      manage: onFirstUse(async () => new (await import('./conversation-management.js')).ConversationManagement(session, session.conversations)),
    };
    session.messages = new Messages(session);
    session.conversations = new Conversations(session);

    const onPush = (frame: PushFrame) => {
      if (frame.push === 'session.ended') {
        const info = { code: frame.data.code as ErrorCode, message: frame.data.message };
        session.online = false;
        session.connection.stop();
        if (info.code === ErrorCode.TokenExpired) {
          this.setConnectionState('token-expired');
          emitter.emit('onUserTokenExpired', info);
        } else {
          this.setConnectionState('kicked');
          emitter.emit('onKickedOffline', info);
        }
        return;
      }
      if (handleSignalingPush(frame, emitter)) return;
      if (frame.push === 'message.typing') {
        emitter.emit('onTypingStatusUpdate', frame.data);
        return;
      }
      if (!frame.seq) return;
      void session.serial(async () => {
        const order = isNextEvent(frame, session.cursor);
        if (order === 'stale' || !session.online) return; // Catch-up covers pushes that arrive while syncing.
        if (order === 'gap') {
          session.cursor = await catchUp(session.connection, cache, userID, emitBatch);
        } else {
          emitBatch(await applyEvents(cache, userID, [frame]));
          session.cursor = frame.seq;
          await cache.setMeta(CURSOR_KEY, frame.seq);
        }
        await session.conversations.emitTotalIfChanged();
      });
    };

    session.connection = new Connection({
      transport,
      requestTimeoutMs: this.config.requestTimeoutMs,
      heartbeatMs: this.config.heartbeatMs,
      onPush,
      isFatal: (e) => e.code === ErrorCode.TokenInvalid || e.code === ErrorCode.TokenExpired || e.code === ErrorCode.UserNotFound || e.code === ErrorCode.KickedOffline,
      onOpen: async (conn) => {
        const auth = await conn.request('auth', { token, platformID: this.config.platformID ?? Platform.Web });
        session.selfInfo = auth.self;
        await cache.setMeta(SELF_KEY, auth.self);
        emitter.emit('onSelfInfoUpdated', auth.self);
        emitter.emit('onSyncServerStart', undefined);
        try {
          await session.serial(async () => {
            session.cursor = await catchUp(conn, cache, userID, emitBatch);
            session.online = true;
            await session.conversations.emitTotalIfChanged();
          });
        } catch (error) {
          const err = error instanceof ImError ? error : new ImError(ErrorCode.Internal, String(error));
          emitter.emit('onSyncServerFailed', err.toJSON());
          throw err;
        }
        emitter.emit('onSyncServerFinish', undefined);
        void session.messages.flushOutbox();
      },
      onStateChange: (state: LinkState, error?: ImError) => {
        if (state !== 'open') session.online = false;
        if (state === 'connecting') {
          this.setConnectionState(this._connectionState === 'connected' || this._connectionState === 'reconnecting' ? 'reconnecting' : 'connecting');
          emitter.emit('onConnecting', undefined);
        } else if (state === 'open') {
          this.setConnectionState('connected');
          emitter.emit('onConnectSuccess', undefined);
        } else if (state === 'waiting') {
          this.setConnectionState('reconnecting');
        } else if (state === 'stopped' && error) {
          const info = error.toJSON();
          if (error.code === ErrorCode.TokenExpired) {
            this.setConnectionState('token-expired');
            emitter.emit('onUserTokenExpired', info);
          } else if (error.code === ErrorCode.KickedOffline) {
            this.setConnectionState('kicked');
            emitter.emit('onKickedOffline', info);
          } else {
            this.setConnectionState('failed');
            emitter.emit('onConnectFailed', info);
          }
        }
      },
    });

    // A profile edit on another device arrives as onSelfInfoUpdated: keep getSelfUserInfo current
    // (here, not in the Users domain, which loads only when first called).
    const onSelf = (u: UserInfo) => (session.selfInfo = u);
    emitter.on('onSelfInfoUpdated', onSelf);
    // Waiting out a long backoff after the browser says the network is back helps nobody.
    const online = () => session.connection.retryNow();
    if (typeof window !== 'undefined') window.addEventListener('online', online);
    session.removeListeners = () => {
      emitter.off('onSelfInfoUpdated', onSelf);
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    };
    return session;
  }

  private async teardown(clearCache: boolean): Promise<void> {
    const s = this.session;
    this.session = null;
    // The notice belongs to the session's cache; a new login opens a new one.
    this.storageProblem = null;
    if (!s) return;
    s.removeListeners();
    s.online = false;
    s.connection.stop();
    s.messages.abandonWaiters();
    this.setConnectionState('idle');
    await s.serial(async () => undefined).catch(() => undefined);
    s.cache.close();
    if (clearCache) await deleteImDatabase(s.dbName);
  }
}
