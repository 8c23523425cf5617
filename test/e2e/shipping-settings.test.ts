import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type BrowserShop,
  expectNoAxeViolations,
  logInAsStaff,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { createStaff } from '../helpers/forms.ts';

/** The shop's clock is Monday 30 November 2026, 13:00 in Amsterdam (startTestApp's default). */
describe('the owner sets up shipping in the browser', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
    await createStaff(shop.shop.db, { email: 'olga@toonbank.test', name: 'Olga', role: 'owner' });
  });
  after(() => shop?.close());

  it('nl, phone: a wrong cut-off is refused with the reason; a good one is saved and promised at once', async () => {
    const page = await shop.open('/admin/login', { viewport: 'phone' });
    await logInAsStaff(page, 'olga@toonbank.test', 'nl');

    await page
      .getByRole('navigation', { name: 'Beheermenu' })
      .getByRole('link', { name: 'Verzending' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Verzending' }).waitFor();
    const examples = page.getByRole('region', { name: 'Wat klanten nu beloofd wordt' });
    assert.match(
      await seen(examples),
      /Pakket: een bestelling die nu geplaatst wordt, wordt bezorgd op dinsdag 1 december\./,
    );
    await expectNoAxeViolations(page);

    const parcel = page.getByRole('group', { name: 'Pakket', exact: true });
    const cutoff = parcel.getByLabel('Uiterste besteltijd (UU:MM)');
    assert.equal(await cutoff.inputValue(), '22:00');
    await cutoff.fill('25:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const problems = page.getByRole('alert');
    await problems.waitFor();
    assert.match(await seen(problems), /Niet alles is goed ingevuld; er is niets opgeslagen\./);
    assert.match(
      await seen(problems),
      /Pakket, Uiterste besteltijd \(UU:MM\): Vul een tijd in als UU:MM, bijvoorbeeld 22:00\./,
    );
    assert.equal(await cutoff.inputValue(), '25:00', 'the form keeps what was typed');
    assert.match(await seen(examples), /bezorgd op dinsdag 1 december/, 'nothing was saved');
    await expectNoAxeViolations(page);

    await cutoff.fill('12:30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL('**/admin/shipping?saved=1');
    assert.equal(await seen(page.getByRole('status')), 'Verzendinstellingen opgeslagen.');
    assert.equal(await cutoff.inputValue(), '12:30');
    // 13:00 is past the new cut-off: the parcel leaves on Tuesday and arrives on Wednesday
    assert.match(
      await seen(examples),
      /Pakket: een bestelling die nu geplaatst wordt, wordt bezorgd op woensdag 2 december\./,
    );
    assert.match(await seen(examples), /Brievenbuspakje: .* bezorgd op dinsdag 1 december\./);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page fits a 360 px phone (${width} px wide)`);
    await expectNoAxeViolations(page);

    await page.goto('/admin/shipping?lang=en');
    await page.getByRole('heading', { level: 1, name: 'Shipping' }).waitFor();
    const parcelEn = page.getByRole('group', { name: 'Parcel', exact: true });
    assert.equal(await parcelEn.getByLabel('Cut-off time (HH:MM)').inputValue(), '12:30');
    assert.match(
      await seen(page.getByRole('region', { name: 'What customers are promised now' })),
      /Parcel: an order placed now is delivered on Wednesday 2 December\./,
    );
    await expectNoAxeViolations(page);
  });
});
