import type { Ctx } from '../../src/context.ts';
import { CUSTOMER_COOKIE, createCustomerSession } from '../../src/customers/sessions.ts';
import { testCustomer } from '../../src/messaging/channels/test-customers.ts';
import type { App } from '../../src/web/app.ts';
import { cookieSpec } from '../../src/web/cookies.ts';
import { Browser } from './forms.ts';
import { addCustomer as addCustomerAccount } from './preference-fixtures.ts';

/** A customer account straight into the database (the sign-in flows have their own tests), in English; its id. */
export function addCustomer(ctx: Ctx, email: string, name: string | null = null): Promise<string> {
  return addCustomerAccount(ctx, { email, name: name ?? undefined, locale: 'en' });
}

/** The session cookie (name and value) of a fresh session for this customer. */
export async function customerCookie(ctx: Ctx, customerId: string): Promise<{ name: string; value: string }> {
  const value = await createCustomerSession(ctx, customerId, 'magic-link', 'test');
  return { name: cookieSpec(ctx.config, CUSTOMER_COOKIE).name, value };
}

/** An inject-browser signed in as this customer by a session made directly. */
export async function signedInCustomer(app: App, ctx: Ctx, customerId: string): Promise<Browser> {
  const browser = new Browser(app);
  const cookie = await customerCookie(ctx, customerId);
  browser.cookies.set(cookie.name, cookie.value);
  return browser;
}

/** A fresh test customer (testCustomer: an account and a session) and an inject-browser carrying that session. */
export async function signedInTestCustomer(t: {
  app: App;
  ctx: Ctx;
}): Promise<{ customer: Awaited<ReturnType<typeof testCustomer>>; browser: Browser }> {
  const customer = await testCustomer(t.ctx);
  const browser = new Browser(t.app);
  browser.cookies.set(cookieSpec(t.ctx.config, CUSTOMER_COOKIE).name, customer.session);
  return { customer, browser };
}
