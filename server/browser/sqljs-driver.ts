import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { normalizeParams, type SqlDriver } from '../core/sql-driver.js';

/**
 * SqlDriver over sql.js (SQLite compiled to WebAssembly), for running the real
 * server logic inside a browser page (the Storybook loopback backend). It takes
 * the already initialised module, so loading the .wasm stays the caller's
 * business (Vite asset URL, CDN, or node_modules in tests).
 *
 * `data` optionally restores a database exported with `driver.export()`.
 */
export interface SqlJsDriver extends SqlDriver {
  /** The database file as bytes, e.g. to keep it in IndexedDB between page loads. */
  export(): Uint8Array;
}

export function createSqlJsDriver(SQL: SqlJsStatic, data?: ArrayLike<number> | null): SqlJsDriver {
  const db: Database = new SQL.Database(data ?? undefined);
  db.exec('PRAGMA foreign_keys = ON');
  const cache = new Map<string, Statement>();
  let depth = 0;

  function prepared(sql: string): Statement {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs a cached statement and always resets it, so it holds no lock afterwards. */
  function withStatement<T>(sql: string, params: Parameters<SqlDriver['run']>[1], fn: (s: Statement) => T): T {
    const stmt = prepared(sql);
    try {
      stmt.bind(normalizeParams(params) as never);
      return fn(stmt);
    } finally {
      stmt.reset();
    }
  }

  return {
    run(sql, params) {
      withStatement(sql, params, (s) => {
        while (s.step()) {
          /* drain */
        }
      });
      const changes = db.getRowsModified();
      const lastInsertRowid = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
      return { changes, lastInsertRowid };
    },
    get<T>(sql: string, params?: Parameters<SqlDriver['get']>[1]) {
      return withStatement(sql, params, (s) => (s.step() ? (s.getAsObject() as T) : undefined));
    },
    all<T>(sql: string, params?: Parameters<SqlDriver['all']>[1]) {
      return withStatement(sql, params, (s) => {
        const rows: T[] = [];
        while (s.step()) rows.push(s.getAsObject() as T);
        return rows;
      });
    },
    exec: (sql) => void db.exec(sql),
    transaction<T>(fn: () => T): T {
      // Outermost call is a real transaction; nested ones are savepoints, as in better-sqlite3.
      const name = `sp${depth}`;
      db.exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${name}`);
      depth++;
      try {
        const result = fn();
        depth--;
        db.exec(depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
        return result;
      } catch (err) {
        depth--;
        db.exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
        throw err;
      }
    },
    export: () => {
      // sql.js's export() frees prepared statements; drop our cache so they are re-prepared.
      cache.clear();
      const bytes = db.export();
      // export() also reopens the database, which resets connection pragmas.
      db.exec('PRAGMA foreign_keys = ON');
      return bytes;
    },
    close() {
      for (const s of cache.values()) s.free();
      cache.clear();
      db.close();
    },
  };
}
