import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addFixtureRegistry } from '../../../test/helpers/appliance-fixtures.ts';
import { type Browser, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const guide = {
  words: 'Flips\nphilipps',
  modelFieldNl: 'Type (12NC)',
  modelFieldEn: 'Type (12NC)',
  plateVacuumNl: 'Onder de stofcontainer',
  plateVacuumEn: 'Under the dust container',
  plateCoffeeNl: 'Onder de lekbak',
  plateCoffeeEn: 'Under the drip tray',
};

describe('brands and their type-plate guide in the admin', () => {
  let t: TestApp;
  let staff: Browser;
  let philips: string;
  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
    philips = (
      await t.db.selectFrom('brands').select('id').where('name', '=', 'Philips').executeTakeFirstOrThrow()
    ).id;
  });
  after(() => t.close());

  it('lists the brands with their number of appliances', async () => {
    const page = await staff.get('/admin/brands');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/admin/brands/${philips}">Philips`));
    assert.match(page.body, /Nog leeg/);
  });

  it('saves the guide, which the brands API shows and the lookup understands at once', async () => {
    const res = await staff.submit(`/admin/brands/${philips}`, guide);
    assert.equal(res.statusCode, 303);
    const api = await t.app.inject({ url: '/api/v1/brands?lang=en' });
    const brand = (
      api.json() as {
        items: { name: string; words: string[]; modelField: string; plate: { vacuum: string } }[];
      }
    ).items.find((b) => b.name === 'Philips');
    assert.deepEqual(brand?.words, ['flips', 'philipps']);
    assert.equal(brand?.modelField, 'Type (12NC)');
    assert.equal(brand?.plate.vacuum, 'Under the dust container');
    const found = await t.app.inject({ url: '/api/v1/lookup?q=flips%20FC8520%2F09' });
    const body = found.json() as { brand: string | null; matches: { brand: string; model: string }[] };
    assert.equal(body.brand, 'Philips');
    assert.equal(body.matches[0]?.model, 'FC8520/09');
    assert.ok(body.matches.every((m) => m.brand === 'Philips'));
  });

  it('refuses a guide text that is too long and keeps what was typed', async () => {
    const res = await staff.submit(`/admin/brands/${philips}`, { ...guide, plateCoffeeEn: 'x'.repeat(301) });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="plateCoffeeEn-error"/);
    assert.match(res.body, /Onder de lekbak/);
  });
});
