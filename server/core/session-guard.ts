// Per-connection protections that do not belong to any one op: a rate limit on
// frames, the multi-login policy, and ending a session when its token expires.
import { base64urlDecode } from './tokens.js';

export interface RateLimitOptions {
  /** Frames a connection may send at once. */
  burst: number;
  /** Frames per second it earns back. */
  perSecond: number;
}

/** The default lets a client catch up and flush its outbox briskly, and stops a flood. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 300, perSecond: 100 };

/**
 * Who may stay signed in when an account signs in again:
 * `multiple` everyone; `single` only the newest connection; `per-platform` the newest per platformID.
 */
export type MultiLoginPolicy = 'multiple' | 'single' | 'per-platform';

/** A token bucket: `take()` is false when the connection is over its rate. */
export function createTokenBucket(options: RateLimitOptions, now: () => number): { take(): boolean } {
  let tokens = options.burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(options.burst, tokens + ((t - last) / 1000) * options.perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** The expiry (ms) written in a token that has already been verified. */
export function tokenExpiry(token: string): number | null {
  const bytes = base64urlDecode(token.split('.')[0] ?? '');
  if (!bytes) return null;
  try {
    const exp = (JSON.parse(new TextDecoder().decode(bytes)) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/** Which of a user's other connections a new sign-in ends, under `policy`. */
export function connectionsToKick<T extends { platformID: number }>(policy: MultiLoginPolicy, others: T[], platformID: number): T[] {
  if (policy === 'single') return others;
  if (policy === 'per-platform') return others.filter((o) => o.platformID === platformID);
  return [];
}
