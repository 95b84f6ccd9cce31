import Database from 'better-sqlite3';
import { normalizeParams, type SqlDriver } from '../core/sql-driver.js';

/**
 * SqlDriver over better-sqlite3. WAL lets readers (a backup, the sqlite3 shell)
 * look at the file while the server writes; busy_timeout makes a briefly locked
 * file wait instead of failing. Statements are prepared once and cached by text.
 */
export function createSqliteDriver(file: string): SqlDriver {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only a power loss
  // can drop the last transactions, which sync recovers from.
  db.pragma('synchronous = NORMAL');

  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  return {
    run(sql, params) {
      const r = prepare(sql).run(...normalizeParams(params));
      return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
    },
    get: <T>(sql: string, params?: Parameters<SqlDriver['get']>[1]) =>
      prepare(sql).get(...normalizeParams(params)) as T | undefined,
    all: <T>(sql: string, params?: Parameters<SqlDriver['all']>[1]) => prepare(sql).all(...normalizeParams(params)) as T[],
    exec: (sql) => void db.exec(sql),
    // better-sqlite3 turns nested transaction() calls into savepoints itself.
    transaction: (fn) => db.transaction(fn)(),
    close() {
      cache.clear();
      if (db.open) db.close();
    },
  };
}
