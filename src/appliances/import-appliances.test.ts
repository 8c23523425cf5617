import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { addProducts, FIXTURE_CSV, FIXTURE_SKUS } from '../../test/helpers/appliance-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { importAppliances } from './import-appliances.ts';

const HEADER = 'brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes';

async function counts(t: TestApp) {
  const count = async (
    table: 'brands' | 'appliances' | 'appliance_aliases' | 'appliance_variants' | 'compatibility',
  ) =>
    Number((await t.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return {
    brands: await count('brands'),
    appliances: await count('appliances'),
    aliases: await count('appliance_aliases'),
    variants: await count('appliance_variants'),
    fits: await count('compatibility'),
  };
}

describe('importing appliances', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
  });
  afterEach(() => t.close());

  it('imports a good file: brands, appliances, aliases, variants and what fits', async () => {
    const progress: [number, number][] = [];
    const result = await importAppliances(t.ctx, FIXTURE_CSV, {
      onProgress: (d, n) => progress.push([d, n]),
    });
    assert.ok(result.ok);
    assert.deepEqual(result.problems, []);
    assert.equal(result.total, 9);
    assert.equal(result.created, 7);
    assert.equal(result.updated, 0);
    assert.equal(result.skipped, 0);
    assert.equal(result.applianceIds.length, 7);
    assert.deepEqual(progress.at(-1), [7, 7]);
    assert.deepEqual(await counts(t), { brands: 4, appliances: 7, aliases: 2, variants: 2, fits: 11 });
    const siemens = await t.db
      .selectFrom('appliances')
      .select(['id', 'model', 'model_norm', 'name', 'category', 'notes'])
      .where('model_norm', '=', 'TE651209RW')
      .executeTakeFirstOrThrow();
    assert.equal(siemens.notes, 'Descale every six weeks');
    assert.equal(siemens.category, 'coffee');
    const variants = await t.db
      .selectFrom('appliance_variants')
      .select(['label', 'serial_from', 'serial_to', 'notes'])
      .where('appliance_id', '=', siemens.id)
      .orderBy('label')
      .execute();
    assert.deepEqual(variants, [
      {
        label: 'FD 9103-9208',
        serial_from: '9103',
        serial_to: '9208',
        notes: 'Older brewing unit, "type A"',
      },
      { label: 'FD 9209-', serial_from: '9209', serial_to: null, notes: '' },
    ]);
  });

  it('reports every kind of bad line with its number and imports the rest', async () => {
    const file = [
      HEADER,
      'Philips,FC8520/09,PowerPro,vacuum,,,,,BAG-1,',
      'Philips,FC8520/01,PowerPro,vacuum,,,,,BAG-1|NOPE-9,',
      'philips,fc 8520-09,PowerPro,vacuum,,,,,BAG-2,',
      'Philips,FC8520/02,PowerPro,vacuum,,A,2000,1000,BAG-1,',
      'Philips,FC8520/02,PowerPro,vacuum,,B,1000,AB12,BAG-1,',
      'Philips,HD7000,Toaster,toaster,,,,,,',
      'Philips, - ,Nothing,vacuum,,,,,,',
      'Philips,FC1,too few',
      'Philips,FC2,Series,vacuum,,,100,200,,',
      'Philips,FC3,"Bell\u0007",vacuum,,,,,,',
      ',FC4,No brand,vacuum,,,,,,',
      'Philips,FC8520/09,PowerPro,coffee,,V1,1,9,,',
    ].join('\n');
    const result = await importAppliances(t.ctx, file);
    assert.ok(result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.code, p.column ?? '']),
      [
        [3, 'unknown-sku', 'fits'],
        [4, 'duplicate-row', ''],
        [5, 'range-reversed', 'serial_from'],
        [6, 'range-mixed', 'serial_from'],
        [7, 'unknown-category', 'category'],
        [8, 'required', 'model'],
        [9, 'column-count', ''],
        [10, 'range-without-variant', 'serial_from'],
        [11, 'control-characters', 'name'],
        [12, 'required', 'brand'],
        [13, 'category-conflict', 'category'],
      ],
    );
    assert.equal(result.problems[0]!.value, 'NOPE-9');
    assert.match(result.problems[1]!.value ?? '', /\(2\)$/);
    assert.equal(result.total, 12);
    assert.equal(result.skipped, 11);
    assert.equal(result.created, 1);
    assert.deepEqual(await counts(t), { brands: 1, appliances: 1, aliases: 0, variants: 0, fits: 1 });
  });

  for (const [name, file] of [
    ['not UTF-8', Buffer.from([0x62, 0x72, 0x61, 0x6e, 0x64, 0xff, 0xfe, 0x0a])],
    ['empty', ''],
    ['without the header', 'Philips,FC8520/09,PowerPro,vacuum,,,,,BAG-1,\n'],
    [
      'missing a column',
      'brand,model,name,category,aliases,variant,serial_from,serial_to,fits\nPhilips,FC1,x,vacuum,,,,,\n',
    ],
    ['broken CSV', `${HEADER}\nPhilips,"FC8520/09,PowerPro,vacuum,,,,,BAG-1,\n`],
  ] as const) {
    it(`writes nothing from a file that is ${name}`, async () => {
      const result = await importAppliances(t.ctx, file);
      assert.equal(result.ok, false);
      assert.deepEqual(await counts(t), { brands: 0, appliances: 0, aliases: 0, variants: 0, fits: 0 });
    });
  }

  it('says why an unusable file was refused', async () => {
    assert.deepEqual(await importAppliances(t.ctx, Buffer.from([0xff])), { ok: false, unusable: 'not-utf8' });
    const missing = await importAppliances(t.ctx, 'brand,model\nPhilips,FC1\n');
    assert.ok(!missing.ok);
    assert.equal(missing.unusable, 'missing-columns');
    assert.match(missing.detail ?? '', /name, category/);
    const unknown = await importAppliances(t.ctx, `${HEADER},colour\n`);
    assert.ok(!unknown.ok);
    assert.equal(unknown.unusable, 'unknown-columns');
  });

  it('changes nothing when the same file is imported again', async () => {
    await importAppliances(t.ctx, FIXTURE_CSV);
    const before = await counts(t);
    const ids = await t.db.selectFrom('appliance_variants').select('id').orderBy('id').execute();
    const again = await importAppliances(t.ctx, FIXTURE_CSV);
    assert.ok(again.ok);
    assert.equal(again.created, 0);
    assert.equal(again.updated, 7);
    assert.deepEqual(await counts(t), before);
    assert.deepEqual(await t.db.selectFrom('appliance_variants').select('id').orderBy('id').execute(), ids);
  });

  it('applies changes on re-import: names, aliases, variants and fits are replaced by the file', async () => {
    await importAppliances(t.ctx, FIXTURE_CSV);
    await t.db
      .updateTable('appliances')
      .set({ order_count: 42 })
      .where('model_norm', '=', 'FC852009')
      .execute();
    const edited = `${HEADER}
Philips,FC8520/09,PowerPro Compact 2,vacuum,8710103000001,,,,BAG-2,Now with a new bag
Siemens,TE651209RW,EQ.6 plus s100,coffee,,FD 9209-,9209,,CLN-1|CLN-3,
`;
    const result = await importAppliances(t.ctx, edited);
    assert.ok(result.ok);
    assert.equal(result.created, 0);
    assert.equal(result.updated, 2);
    const fc = await t.db
      .selectFrom('appliances')
      .select(['id', 'name', 'notes', 'order_count'])
      .where('model_norm', '=', 'FC852009')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...fc, id: undefined },
      { id: undefined, name: 'PowerPro Compact 2', notes: 'Now with a new bag', order_count: 42 },
    );
    const aliases = await t.db
      .selectFrom('appliance_aliases')
      .select('alias')
      .where('appliance_id', '=', fc.id)
      .execute();
    assert.deepEqual(aliases, [{ alias: '8710103000001' }]);
    const fits = await t.db
      .selectFrom('compatibility')
      .innerJoin('products', 'products.id', 'compatibility.product_id')
      .select('products.sku')
      .where('compatibility.appliance_id', '=', fc.id)
      .execute();
    assert.deepEqual(fits, [{ sku: 'BAG-2' }]);
    const variants = await t.db
      .selectFrom('appliance_variants')
      .innerJoin('appliances', 'appliances.id', 'appliance_variants.appliance_id')
      .select('label')
      .where('appliances.model_norm', '=', 'TE651209RW')
      .execute();
    assert.deepEqual(variants, [{ label: 'FD 9209-' }]);
    assert.equal((await counts(t)).appliances, 7);
  });
});

describe('importing many appliances', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
  });
  after(() => t.close());

  it('imports 20,000 lines with set-based writes, not a round trip per row', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 20000; i++) {
      const variant = i % 10 === 0 ? `S${i % 3}` : '';
      lines.push(
        `Brand${i % 20},M${String(i).padStart(6, '0')}/01,Model ${i},${i % 2 ? 'vacuum' : 'coffee'},EAN${i},${variant},${variant ? i : ''},,BAG-1|FLT-1,`,
      );
    }
    const started = performance.now();
    const result = await importAppliances(t.ctx, lines.join('\n'));
    const seconds = (performance.now() - started) / 1000;
    assert.ok(result.ok);
    assert.deepEqual(result.problems, []);
    assert.equal(result.created, 20000);
    // About 1–3 s on an idle two-core machine; the bound only catches per-row round trips (minutes), not a busy CI box.
    assert.ok(seconds < 30, `took ${seconds.toFixed(1)} s`);
  });
});
