import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, dbKind, openDb } from './database.ts';
import { migrateToLatest } from './migrate.ts';

export type TestDb = { db: Db; url: string; schema: string | null; destroy(): Promise<void> };

/**
 * A fresh, migrated database for one test: in-memory SQLite by default, or a new schema on the PostgreSQL
 * server named by DATABASE_URL (dropped again on destroy). The same tests run on both.
 */
export async function freshTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url && dbKind(url) === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = openDb(url, { poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    await admin.destroy();
    const db = openDb(url, { schema, poolSize: 10 });
    await migrateToLatest(db, { schema });
    return {
      db,
      url,
      schema,
      destroy: async () => {
        await db.destroy();
        const cleanup = openDb(url, { poolSize: 1 });
        await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup);
        await cleanup.destroy();
      },
    };
  }
  const db = openDb('sqlite::memory:');
  await migrateToLatest(db);
  return { db, url: 'sqlite::memory:', schema: null, destroy: () => db.destroy() };
}
