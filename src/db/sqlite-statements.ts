import type { Database as SQLite, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_STATEMENTS = 2000;

/**
 * better-sqlite3 seen through a statement cache: Kysely prepares every query anew, which costs more than
 * running it, so statements are kept by SQL text (at most 2,000, oldest dropped first; a batch of checkouts
 * has a text per batch size for each of a dozen statements). Statements that may write call `onWrite` after they changed something (rows changed or returned; a write that matched nothing,
 * like an idle job poll, does not count); plain `select`s are handed out as they are, at no cost.
 * Safe because one connection runs one statement at a time (Kysely holds a lock on the connection).
 */
export function cachedStatements(sqlite: SQLite, onWrite: () => void): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) return statement;
      const prepared = sqlite.prepare(sql);
      statement =
        prepared.reader && /^\s*select\b/i.test(sql)
          ? prepared
          : writing(prepared, onWrite, /^\s*(commit|end)\b/i.test(sql));
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
      return statement;
    },
  };
}

/** A statement that calls `onWrite` when it changed or returned rows, or always (`commit`). */
function writing(statement: Statement, onWrite: () => void, always: boolean): SqliteStatement {
  return {
    reader: statement.reader,
    all(parameters) {
      const rows = statement.all(parameters);
      if (always || rows.length > 0) onWrite();
      return rows;
    },
    run(parameters) {
      const result = statement.run(parameters);
      if (always || result.changes !== 0) onWrite();
      return result;
    },
    *iterate(parameters) {
      yield* statement.iterate(parameters);
      onWrite();
    },
  };
}
