import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../migrate.ts';
import { freshTestDb } from '../test-db.ts';
import { down } from './0020-broadcast-drops.ts';

describe('migration 0020: broadcast drops', () => {
  it('is applied to a database migrated up to 0019, and refuses a second drop row', async () => {
    const t = await freshTestDb();
    try {
      // a database migrated before this migration landed: every migration but 0020
      await down(t.db);
      const table = t.schema ? sql.id(t.schema, 'kysely_migration') : sql.id('kysely_migration');
      await sql`delete from ${table} where name = '0020-broadcast-drops'`.execute(t.db);
      assert.deepEqual(await migrateToLatest(t.db, t.schema ? { schema: t.schema } : {}), [
        '0020-broadcast-drops',
      ]);
      assert.deepEqual(await migrateToLatest(t.db, t.schema ? { schema: t.schema } : {}), []);

      const row = { customer_id: 'c1', broadcast_id: 'b1', reason: 'no-consent' };
      await t.db.insertInto('broadcast_drops').values(row).execute();
      await assert.rejects(t.db.insertInto('broadcast_drops').values(row).execute());
      await t.db
        .insertInto('broadcast_drops')
        .values({ ...row, reason: 'suppressed' })
        .onConflict((oc) => oc.columns(['customer_id', 'broadcast_id']).doNothing())
        .execute();
      assert.deepEqual(await t.db.selectFrom('broadcast_drops').selectAll().execute(), [row]);
    } finally {
      await t.destroy();
    }
  });
});
