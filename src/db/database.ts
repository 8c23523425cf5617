import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { DataVersion, trackDataVersion } from './data-version.ts';
import { trackedPool } from './postgres-pool.ts';
import type { Database } from './schema.ts';
import { cachedStatements } from './sqlite-statements.ts';

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
 * SQLite runs in WAL mode with foreign keys on, NORMAL sync (durable in WAL), a busy timeout and 64 MiB of cache,
 * so one writer and many readers share the file safely. Prepared SQLite statements are reused. Every write
 * through the returned handle bumps its `dataVersionOf(db)`, for caches of catalogue pages and lists.
 */
export function openDb(url: string, options: OpenDbOptions = {}): Db {
  const version = new DataVersion();
  const db = new Kysely<Database>({ dialect: dialectFor(url, options, () => version.bump()) });
  trackDataVersion(db, version);
  return db;
}

function dialectFor(url: string, options: OpenDbOptions, onWrite: () => void): Dialect {
  if (dbKind(url) === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on('error', () => {
      /* an idle client died (server restart); the pool replaces it */
    });
    return new PostgresDialect({ pool: trackedPool(pool, onWrite) });
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of 2: a big transaction (an import, a staff message to a million customers)
  // then keeps its pages in memory until it commits instead of spilling them to the WAL halfway, and the indexes
  // it appends to stay cached (about 15 % less CPU for a broadcast, bench/gateway-broadcast.ts)
  sqlite.pragma('cache_size = -65536');
  return new SqliteDialect({ database: cachedStatements(sqlite, onWrite) });
}
