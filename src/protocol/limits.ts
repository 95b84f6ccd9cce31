/** Limits shared by the server (which enforces them) and the client (which checks early). */
export const Limits = {
  /** Largest WebSocket frame the server reads, in bytes. */
  maxFrameBytes: 64 * 1024,
  /** Longest text message, in characters. */
  maxTextLength: 8000,
  /** Most messages or events in one page. */
  maxPageSize: 200,
  /** Most user IDs in one lookup. */
  maxUserLookup: 200,
  /** Longest clientMsgID. */
  maxClientMsgIDLength: 64,
} as const;
