import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import {
  type BrowserShop,
  demoApplianceWithoutSerial,
  expectNoAxeViolations,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { lastLinkTo } from '../helpers/customer-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';

/** The one mail to `to` whose subject matches, once it arrived. */
async function mailTo(smtp: SmtpSink, to: string, subject: RegExp): Promise<ParsedMail> {
  const found = await smtp.mailsTo(to, subject);
  assert.equal(found.length, 1, `one mail to ${to} matching ${subject}`);
  return found[0]!;
}

/** The magic link in a mail's text part, the same in its HTML part. */
function linkIn(mail: ParsedMail, baseUrl: string): string {
  const link = /(http\S+\/account\/sign-in\/[\w-]{43})/.exec(mail.text ?? '')?.[1];
  assert.ok(link, `a sign-in link in: ${mail.text}`);
  assert.equal(new URL(link).origin, baseUrl);
  assert.ok(String(mail.html).includes(`href="${link}"`), 'the same link in the HTML part');
  return link;
}

const NL = {
  addToCart: 'In winkelmand',
  checkout: 'Afrekenen',
  email: 'E-mailadres',
  name: 'Naam',
  postcode: 'Postcode',
  houseNumber: 'Huisnummer',
  street: 'Straat',
  city: 'Plaats',
  mailbox: 'Brievenbuspakje',
  parcel: 'Pakket',
  bankTransfer: 'Bankoverschrijving',
  placeOrder: 'Bestelling plaatsen met betaalverplichting',
};

async function guestOrder(page: Page, target: { id: string }, email: string, words: typeof NL) {
  await page.goto(`/a/${target.id}`);
  await page
    .getByRole('button', { name: new RegExp(`^${words.addToCart}`) })
    .and(page.locator(':enabled'))
    .first()
    .click();
  await page.waitForURL('**/cart?added=*');
  await page.getByRole('link', { name: words.checkout }).click();
  await page.waitForURL('**/checkout');
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.name).fill('Anne de Vries');
  await page.getByLabel(words.postcode).fill('3511 AB');
  await page.getByLabel(words.houseNumber).fill('12');
  await page.getByLabel(words.street).fill('Oudegracht');
  await page.getByLabel(words.city).fill('Utrecht');
  const mailbox = page.getByRole('radio', { name: new RegExp(`^${words.mailbox}`) });
  const shipping = (await mailbox.isEnabled())
    ? mailbox
    : page.getByRole('radio', { name: new RegExp(`^${words.parcel}`) });
  await shipping.check();
  await page.getByRole('radio', { name: words.bankTransfer }).check();
  await page.getByRole('button', { name: words.placeOrder }).click();
  await page.waitForURL('**/order/*/confirmation?t=*');
}

describe('accounts without passwords, in the browser', () => {
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

  it('nl, phone: guest order → keep my appliance → link over SMTP → signed in, the appliance on /account', async () => {
    const target = await demoApplianceWithoutSerial(shop);
    const email = 'anne@example.nl';
    const page = await shop.open('/', { viewport: 'phone' });
    await guestOrder(page, target, email, NL);

    const offer = page.getByRole('region', { name: 'Bewaar mijn apparaat voor de volgende keer' });
    assert.match(await seen(offer), /We sturen een link naar anne@example.nl/);
    await expectNoAxeViolations(page);
    await offer.getByRole('button', { name: 'Stuur mij de link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' }).waitFor();
    assert.match(await seen(page.getByRole('status')), /We hebben een link gestuurd naar anne@example.nl/);

    const mail = await mailTo(smtp, email, /^Je account bij Toonbank Demo \(bestelling /);
    assert.match(mail.text ?? '', /werkt één keer, 15 minuten lang/);
    await page.goto(linkIn(mail, shop.baseUrl));
    await page.getByRole('heading', { level: 1, name: 'Inloggen bevestigen' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/account?joined=1&kept=1');
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    const main = await seen(page.getByRole('main'));
    assert.match(main, /Je apparaat is bewaard voor de volgende keer/);
    assert.match(main, /1 eerdere bestelling\(en\) met dit adres horen nu bij je account/);
    const saved = page.getByRole('region', { name: 'Bewaarde apparaten' });
    assert.match(await seen(saved), new RegExp(target.label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    assert.equal(
      await seen(page.getByRole('banner').getByRole('link', { name: 'Mijn account' })),
      'Mijn account',
    );
    for (const name of [
      'Mijn apparaten',
      'Huishouden',
      'Voorkeuren',
      'Berichten die we je stuurden',
      'Beveiliging',
    ]) {
      assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, name);
    }
    await expectNoAxeViolations(page);

    const kept = await shop.shop.db
      .selectFrom('customer_appliances')
      .innerJoin('customers', 'customers.id', 'customer_appliances.customer_id')
      .select(['customer_appliances.appliance_id', 'customer_appliances.source'])
      .where('customers.email', '=', email)
      .execute();
    assert.deepEqual(kept, [{ appliance_id: target.id, source: 'order' }]);

    // the link worked once: following it again asks for a new one
    await page.goto(linkIn(mail, shop.baseUrl));
    assert.match(await seen(page.getByRole('alert')), /Deze link is al gebruikt of verlopen/);
  });

  it('en, desktop: sign in by magic link from the sign-in page, see the session, sign out everywhere', async () => {
    const email = 'bert@example.com';
    const page = await shop.open('/account/sign-in?lang=en', { browserLocale: 'en-GB' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
    assert.match(
      await seen(page.getByRole('status')),
      /If bert@example.com may sign in, a link is on its way/,
    );

    const mail = await mailTo(smtp, email, /^Your sign-in link for Toonbank Demo$/);
    await page.goto(linkIn(mail, shop.baseUrl));
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    assert.match(await seen(sessions), /\(this device\)/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL('**/account/sign-in');
    await page.goto('/account/security');
    await page.waitForURL('**/account/sign-in?next=*');
    assert.equal(await seen(page.getByRole('banner').getByRole('link', { name: 'Sign in' })), 'Sign in');
  });
});

describe('passkeys in the browser (Chromium virtual authenticator)', () => {
  let shop: BrowserShop;
  let origin: string;

  before(async () => {
    shop = await startBrowserShop();
    // a passkey's RP ID must be a domain name, never an IP address: this shop answers as localhost
    origin = shop.baseUrl.replace('127.0.0.1', 'localhost');
    shop.shop.config.publicUrl = origin;
  });
  after(async () => {
    await shop?.close();
  });

  it('en: adds a labelled passkey on the security page, then signs in with it alone', async () => {
    const page = await shop.open(`${origin}/account/sign-in?lang=en`, { browserLocale: 'en-GB' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await page.getByLabel('E-mail address').fill('cas@example.com');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
    const path = await lastLinkTo(shop.shop.ctx, 'cas@example.com');
    await page.goto(`${origin}${path}`);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');

    await page.goto(`${origin}/account/security`);
    assert.equal(
      await page.getByText('A passkey needs JavaScript').isVisible(),
      false,
      'the note hides when passkeys work',
    );
    await page.getByLabel('Name of the passkey').fill('Laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL('**/account/security?done=passkey-added');
    assert.match(await seen(page.getByRole('region', { name: 'Passkeys' })), /Laptop — Added on/);
    await expectNoAxeViolations(page);

    await page.goto(`${origin}/account`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${origin}/account/sign-in`);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    assert.match(await seen(page.getByRole('main')), /You are signed in as cas@example.com/);
    const methods = await shop.shop.db.selectFrom('customer_sessions').select('method').execute();
    assert.deepEqual(
      methods.map((m) => m.method),
      ['passkey'],
    );
  });
});
