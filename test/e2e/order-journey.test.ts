import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Locator } from 'playwright-core';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { formatDay } from '../../src/web/i18n/format.ts';
import {
  addFirstProductToCart,
  type BrowserShop,
  demoAppliance,
  escapeRegExp,
  expectNoAxeViolations,
  logInAsStaff,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { createStaff } from '../helpers/forms.ts';
import { type MollieStandIn, startMollieStandIn } from '../helpers/mollie-stand-in.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

const CUSTOMER = {
  email: 'anne@example.nl',
  name: 'Anne de Vries',
  postcode: '3511 AB',
  houseNumber: '12',
  street: 'Oudegracht',
  city: 'Utrecht',
};
const TRACKING = '3SABCD1234567';

/** Runs the worker's jobs until none is due, as the in-process worker of `serve` would. */
async function runJobs(shop: BrowserShop): Promise<string[]> {
  const outcomes = await runJobsUntilIdle(shop.shop.ctx, defaultJobKinds);
  return outcomes.map((o) => `${o.kind}:${o.outcome}`);
}

/** The one mail to `to` whose subject matches, failing with what did arrive. */
function mailTo(smtp: SmtpSink, to: string, subject: RegExp): ParsedMail {
  const found = smtp.mails.filter(
    (m) => (m.to as { text: string } | undefined)?.text === to && subject.test(m.subject ?? ''),
  );
  assert.equal(
    found.length,
    1,
    `one mail to ${to} matching ${subject}; arrived: ${smtp.mails.map((m) => m.subject).join(' | ')}`,
  );
  return found[0]!;
}

/** The order page link of an e-mail (plain text part), checked against the HTML part. */
function orderLinkIn(mail: ParsedMail, number: string, baseUrl: string): string {
  const link = /(http\S+\/order\/[^?\s]+\?t=[\w-]+)/.exec(mail.text ?? '')?.[1];
  assert.ok(link, `a link to the order page in: ${mail.text}`);
  const url = new URL(link);
  assert.equal(url.origin, baseUrl);
  assert.equal(url.pathname, `/order/${number}`);
  assert.ok(String(mail.html).includes(`href="${link}"`), 'the same link in the HTML part');
  return link;
}

describe('the whole order journey in the browser', () => {
  let shop: BrowserShop;
  let smtp: SmtpSink;
  let mollie: MollieStandIn;

  before(async () => {
    smtp = await startSmtpSink();
    mollie = await startMollieStandIn();
    shop = await startBrowserShop({
      smtpUrl: smtp.url,
      mollieApiKey: 'test_journey0000000000000000000000',
      mollieApiUrl: mollie.apiUrl,
    });
  });
  after(async () => {
    await shop?.close();
    await mollie?.close();
    await smtp?.close();
  });

  it('nl, phone, bank transfer: lookup → cart → checkout → e-mail → order page → staff pay, pack, ship → shipped e-mail', async () => {
    const target = await demoAppliance(shop);
    const page = await shop.open('/', { viewport: 'phone' });
    const main = () => text(page.getByRole('main'));

    // lookup
    // Enter, not a tap on "Zoek onderdelen": on a phone the suggestion list, once it opens, covers that button
    const box = page.getByLabel('Typ het typenummer van je apparaat');
    await box.fill(target.model);
    await box.press('Enter');
    await page.waitForURL(/\/(lookup|a\/)/);
    const pick = page.getByRole('link', {
      name: new RegExp(`${escapeRegExp(`${target.brand} ${target.model}`)}`),
    });
    if (!page.url().includes(`/a/${target.id}`) && (await pick.count()) > 0) await pick.first().click();
    await page.getByRole('heading', { level: 1, name: `${target.brand} ${target.model}` }).waitFor();
    if (target.serial) {
      await page.getByLabel('Serienummer of productiecode').fill(target.serial);
      await page.getByRole('button', { name: 'Toon wat past' }).click();
      await page.waitForURL(`**/a/${target.id}?serial=*`);
    }
    await expectNoAxeViolations(page);

    // cart
    await addFirstProductToCart(page);
    const cart = await main();
    assert.match(cart, /Totaal \(incl\. btw\) €\s?\d+,\d\d/, 'the total incl. VAT');
    assert.match(cart, /Waarvan \d+% btw/, 'the VAT in it');
    assert.match(cart, /Pakket: (Gratis|€\s?\d+,\d\d)\. Vóór \d\d:\d\d besteld/, 'the parcel price');
    assert.match(cart, /Gratis verzending vanaf|gratis verzonden/, 'the free-shipping threshold');
    const promised = /Vóór \d\d:\d\d besteld, ([^.]+?) (in je brievenbus|bij je bezorgd)/.exec(cart)?.[1];
    assert.ok(promised, 'the cart promises a delivery day');
    await expectNoAxeViolations(page);

    // checkout
    await page.getByRole('link', { name: 'Afrekenen' }).click();
    await page.waitForURL('**/checkout');
    await page.getByRole('heading', { level: 1, name: 'Afrekenen' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('E-mailadres').fill(CUSTOMER.email);
    await page.getByLabel('Naam').fill(CUSTOMER.name);
    await page.getByLabel('Postcode').fill(CUSTOMER.postcode);
    await page.getByLabel('Huisnummer').fill(CUSTOMER.houseNumber);
    await page.getByLabel('Straat').fill(CUSTOMER.street);
    await page.getByLabel('Plaats').fill(CUSTOMER.city);
    assert.equal(await page.getByLabel('Land').inputValue(), 'NL');
    const mailbox = page.getByRole('radio', { name: /^Brievenbuspakje/ });
    const shipping = (await mailbox.isEnabled()) ? mailbox : page.getByRole('radio', { name: /^Pakket/ });
    await shipping.check();
    await page.getByRole('radio', { name: 'Bankoverschrijving' }).check();
    assert.equal(await page.getByRole('radio', { name: 'iDEAL' }).isChecked(), false, 'nothing else ticked');
    await page.getByRole('button', { name: 'Bestelling plaatsen met betaalverplichting' }).click();

    // confirmation
    await page.waitForURL('**/order/*/confirmation?t=*');
    await page.getByRole('heading', { level: 1, name: 'Bedankt voor je bestelling' }).waitFor();
    const confirmation = await main();
    const number = /Bestelnummer (\S+)/.exec(confirmation)?.[1];
    assert.ok(number, `an order number on: ${confirmation}`);
    const order = await shop.shop.db
      .selectFrom('orders')
      .select(['delivery_date', 'status'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    assert.equal(order.status, 'awaiting_payment');
    const date = new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${order.delivery_date}T12:00:00Z`));
    // the shop's clock stands at Monday 30 November 2026, 13:00 in Amsterdam: the cart says "morgen"
    assert.ok(
      promised === date || (promised === 'morgen' && order.delivery_date === '2026-12-01'),
      `the cart promised the same day as the order: ${promised} / ${date}`,
    );
    assert.ok(confirmation.includes(date), `the delivery date ${date}`);
    assert.match(confirmation, /IBAN NL91 ABNA 0417 1643 00/);
    assert.match(confirmation, new RegExp(`Omschrijving ${escapeRegExp(number)}`));
    await expectNoAxeViolations(page);

    // the confirmation e-mail, sent by the worker over SMTP
    assert.ok((await runJobs(shop)).includes('order-confirmation:done'));
    const confirmationMail = mailTo(
      smtp,
      CUSTOMER.email,
      new RegExp(`Je bestelling ${escapeRegExp(number)}`),
    );
    assert.ok(confirmationMail.text?.includes(formatDay(order.delivery_date, 'nl', 'full')));
    const orderLink = orderLinkIn(confirmationMail, number, shop.baseUrl);

    // the order page from the e-mail link
    await page.goto(orderLink);
    await page.getByRole('heading', { level: 1, name: `Bestelling ${number}` }).waitFor();
    const timeline = page.getByRole('region', { name: 'Verloop' });
    assert.match(await text(timeline), /Bestelling geplaatst/);
    assert.match(await main(), /Status: Wacht op betaling/);
    await expectNoAxeViolations(page);

    // staff: paid, packed, shipped
    await createStaff(shop.shop.db, { email: 'piet@example.nl', role: 'staff', name: 'Piet' });
    const admin = await shop.open('/admin/login?lang=nl');
    await logInAsStaff(admin, 'piet@example.nl', 'nl');
    await admin.goto('/admin/orders');
    await admin
      .getByRole('navigation', { name: 'Filter bestellingen' })
      .getByRole('link', { name: /^Wacht op betaling/ })
      .click();
    await admin.getByRole('link', { name: number }).click();
    await admin.getByRole('heading', { level: 1, name: number }).waitFor();
    const adminMain = () => text(admin.getByRole('main'));
    assert.match(await adminMain(), /Status: wacht op betaling/);
    await admin.getByRole('button', { name: 'Betaling ontvangen' }).click();
    await admin.getByRole('button', { name: 'Markeer als ingepakt' }).waitFor();
    assert.match(await adminMain(), /Status: betaald/);
    await admin.getByRole('button', { name: 'Markeer als ingepakt' }).click();
    await admin.waitForURL('**?done=packed');
    assert.match(await adminMain(), /Gemarkeerd als ingepakt\./);
    assert.match(await adminMain(), /Status: ingepakt/);
    await admin.getByLabel('Vervoerder').selectOption({ label: 'PostNL' });
    await admin.getByLabel('Trackingcode').fill(TRACKING);
    await admin.getByRole('button', { name: 'Markeer als verstuurd' }).click();
    await admin.waitForURL('**?done=shipped');
    assert.match(await adminMain(), /Status: verstuurd/);
    assert.match(await adminMain(), new RegExp(`Verstuurd met PostNL, trackingcode ${TRACKING}`));
    await expectNoAxeViolations(admin);

    // the shipped e-mail with the tracking link
    assert.ok((await runJobs(shop)).includes('order-shipped:done'));
    const shippedMail = mailTo(smtp, CUSTOMER.email, new RegExp(`${escapeRegExp(number)} is onderweg`));
    const tracking = `https://jouw.postnl.nl/track-and-trace/${TRACKING}-NL-3511AB`;
    assert.ok(shippedMail.text?.includes(`Volg je pakket: ${tracking}`), shippedMail.text);
    assert.ok(String(shippedMail.html).includes(`href="${tracking}"`), 'the tracking link in the HTML part');
    assert.equal(orderLinkIn(shippedMail, number, shop.baseUrl), orderLink);

    // the customer's order page shows it shipped
    await page.goto(orderLink);
    assert.match(await main(), /Status: Verzonden/);
    const events = await text(timeline);
    for (const step of ['Betaald', 'Ingepakt', 'Verzonden'])
      assert.match(events, new RegExp(`Status gewijzigd: ${step}`), `the timeline shows ${step}`);
    assert.equal(
      await page.getByRole('link', { name: 'Bestelling annuleren' }).count(),
      0,
      'no cancel once shipped',
    );
    await expectNoAxeViolations(page);
  });

  it('en, desktop, iDEAL through the Mollie stand-in: checkout → hosted checkout → paid by webhook → confirmation shows paid', async () => {
    const product = await shop.shop.db
      .selectFrom('products')
      .select(['slug', 'name_en'])
      .where('active', '=', 1)
      .where('stock', '>', 0)
      .orderBy('sku')
      .executeTakeFirstOrThrow();
    const page = await shop.open(`/p/${product.slug}?lang=en`, {
      viewport: 'desktop',
      browserLocale: 'en-GB',
    });
    await page.getByRole('heading', { level: 1, name: product.name_en }).waitFor();
    await page
      .getByRole('button', { name: /^Add to cart/ })
      .and(page.locator(':enabled'))
      .first()
      .click();
    await page.waitForURL('**/cart?added=*');
    assert.equal(await seen(page.getByRole('status')), `${product.name_en} is in your cart.`);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL('**/checkout');
    await page.getByLabel('E-mail address').fill('sam@example.com');
    await page.getByLabel('Name', { exact: true }).fill('Sam Smith');
    await page.getByLabel('Postcode').fill('1012 AB');
    await page.getByLabel('House number').fill('1');
    await page.getByLabel('Street').fill('Dam');
    await page.getByLabel('Town or city').fill('Amsterdam');
    await page.getByRole('radio', { name: 'iDEAL' }).check();
    await page.getByRole('button', { name: 'Place order with obligation to pay' }).click();

    // Mollie's hosted checkout (the stand-in's page)
    const standIn = new URL(mollie.apiUrl).origin;
    await page.waitForURL(`${standIn}/checkout/*`, { timeout: 5000 }).catch(async (err) => {
      throw new Error(`${page.url()}: ${await text(page.locator('body'))}`, { cause: err });
    });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const payment = mollie.payments.get(id);
    assert.ok(payment, `the stand-in knows payment ${id}`);
    assert.equal(payment.method, 'ideal');
    assert.equal(new URL(payment.redirectUrl).origin, shop.baseUrl);
    const number = /\/order\/([^/]+)\/confirmation/.exec(payment.redirectUrl)?.[1];
    assert.ok(number, payment.redirectUrl);
    assert.equal(
      (
        await shop.shop.db
          .selectFrom('orders')
          .select('status')
          .where('number', '=', number)
          .executeTakeFirstOrThrow()
      ).status,
      'awaiting_payment',
    );

    // the customer pays; Mollie calls the webhook; the browser comes back
    mollie.setStatus(id, 'paid');
    assert.equal(await mollie.fireWebhook(id), 200);
    await page.goto(payment.redirectUrl);
    await page.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
    const confirmation = await text(page.getByRole('main'));
    assert.match(confirmation, new RegExp(`Order number ${escapeRegExp(number)}`));
    assert.match(confirmation, /Your payment has arrived\. Thank you!/);
    assert.doesNotMatch(confirmation, /Try paying again/);
    await expectNoAxeViolations(page);

    // and the order page says paid
    await page.goto(payment.redirectUrl.replace('/confirmation?', '?'));
    await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
    assert.match(await text(page.getByRole('main')), /Status: Paid/);
    assert.match(await text(page.getByRole('region', { name: 'Timeline' })), /Status changed: Paid/);
    await expectNoAxeViolations(page);

    // the confirmation e-mail, in English
    assert.ok((await runJobs(shop)).includes('order-confirmation:done'));
    orderLinkIn(
      mailTo(smtp, 'sam@example.com', new RegExp(`Your order ${escapeRegExp(number)}`)),
      number,
      shop.baseUrl,
    );
  });
});

/** What a person reads: the rendered text (cells and blocks apart), whitespace collapsed. */
async function text(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, wanted for the rendered text (table cells apart)
  return (await locator.innerText()).replace(/[ \t\r\n]+/g, ' ').trim();
}
