import type { Ctx } from '../../src/context.ts';
import { CUSTOMER_COOKIE, createCustomerSession } from '../../src/customers/sessions.ts';
import { newId } from '../../src/db/ids.ts';
import { changePreferences, loadPreferences } from '../../src/preferences/preference-store.ts';
import type { Preferences } from '../../src/preferences/preferences.ts';
import type { App } from '../../src/web/app.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import { Browser } from './forms.ts';

/** A customer account straight in the database (sign-in is tested elsewhere). Returns its id. */
export async function addCustomer(
  ctx: Ctx,
  values: { email?: string; locale?: 'nl' | 'en'; name?: string } = {},
): Promise<string> {
  const id = newId();
  const now = new Date(ctx.clock.now().epochMilliseconds).toISOString();
  await ctx.db
    .insertInto('customers')
    .values({
      id,
      email: values.email ?? `c-${id}@example.nl`,
      email_verified_at: now,
      name: values.name ?? null,
      phone: null,
      locale: values.locale ?? 'nl',
      household_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A signed-in customer in the in-process browser: a session made directly (sign-in has its own tests). */
export async function signedInCustomer(
  t: { app: App; ctx: Ctx },
  values: { email?: string; locale?: 'nl' | 'en'; name?: string } = {},
): Promise<{ id: string; browser: Browser; cookie: string }> {
  const id = await addCustomer(t.ctx, values);
  const token = await createCustomerSession(t.ctx, id, 'magic-link', 'test');
  const name = cookieSpec(t.ctx.config, CUSTOMER_COOKIE).name;
  const browser = new Browser(t.app);
  browser.cookies.set(name, token);
  return { id, browser, cookie: `${name}=${token}` };
}

/** Changes a customer's preferences in place of the customer, as the preference centre saves them. */
export async function changeCustomerPreferences(
  ctx: Ctx,
  customerId: string,
  change: (prefs: Preferences) => void,
): Promise<void> {
  const next = structuredClone((await loadPreferences(ctx, customerId)).prefs);
  change(next);
  await changePreferences(ctx, customerId, next, { source: 'preference-centre', actor: 'customer' });
}
