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

/**
 * Default messages of the codes the client raises itself. The server sends a message with each of its
 * codes, so a page does not need the whole table (about 2 kB) to show errors: the full,
 * documented table is `ERROR_DESCRIPTIONS` in `error-descriptions.ts`, which the server
 * installs with `describeAllErrors()` (the lazily loaded call engine does too).
 */
const messages: Partial<Record<ErrorCode, string>> = {
  1307: 'The upload was cancelled.',
  2001: 'Log in first.',
  2002: 'The server did not answer in time.',
  2003: 'The connection to the server was lost.',
  2004: 'The local cache (IndexedDB) failed.',
  2005: 'A login is already in progress.',
  2006: 'The client was logged out or closed.',
};

/** Code -> name (`1201` -> `UserNotFound`): the message of last resort, and the set of known codes. */
const names = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** Makes `new ImError(code)` take every code's documented message (see `error-descriptions.ts`). */
export function useErrorMessages(table: Partial<Record<ErrorCode, string>>): void {
  Object.assign(messages, table);
}

/** The default message for `code`: its description where installed, else its name and number. */
export function defaultErrorMessage(code: number): string {
  const name = names.get(code);
  return messages[code as ErrorCode] ?? (name ? `${name} (${code})` : 'Unknown error');
}

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
    super(message ?? defaultErrorMessage(code));
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
  return typeof value === 'number' && names.has(value);
}
