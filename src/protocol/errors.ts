/**
 * The closed table of error codes. Every failure the server reports, and every
 * rejection of a client method, carries one of these codes and a readable message.
 * The README lists the table; keep the two in step.
 */
export const ErrorCode = {
  // Frame and argument errors (the request itself is wrong)
  BadFrame: 1001,
  UnknownOp: 1002,
  InvalidArgument: 1003,
  FrameTooLarge: 1004,
  RateLimited: 1005,
  // Authentication and session
  NotAuthenticated: 1101,
  TokenInvalid: 1102,
  TokenExpired: 1103,
  KickedOffline: 1104,
  AdminSecretInvalid: 1105,
  DevLoginDisabled: 1106,
  AlreadyAuthenticated: 1107,
  // Things that do not exist or may not be touched
  UserNotFound: 1201,
  GroupNotFound: 1202,
  NotGroupMember: 1203,
  ConversationNotFound: 1204,
  MessageNotFound: 1205,
  PermissionDenied: 1206,
  // Message rules
  MessageTooLong: 1301,
  UnsupportedContentType: 1302,
  DuplicateMismatch: 1303,
  FileTooLarge: 1304,
  FileTypeNotAllowed: 1305,
  RevokeWindowPassed: 1306,
  UploadCancelled: 1307,
  FileNotFound: 1308,
  InvalidContent: 1309,
  // Sync
  SyncCursorInvalid: 1401,
  // Server fault (a bug or a storage failure, never the caller's)
  Internal: 1500,
  // Social: friends, blacklist, groups
  Blocked: 1801,
  NotFriends: 1802,
  AlreadyFriends: 1803,
  ApplicationNotFound: 1804,
  AlreadyGroupMember: 1805,
  GroupMuted: 1806,
  MemberMuted: 1807,
  GroupDismissed: 1808,
  GroupInviteOnly: 1809,
  OwnerCannotQuit: 1810,
  // Calls: signaling (server) and media (client)
  CallNotFound: 1601,
  AlreadyInCall: 1602,
  NotCallParticipant: 1603,
  CallStateInvalid: 1604,
  TooManyCallParticipants: 1605,
  MediaPermissionDenied: 1611,
  MediaDeviceNotFound: 1612,
  MediaDeviceUnavailable: 1613,
  PeerUnreachable: 1614,
  CallConnectionLost: 1615,
  WebRTCUnsupported: 1616,
  // Client-side
  NotLoggedIn: 2001,
  Timeout: 2002,
  NetworkError: 2003,
  StorageError: 2004,
  LoginInProgress: 2005,
  Closed: 2006,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One line per code, used for documentation and for default messages. */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  1001: 'The frame is not valid JSON or not a request object.',
  1002: 'The operation is not known to the server.',
  1003: 'An argument is missing, of the wrong type or out of range.',
  1004: 'The frame is larger than the server accepts.',
  1005: 'Too many requests; slow down and retry.',
  1101: 'Authenticate first: the connection has not presented a token.',
  1102: 'The token is malformed or its signature does not match.',
  1103: 'The token has expired; ask your app server for a new one.',
  1104: 'This session was signed out because the account signed in elsewhere.',
  1105: 'The admin secret is missing or wrong.',
  1106: 'Dev login exists only when the server runs in demo mode.',
  1107: 'This connection is already authenticated.',
  1201: 'No such user.',
  1202: 'No such group.',
  1203: 'You are not a member of this group.',
  1204: 'No such conversation, or it is not yours.',
  1205: 'No such message.',
  1206: 'You may not do this.',
  1301: 'The message is longer than the server accepts.',
  1302: 'This content type cannot be sent.',
  1303: 'A message with this clientMsgID exists with different content.',
  1304: 'The file is larger than the server accepts.',
  1305: 'This kind of file cannot be uploaded (its content, not its name, decides).',
  1306: 'The message is too old to be recalled.',
  1307: 'The upload was cancelled.',
  1308: 'No such file, or it is not yours to read.',
  1309: 'The message content does not fit its content type (bad or missing elem fields).',
  1401: 'The sync cursor is ahead of the server; resync from the start.',
  1500: 'The server failed to handle the request.',
  1801: 'The recipient does not accept messages or requests from you (you are on their blacklist).',
  1802: 'This server allows one-to-one messages between friends only.',
  1803: 'You are already friends.',
  1804: 'No pending application matches.',
  1805: 'The user is already a member of this group.',
  1806: 'Everyone in this group is muted; only the owner and admins can send messages.',
  1807: 'You are muted in this group for now.',
  1808: 'This group has been dismissed.',
  1809: 'This group takes new members by invitation only.',
  1810: 'The owner cannot leave the group: transfer ownership or dismiss it first.',
  1601: 'No such call, or it has already ended.',
  1602: 'You are already in a call; hang up first.',
  1603: 'You are not invited to or taking part in this call.',
  1604: 'The call is not in a state that allows this (for example, the invitation was already answered).',
  1605: 'A call holds at most 6 people.',
  1611: 'Camera or microphone access was denied; allow it in the browser\'s site settings and try again.',
  1612: 'No camera or microphone was found.',
  1613: 'The camera or microphone could not be started (it may be in use by another app).',
  1614: 'Could not connect the call to the other side (no network path between you).',
  1615: 'The network was lost during the call and the connection could not be restored.',
  1616: 'This browser cannot make calls (WebRTC is missing or the page is not a secure context).',
  2001: 'Log in first.',
  2002: 'The server did not answer in time.',
  2003: 'The connection to the server was lost.',
  2004: 'The local cache (IndexedDB) failed.',
  2005: 'A login is already in progress.',
  2006: 'The client was logged out or closed.',
};

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/**
 * The error every imkit promise rejects with. `errCode`/`errMsg` mirror the
 * OpenIM SDK's rejection so that ported `.catch(({ errCode }) => …)` code works.
 */
export class ImError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_DESCRIPTIONS[code] ?? 'Unknown error');
    this.name = 'ImError';
    this.code = code;
  }
  get errCode(): number {
    return this.code;
  }
  get errMsg(): string {
    return this.message;
  }
  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
  static from(info: ErrorInfo): ImError {
    return new ImError(info.code, info.message);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'number' && value in ERROR_DESCRIPTIONS;
}
