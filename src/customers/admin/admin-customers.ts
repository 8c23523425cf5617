import type { Ctx } from '../../context.ts';
import { type LedgerRow, loadLedger } from '../../preferences/consent-ledger.ts';
import { loadPreferences } from '../../preferences/preference-store.ts';
import type { Preferences } from '../../preferences/preferences.ts';
import { normaliseEmail } from '../guard.ts';

export type AdminCustomerRow = {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
  orders: number;
};

/** Customers for the admin list, newest first; `q` matches part of the e-mail address or the name, any case. */
export async function listCustomers(
  ctx: Ctx,
  q: string,
  page: { limit: number; offset: number },
): Promise<{ items: AdminCustomerRow[]; total: number }> {
  // `%` and `_` typed by staff act as wildcards: harmless in a search box
  const needle = `%${normaliseEmail(q)}%`;
  let query = ctx.db.selectFrom('customers');
  if (q !== '')
    query = query.where((eb) =>
      eb.or([
        eb('customers.email', 'like', needle),
        eb(eb.fn('lower', [eb.fn.coalesce('customers.name', eb.val(''))]), 'like', needle),
      ]),
    );
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await query
    .select((eb) => [
      'customers.id',
      'customers.email',
      'customers.name',
      'customers.created_at',
      eb
        .selectFrom('orders')
        .select((o) => o.fn.countAll().as('n'))
        .where((o) =>
          o.or([
            o('orders.customer_id', '=', o.ref('customers.id')),
            o(o.fn('lower', [o.ref('orders.email')]), '=', o.ref('customers.email')),
          ]),
        )
        .as('orders'),
    ])
    .orderBy('customers.created_at', 'desc')
    .orderBy('customers.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      createdAt: r.created_at,
      orders: Number(r.orders ?? 0),
    })),
  };
}

export type AdminCustomerView = {
  id: string;
  email: string;
  emailVerifiedAt: string | null;
  name: string | null;
  phone: string | null;
  locale: string;
  createdAt: string;
  preferences: Preferences;
  orders: {
    id: string;
    number: string;
    status: string;
    createdAt: string;
    totalCents: number;
    currency: string;
  }[];
  appliances: { brand: string; model: string; name: string; serial: string | null; label: string | null }[];
  household: { name: string | null; email: string; you: boolean }[];
  ledger: LedgerRow[];
};

/** One customer as staff see it: details, preferences, orders, appliances, household, ledger. Null when unknown. */
export async function adminCustomer(ctx: Ctx, id: string): Promise<AdminCustomerView | null> {
  const c = await ctx.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const [{ prefs }, orders, appliances, household, ledger] = await Promise.all([
    loadPreferences(ctx, c.id),
    ctx.db
      .selectFrom('orders')
      .select(['id', 'number', 'status', 'created_at', 'total_cents', 'currency'])
      .where((eb) =>
        eb.or([
          eb('customer_id', '=', c.id),
          eb(eb.fn('lower', [eb.ref('email')]), '=', normaliseEmail(c.email)),
        ]),
      )
      .orderBy('created_at', 'desc')
      .execute(),
    ctx.db
      .selectFrom('customer_appliances')
      .innerJoin('appliances', 'appliances.id', 'customer_appliances.appliance_id')
      .innerJoin('brands', 'brands.id', 'appliances.brand_id')
      .select([
        'brands.name as brand',
        'appliances.model',
        'appliances.name',
        'customer_appliances.serial',
        'customer_appliances.label',
      ])
      .where('customer_appliances.customer_id', '=', c.id)
      .orderBy('customer_appliances.created_at')
      .execute(),
    c.household_id
      ? ctx.db
          .selectFrom('customers')
          .select(['id', 'name', 'email'])
          .where('household_id', '=', c.household_id)
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
    loadLedger(ctx, c.id),
  ]);
  return {
    id: c.id,
    email: c.email,
    emailVerifiedAt: c.email_verified_at,
    name: c.name,
    phone: c.phone,
    locale: c.locale,
    createdAt: c.created_at,
    preferences: prefs,
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      createdAt: o.created_at,
      totalCents: o.total_cents,
      currency: o.currency,
    })),
    appliances,
    household: household.map((m) => ({ name: m.name, email: m.email, you: m.id === c.id })),
    ledger: ledger.slice().reverse(),
  };
}
