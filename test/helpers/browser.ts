import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { normaliseModel } from '../../src/appliances/normalise-model.ts';
import type { Config } from '../../src/config.ts';
import { seedDemo } from '../../src/db/seed.ts';
import { TEST_PASSWORD } from './forms.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** Debian's Chromium; CI installs it (see .ci/run). CHROMIUM_PATH overrides it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a closed network: no background calls home, nothing that waits on Google's hosts. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export type BrowserShop = {
  browser: Browser;
  shop: TestApp;
  /** `http://127.0.0.1:<port>` of the listening shop. */
  baseUrl: string;
  /**
   * A fresh browser context (own cookies) at a viewport, with one page open at `path`. The browser's
   * language (Accept-Language) is Dutch unless `browserLocale` says otherwise.
   */
  open(path: string, options?: { viewport?: ViewportName; browserLocale?: string }): Promise<Page>;
  close(): Promise<void>;
};

/**
 * One seeded shop listening on a random loopback port and one headless Chromium (Playwright launches it with
 * a new, empty profile), for one test file: start in `before`, close in `after`. Each `open` gets its own
 * context, so language cookies and sessions never leak between journeys.
 *
 * `overrides` are config settings for this shop (e.g. `smtpUrl`, `mollieApiKey`, `mollieApiUrl`). PUBLIC_URL is
 * the address the shop really listens on, so links in e-mails and payment redirects and webhooks reach it.
 */
export async function startBrowserShop(overrides: Partial<Config> = {}): Promise<BrowserShop> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const shop = await startTestApp({ publicUrl: baseUrl, ...overrides });
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    await seedDemo(shop.ctx);
    await shop.app.lookup.refresh(shop.ctx, 'all');
    await shop.app.listen({ port, host: '127.0.0.1' });
    const launched = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    browser = launched;
    return {
      browser: launched,
      shop,
      baseUrl,
      async open(path, options = {}) {
        const context = await launched.newContext({
          baseURL: baseUrl,
          viewport: VIEWPORTS[options.viewport ?? 'desktop'],
          locale: options.browserLocale ?? 'nl-NL',
        });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(path);
        return page;
      },
      async close() {
        for (const c of contexts) await c.close();
        await launched.close();
        await shop.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await shop.close();
    throw err;
  }
}

/** A loopback port that is free now (the shop must know its address before it is built, for PUBLIC_URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules plus best practices) on the page as it is now and fails with a
 * readable list when it finds anything. axe is evaluated over the DevTools protocol, which the page's strict
 * CSP (no inline script) does not govern, so the page is tested with its real headers.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    })))`)) as AxeViolation[];
  if (violations.length === 0) return;
  const report = violations
    .map(
      (v) =>
        `- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    element ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  assert.fail(`axe-core found ${violations.length} accessibility violation(s) on ${page.url()}:\n${report}`);
}

/** The element that has keyboard focus, described as a person would: its role-ish tag, id and text. */
export async function focused(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** An element's text as one line, whitespace collapsed (non-breaking spaces kept, as prices use them). */
export async function seen(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An appliance of the seeded demo registry, with the serial to give when the lookup asks for one. */
export type DemoAppliance = { id: string; brand: string; model: string; serial: string | null };

/**
 * An appliance of the demo registry with a model number a person can type, that has parts in stock (after its
 * serial, when the lookup asks for one); not one of `skip` (ids).
 */
export async function demoAppliance(shop: BrowserShop, skip: string[] = []): Promise<DemoAppliance> {
  const rows = await shop.shop.db
    .selectFrom('appliances')
    .select(['id', 'model'])
    .orderBy('model')
    .limit(300)
    .execute();
  const ctx = { ...shop.shop.ctx, locale: 'nl' as const };
  for (const row of rows) {
    if (skip.includes(row.id) || normaliseModel(row.model).length < 6) continue;
    const match = (await shop.shop.app.lookup.appliance(ctx, row.id))?.matches[0];
    if (!match) continue;
    if (!match.needsSerial) {
      if (match.products.some((p) => p.inStock))
        return { id: row.id, brand: match.brand, model: row.model, serial: null };
      continue;
    }
    const variant = await shop.shop.db
      .selectFrom('appliance_variants')
      .select('serial_from')
      .where('appliance_id', '=', row.id)
      .where('serial_from', 'is not', null)
      .executeTakeFirst();
    const serial = variant?.serial_from;
    if (!serial || !/^[0-9]+$/.test(serial)) continue;
    const answered = (await shop.shop.app.lookup.appliance(ctx, row.id, serial))?.matches[0];
    if (answered?.products.some((p) => p.inStock))
      return { id: row.id, brand: match.brand, model: row.model, serial };
  }
  assert.fail('the demo registry has an appliance with parts in stock');
}

/** An appliance of the demo registry that needs no serial and has a part in stock, with its "brand model" label. */
export async function demoApplianceWithoutSerial(shop: BrowserShop): Promise<{ id: string; label: string }> {
  const rows = await shop.shop.db.selectFrom('appliances').select('id').orderBy('model').limit(200).execute();
  const ctx = { ...shop.shop.ctx, locale: 'nl' as const };
  for (const row of rows) {
    const match = (await shop.shop.app.lookup.appliance(ctx, row.id))?.matches[0];
    if (match && !match.needsSerial && match.products.some((p) => p.inStock))
      return { id: row.id, label: `${match.brand} ${match.model}` };
  }
  assert.fail('the demo registry has an appliance with parts in stock and no serial needed');
}

/**
 * On a Dutch appliance page: puts the first product that can be added in the cart and checks the cart says so;
 * answers the product's name.
 */
export async function addFirstProductToCart(page: Page): Promise<string> {
  const add = page
    .getByRole('button', { name: /^In winkelmand/ })
    .and(page.locator(':enabled'))
    .first();
  const product = (await seen(add)).replace(/^In winkelmand: /, '');
  await add.click();
  await page.waitForURL('**/cart?added=*');
  assert.equal(await seen(page.getByRole('status')), `${product} staat in je winkelmand.`);
  return product;
}

const STAFF_LOGIN = {
  nl: { email: 'E-mailadres', password: 'Wachtwoord', button: 'Inloggen' },
  en: { email: 'E-mail address', password: 'Password', button: 'Log in' },
} as const;

/** On the staff login page, open in `lang`: logs in as `email` with TEST_PASSWORD by the button, onto /admin. */
export async function logInAsStaff(page: Page, email: string, lang: 'nl' | 'en'): Promise<void> {
  const words = STAFF_LOGIN[lang];
  await page.getByLabel(words.email, { exact: true }).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: words.button }).click();
  await page.waitForURL('**/admin');
}
