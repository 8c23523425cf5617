import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCatalogue } from '../../test/helpers/db-catalogue.ts';
import { type PersonalTable, personalData } from './personal-data.ts';
import type { Database } from './schema.ts';
import { freshTestDb, type TestDb } from './test-db.ts';

/** Columns that always point to a person: a table holding one is personal, whatever else it holds. */
const PERSON_COLUMNS = ['customer_id', 'to_address', 'phone'];

describe('the personal-data registry covers the real schema', () => {
  let testDb: TestDb;
  let catalogue: Map<string, { column: string; type: string }[]>;
  before(async () => {
    testDb = await freshTestDb();
    catalogue = await readCatalogue(testDb.db);
  });
  after(() => testDb.destroy());

  it('has an entry for every table of the database, and no entry for a table that does not exist', () => {
    const registered = new Set(Object.keys(personalData));
    const missing = [...catalogue.keys()].filter((t) => !registered.has(t));
    assert.deepEqual(
      missing,
      [],
      `tables without an entry in src/db/personal-data.ts: ${missing.join(', ')}`,
    );
    const pg = testDb.schema !== null;
    const stale = [...registered].filter((t) => {
      const entry = personalData[t as keyof Database];
      const elsewhere = pg && !entry.personal && entry.onlyOn === 'sqlite';
      return !catalogue.has(t) && !elsewhere;
    });
    assert.deepEqual(stale, [], `entries for tables the database does not have: ${stale.join(', ')}`);
  });

  it('names only columns that exist, for every personal table', () => {
    for (const [table, entry] of Object.entries(personalData)) {
      if (!entry.personal) continue;
      const e = entry as PersonalTable<keyof Database>;
      const real = new Set((catalogue.get(table) ?? []).map((c) => c.column));
      const named = [
        ...e.columns,
        ...(e.secret ?? []),
        ...Object.keys(e.placeholders ?? {}),
        ...('column' in e.find ? [e.find.column] : []),
        ...('emailColumn' in e.find ? [e.find.emailColumn] : []),
      ];
      for (const column of named)
        assert.ok(real.has(column), `${table}.${column} is in the registry but not in the database`);
      assert.ok(
        e.what.en.length > 10 && e.what.nl.length > 10,
        `${table}: say what it holds, in both languages`,
      );
      if (e.find.by === 'via')
        assert.ok(personalData[e.find.parent].personal, `${table}: its parent is personal`);
      if (e.onErase === 'retain-fiscal')
        assert.ok(
          table === 'orders' || e.find.by === 'order',
          `${table}: a sales record is found by its order`,
        );
    }
  });

  it('marks personal every table with a column that points to a person', () => {
    for (const [table, columns] of catalogue) {
      const pointing = columns.filter((c) => PERSON_COLUMNS.includes(c.column)).map((c) => c.column);
      if (pointing.length === 0) continue;
      const entry = personalData[table as keyof Database];
      assert.ok(entry.personal, `${table} has ${pointing.join(', ')} but is marked not personal`);
      for (const column of pointing)
        assert.ok(
          (entry.columns as readonly string[]).includes(column),
          `${table}.${column} points to a person but is not listed among its personal columns`,
        );
    }
  });

  it('says why for every table that is not personal', () => {
    for (const [table, entry] of Object.entries(personalData))
      if (!entry.personal) assert.ok(entry.why.length > 10, `${table}: say why it is not personal`);
  });
});
