import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { addCategory } from '../../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { translator } from '../web/i18n/messages.ts';
import { exportProducts } from './export-products.ts';
import { importProducts } from './import-products.ts';
import { describeProblem } from './import-report.ts';

const HEADER =
  'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams,description_nl,description_en';

describe('importing products from CSV', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    await addCategory(t.ctx, 'filters');
  });
  afterEach(() => t.close());

  const count = async () => (await t.db.selectFrom('products').select('sku').execute()).length;

  it('creates every product of a good file', async () => {
    const csv = [
      HEADER,
      'B-1,Zakken 1,Bags 1,bags,1295,21,10,true,180,"Vijf zakken, met ""microvezel""","Five bags"',
      'F-1,Filter,Filter,filters,995,21,0,false,90,,',
    ].join('\n');
    const result = await importProducts(t.ctx, Buffer.from(csv));
    assert.ok(result.ok);
    assert.equal(result.created, 2);
    assert.deepEqual(result.problems, []);
    const b = await t.db
      .selectFrom('products')
      .selectAll()
      .where('sku', '=', 'B-1')
      .executeTakeFirstOrThrow();
    assert.equal(b.description_nl, 'Vijf zakken, met "microvezel"');
    assert.equal(b.mailbox_fit, 1);
    assert.equal(b.price_cents, 1295);
  });

  it('accepts a file without the two description columns and with a byte order mark', async () => {
    const csv =
      '\uFEFFsku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams\r\nB-2,Zak,Bag,bags,100,21,1,no,10\r\n';
    const result = await importProducts(t.ctx, Buffer.from(csv));
    assert.ok(result.ok && result.created === 1);
  });

  it('reports every bad row with its line number and reason, and writes the good rows', async () => {
    const csv = [
      HEADER,
      'OK-1,Goed,Good,bags,100,21,1,true,10,,',
      'BAD-1,Slecht,Bad,bags,12.50,21,1,true,10,,',
      'BAD-2,Slecht,Bad,nope,100,19,1,maybe,10,,',
      'OK-1,Dubbel,Double,bags,100,21,1,true,10,,',
      'BAD-3,Te weinig',
      ',Geen sku,No sku,bags,100,21,1,true,10,,',
    ].join('\n');
    const result = await importProducts(t.ctx, Buffer.from(csv));
    assert.ok(result.ok);
    assert.equal(result.created, 1);
    assert.equal(result.skipped, 5);
    const t_ = translator('en');
    const lines = result.problems.map((p) => describeProblem(t_, p));
    assert.ok(lines.includes('Line 3: price_cents “12.50” is not a whole number'), lines.join('\n'));
    assert.ok(lines.includes('Line 4: category “nope” does not exist'));
    assert.ok(lines.includes('Line 4: vat_rate “19” is not a VAT rate (21, 9 or 0)'));
    assert.ok(lines.includes('Line 4: mailbox_fit “maybe” is not yes/no (true/false, 1/0)'));
    assert.ok(lines.some((l) => l.startsWith('Line 5: sku OK-1 (2)')));
    assert.ok(lines.includes('Line 6: wrong number of columns (2/11)'));
    assert.ok(lines.includes('Line 7: sku is empty but required'));
    assert.equal(await count(), 1);
  });

  it('counts lines of quoted multi-line descriptions correctly', async () => {
    const csv = [
      HEADER,
      'A-1,A,A,bags,100,21,1,true,10,"regel een\nregel twee",x',
      'A-2,B,B,bags,abc,21,1,true,10,,',
    ].join('\n');
    const result = await importProducts(t.ctx, Buffer.from(csv));
    assert.ok(result.ok);
    assert.equal(result.problems[0]?.line, 4);
  });

  for (const [name, csv, reason] of [
    [
      'a file with a missing column',
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock\nX,a,b,bags,1,21,1',
      'missing-columns',
    ],
    ['a file with an unknown column', `${HEADER},colour\nX,a,b,bags,1,21,1,true,1,,,red`, 'unknown-columns'],
    ['an empty file', '   ', 'empty'],
    ['a broken CSV file', `${HEADER}\n"X,a,b,bags,1,21,1,true,1,,`, 'not-csv'],
  ] as const) {
    it(`writes nothing for ${name}`, async () => {
      const result = await importProducts(t.ctx, Buffer.from(csv));
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.unusable, reason);
      assert.equal(await count(), 0);
    });
  }

  it('writes nothing for a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(`${HEADER}\nX,Caf\xe9,Cafe,bags,1,21,1,true,1,,`, 'latin1');
    const result = await importProducts(t.ctx, latin1);
    assert.equal(!result.ok && result.unusable, 'not-utf8');
    assert.equal(await count(), 0);
  });

  it('updates by sku on re-import, records the new price, and keeps unlisted columns', async () => {
    const first = `${HEADER}\nB-1,Zak,Bag,bags,1295,21,10,true,180,Oud,Old`;
    await importProducts(t.ctx, Buffer.from(first));
    const again = await importProducts(t.ctx, Buffer.from(first));
    assert.ok(again.ok && again.created === 0 && again.updated === 1);
    const changed =
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams\nB-1,Zak nieuw,Bag new,bags,995,21,4,true,180';
    t.clock.advance({ hours: 1 });
    await importProducts(t.ctx, Buffer.from(changed));
    const row = await t.db
      .selectFrom('products')
      .selectAll()
      .where('sku', '=', 'B-1')
      .executeTakeFirstOrThrow();
    assert.equal(row.name_nl, 'Zak nieuw');
    assert.equal(row.description_nl, 'Oud');
    assert.equal(row.stock, 4);
    const prices = await t.db
      .selectFrom('price_history')
      .select('price_cents')
      .where('product_id', '=', row.id)
      .orderBy('valid_from')
      .execute();
    assert.deepEqual(
      prices.map((p) => p.price_cents),
      [1295, 995],
    );
    assert.equal(await count(), 1);
  });

  it('reports progress up to the number of valid rows', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `S-${i},N,N,bags,100,21,1,true,10,,`);
    const seen: [number, number][] = [];
    const result = await importProducts(t.ctx, Buffer.from([HEADER, ...rows].join('\n')), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    assert.ok(result.ok && result.created === 600);
    assert.deepEqual(seen.at(-1), [600, 600]);
    assert.ok(seen.length >= 3);
  });

  it('exports what it imports, so a round trip changes nothing', async () => {
    const csv = [
      HEADER,
      'A-1,"Zak, groot","Bag, large",bags,1295,21,10,true,180,"Met ""quotes""\nen een nieuwe regel",Plain',
      'B-1,Filter,Filter,filters,995,9,0,false,90,,',
    ].join('\n');
    await importProducts(t.ctx, Buffer.from(csv));
    const exported = await exportProducts(t.ctx);
    assert.equal(exported.split('\n')[0], HEADER);
    const before_ = await t.db.selectFrom('products').selectAll().orderBy('sku').execute();
    const again = await importProducts(t.ctx, Buffer.from(exported));
    assert.ok(again.ok && again.problems.length === 0 && again.updated === 2);
    const after_ = await t.db.selectFrom('products').selectAll().orderBy('sku').execute();
    assert.deepEqual(
      after_.map(({ updated_at: _, ...r }) => r),
      before_.map(({ updated_at: _, ...r }) => r),
    );
    assert.equal(await exportProducts(t.ctx), exported);
  });
});

describe('the product rules', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
  });
  after(() => t.close());

  it('refuses a mailbox parcel that is too thick', async () => {
    const { parseProduct } = await import('./product-rules.ts');
    const result = parseProduct(
      {
        sku: 'X',
        nameNl: 'a',
        nameEn: 'b',
        categorySlug: 'bags',
        priceCents: '1',
        vatRate: '21',
        stock: '1',
        weightGrams: '1',
        mailboxFit: 'true',
        lengthMm: '100',
        widthMm: '100',
        heightMm: '40',
      },
      new Set(['bags']),
    );
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, [{ field: 'mailboxFit', code: 'mailbox-too-big' }]);
  });
});
