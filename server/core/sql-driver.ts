/**
 * The one storage seam the server logic sees: a small, synchronous SQL driver.
 *
 * Synchronous on purpose: better-sqlite3 (Node) and sql.js (browser loopback) are
 * both synchronous, and a synchronous transaction cannot interleave with another
 * request, so "read max_seq, write seq+1" needs no locking. Parameters are
 * positional (`?`) arrays so the same SQL text runs on both engines.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;
/** Booleans and undefined are accepted and stored as 1/0 and NULL (neither engine binds them natively). */
export type SqlParam = SqlValue | boolean | undefined;

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

export interface SqlDriver {
  run(sql: string, params?: readonly SqlParam[]): RunResult;
  get<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): T | undefined;
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): T[];
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): void;
  /** Runs `fn` in a transaction; nested calls become savepoints. Rolls back if `fn` throws. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Shared by both drivers so that the same values bind the same way on both engines. */
export function normalizeParams(params: readonly SqlParam[] | undefined): SqlValue[] {
  if (!params) return [];
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}
