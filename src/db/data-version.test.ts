import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dataVersionOf } from './data-version.ts';
import { freshTestDb, type TestDb } from './test-db.ts';

describe('the data version of a database handle', () => {
  let t: TestDb;
  before(async () => {
    t = await freshTestDb();
  });
  after(() => t.destroy());

  const now = new Date().toISOString();
  const category = (slug: string) => ({
    id: slug,
    slug,
    name_nl: slug,
    name_en: slug,
    description_nl: '',
    description_en: '',
    position: 0,
    created_at: now,
    updated_at: now,
  });

  it('stays the same while only reading, however often a statement runs', async () => {
    const version = dataVersionOf(t.db);
    assert.ok(version);
    const before = version.current;
    for (let i = 0; i < 3; i++) await t.db.selectFrom('categories').selectAll().execute();
    await sql`select 1`.execute(t.db);
    assert.equal(version.current, before);
  });

  it('moves after every write, and after a transaction commits', async () => {
    const version = dataVersionOf(t.db)!;
    let seen = version.current;
    await t.db.insertInto('categories').values(category('a')).execute();
    assert.ok(version.current > seen, 'after an insert');
    seen = version.current;
    await t.db.updateTable('categories').set({ position: 1 }).where('slug', '=', 'a').execute();
    assert.ok(version.current > seen, 'after an update');
    await t.db.transaction().execute(async (trx) => {
      await trx.insertInto('categories').values(category('b')).execute();
      seen = version.current;
    });
    assert.ok(version.current > seen, 'after the commit');
    const rows = await t.db.selectFrom('categories').select('slug').orderBy('slug').execute();
    assert.deepEqual(
      rows.map((r) => r.slug),
      ['a', 'b'],
    );
  });

  it('stays the same after a write that matched nothing, like an idle job poll', async () => {
    const version = dataVersionOf(t.db)!;
    const before = version.current;
    await t.db.updateTable('categories').set({ position: 2 }).where('slug', '=', 'none').execute();
    await t.db
      .updateTable('categories')
      .set({ position: 2 })
      .where('slug', '=', 'none')
      .returningAll()
      .execute();
    assert.equal(version.current, before);
  });

  it('is not there for a transaction, so caches read through inside one', async () => {
    await t.db.transaction().execute(async (trx) => {
      assert.equal(dataVersionOf(trx), undefined);
    });
  });
});
