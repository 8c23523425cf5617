import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addProducts, FIXTURE_SKUS } from '../../../test/helpers/appliance-fixtures.ts';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const HEADER = 'brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes';

describe('appliance CSV import and export in the admin', () => {
  let t: TestApp;
  let staff: Browser;

  async function finished(location: string) {
    for (let i = 0; i < 200; i++) {
      const page = await staff.get(location);
      assert.equal(page.statusCode, 200);
      if (!page.body.includes('http-equiv="refresh"')) return page.body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import did not finish');
  }

  before(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
  });
  after(() => t.close());

  it('imports the good lines, reports the bad one by line number, and the lookup finds them at once', async () => {
    const csv = [
      HEADER,
      'Philips,FC8520/09,PowerPro,vacuum,8710103000001,,,,BAG-1,',
      'Philips,FC9330/09,PowerPro,vacuum,,,,,BAG-404,',
      'Miele,S8340,Complete C3,vacuum,,,,,BAG-2,',
    ].join('\n');
    await staff.get('/admin/appliances/import');
    const res = await staff.upload('/admin/appliances/import', {}, [
      { field: 'file', filename: 'apparaten.csv', contentType: 'text/csv', data: Buffer.from(csv) },
    ]);
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/appliances\/imports\//);
    const body = await finished(String(res.headers.location));
    assert.match(body, /3 regels: 2 apparaten nieuw, 0 bijgewerkt, 1 regels overgeslagen/);
    assert.match(body, /Regel 3: fits: deze artikelnummers kennen we niet: BAG-404/);
    const lookup = await t.app.inject({ url: '/api/v1/lookup?q=8710103000001' });
    assert.equal((lookup.json() as { matches: { model: string }[] }).matches[0]?.model, 'FC8520/09');
    const list = await staff.get('/admin/appliances/import');
    assert.match(list.body, /apparaten\.csv/);
  });

  it('writes nothing from a file with missing columns', async () => {
    await staff.get('/admin/appliances/import');
    const res = await staff.upload('/admin/appliances/import', {}, [
      {
        field: 'file',
        filename: 'kapot.csv',
        contentType: 'text/csv',
        data: Buffer.from('brand,model\nX,Y\n'),
      },
    ]);
    const body = await finished(String(res.headers.location));
    assert.match(body, /Deze kolommen ontbreken/);
    assert.match(body, /Er is niets geïmporteerd/);
  });

  it('downloads every appliance in the import format', async () => {
    const res = await staff.get('/admin/export/appliances.csv');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="appliances-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    assert.ok(res.body.startsWith(HEADER));
    assert.match(res.body, /Miele,S8340,Complete C3,vacuum/);
  });

  it('links the appliance import from the product import page', async () => {
    const page = await staff.get('/admin/import');
    assert.match(page.body, /href="\/admin\/appliances\/import"/);
  });
});
