import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const HEADER =
  'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams,description_nl,description_en';

function csv(...rows: string[]): Buffer {
  return Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);
}

describe('CSV import and export in the admin', () => {
  let t: TestApp;
  let staff: Browser;

  async function upload(file: Buffer, filename = 'products.csv') {
    await staff.get('/admin/import');
    return staff.upload('/admin/import', {}, [
      { field: 'file', filename, contentType: 'text/csv', data: file },
    ]);
  }

  /** Follows the progress page (which refreshes itself while the import runs) until it stops refreshing. */
  async function finished(location: string) {
    for (let i = 0; i < 200; i++) {
      const page = await staff.get(location);
      assert.equal(page.statusCode, 200);
      if (!page.body.includes('http-equiv="refresh"')) return page.body;
      assert.match(page.body, /<progress/);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import did not finish');
  }

  before(async () => {
    t = await startTestApp();
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
    await staff.submit(
      '/admin/categories/new',
      { slug: 'koffie', nameNl: 'Koffie', nameEn: 'Coffee', position: '0' },
      '/admin/categories',
    );
  });
  after(() => t.close());

  it('shows the expected header and the export link on the import page', async () => {
    const page = await staff.get('/admin/import');
    assert.ok(page.body.includes(HEADER));
    assert.match(page.body, /href="\/admin\/export\/products\.csv"/);
  });

  it('imports the good rows and reports the bad one with its line number and reason', async () => {
    const res = await upload(
      csv(
        'A-1,Ontkalker,Descaler,koffie,1295,21,5,false,250,,',
        'A-2,Filter,Filter,koffie,twaalf,21,5,false,250,,',
        'A-3,Kan,Jug,koffie,995,9,1,true,100,"Met, komma",With comma',
      ),
    );
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/imports\//);
    const body = await finished(String(res.headers.location));
    assert.match(body, /3 regels: 2 nieuw, 0 bijgewerkt, 1 overgeslagen/);
    assert.match(body, /Regel 3: price_cents “twaalf” is geen heel getal/);
    const skus = (await t.db.selectFrom('products').select('sku').orderBy('sku').execute()).map((r) => r.sku);
    assert.deepEqual(skus, ['A-1', 'A-3']);
    const run = await t.db.selectFrom('import_runs').selectAll().executeTakeFirstOrThrow();
    assert.equal(run.status, 'done');
    assert.deepEqual(JSON.parse(run.errors_json), [
      { line: 3, column: 'price_cents', code: 'not-integer', value: 'twaalf' },
    ]);
    const english = await staff.get(`${String(res.headers.location)}?lang=en`);
    assert.match(english.body, /Line 3: price_cents “twaalf” is not a whole number/);
    await staff.get('/admin?lang=nl');
    assert.match((await staff.get('/admin/import')).body, /products\.csv/);
  });

  it('writes nothing from a file with missing columns and says which', async () => {
    const before = await t.db.selectFrom('products').selectAll().orderBy('sku').execute();
    const res = await upload(Buffer.from('sku,name_nl\nB-1,Iets\n'), 'kapot.csv');
    const body = await finished(String(res.headers.location));
    assert.match(body, /Deze kolommen ontbreken: name_en, category/);
    assert.match(body, /Er is niets geïmporteerd/);
    assert.deepEqual(await t.db.selectFrom('products').selectAll().orderBy('sku').execute(), before);
    const run = await t.db
      .selectFrom('import_runs')
      .selectAll()
      .where('filename', '=', 'kapot.csv')
      .executeTakeFirstOrThrow();
    assert.equal(run.status, 'failed');
  });

  it('asks for a file when none was chosen', async () => {
    await staff.get('/admin/import');
    const res = await staff.upload('/admin/import', {}, []);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Kies eerst een CSV-bestand/);
  });

  it('exports a CSV that imports back without changing anything', async () => {
    const exported = await staff.get('/admin/export/products.csv');
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /^text\/csv/);
    assert.match(
      String(exported.headers['content-disposition']),
      /attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    assert.ok(exported.body.startsWith(HEADER));
    const products = () => t.db.selectFrom('products').selectAll().orderBy('sku').execute();
    const prices = () => t.db.selectFrom('price_history').selectAll().orderBy('id').execute();
    const [beforeProducts, beforePrices] = [await products(), await prices()];
    t.clock.advance({ minutes: 1 });
    const res = await upload(Buffer.from(exported.body), 'roundtrip.csv');
    const body = await finished(String(res.headers.location));
    assert.match(body, /2 regels: 0 nieuw, 2 bijgewerkt, 0 overgeslagen/);
    const after = await products();
    assert.deepEqual(
      after.map(({ updated_at: _, ...rest }) => rest),
      beforeProducts.map(({ updated_at: _, ...rest }) => rest),
    );
    assert.deepEqual(await prices(), beforePrices);
  });
});
