import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type BrowserShop,
  demoAppliance,
  escapeRegExp,
  expectNoAxeViolations,
  focused,
  startBrowserShop,
  type ViewportName,
} from '../helpers/browser.ts';
import { addCustomer, customerCookie } from '../helpers/signed-in-customer.ts';

const WORDS = {
  nl: {
    browserLocale: 'nl-NL',
    lookup: 'Typ het typenummer van je apparaat',
    serial: 'Serienummer of productiecode',
    showFits: 'Toon wat past',
    save: 'Bewaar in mijn apparaten',
    saved: 'Bewaard in je apparaten.',
    add: /^In winkelmand/,
    toCheckout: 'Afrekenen',
    signedIn: (email: string) => `Je bent ingelogd als ${email}`,
    name: 'Naam',
    postcode: 'Postcode',
    houseNumber: 'Huisnummer',
    street: 'Straat',
    city: 'Plaats',
    submit: 'Bestelling plaatsen met betaalverplichting',
    thanks: 'Bedankt voor je bestelling',
    reorder: /^Bestel opnieuw/,
    saved_address: 'Bezorgen op een bewaard adres',
  },
  en: {
    browserLocale: 'en-GB',
    lookup: 'Type the type number of your appliance',
    serial: 'Serial number or production code',
    showFits: 'Show what fits',
    save: 'Save to my appliances',
    saved: 'Saved to your appliances.',
    add: /^Add to cart/,
    toCheckout: 'Checkout',
    signedIn: (email: string) => `You are signed in as ${email}`,
    name: 'Name',
    postcode: 'Postcode',
    houseNumber: 'House number',
    street: 'Street',
    city: 'Town or city',
    submit: 'Place order with obligation to pay',
    thanks: 'Thank you for your order',
    reorder: /^Order again/,
    saved_address: 'Deliver to a saved address',
  },
} as const;

describe('my appliances in the browser: look up, save, buy, reorder in one tap', () => {
  let shop: BrowserShop;
  const used: string[] = [];
  before(async () => {
    shop = await startBrowserShop();
  });
  after(() => shop?.close());

  for (const [lang, viewport] of [
    ['nl', 'phone'],
    ['en', 'desktop'],
  ] as const) {
    it(`${lang}, ${viewport}: a signed-in customer saves a looked-up appliance and reorders it into a prefilled checkout`, async () => {
      const w = WORDS[lang];
      const target = await demoAppliance(shop, used);
      used.push(target.id);
      const email = `${lang}-${viewport}@example.nl`;
      const customerId = await addCustomer(shop.shop.ctx, email, 'Anne de Vries');
      // signed in by a session made directly (the sign-in pages have their own journey)
      const page = await shop.open('/', {
        viewport: viewport as ViewportName,
        browserLocale: w.browserLocale,
      });
      const cookie = await customerCookie(shop.shop.ctx, customerId);
      await page.context().addCookies([{ ...cookie, url: shop.baseUrl }]);
      await page.goto('/');

      // look up the model
      const box = page.getByLabel(w.lookup);
      await box.fill(target.model);
      await box.press('Enter');
      await page.waitForURL(/\/(lookup|a\/)/);
      const heading = `${target.brand} ${target.model}`;
      const pick = page.getByRole('link', { name: new RegExp(escapeRegExp(heading)) });
      if (!page.url().includes(`/a/${target.id}`) && (await pick.count()) > 0) await pick.first().click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (target.serial) {
        await page.getByLabel(w.serial).fill(target.serial);
        await page.getByRole('button', { name: w.showFits }).click();
        await page.waitForURL(`**/a/${target.id}?serial=*`);
      }

      // save it: to its own page, with what fits
      await page.getByRole('button', { name: w.save }).click();
      await page.waitForURL('**/account/appliances/*?done=saved');
      assert.equal(await page.getByRole('status').textContent(), w.saved);
      const saved = await shop.shop.db
        .selectFrom('customer_appliances')
        .select(['id', 'appliance_id', 'variant_id', 'source'])
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow();
      assert.equal(saved.appliance_id, target.id);
      assert.equal(saved.source, 'lookup');
      if (target.serial) assert.ok(saved.variant_id, 'the serial fixed the variant');
      await expectNoAxeViolations(page);

      // the first order, bought for it: checkout knows the e-mail address
      await page.getByRole('button', { name: w.add }).and(page.locator(':enabled')).first().click();
      await page.waitForURL('**/cart?added=*');
      await page.getByRole('link', { name: w.toCheckout, exact: true }).click();
      await page.waitForURL('**/checkout');
      assert.match(
        (await page.getByRole('main').textContent()) ?? '',
        new RegExp(escapeRegExp(w.signedIn(email))),
      );
      assert.equal(await page.getByLabel(/^E-mail/).inputValue(), email);
      await page.getByLabel(w.name, { exact: true }).fill('Anne de Vries');
      await page.getByLabel(w.postcode).fill('3511 AB');
      await page.getByLabel(w.houseNumber).fill('12');
      await page.getByLabel(w.street).fill('Oudegracht');
      await page.getByLabel(w.city).fill('Utrecht');
      await page.getByRole('button', { name: w.submit }).click();
      await page.waitForURL('**/order/*/confirmation?t=*');
      await page.getByRole('heading', { level: 1, name: w.thanks }).waitFor();

      // my appliances: one tap, by keyboard only: Tab to "order again", Enter
      await page.goto('/account/appliances');
      await expectNoAxeViolations(page);
      let steps = 0;
      while (!/^(Bestel opnieuw|Order again)/.test((await focused(page)).text)) {
        assert.ok(++steps < 60, 'the reorder button is reachable by Tab');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');

      // straight to a prefilled checkout: e-mail, the saved address, the same consumables
      await page.waitForURL('**/checkout');
      assert.equal(await page.getByLabel(/^E-mail/).inputValue(), email);
      assert.equal(await page.getByLabel(w.postcode).inputValue(), '3511 AB');
      assert.equal(await page.getByLabel(w.street).inputValue(), 'Oudegracht');
      await page.getByRole('heading', { name: w.saved_address }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: w.submit }).click();
      await page.waitForURL('**/order/*/confirmation?t=*');
      await page.getByRole('heading', { level: 1, name: w.thanks }).waitFor();

      const orders = await shop.shop.db
        .selectFrom('orders')
        .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
        .select([
          'orders.number',
          'orders.customer_id',
          'order_lines.appliance_id',
          'order_lines.quantity',
          'order_lines.sku',
        ])
        .where('orders.email', '=', email)
        .orderBy('orders.number')
        .execute();
      assert.equal(orders.length, 2, 'one line in each of the two orders');
      assert.deepEqual(
        orders.map((o) => [o.customer_id, o.appliance_id, o.sku, o.quantity]),
        [
          [customerId, target.id, orders[0]!.sku, 1],
          [customerId, target.id, orders[0]!.sku, 1],
        ],
        'both are the customer’s, bought for the appliance, the reorder the same as the first',
      );
      const addresses = await shop.shop.db
        .selectFrom('customer_addresses')
        .select('postcode')
        .where('customer_id', '=', customerId)
        .execute();
      assert.deepEqual(addresses, [{ postcode: '3511 AB' }]);
    });
  }
});
