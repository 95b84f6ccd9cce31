/**
 * HTTP endpoints beside the socket. Responses are `{ ok: true, data }` or
 * `{ ok: false, error: { code, message } }`, with the same error table.
 */
export const HttpPaths = {
  /** POST `{ userID, expiresInSeconds? }` with header `x-admin-secret` → `{ token, expiresAt }`. As an app backend would call it. */
  adminUserToken: '/api/admin/user-token',
  /** POST `{ userID, nickname?, faceURL? }` with `x-admin-secret` → `{ user }`: create or update a user. */
  adminUpsertUser: '/api/admin/users',
  /** POST `{ userID }` → `{ token, expiresAt }`; only in demo mode, only for demo users. */
  devLogin: '/api/dev/login',
  /** GET → `{ users }`: the demo users offered by the demo's picker; only in demo mode. */
  devUsers: '/api/dev/users',
  /** GET → `{ ok: true }`. */
  health: '/api/health',
  /** The WebSocket endpoint. */
  socket: '/ws',
} as const;

export interface TokenResult {
  token: string;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}
