import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// PostgreSQL returns int8 (count(*), sums) as strings; every number we keep fits a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type Db = Kysely<Database>;
export type DbKind = 'sqlite' | 'postgres';

export type OpenDbOptions = {
  /** PostgreSQL only: put every table in this schema (tests use one schema each). */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
};

export function dbKind(url: string): DbKind {
  return url.startsWith('postgres') ? 'postgres' : 'sqlite';
}

/**
 * Opens the database named by a URL: `sqlite:/path/file.db`, `sqlite::memory:` or `postgres://…`.
 * SQLite runs in WAL mode with foreign keys on, NORMAL sync (durable in WAL) and a busy timeout,
 * so one writer and many readers share the file safely.
 */
export function openDb(url: string, options: OpenDbOptions = {}): Db {
  if (dbKind(url) === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on('error', () => {
      /* an idle client died (server restart); the pool replaces it */
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
