/** Session types, as in the OpenIM reference (`sessionType` / `conversationType`). */
export const SessionType = { Single: 1, Group: 2 } as const;
export type SessionType = (typeof SessionType)[keyof typeof SessionType];

/**
 * Content-type codes from the OpenIM reference (101–113). Codes above 113 are
 * OpenIM's later additions, kept with the same numbers so that ported code matches.
 */
export const ContentType = {
  Text: 101,
  Picture: 102,
  Voice: 103,
  Video: 104,
  File: 105,
  AtText: 106,
  Merger: 107,
  Forward: 108,
  Location: 109,
  Custom: 110,
  Revoke: 111,
  C2CReadReceipt: 112,
  Typing: 113,
  Quote: 114,
  Face: 115,
  /** A group tip or system notice rendered centred in the chat. */
  Notification: 1400,
} as const;
export type ContentType = (typeof ContentType)[keyof typeof ContentType];

/** Message status: 1 sending, 2 sent, 3 failed, 4 deleted, 5 revoked. */
export const MessageStatus = { Sending: 1, Succeeded: 2, Failed: 3, Deleted: 4, Revoked: 5 } as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** `msgFrom`: 100 user, 200 system. */
export const MessageFrom = { User: 100, System: 200 } as const;
export type MessageFrom = (typeof MessageFrom)[keyof typeof MessageFrom];

/** `getLoginStatus()` values. */
export const LoginStatus = { Logged: 101, Logging: 102, LoginFailed: 103, Logout: 201 } as const;
export type LoginStatus = (typeof LoginStatus)[keyof typeof LoginStatus];

/** `platformID` values from the reference. imkit runs in browsers, so it reports 5 (web). */
export const Platform = { iOS: 1, Android: 2, Windows: 3, OSX: 4, Web: 5, MiniProgram: 6, Linux: 7, Admin: 8 } as const;
export type Platform = (typeof Platform)[keyof typeof Platform];

/** `recvMsgOpt`: 0 receive normally, 1 do not receive, 2 receive without notification (OpenIM v3 numbering). */
export const RecvMsgOpt = { Normal: 0, NotReceive: 1, NotNotify: 2 } as const;
export type RecvMsgOpt = (typeof RecvMsgOpt)[keyof typeof RecvMsgOpt];

/** Group member roles (OpenIM v3 numbering). */
export const GroupRole = { Member: 20, Admin: 60, Owner: 100 } as const;
export type GroupRole = (typeof GroupRole)[keyof typeof GroupRole];
