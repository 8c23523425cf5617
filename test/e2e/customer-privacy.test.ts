import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CUSTOMER_COOKIE } from '../../src/customers/sessions.ts';
import { personalTables } from '../../src/db/personal-data.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import {
  type BrowserShop,
  expectNoAxeViolations,
  logInAsStaff,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { findEverywhere } from '../helpers/db-catalogue.ts';
import { createStaff } from '../helpers/forms.ts';
import { type Person, type SeededCustomer, seedCustomer } from '../helpers/privacy-fixtures.ts';

const FISCAL = new Set<string>(
  personalTables()
    .filter((p) => p.entry.onErase === 'retain-fiscal')
    .map((p) => p.table),
);

/** Signs the browser in by handing it a session cookie (the sign-in pages have their own tests). */
async function openSignedIn(
  shop: BrowserShop,
  customer: SeededCustomer,
  path: string,
  options: { viewport?: 'phone' | 'desktop'; browserLocale?: string },
): Promise<Page> {
  const page = await shop.open('/', options);
  await page
    .context()
    .addCookies([
      { name: cookieSpec(shop.shop.config, CUSTOMER_COOKIE).name, value: customer.token, url: shop.baseUrl },
    ]);
  await page.goto(path);
  return page;
}

/**
 * Nothing in the page's main content sticks out of a 360 px screen. (The shared header is the layout's own
 * business and has its own tests.)
 */
async function noSideways(page: Page): Promise<void> {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 360.5)
      .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').slice(0, 40)}`),
  );
  assert.deepEqual(wide, [], 'the main content fits 360 px');
}

/** Where the person's e-mail, name or phone can still be found: only retained sales records, with a purge date. */
async function scanIsClean(shop: BrowserShop, person: Person): Promise<void> {
  const found = await findEverywhere(shop.shop.db, [person.email, person.name, person.phone]);
  for (const place of found)
    assert.ok(FISCAL.has(place.table), `${place.table}.${place.column} holds ${place.needle}`);
  const orders = await shop.shop.db
    .selectFrom('orders')
    .select(['purge_after'])
    .where('email', 'in', [person.email, person.email.toUpperCase()])
    .execute();
  assert.ok(
    orders.length > 0 && orders.every((o) => o.purge_after !== null),
    'retained orders carry a purge date',
  );
}

describe('a customer takes their data and deletes their account, in the browser', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
  });
  after(async () => {
    await shop?.close();
  });

  it('nl, phone: JSON export downloaded and checked, summary read, account deleted in two steps, scan clean', async () => {
    const person: Person = {
      email: 'fenna.browser@example.nl',
      name: 'Fenna Schermtest',
      phone: '+31 6 7777 1234',
      street: 'Telefoonlaan',
    };
    const customer = await seedCustomer(shop.shop, person);
    const page = await openSignedIn(shop, customer, '/account/privacy', { viewport: 'phone' });
    await page.getByRole('heading', { level: 1, name: 'Je gegevens en privacy' }).waitFor();
    await expectNoAxeViolations(page);
    await noSideways(page);

    // the JSON export, as a download
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download als JSON/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^personal-data-\d{4}-\d\d-\d\d\.json$/);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      subject: { email: string };
      tables: Record<string, { rows: Record<string, unknown>[] }>;
    };
    assert.equal(data.subject.email, person.email);
    assert.deepEqual(
      Object.keys(data.tables).sort(),
      personalTables()
        .map((p) => p.table)
        .sort(),
    );
    assert.deepEqual(data.tables.orders!.rows.map((r) => r.number).sort(), [...customer.orderNumbers].sort());
    assert.equal(data.tables.customers!.rows[0]!.phone, person.phone);

    // the readable summary
    await page.getByRole('link', { name: 'Bekijk als leesbaar overzicht' }).click();
    await page.getByRole('heading', { level: 1, name: /Jouw gegevens bij/ }).waitFor();
    assert.ok((await seen(page.getByRole('main'))).includes(customer.orderNumbers[0]!));
    await expectNoAxeViolations(page);
    await noSideways(page);
    await page.getByRole('link', { name: 'Terug naar je gegevens' }).click();

    // deleting: step 1 lists what goes and what is kept until when
    await page.getByRole('link', { name: 'Mijn account verwijderen…' }).click();
    await page.getByRole('heading', { level: 1, name: /Weet je zeker/ }).waitFor();
    const plan = await seen(page.getByRole('main'));
    for (const n of customer.orderNumbers)
      assert.match(plan, new RegExp(`Bestelling ${n} van .*bewaard tot`));
    assert.match(plan, /bewaard tot en met 31 december 2033/);
    assert.match(plan, /Je bewaarde apparaten/);
    await expectNoAxeViolations(page);
    await noSideways(page);
    // step 2: without the tick the browser does not send it
    await page.getByRole('button', { name: 'Verwijder mijn account definitief' }).click();
    assert.match(page.url(), /\/account\/privacy\/delete$/);
    assert.ok(await page.locator('#confirm:invalid').count(), 'the tick is required');
    await page.getByLabel('Ik begrijp dat mijn account en gegevens definitief worden verwijderd.').check();
    await page.getByRole('button', { name: 'Verwijder mijn account definitief' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je account is verwijderd' }).waitFor();
    const done = await seen(page.getByRole('main'));
    assert.match(done, /Verwijderd op .* Je bent op al je apparaten uitgelogd\./);
    assert.match(done, /bewaard tot en met 31 december 2033/);
    await expectNoAxeViolations(page);
    await noSideways(page);

    // signed out everywhere: the page now asks to sign in
    const again = await page.goto('/account/privacy/export.json');
    assert.notEqual(again?.headers()['content-type']?.startsWith('application/json'), true);
    await scanIsClean(shop, person);
  });

  it('en, desktop: summary downloaded, account deleted, scan clean', async () => {
    const person: Person = {
      email: 'eddie.desktop@example.org',
      name: 'Eddie Desktopson',
      phone: '+44 20 7946 0991',
      street: 'Screen Street',
    };
    const customer = await seedCustomer(shop.shop, person);
    const page = await openSignedIn(shop, customer, '/account/privacy?lang=en', { browserLocale: 'en-GB' });
    await page.getByRole('heading', { level: 1, name: 'Your data and privacy' }).waitFor();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the readable summary' }).click(),
    ]);
    const html = await readFile((await download.path())!, 'utf8');
    assert.ok(html.includes(person.name) && html.includes(customer.orderNumbers[1]!));
    assert.ok(html.includes('Your orders'));

    await page.getByRole('link', { name: 'Delete my account…' }).click();
    await page.getByRole('heading', { level: 1, name: /Are you sure/ }).waitFor();
    assert.match(await seen(page.getByRole('main')), /kept up to and including 31 December 2033/);
    await page.getByLabel('I understand that my account and data will be deleted for good.').check();
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account has been deleted' }).waitFor();
    await expectNoAxeViolations(page);
    await scanIsClean(shop, person);
  });
  it('staff, en: find a customer and read what they allow, in plain words', async () => {
    const person: Person = {
      email: 'stella.staffview@example.nl',
      name: 'Stella Kijkgraag',
      phone: '+31 6 8888 5678',
      street: 'Beheerstraat',
    };
    const customer = await seedCustomer(shop.shop, person);
    await createStaff(shop.shop.db, { email: 'olga@shop.test', name: 'Olga Owner' });
    const page = await shop.open('/admin/login?lang=en', { browserLocale: 'en-GB' });
    await logInAsStaff(page, 'olga@shop.test', 'en');
    await page
      .getByRole('navigation', { name: 'Admin menu' })
      .getByRole('link', { name: 'Customers', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.getByLabel('Search by e-mail address or name').fill('kijkgraag');
    await page.getByRole('button', { name: 'Search' }).click();
    assert.equal(await seen(page.getByRole('status')), '1 customer(s)');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: person.email }).click();
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    const main = await seen(page.getByRole('main'));
    assert.match(
      main,
      /E-mail only\. Topics: order updates; replenishment reminders\. At most 2 a month\. Quiet 21:00–08:00 Europe\/Amsterdam\./,
    );
    for (const n of customer.orderNumbers) assert.ok(main.includes(n), n);
    assert.match(main, /topics\.replenishment/);
    await expectNoAxeViolations(page);
  });
});
