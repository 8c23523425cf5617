import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { CUSTOMER_COOKIE, createCustomerSession } from '../../src/customers/sessions.ts';
import { loadPreferences } from '../../src/preferences/preference-store.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import { type BrowserShop, expectNoAxeViolations, seen, startBrowserShop } from '../helpers/browser.ts';
import { addCustomer } from '../helpers/preference-fixtures.ts';

const WORDS = {
  nl: {
    offers: 'Aanbiedingen',
    smsUp: 'Sms hoger',
    sms: 'Sms',
    quiet: 'Stille uren',
    from: 'Van',
    saved: 'Opgeslagen. Dit is er veranderd:',
    turnedOnOffers: 'Je hebt Aanbiedingen aangezet',
    history: 'Bekijk de geschiedenis van je keuzes',
    historyHeading: 'Geschiedenis van mijn keuzes',
    terms: 'Mijn voorwaarden',
    download: 'Download mijn voorwaarden',
  },
  en: {
    offers: 'Offers',
    smsUp: 'Move SMS up',
    sms: 'SMS',
    quiet: 'Quiet hours',
    from: 'From',
    saved: 'Saved. This is what changed:',
    turnedOnOffers: 'You turned on Offers',
    history: 'See the history of your choices',
    historyHeading: 'History of my choices',
    terms: 'My terms',
    download: 'Download my terms',
  },
} as const;

describe('the preference centre in the browser (phone, 360 px)', () => {
  let shop: BrowserShop;
  before(async () => {
    shop = await startBrowserShop();
  });
  after(() => shop.close());

  for (const lang of ['nl', 'en'] as const) {
    it(`sets preferences with the keyboard, shows the history and downloads the terms (${lang})`, async () => {
      const w = WORDS[lang];
      const id = await addCustomer(shop.shop.ctx, { locale: lang, email: `prefs-${lang}@example.nl` });
      const token = await createCustomerSession(shop.shop.ctx, id, 'magic-link', 'e2e');
      const page = await shop.open(`/?lang=${lang}`, {
        viewport: 'phone',
        browserLocale: lang === 'nl' ? 'nl-NL' : 'en-GB',
      });
      await page.context().addCookies([
        {
          name: cookieSpec(shop.shop.config, CUSTOMER_COOKIE).name,
          value: token,
          url: shop.baseUrl,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      await page.goto('/account/preferences');
      await expectNoAxeViolations(page);
      // the preference centre itself fits a phone (the site header is the layout's own business)
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > 360.5)
          .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').slice(0, 30)}`),
      );
      assert.deepEqual(wider, [], 'nothing in the page is wider than 360 px');

      // nothing but e-mail is ticked in advance
      assert.equal(await page.getByRole('checkbox', { name: w.offers, exact: true }).isChecked(), false);

      // keyboard only: tick Offers with Space, move SMS up with Enter (that saves), then quiet hours and Enter to save
      await page.getByRole('checkbox', { name: w.offers, exact: true }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: w.smsUp }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/saved=/);
      assert.match(await seen(page.getByRole('status')), new RegExp(w.turnedOnOffers));
      await page.getByRole('checkbox', { name: w.quiet, exact: true }).focus();
      await page.keyboard.press('Space');
      await page.getByLabel(w.from, { exact: true }).focus();
      // the URL already says saved= from the first save: wait for the new page itself, not for the URL
      const reloaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await reloaded;
      const status = await seen(page.getByRole('status'));
      assert.match(status, new RegExp(w.saved.replace('.', '\\.')));
      await expectNoAxeViolations(page);

      const { prefs } = await loadPreferences(shop.shop.ctx, id);
      assert.equal(prefs.topics.offers, 'on');
      assert.deepEqual(prefs.channels.order, ['email', 'sms', 'push', 'post']);
      assert.deepEqual(prefs.quiet.hours, { from: '21:00', to: '08:00' });

      await page.getByRole('link', { name: w.history }).click();
      await page.getByRole('heading', { level: 1, name: w.historyHeading }).waitFor();
      assert.match(await seen(page.getByRole('main')), new RegExp(w.turnedOnOffers));
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: w.terms, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: w.terms }).waitFor();
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: w.download }).click(),
      ]);
      const terms = JSON.parse(await readFile((await download.path())!, 'utf8'));
      assert.equal(terms.kind, 'toonbank-customer-terms');
      assert.deepEqual(terms.terms.topics.allowed, ['offers']);
      assert.equal(terms.terms.language, lang);
    });
  }
});
