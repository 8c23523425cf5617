import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { CUSTOMER_COOKIE } from '../../src/customers/sessions.ts';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import { proposePlans } from '../../src/replenishment/propose-plans.ts';
import { sendReminders } from '../../src/replenishment/send-reminders.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import { type BrowserShop, expectNoAxeViolations, seen, startBrowserShop } from '../helpers/browser.ts';
import { orderConsumableAt } from '../helpers/replenishment-fixtures.ts';
import { addCustomer, customerCookie } from '../helpers/signed-in-customer.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

const EMAIL = 'anne@example.nl';

/** Places an order of 2 × `sku` at `when` through the checkout API (in Dutch), then makes it the customer's. */
const orderAt = (shop: BrowserShop, customerId: string, sku: string, when: string) =>
  orderConsumableAt(shop.shop, customerId, when, 2, { sku, lang: 'nl' });

describe('a replenishment reminder in the browser', () => {
  let shop: BrowserShop;
  let smtp: SmtpSink;

  before(async () => {
    smtp = await startSmtpSink();
    shop = await startBrowserShop({ smtpUrl: smtp.url });
  });
  after(async () => {
    await shop?.close();
    await smtp?.close();
  });

  it('nl, phone: the reminder e-mail arrives over SMTP; its reorder link leads to a prefilled checkout at the quoted price', async () => {
    const t = shop.shop;
    const product = await t.db
      .selectFrom('products')
      .select(['id', 'sku', 'name_nl', 'price_cents'])
      .where('active', '=', 1)
      .where('stock', '>=', 20)
      .orderBy('sku')
      .executeTakeFirstOrThrow();
    t.clock.set('2026-09-01T10:00:00Z'); // she turns reminders on before her orders
    const anne = await addCustomer(t.ctx, EMAIL, 'Anne');
    const { prefs } = await loadPreferences(t.ctx, anne);
    await changePreferences(
      t.ctx,
      anne,
      { ...prefs, locale: 'nl', topics: { ...prefs.topics, replenishment: 'on' } },
      { source: 'preference-centre', actor: 'customer' },
    );
    // her address, saved with an earlier order (as the signed-in checkout does)
    await t.db
      .insertInto('customer_addresses')
      .values({
        id: randomUUID(),
        customer_id: anne,
        name: 'Anne de Vries',
        street: 'Oudegracht',
        house_number: '12',
        addition: '',
        postcode: '3511 AB',
        city: 'Utrecht',
        country: 'NL',
        created_at: '2026-09-01T10:00:00.000Z',
        last_used_at: '2026-09-01T10:00:00.000Z',
      })
      .execute();
    await orderAt(shop, anne, product.sku, '2026-09-07T10:00:00Z');
    await orderAt(shop, anne, product.sku, '2026-10-05T10:00:00Z');
    await proposePlans(t.ctx, anne); // every 28 days: runs out on 2 November
    t.clock.set('2026-10-28T10:00:00Z');
    await sendReminders(t.ctx);
    await runJobsUntilIdle(t.ctx, defaultJobKinds);

    const mails = smtp.mails.filter((m: ParsedMail) => /Bijna op/.test(m.subject ?? ''));
    assert.equal(mails.length, 1, `arrived: ${smtp.mails.map((m) => m.subject).join(' | ')}`);
    const mail = mails[0]!;
    assert.equal((mail.to as { text: string }).text, EMAIL);
    assert.match(mail.text ?? '', /We bestellen nooit vanzelf/);
    const reorder = /(http\S+\/reminders\/reorder\/\S+)/.exec(mail.text ?? '')?.[1];
    assert.ok(reorder, `a reorder link in: ${mail.text}`);
    assert.ok(String(mail.html).includes(`href="${reorder}"`), 'the same link in the HTML part');

    // the price goes up after the reminder; the reminder's price is what the customer pays
    await t.db
      .updateTable('products')
      .set({ price_cents: product.price_cents + 500 })
      .where('id', '=', product.id)
      .execute();
    t.clock.set('2026-10-30T10:00:00Z');

    const page = await shop.open('/', { viewport: 'phone' });
    const cookie = await customerCookie(t.ctx, anne);
    await page.context().addCookies([{ name: cookie.name, value: cookie.value, url: shop.baseUrl }]);
    assert.equal(cookie.name, cookieSpec(t.config, CUSTOMER_COOKIE).name);
    await page.goto(reorder.replace(/^http:\/\/[^/]+/, shop.baseUrl));
    await page.getByRole('heading', { level: 1, name: 'Opnieuw bestellen' }).waitFor();
    await expectNoAxeViolations(page);
    const twice = (product.price_cents * 2) / 100;
    const euros = twice.toFixed(2).replace('.', ',');
    assert.match(
      await seen(page.getByRole('main')),
      new RegExp(`2 × ${product.name_nl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await page.getByRole('button', { name: 'In winkelwagen en naar de kassa' }).click();
    await page.waitForURL('**/checkout');
    await page.getByRole('heading', { level: 1, name: 'Afrekenen' }).waitFor();
    const main = await seen(page.getByRole('main'));
    assert.ok(main.includes(`2 × ${product.name_nl}`), main);
    assert.ok(main.includes(euros), `the quoted price € ${euros} in: ${main}`);
    assert.equal(
      await page.getByLabel('Naam', { exact: true }).inputValue(),
      'Anne de Vries',
      'the address prefilled',
    );
    await expectNoAxeViolations(page);

    // on her reminders page she turns on automatic reordering, with the keyboard
    await page.goto(`${shop.baseUrl}/account/reminders`);
    await page.getByRole('heading', { level: 1, name: 'Herinneringen om bij te bestellen' }).waitFor();
    const turnOn = page.getByRole('button', { name: 'Automatisch bijbestellen aanzetten' });
    assert.match(
      (await turnOn.getAttribute('aria-describedby')) ?? '',
      /^auto-/,
      'the button is described by what it does',
    );
    await turnOn.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Bewaard.' }).waitFor();
    assert.match(await seen(page.getByRole('main')), /Staat aan, sinds vrijdag 30 oktober\./);
    await page.getByRole('button', { name: 'Automatisch bijbestellen uitzetten' }).waitFor();
    await expectNoAxeViolations(page);
    const plan = await t.db
      .selectFrom('replenishment_plans')
      .select('auto_reorder_since')
      .where('customer_id', '=', anne)
      .executeTakeFirstOrThrow();
    assert.equal(plan.auto_reorder_since, '2026-10-30T10:00:00.000Z');
  });
});
