import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addProducts } from '../../../test/helpers/appliance-fixtures.ts';
import { addGuestOrder, lastLinkTo, signInByLink } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { LINKS_PER_ADDRESS, LINKS_PER_IP } from './request-sign-in-link.ts';

function mainOf(html: string): string {
  return /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

function sessionCookie(res: { cookies: { name: string; value: string }[] }) {
  return res.cookies.find((c) => c.name === 'tb_customer');
}

describe('signing in by magic link', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  async function customer(email: string) {
    return t.db.selectFrom('customers').selectAll().where('email', '=', email).executeTakeFirst();
  }

  it('gives a known and an unknown address the same answer, and mails both a link', async () => {
    await signInByLink(new Browser(t.app), t.ctx, 'known@example.nl');
    const known = await new Browser(t.app).submit('/account/sign-in?lang=en', { email: 'known@example.nl' });
    const unknown = await new Browser(t.app).submit('/account/sign-in?lang=en', {
      email: 'other@example.nl',
    });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.match(mainOf(known.body), /If known@example.nl may sign in, a link is on its way/);
    assert.equal(
      mainOf(known.body).replace('known@example.nl', 'X'),
      mainOf(unknown.body).replace('other@example.nl', 'X'),
    );
    const mails = await t.db
      .selectFrom('outbox_messages')
      .select(['to_address', 'topic', 'subject'])
      .where('template', '=', 'sign-in-link')
      .orderBy('id')
      .execute();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), [
      'known@example.nl',
      'known@example.nl',
      'other@example.nl',
    ]);
    assert.ok(mails.every((m) => m.topic === 'transactional'));
    assert.equal(
      new Set(mails.slice(1).map((m) => m.subject)).size,
      1,
      'the same mail for known and unknown',
    );
    const stored = await t.db.selectFrom('customer_links').select('token_hash').execute();
    const path = await lastLinkTo(t.ctx, 'other@example.nl');
    assert.ok(!stored.some((s) => path.includes(s.token_hash)), 'only the hash of a token is stored');
  });

  it('creates the account when a link to an unknown address is followed, in the page language', async () => {
    const browser = new Browser(t.app);
    await browser.get('/account/sign-in?lang=nl');
    await browser.post('/account/sign-in', { email: ' New@Example.NL ' });
    assert.equal(await customer('new@example.nl'), undefined, 'no account before the link is followed');
    const path = await lastLinkTo(t.ctx, 'new@example.nl');
    await browser.get(path);
    const done = await browser.post(path, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/account');
    const created = await customer('new@example.nl');
    assert.ok(created);
    assert.equal(created.locale, 'nl');
    assert.equal(created.email_verified_at, '2026-11-30T12:00:00.000Z');
    const home = await browser.get('/account');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /new@example.nl/);
    assert.match(home.body, /Mijn account/);
  });

  it('does not spend the link on GET (mail scanners), and spends it exactly once on POST', async () => {
    const browser = new Browser(t.app);
    await browser.submit('/account/sign-in', { email: 'anne@example.nl' });
    const path = await lastLinkTo(t.ctx, 'anne@example.nl');
    for (let i = 0; i < 3; i++) {
      const scanned = await new Browser(t.app).get(path);
      assert.equal(scanned.statusCode, 200);
      assert.equal(sessionCookie(scanned), undefined);
    }
    assert.equal(await customer('anne@example.nl'), undefined, 'GET creates nothing');
    await browser.get(path);
    const first = await browser.post(path, {});
    assert.equal(first.statusCode, 303);
    assert.ok(sessionCookie(first)?.value);
    const again = new Browser(t.app);
    await again.get('/account/sign-in');
    const second = await again.post(path, {});
    assert.equal(second.statusCode, 410);
    assert.match(second.body, /al gebruikt of verlopen/);
    assert.equal(sessionCookie(second), undefined);
    assert.equal((await again.get(path)).statusCode, 410);
  });

  it('lets two racing confirmations of one link sign in only one browser', async () => {
    await new Browser(t.app).submit('/account/sign-in', { email: 'race@example.nl' });
    const path = await lastLinkTo(t.ctx, 'race@example.nl');
    const browsers = [new Browser(t.app), new Browser(t.app), new Browser(t.app)];
    for (const b of browsers) await b.get(path);
    const answers = await Promise.all(browsers.map((b) => b.post(path, {})));
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, 410, 410]);
    const sessions = await t.db.selectFrom('customer_sessions').select('id_hash').execute();
    assert.equal(sessions.length, 1);
  });

  it('lets a link expire after 15 minutes', async () => {
    const browser = new Browser(t.app);
    await browser.submit('/account/sign-in', { email: 'late@example.nl' });
    const path = await lastLinkTo(t.ctx, 'late@example.nl');
    await browser.get(path);
    t.clock.advance({ minutes: 15 });
    const late = await browser.post(path, {});
    assert.equal(late.statusCode, 410);
    assert.equal(await customer('late@example.nl'), undefined);

    await browser.submit('/account/sign-in', { email: 'late@example.nl' });
    const fresh = await lastLinkTo(t.ctx, 'late@example.nl');
    await browser.get(fresh);
    t.clock.advance({ minutes: 14, seconds: 59 });
    assert.equal((await browser.post(fresh, {})).statusCode, 303);
  });

  it(`refuses the ${LINKS_PER_ADDRESS + 1}th link for one address within 15 minutes, and helps after waiting`, async () => {
    for (let i = 0; i < LINKS_PER_ADDRESS; i++) {
      const res = await new Browser(t.app).submit('/account/sign-in', { email: 'busy@example.nl' });
      assert.equal(res.statusCode, 200, `link ${i + 1}`);
    }
    const refused = await new Browser(t.app).submit('/account/sign-in', { email: 'BUSY@example.nl' });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /te veel inloglinks/);
    const sent = await t.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('to_address', '=', 'busy@example.nl')
      .execute();
    assert.equal(sent.length, LINKS_PER_ADDRESS);
    t.clock.advance({ minutes: 16 });
    assert.equal(
      (await new Browser(t.app).submit('/account/sign-in', { email: 'busy@example.nl' })).statusCode,
      200,
    );
  });

  it(`refuses more than ${LINKS_PER_IP} links an hour from one IP address, whatever the addresses`, async () => {
    const browser = new Browser(t.app);
    await browser.get('/account/sign-in');
    for (let i = 0; i < LINKS_PER_IP; i++) {
      const res = await browser.post('/account/sign-in', { email: `p${i}@example.nl` });
      assert.equal(res.statusCode, 200, `link ${i + 1}`);
    }
    assert.equal((await browser.post('/account/sign-in', { email: 'last@example.nl' })).statusCode, 429);
    assert.equal(
      (await new Browser(t.app).submit('/account/sign-in', { email: 'last@example.nl' })).statusCode,
      200,
    );
  });

  it('says what is wrong with a bad address or terms file, in the visitor language', async () => {
    const en = await new Browser(t.app).submit('/account/sign-in?lang=en', { email: 'not an address' });
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /Enter a valid e-mail address/);
    const nl = await new Browser(t.app).submit('/account/sign-in?lang=nl', {
      email: 'a@example.nl',
      terms: '{"not json',
    });
    assert.equal(nl.statusCode, 422);
    assert.match(nl.body, /geen geldig voorwaardenbestand/);
  });

  it('goes on to a local /account page or / after signing in, and nowhere else', async () => {
    const cases: [string, string][] = [
      ['/account/preferences?x=1', '/account/preferences?x=1'],
      ['/', '/'],
      ['https://evil.example/account', '/account'],
      ['//evil.example/account', '/account'],
      ['/account//evil.example', '/account'],
      ['/admin', '/account'],
      ['/accountant', '/account'],
    ];
    for (const [next, expected] of cases) {
      const email = `next${cases.findIndex((c) => c[0] === next)}@example.nl`;
      const browser = new Browser(t.app);
      await browser.get(`/account/sign-in?next=${encodeURIComponent(next)}`);
      await browser.post(`/account/sign-in?next=${encodeURIComponent(next)}`, { email });
      const path = await lastLinkTo(t.ctx, email);
      await browser.get(path);
      const done = await browser.post(path, {});
      assert.equal(done.headers.location, expected, next);
    }
  });

  it('sends a page behind sign-in to the sign-in page, and back after the link', async () => {
    const browser = new Browser(t.app);
    const res = await browser.get('/account/security');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/sign-in?next=%2Faccount%2Fsecurity');
    await browser.get(res.headers.location);
    await browser.post(res.headers.location, { email: 'back@example.nl' });
    const path = await lastLinkTo(t.ctx, 'back@example.nl');
    await browser.get(path);
    assert.equal((await browser.post(path, {})).headers.location, '/account/security');
  });

  it('joins earlier guest orders with the verified address to the account at sign-in', async () => {
    await addProducts(t.ctx, ['BAG-1']);
    const product = await t.db.selectFrom('products').select('id').executeTakeFirstOrThrow();
    const mine = await addGuestOrder(t.ctx, {
      number: 'TB-1',
      email: 'Joined@Example.nl',
      productId: product.id,
      appliances: [null],
    });
    const other = await addGuestOrder(t.ctx, {
      number: 'TB-2',
      email: 'someone@example.nl',
      productId: product.id,
      appliances: [null],
    });
    const browser = new Browser(t.app);
    await signInByLink(browser, t.ctx, 'joined@example.nl');
    const account = await customer('joined@example.nl');
    const orders = await t.db.selectFrom('orders').select(['id', 'customer_id']).orderBy('number').execute();
    assert.deepEqual(orders, [
      { id: mine, customer_id: account!.id },
      { id: other, customer_id: null },
    ]);
  });

  it('shows "Sign in" in the header, and "My account" once signed in', async () => {
    const browser = new Browser(t.app);
    const before = await browser.get('/cart?lang=en');
    assert.match(before.body, /href="\/account\/sign-in"[^>]*>Sign in</);
    await signInByLink(browser, t.ctx, 'header@example.nl');
    const after = await browser.get('/cart?lang=en');
    assert.match(after.body, /href="\/account"[^>]*>My account</);
  });

  it('signs out: the session ends and the cookie goes', async () => {
    const browser = new Browser(t.app);
    await signInByLink(browser, t.ctx, 'out@example.nl');
    await browser.get('/account');
    const out = await browser.post('/account/sign-out', {});
    assert.equal(out.statusCode, 303);
    assert.equal((await browser.get('/account')).statusCode, 303);
    assert.equal((await t.db.selectFrom('customer_sessions').select('id_hash').execute()).length, 0);
  });
});

describe('signing in when the mail server is down', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  afterEach(() => t.close());

  it('says the link was not sent, and withdraws it', async () => {
    const res = await new Browser(t.app).submit('/account/sign-in?lang=en', { email: 'anne@example.nl' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /We could not send the e-mail just now/);
    const links = await t.db.selectFrom('customer_links').select('used_at').execute();
    assert.equal(links.length, 1);
    assert.ok(links[0]!.used_at, 'the unsent link cannot be used');
  });
});
