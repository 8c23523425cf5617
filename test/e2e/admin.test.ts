import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { listCategories } from '../../src/catalog/queries.ts';
import { issueSetupLink } from '../../src/staff/setup-link.ts';
import { formatPrice } from '../../src/web/i18n/format.ts';
import { type BrowserShop, expectNoAxeViolations, seen, startBrowserShop } from '../helpers/browser.ts';

const OWNER = { name: 'Olga Eigenaar', email: 'olga@example.nl', password: 'een lange zin als wachtwoord' };

/**
 * The owner's first hour, in one browser session and in order: the steps build on each other (the account
 * made by the setup link logs in; the product made is then edited). Every admin page visited passes axe.
 */
describe('the owner in the browser', () => {
  let shop: BrowserShop;
  let page: Page;
  let category: { slug: string; name: string };
  let productUrl: string;

  before(async () => {
    shop = await startBrowserShop();
    const [first] = await listCategories({ ...shop.shop.ctx, locale: 'nl' });
    assert.ok(first, 'the demo shop has a category');
    category = first;
  });
  after(() => shop?.close());

  const heading = () => seen(page.getByRole('heading', { level: 1 }));
  const field = (label: string) => page.getByLabel(label, { exact: true });

  it('sets up the owner account with the one-time setup link', async () => {
    const link = await issueSetupLink(shop.shop.ctx);
    assert.ok(link, 'a shop without an owner prints a setup link');
    page = await shop.open(new URL(link).pathname);
    assert.equal(await heading(), 'Winkel instellen');
    await expectNoAxeViolations(page);

    await field('Naam').fill(OWNER.name);
    await field('E-mailadres').fill(OWNER.email);
    await field('Wachtwoord').fill(OWNER.password);
    await field('Herhaal het wachtwoord').fill(`${OWNER.password}!`);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    assert.equal(await heading(), 'Winkel instellen', 'a mistyped repeat stays on the form');
    assert.match(await seen(page.getByRole('main')), /De twee wachtwoorden zijn niet gelijk/);
    await expectNoAxeViolations(page);

    await field('Wachtwoord').fill(OWNER.password);
    await field('Herhaal het wachtwoord').fill(OWNER.password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.waitForURL('**/admin');
    assert.equal(await heading(), `Welkom, ${OWNER.name}`);
    await expectNoAxeViolations(page);

    await page.goto(new URL(link).pathname);
    assert.notEqual(await heading(), 'Winkel instellen', 'the link works only once');
  });

  it('logs out and back in', async () => {
    await page.goto('/admin');
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).first().click();
    await page.goto('/admin/login');
    assert.equal(await heading(), 'Inloggen voor medewerkers');
    await expectNoAxeViolations(page);

    await field('E-mailadres').fill(OWNER.email);
    await field('Wachtwoord').fill('niet het goede wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    assert.equal(await heading(), 'Inloggen voor medewerkers', 'a wrong password does not log in');
    await expectNoAxeViolations(page);

    await field('Wachtwoord').fill(OWNER.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/admin');
    assert.equal(await heading(), `Welkom, ${OWNER.name}`);
  });

  it('creates a product', async () => {
    const nav = page.getByRole('navigation', { name: 'Beheermenu' });
    await nav.getByRole('link', { name: 'Producten' }).click();
    assert.equal(await heading(), 'Producten');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Nieuw product' }).click();
    await expectNoAxeViolations(page);

    await field('Artikelnummer (SKU)').fill('E2E-1');
    await field('Naam (Nederlands)').fill('Proefontkalker');
    await field('Naam (Engels)').fill('Trial descaler');
    await field('Beschrijving (Nederlands)').fill('Een fles om te proberen.');
    await field('Categorie').selectOption({ label: category.name });
    await field('Prijs').fill('12,95');
    await field('Voorraad').fill('5');
    await field('Gewicht (gram)').fill('250');
    await page.getByRole('button', { name: 'Product aanmaken' }).click();
    await page.waitForURL('**/admin/products/*?done=saved');
    assert.equal(await seen(page.getByRole('status').first()), 'Product opgeslagen.');
    assert.equal(await field('Naam (Nederlands)').inputValue(), 'Proefontkalker');
    await expectNoAxeViolations(page);
    productUrl = new URL(page.url()).pathname;
  });

  it('edits the product, and the shop shows the change', async () => {
    await page.goto(productUrl);
    await field('Naam (Nederlands)').fill('Proefontkalker XL');
    await field('Prijs').fill('9,95');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.waitForURL('**?done=saved');
    assert.equal(await field('Naam (Nederlands)').inputValue(), 'Proefontkalker XL');
    assert.equal(await field('Prijs').inputValue(), '9,95');

    await page.getByRole('link', { name: 'Bekijk in de winkel' }).click();
    assert.equal(await heading(), 'Proefontkalker XL');
    const price = formatPrice(995, 'nl');
    assert.ok((await seen(page.getByRole('main'))).includes(price), `the new price ${price} is in the shop`);
  });

  it('imports a CSV and reports the bad row by line number and reason, in both languages', async () => {
    await page.goto('/admin/import');
    assert.equal(await heading(), 'Import en export');
    await expectNoAxeViolations(page);
    const csv = [
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams,description_nl,description_en',
      `E2E-2,Filterzak,Filter bag,${category.slug},495,21,10,true,40,,`,
      `E2E-3,Kan,Jug,${category.slug},995,15,1,false,100,,`,
      `E2E-4,"Borstel, klein","Brush, small",${category.slug},350,21,3,true,30,,`,
    ].join('\n');
    await field('CSV-bestand met producten').setInputFiles({
      name: 'producten.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv}\n`),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.waitForURL('**/admin/imports/*');
    // the run page reloads itself (meta refresh) until the import is done
    await page.getByText('Regel 3:').waitFor({ timeout: 15_000 });
    const main = await seen(page.getByRole('main'));
    assert.match(main, /3 regels: 2 nieuw, 0 bijgewerkt, 1 overgeslagen/);
    assert.match(main, /Regel 3: vat_rate “15” is geen btw-tarief \(21, 9 of 0\)/);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'English' }).click();
    const english = await seen(page.getByRole('main'));
    assert.match(english, /Line 3: vat_rate “15” is not a VAT rate \(21, 9 or 0\)/);
    await expectNoAxeViolations(page);
  });
});
