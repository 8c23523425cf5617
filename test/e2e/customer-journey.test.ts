import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src/config.ts';
import { personalTables } from '../../src/db/personal-data.ts';
import { loadPreferences } from '../../src/preferences/preference-store.ts';
import { type MessageKey, translator } from '../../src/web/i18n/messages.ts';
import {
  type BrowserShop,
  demoApplianceWithoutSerial,
  escapeRegExp,
  expectNoAxeViolations,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { findEverywhere } from '../helpers/db-catalogue.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

/**
 * Issue 5's journey in one go, as a customer does it, in both languages: a guest order → "keep my appliance" →
 * the magic link received over SMTP → preferences set → terms downloaded → a second, fresh shop accepts the
 * terms at sign-up → the export downloaded and checked → the account deleted, and a scan of every table clean.
 */

const FISCAL = new Set<string>(
  personalTables()
    .filter((p) => p.entry.onErase === 'retain-fiscal')
    .map((p) => p.table),
);

/** The newest mail to `to` whose subject matches, once one arrived. */
async function mailTo(smtp: SmtpSink, to: string, subject: RegExp): Promise<ParsedMail> {
  return (await smtp.mailsTo(to, subject)).at(-1)!;
}

function signInLink(mail: ParsedMail): string {
  const link = /(http\S+\/account\/sign-in\/[\w-]{43})/.exec(mail.text ?? '')?.[1];
  assert.ok(link, `a sign-in link in: ${mail.text}`);
  return link;
}

/** Follows a mailed sign-in link: a GET shows a button, pressing it signs in. */
async function followLink(page: Page, link: string, t: (k: MessageKey) => string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: t('signIn.confirmTitle') }).waitFor();
  await page
    .getByRole('main')
    .getByRole('button', { name: t('signIn.confirmButton') })
    .click();
}

async function guestOrder(page: Page, applianceId: string, email: string, t: (k: MessageKey) => string) {
  await page.goto(`/a/${applianceId}`);
  await page
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(t('cart.add'))}`) })
    .and(page.locator(':enabled'))
    .first()
    .click();
  await page.waitForURL('**/cart?added=*');
  await page.getByRole('link', { name: t('cart.checkout') }).click();
  await page.waitForURL('**/checkout');
  await page.getByLabel(t('checkout.email')).fill(email);
  await page.getByLabel(t('checkout.name')).fill('Anne de Vries');
  await page.getByLabel(t('checkout.postcode')).fill('3511 AB');
  await page.getByLabel(t('checkout.houseNumber')).fill('12');
  await page.getByLabel(t('checkout.street')).fill('Oudegracht');
  await page.getByLabel(t('checkout.city')).fill('Utrecht');
  const mailbox = page.getByRole('radio', { name: new RegExp(`^${t('checkout.method.mailbox')}`) });
  const shipping = (await mailbox.isEnabled())
    ? mailbox
    : page.getByRole('radio', { name: new RegExp(`^${t('checkout.method.parcel')}`) });
  await shipping.check();
  await page.getByRole('radio', { name: t('payment.method.bank-transfer') }).check();
  await page.getByRole('button', { name: t('checkout.submit') }).click();
  await page.waitForURL('**/order/*/confirmation?t=*');
}

describe('the customer holds the controls: the whole journey in a browser', () => {
  let smtp: SmtpSink;
  let shop: BrowserShop;
  let other: BrowserShop;
  before(async () => {
    smtp = await startSmtpSink();
    shop = await startBrowserShop({ smtpUrl: smtp.url, shopName: 'Stofzuigerhuis' });
    other = await startBrowserShop({ smtpUrl: smtp.url, shopName: 'Koffiehoek' });
  });
  after(async () => {
    await shop?.close();
    await other?.close();
    await smtp?.close();
  });

  for (const [locale, viewport] of [
    ['nl', 'phone'],
    ['en', 'desktop'],
  ] as const) {
    it(`${locale}, ${viewport}: order as a guest, keep the appliance, set preferences, carry the terms to another shop, export, delete`, async () => {
      const t = translator(locale as Locale);
      const email = `journey-${locale}@example.nl`;
      const target = await demoApplianceWithoutSerial(shop);
      const page = await shop.open(`/?lang=${locale}`, {
        viewport,
        browserLocale: locale === 'nl' ? 'nl-NL' : 'en-GB',
      });

      // 1. a guest order, then "keep my appliance": the link arrives over SMTP and signs the customer in
      await guestOrder(page, target.id, email, t);
      const offer = page.getByRole('region', { name: t('keep.applianceTitle') });
      await offer.getByRole('button', { name: t('keep.button') }).click();
      await page.getByRole('heading', { level: 1, name: t('keep.sentTitle') }).waitFor();
      const keepMail = await mailTo(smtp, email, / \((bestelling|order) TB-/);
      await followLink(page, signInLink(keepMail), t);
      await page.waitForURL('**/account?*');
      assert.match(await seen(page.getByRole('main')), new RegExp(escapeRegExp(target.label)));
      await expectNoAxeViolations(page);

      // 2. preferences: turn on offers, quiet hours; saved, with a ledger row
      await page.getByRole('link', { name: t('account.preferences'), exact: true }).click();
      await page.getByRole('checkbox', { name: t('prefs.topic.offers'), exact: true }).check();
      // (the form's first button is a hidden default for Enter; the visible one is at the end)
      await page
        .getByRole('button', { name: t('prefs.save') })
        .last()
        .click();
      await page.waitForURL(/saved=/);
      await expectNoAxeViolations(page);
      const customer = await shop.shop.db
        .selectFrom('customers')
        .select(['id'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      assert.equal((await loadPreferences(shop.shop.ctx, customer.id)).prefs.topics.offers, 'on');

      // 3. the terms, downloaded
      await page.goto('/account/terms');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('terms.download') }).click(),
      ]);
      const termsText = await readFile((await download.path())!, 'utf8');
      const terms = JSON.parse(termsText);
      assert.equal(terms.kind, 'toonbank-customer-terms');
      assert.ok(terms.terms.topics.allowed.includes('offers'));

      // 4. a fresh, separate shop: sign up there with the terms pasted in; it applies them and says what it can't
      const there = await other.open(`/account/sign-in?lang=${locale}`, {
        viewport,
        browserLocale: locale === 'nl' ? 'nl-NL' : 'en-GB',
      });
      await there.getByLabel(t('signIn.email')).fill(email);
      await there.getByText(t('signIn.termsSummary')).click();
      await there.getByLabel(t('signIn.termsLabel')).fill(termsText);
      await there.getByRole('button', { name: t('signIn.submit') }).click();
      await there.getByRole('heading', { level: 1, name: t('signIn.sentTitle') }).waitFor();
      const signUpMail = await mailTo(smtp, email, /Koffiehoek/);
      await followLink(there, signInLink(signUpMail), t);
      await there.waitForURL('**/account/terms?applied=1');
      const applied = await seen(there.getByRole('main'));
      assert.match(applied, new RegExp(escapeRegExp(t('terms.applied'))));
      await expectNoAxeViolations(there);
      const newcomer = await other.shop.db
        .selectFrom('customers')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      assert.equal(
        (await loadPreferences(other.shop.ctx, newcomer.id)).prefs.topics.offers,
        'on',
        'the other shop honours the offers choice made here',
      );

      // 5. the export, downloaded and checked
      await page.goto('/account/privacy');
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('privacy.exportJson') }).click(),
      ]);
      const data = JSON.parse(await readFile((await exported.path())!, 'utf8')) as {
        subject: { email: string };
        tables: Record<string, { rows: Record<string, unknown>[] }>;
      };
      assert.equal(data.subject.email, email);
      assert.equal(data.tables.orders!.rows.length, 1, 'the guest order joined the account');
      assert.deepEqual(
        data.tables.customer_appliances!.rows.map((r) => r.appliance_id),
        [target.id],
      );
      assert.ok(data.tables.consent_ledger!.rows.some((r) => r.subject === 'topics.offers'));

      // 6. the account deleted in two steps; afterwards only the retained sales record holds the address
      await page.getByRole('link', { name: t('privacy.deleteLink') }).click();
      await page.getByRole('heading', { level: 1, name: t('privacy.confirmTitle') }).waitFor();
      await page.getByLabel(t('privacy.confirmCheck')).check();
      await page.getByRole('button', { name: t('privacy.confirmButton') }).click();
      await page.getByRole('heading', { level: 1, name: t('privacy.doneTitle') }).waitFor();
      await expectNoAxeViolations(page);
      const found = await findEverywhere(shop.shop.db, [email, 'Anne de Vries']);
      for (const place of found)
        assert.ok(FISCAL.has(place.table), `${place.table}.${place.column} still holds ${place.needle}`);
      const kept = await shop.shop.db
        .selectFrom('orders')
        .select(['purge_after', 'customer_id'])
        .where('email', '=', email)
        .execute();
      assert.equal(kept.length, 1);
      assert.ok(kept[0]!.purge_after, 'the kept order has its purge date');
      assert.equal(kept[0]!.customer_id, null);
    });
  }
});
