/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped, each ±20 % so that many clients do not reconnect in step. */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 30_000, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(raw * (0.8 + 0.4 * random()));
}
