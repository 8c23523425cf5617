import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { addFixtureRegistry } from '../../../test/helpers/appliance-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('the lookup pages', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addFixtureRegistry(t);
  });
  after(() => t.close());

  it('puts the lookup box first on the home page, as a plain form', async () => {
    const res = await t.app.inject({ url: '/' });
    const main = res.body.slice(res.body.indexOf('<main'));
    assert.match(
      main,
      /^<main id="main" tabindex="-1"><form class="lookup" role="search" aria-label="[^"]+" action="\/lookup" method="get"/,
    );
    assert.match(
      main,
      /<h1 class="lookup-label"><label for="lookup-q">Typ het typenummer van je apparaat<\/label><\/h1>/,
    );
    assert.match(res.body, /<script type="module" src="\/assets\/lookup-suggest\.js\?v=[0-9a-f]+"/);
  });

  it('shows the one appliance a typo finds, with its products and cart buttons', async () => {
    const res = await t.app.inject({ url: '/lookup?q=fc8520%2F90&lang=en' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 id="appliance-[^"]+">Philips FC8520\/09<\/h1>/);
    assert.match(res.body, /Did you mean this\?/);
    assert.match(res.body, /Fits your Philips FC8520\/09/);
    assert.match(res.body, /Add to cart<span class="sr-only">: Part BAG-1<\/span>/);
    assert.match(res.body, /Temporarily sold out/, 'the out-of-stock part shows as such');
    assert.match(res.body, /<p class="promise">Order before 23:59, in your mailbox tomorrow<\/p>/);
  });

  it('lists several appliances to pick from when a prefix fits many', async () => {
    const res = await t.app.inject({ url: '/lookup?q=philips+fc8520&lang=en' });
    assert.match(res.body, /We found 3 appliances\. Which one is yours\?/);
    for (const m of ['FC8520/01', 'FC8520/02', 'FC8520/09']) assert.ok(res.body.includes(`Philips ${m}`), m);
    assert.doesNotMatch(res.body, /Bosch FC8520\/77/, 'the brand word narrows the list');
  });

  it('asks for the serial when the series differ, with the plate guide, and then shows what fits', async () => {
    const ask = await t.app.inject({ url: '/lookup?q=TE651209RW&lang=en' });
    assert.match(ask.body, /Which version do you have\?/);
    assert.match(ask.body, /Known series: FD 9103-9208, FD 9209-/);
    const id = ask.body.match(/action="\/a\/([^"]+)"/)?.[1];
    assert.ok(id);
    const answered = await t.app.inject({ url: `/a/${id}?serial=FD+9150&lang=en` });
    assert.match(answered.body, /Version: FD 9103-9208/);
    assert.match(answered.body, /Part CLN-2/);
    assert.match(answered.body, /Part CLN-1/);
    assert.doesNotMatch(answered.body, /Part CLN-3/);
    const unknown = await t.app.inject({ url: `/a/${id}?serial=123&lang=en` });
    assert.match(unknown.body, /We could not place serial number “123”/);
  });

  it('refuses a query that is too long with a message in the visitor’s language', async () => {
    const res = await t.app.inject({ url: `/lookup?q=${'x'.repeat(101)}&lang=nl` });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<html lang="nl">/);
    assert.match(res.body, /langer dan 100 tekens/);
  });

  it('answers an unknown appliance page with 404', async () => {
    assert.equal((await t.app.inject({ url: '/a/nope' })).statusCode, 404);
  });

  it('shows every brand’s type-plate guide', async () => {
    const res = await t.app.inject({ url: '/typeplaatje?lang=en' });
    assert.match(res.body, /Where do I find the type number\?/);
    for (const brand of ['Philips', 'Siemens', 'Miele'])
      assert.ok(res.body.includes(`>${brand}</h2>`), brand);
  });

  it('sends a product link by SKU to the product page', async () => {
    const res = await t.app.inject({ url: '/p/by-sku/BAG-1' });
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/p/bag-1');
  });

  it('offers to find an unknown number by hand, and stores the request with the photo', async () => {
    const browser = new Browser(t.app);
    const none = await browser.get('/lookup?q=ZZ-9999&lang=en');
    assert.match(none.body, /We could not find “ZZ-9999” \(yet\)/);
    assert.match(none.body, /We will find it for you/);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const sent = await browser.upload(
      '/lookup/requests',
      { query: 'ZZ-9999', serial: '', email: 'anna@example.nl' },
      [{ field: 'photo', filename: 'plaatje.jpg', contentType: 'image/jpeg', data: photo }],
    );
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /We received your question about “ZZ-9999”/);
    const stored = await t.db.selectFrom('lookup_requests').selectAll().execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.email, 'anna@example.nl');
    assert.ok(stored[0]!.photo && stored[0]!.photo.length > 0);
  });

  it('re-shows the request form with reasons when the e-mail address is wrong, storing nothing', async () => {
    const browser = new Browser(t.app);
    await browser.get('/lookup?q=QQ-1&lang=en');
    const before_ = (await t.db.selectFrom('lookup_requests').select('id').execute()).length;
    const res = await browser.upload(
      '/lookup/requests',
      { query: 'QQ-1', serial: '', email: 'not-an-address' },
      [],
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /value="not-an-address"/);
    assert.equal((await t.db.selectFrom('lookup_requests').select('id').execute()).length, before_);
  });
});
