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
  /** Default largest upload, in bytes (the server's `--max-upload-bytes` / IMKIT_MAX_UPLOAD_BYTES overrides it). */
  maxUploadBytes: 50 * 1024 * 1024,
  /** Default time after sending during which a message can be recalled (IMKIT_REVOKE_WINDOW_MS overrides it). */
  revokeWindowMs: 2 * 60 * 1000,
  /** Fewest ms between two typing notices from one user to one conversation. */
  typingIntervalMs: 1000,
  /** Most messages in one merged forward. */
  maxMergeMessages: 100,
} as const;
