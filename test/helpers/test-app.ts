import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Ctx } from '../../src/context.ts';
import { freshTestDb, type TestDb } from '../../src/db/test-db.ts';
import { type App, buildApp } from '../../src/web/app.ts';

export type TestApp = {
  app: App;
  db: TestDb['db'];
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  ctx: Ctx;
  close(): Promise<void>;
};

/**
 * A whole shop on a fresh database (SQLite in memory, or a fresh PostgreSQL schema when DATABASE_URL says so),
 * with a clock the test controls. Close it in `after`/`afterEach`.
 */
export async function startTestApp(
  overrides: Partial<Config> = {},
  now = '2026-11-30T12:00:00Z',
): Promise<TestApp> {
  const testDb = await freshTestDb();
  const config = loadConfig(
    { DATA_DIR: mkdtempSync(join(tmpdir(), 'toonbank-test-')), LOG_LEVEL: 'silent' },
    { sessionSecret: randomBytes(32).toString('hex'), databaseUrl: testDb.url, ...overrides },
  );
  const clock = fixedClock(now);
  const app = await buildApp(config, { db: testDb.db, clock });
  await app.ready();
  return {
    app,
    db: testDb.db,
    config,
    clock,
    ctx: { db: testDb.db, clock, config, locale: 'en' },
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
  };
}
