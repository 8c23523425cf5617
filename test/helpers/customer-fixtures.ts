import type { Ctx } from '../../src/context.ts';
import { newId } from '../../src/db/ids.ts';
import type { Browser } from './forms.ts';
import type { TestApp } from './test-app.ts';

/**
 * An appliance of a fresh brand in the registry, straight into the database; answers its id. `options` name the
 * brand and appliance (default `Brand xxxx` and `Vacuum <model>`), fix ids, and date the rows (default 2026-01-01).
 */
export async function addAppliance(
  ctx: Pick<Ctx, 'db'>,
  model: string,
  options: { id?: string; name?: string; brandId?: string; brandName?: string; at?: string } = {},
): Promise<string> {
  const now = options.at ?? '2026-01-01T00:00:00.000Z';
  const brandId = options.brandId ?? newId();
  await ctx.db
    .insertInto('brands')
    .values({
      id: brandId,
      name: options.brandName ?? `Brand ${brandId.slice(-4)}`,
      words: '[]',
      model_field_nl: 'Type',
      model_field_en: 'Type',
      plate_vacuum_nl: '',
      plate_vacuum_en: '',
      plate_coffee_nl: '',
      plate_coffee_en: '',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = options.id ?? newId();
  await ctx.db
    .insertInto('appliances')
    .values({
      id,
      brand_id: brandId,
      model,
      model_norm: model.replace(/[^A-Z0-9]/gi, '').toUpperCase(),
      name: options.name ?? `Vacuum ${model}`,
      category: 'vacuum',
      notes: '',
      order_count: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A guest order (no account) with one line per appliance id given (null: a line bought for no appliance). */
export async function addGuestOrder(
  ctx: Ctx,
  input: { number: string; email: string; productId: string; appliances: (string | null)[] },
): Promise<string> {
  const id = newId();
  const now = new Date(ctx.clock.now().epochMilliseconds).toISOString();
  await ctx.db
    .insertInto('orders')
    .values({
      id,
      number: input.number,
      status: 'awaiting_payment',
      email: input.email,
      name: 'Anne de Vries',
      street: 'Oudegracht',
      house_number: '12',
      addition: '',
      postcode: '3511AB',
      city: 'Utrecht',
      country: 'NL',
      shipping_method: 'mailbox',
      payment_method: 'bank-transfer',
      items_cents: 995,
      shipping_cents: 0,
      total_cents: 995,
      vat_json: '{"21":173}',
      currency: 'EUR',
      locale: 'nl',
      cart_id: null,
      idempotency_key: newId(),
      idempotency_claimed_at: now,
      request_hash: 'x',
      delivery_date: '2026-12-02',
      created_at: now,
      updated_at: now,
      carrier: null,
      tracking_code: null,
      shipped_at: null,
      customer_id: null,
      purge_after: null,
    })
    .execute();
  for (const applianceId of input.appliances) {
    await ctx.db
      .insertInto('order_lines')
      .values({
        id: newId(),
        order_id: id,
        product_id: input.productId,
        sku: 'BAG-1',
        name: 'Stofzakken',
        unit_price_cents: 995,
        vat_rate: 21,
        quantity: 1,
        appliance_id: applianceId,
      })
      .execute();
  }
  return id;
}

/** The sign-in link in the last mail to `to` kept in the development outbox. */
export async function lastLinkTo(ctx: Ctx, to: string): Promise<string> {
  const mail = await ctx.db
    .selectFrom('outbox_messages')
    .select('text_body')
    .where('to_address', '=', to)
    .where('template', '=', 'sign-in-link')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const link = /https?:\/\/\S+\/account\/sign-in\/[\w-]{43}/.exec(mail.text_body)?.[0];
  if (!link) throw new Error(`no sign-in link in: ${mail.text_body}`);
  return new URL(link).pathname;
}

/** Asks for a link on the sign-in page and follows it (GET, then the confirm button): the browser is signed in. */
export async function signInByLink(browser: Browser, ctx: Ctx, email: string): Promise<void> {
  const asked = await browser.submit('/account/sign-in', { email });
  if (asked.statusCode !== 200) throw new Error(`asking a link answered ${asked.statusCode}`);
  const path = await lastLinkTo(ctx, email.trim().toLowerCase());
  await browser.get(path);
  const done = await browser.post(path, {});
  if (done.statusCode !== 303)
    throw new Error(`following the link answered ${done.statusCode}: ${done.body}`);
}

/** The household a customer belongs to, or null. */
export async function householdOf(t: Pick<TestApp, 'db'>, customerId: string): Promise<string | null> {
  return (
    await t.db
      .selectFrom('customers')
      .select('household_id')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
  ).household_id;
}
