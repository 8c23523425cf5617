import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { normaliseModel } from '../../src/appliances/normalise-model.ts';
import {
  addFirstProductToCart,
  type BrowserShop,
  escapeRegExp,
  expectNoAxeViolations,
  logInAsStaff,
  seen,
  startBrowserShop,
} from '../helpers/browser.ts';
import { createStaff } from '../helpers/forms.ts';

type Target = { id: string; brand: string; model: string; serial: string; variant: string };

/** An appliance of the demo registry whose production series take different parts, and a serial of one series. */
async function applianceWithSeries(shop: BrowserShop): Promise<Target> {
  const rows = await shop.shop.db
    .selectFrom('appliance_variants')
    .innerJoin('appliances', 'appliances.id', 'appliance_variants.appliance_id')
    .select(['appliances.id', 'appliances.model', 'appliance_variants.serial_from'])
    .where('appliance_variants.serial_from', 'is not', null)
    .orderBy('appliances.model')
    .limit(400)
    .execute();
  const ctx = { ...shop.shop.ctx, locale: 'nl' as const };
  for (const row of rows) {
    if (!/^[0-9]+$/.test(row.serial_from ?? '') || normaliseModel(row.model).length < 7) continue;
    const asked = await shop.shop.app.lookup.appliance(ctx, row.id);
    if (!asked?.matches[0]?.needsSerial) continue;
    const answered = (await shop.shop.app.lookup.appliance(ctx, row.id, row.serial_from!))?.matches[0];
    if (!answered?.variant || !answered.products.some((p) => p.inStock)) continue;
    return {
      id: row.id,
      brand: answered.brand,
      model: row.model,
      serial: row.serial_from!,
      variant: answered.variant,
    };
  }
  assert.fail('the demo registry has an appliance whose numbered series take different parts');
}

/** The model as a hurried customer types it at 11 pm: lower case, no separators, two neighbouring characters swapped. */
function withTypo(model: string): string {
  const plain = normaliseModel(model).toLowerCase();
  const i = [...plain].findIndex((c, k) => k > 2 && plain[k + 1] !== undefined && plain[k + 1] !== c);
  return `${plain.slice(0, i)}${plain[i + 1]}${plain[i]}${plain.slice(i + 2)}`;
}

describe('finding the right consumable by type number, in the browser', () => {
  let shop: BrowserShop;
  let target: Target;
  before(async () => {
    shop = await startBrowserShop();
    target = await applianceWithSeries(shop);
  });
  after(() => shop?.close());

  /** From wherever the typo led (one appliance, or a list to pick from) to the target appliance's page. */
  async function pickTarget(page: Page) {
    const link = page.getByRole('link', {
      name: new RegExp(`${target.brand} ${escapeRegExp(target.model)}`),
    });
    if ((await link.count()) > 0) await link.first().click();
    await page.getByRole('heading', { level: 1, name: `${target.brand} ${target.model}` }).waitFor();
  }

  it('types with a typo, picks, gives the serial and adds to the cart — in Dutch on a phone, without suggestions', async () => {
    const page = await shop.open('/', { viewport: 'phone' });
    await page.getByLabel('Typ het typenummer van je apparaat').fill(withTypo(target.model));
    await page.getByRole('button', { name: 'Zoek onderdelen' }).click();
    await page.waitForURL('**/lookup?**');
    await pickTarget(page);
    assert.match(await seen(page.getByRole('main')), /Welke uitvoering heb je\?/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Serienummer of productiecode').fill(target.serial);
    await page.getByRole('button', { name: 'Toon wat past' }).click();
    await page.waitForURL(`**/a/${target.id}?serial=*`);
    assert.match(
      await seen(page.getByRole('main')),
      new RegExp(`Uitvoering: ${escapeRegExp(target.variant)}`),
    );
    await expectNoAxeViolations(page);

    await addFirstProductToCart(page);
  });

  it('picks a suggestion with the keyboard while typing — in English on a desktop', async () => {
    const page = await shop.open('/?lang=en', { viewport: 'desktop', browserLocale: 'en-GB' });
    const box = page.getByRole('combobox', { name: 'Type the type number of your appliance' });
    await box.pressSequentially(withTypo(target.model), { delay: 20 });
    const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await options.first().waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    const texts = (await options.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    const index = texts.findIndex((s) => s.startsWith(`${target.brand} ${target.model}`));
    assert.ok(index >= 0, `the suggestions hold ${target.model}: ${texts.join(' | ')}`);
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), `lookup-option-${index}`);
    await box.press('Enter');
    await page.waitForURL(`**/a/${target.id}`);
    await page.getByLabel('Serial number or production code').fill(target.serial);
    await page.getByRole('button', { name: 'Show what fits' }).click();
    await page.waitForURL(`**/a/${target.id}?serial=*`);
    await page
      .getByRole('button', { name: /^Add to cart/ })
      .and(page.locator(':enabled'))
      .first()
      .click();
    await page.waitForURL('**/cart?added=*');
    assert.match(await seen(page.getByRole('status')), /is in your cart\.$/);
  });

  for (const [lang, texts] of [
    [
      'nl',
      {
        box: 'Typ het typenummer van je apparaat',
        find: 'Zoek onderdelen',
        email: 'Je e-mailadres',
        send: 'Verstuur',
        thanks: /We hebben je vraag over “QX-4711” ontvangen/,
      },
    ],
    [
      'en',
      {
        box: 'Type the type number of your appliance',
        find: 'Find parts',
        email: 'Your e-mail address',
        send: 'Send',
        thanks: /We received your question about “QX-4711”/,
      },
    ],
  ] as const) {
    it(`asks the shop to find an unknown number, and staff see the request (${lang})`, async () => {
      const page = await shop.open(`/?lang=${lang}`, { viewport: 'phone' });
      await page.getByLabel(texts.box).fill('QX-4711');
      await page.getByRole('button', { name: texts.find }).click();
      await page.waitForURL('**/lookup?**');
      await page.getByLabel(texts.email).fill(`klant-${lang}@example.nl`);
      await page.getByRole('button', { name: texts.send }).click();
      assert.match(await seen(page.getByRole('main')), texts.thanks);
      await expectNoAxeViolations(page);
    });
  }

  it('shows both requests in the admin queue', async () => {
    await createStaff(shop.shop.db, { email: 'piet@example.nl', role: 'staff', name: 'Piet' });
    const page = await shop.open('/admin/login?lang=nl');
    await logInAsStaff(page, 'piet@example.nl', 'nl');
    await page.goto('/admin/requests');
    const main = await seen(page.getByRole('main'));
    assert.match(main, /QX-4711/);
    assert.match(main, /klant-nl@example\.nl/);
    assert.match(main, /klant-en@example\.nl/);
    await expectNoAxeViolations(page);
  });
});
