import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addProducts, FIXTURE_SKUS } from '../../../test/helpers/appliance-fixtures.ts';
import { Browser, type Browser as BrowserType, createStaff, signedIn } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const appliance = {
  brandId: '',
  newBrand: 'Zanussi',
  model: 'ZAN 1234/01',
  name: 'Stofzuiger Eco',
  category: 'vacuum',
  aliases: '9001234567\n 12NC-4711 ',
  notes: '',
};

describe('appliances in the admin', () => {
  let t: TestApp;
  let staff: BrowserType;
  let id: string;

  async function lookup(q: string, serial = '') {
    const res = await t.app.inject({
      url: `/api/v1/lookup?${new URLSearchParams({ q, ...(serial ? { serial } : {}) })}`,
    });
    assert.equal(res.statusCode, 200);
    return res.json() as {
      matches: { id: string; model: string; variant: string | null; products: { sku: string }[] }[];
    };
  }

  before(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
    await createStaff(t.db, { email: 'sam@example.nl', role: 'staff' });
    staff = await signedIn(t.app, 'sam@example.nl');
  });
  after(() => t.close());

  it('creates an appliance with a new brand, and the lookup finds it at once', async () => {
    const res = await staff.submit('/admin/appliances/new', appliance, '/admin/appliances');
    assert.equal(res.statusCode, 303);
    const row = await t.db.selectFrom('appliances').selectAll().executeTakeFirstOrThrow();
    id = row.id;
    assert.equal(res.headers.location, `/admin/appliances/${id}?done=created`);
    assert.equal(row.model_norm, 'ZAN123401');
    const found = await lookup('zanussi zan123401');
    assert.equal(found.matches[0]?.id, id);
    assert.equal((await lookup('4711')).matches.length, 0);
    assert.equal((await lookup('12NC 4711')).matches[0]?.id, id);
    const page = await staff.get(res.headers.location as string);
    assert.match(page.body, /Apparaat aangemaakt/);
  });

  it('adds a variant and a product for it, and the lookup picks it by serial', async () => {
    const variant = await staff.submit(
      `/admin/appliances/${id}`,
      {
        label: 'Serie 2',
        serialFrom: '1000',
        serialTo: '1999',
        notes: '',
      },
      `/admin/appliances/${id}/variants`,
    );
    assert.equal(variant.statusCode, 303);
    const v = await t.db.selectFrom('appliance_variants').selectAll().executeTakeFirstOrThrow();
    const fit = await staff.submit(
      `/admin/appliances/${id}`,
      { sku: 'BAG-2', note: 'alleen met de turboborstel', variantId: v.id },
      `/admin/appliances/${id}/fits`,
    );
    assert.equal(fit.statusCode, 303);
    await staff.submit(
      `/admin/appliances/${id}`,
      { sku: 'FLT-1', note: '', variantId: '' },
      `/admin/appliances/${id}/fits`,
    );
    const match = (await lookup('ZAN1234/01', '1500')).matches[0]!;
    assert.equal(match.variant, 'Serie 2');
    assert.deepEqual(
      match.products.map((p) => p.sku),
      ['BAG-2', 'FLT-1'],
    );
    const page = await staff.get(`/admin/appliances/${id}`);
    assert.match(page.body, /Wat de winkel laat zien/);
    assert.match(page.body, /alleen met de turboborstel/);
  });

  it('refuses the same model for the same brand, however it is typed', async () => {
    const res = await staff.submit(
      '/admin/appliances/new',
      { ...appliance, newBrand: 'zanussi', model: 'zan-1234 01', aliases: '' },
      '/admin/appliances',
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Dit merk heeft al een apparaat met typenummer “zan-1234 01”/);
    assert.match(res.body, /id="model-error"/);
    assert.match(res.body, new RegExp(`href="/admin/appliances/${id}"`));
    assert.equal((await t.db.selectFrom('appliances').select('id').execute()).length, 1);
  });

  it('refuses a serial range whose start lies after its end', async () => {
    const res = await staff.submit(
      `/admin/appliances/${id}`,
      { label: 'Serie 3', serialFrom: '900', serialTo: '100', notes: '' },
      `/admin/appliances/${id}/variants`,
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Reeks 900–100: het begin ligt na het eind/);
    assert.match(res.body, /id="variant-new-serialFrom-error"/);
    const mixed = await staff.submit(
      `/admin/appliances/${id}?lang=en`,
      { label: 'Serie 3', serialFrom: '900', serialTo: 'AB12', notes: '' },
      `/admin/appliances/${id}/variants`,
    );
    assert.equal(mixed.statusCode, 422);
    assert.match(mixed.body, /one is a number, the other is not/);
    assert.equal((await t.db.selectFrom('appliance_variants').select('id').execute()).length, 1);
  });

  it('refuses control characters in a variant note but keeps its line breaks', async () => {
    const res = await staff.submit(
      `/admin/appliances/${id}?lang=en`,
      { label: 'Serie 4', serialFrom: '', serialTo: '', notes: 'Bell\u0007 rings' },
      `/admin/appliances/${id}/variants`,
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="variant-new-notes-error"/);
    assert.equal((await t.db.selectFrom('appliance_variants').select('id').execute()).length, 1);
    const ok = await staff.submit(
      `/admin/appliances/${id}?lang=en`,
      { label: 'Serie 4', serialFrom: '', serialTo: '', notes: 'Only with the\nturbo brush' },
      `/admin/appliances/${id}/variants`,
    );
    assert.equal(ok.statusCode, 303);
    const saved = await t.db
      .selectFrom('appliance_variants')
      .select('notes')
      .where('label', '=', 'Serie 4')
      .executeTakeFirstOrThrow();
    assert.equal(saved.notes, 'Only with the\nturbo brush');
  });

  it('replaces the aliases: the new one finds the appliance, the old one no longer does', async () => {
    const brand = await t.db.selectFrom('brands').select('id').executeTakeFirstOrThrow();
    const res = await staff.submit(`/admin/appliances/${id}?lang=nl`, {
      ...appliance,
      brandId: brand.id,
      newBrand: '',
      aliases: '8800112233',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await lookup('8800112233')).matches[0]?.id, id);
    assert.equal((await lookup('12NC-4711')).matches.length, 0);
  });

  it('removes a product from the appliance', async () => {
    const fit = await t.db
      .selectFrom('compatibility')
      .innerJoin('products', 'products.id', 'compatibility.product_id')
      .select('compatibility.id')
      .where('products.sku', '=', 'FLT-1')
      .executeTakeFirstOrThrow();
    await staff.get(`/admin/appliances/${id}`);
    const res = await staff.post(`/admin/appliances/${id}/fits/${fit.id}/delete`, {});
    assert.equal(res.statusCode, 303);
    assert.deepEqual(
      (await lookup('ZAN1234/01', '1500')).matches[0]!.products.map((p) => p.sku),
      ['BAG-2'],
    );
  });

  it('refuses an unknown SKU', async () => {
    const res = await staff.submit(
      `/admin/appliances/${id}`,
      { sku: 'NOPE-1', note: '', variantId: '' },
      `/admin/appliances/${id}/fits`,
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Artikelnummer “NOPE-1” kennen we niet/);
  });

  it('searches by model with a typo, and by brand', async () => {
    const typo = await staff.get('/admin/appliances?q=ZAN1243%2F01');
    assert.match(typo.body, new RegExp(`href="/admin/appliances/${id}"`));
    const brand = await staff.get('/admin/appliances?q=zanussi');
    assert.match(brand.body, /1 apparaten/);
    assert.match(brand.body, /ZAN 1234\/01/);
    const none = await staff.get('/admin/appliances?q=QQQQQQQQQQ');
    assert.match(none.body, /Geen apparaten gevonden/);
  });

  it('sends anyone not logged in to the login page, and refuses their posts', async () => {
    const stranger = new Browser(t.app);
    const page = await stranger.get('/admin/appliances');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /^\/admin\/login\?next=/);
    const post = await stranger.post('/admin/appliances', { ...appliance, _csrf: null });
    assert.equal(post.statusCode, 401);
  });

  it('refuses cross-site posts and posts without the form token', async () => {
    await staff.get('/admin/appliances/new');
    const cross = await staff.post(
      '/admin/appliances',
      { ...appliance, model: 'CROSS-1' },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(cross.statusCode, 403);
    const tokenless = await staff.post('/admin/appliances', { ...appliance, model: 'CROSS-2', _csrf: null });
    assert.equal(tokenless.statusCode, 403);
    assert.equal((await t.db.selectFrom('appliances').select('id').execute()).length, 1);
  });
});
