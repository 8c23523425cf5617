import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { signInByLink } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { SoftAuthenticator } from '../../../test/helpers/soft-authenticator.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

/** A JSON call the way public/passkeys.js makes it: same origin, the page's CSRF token in a header. */
async function call(browser: Browser, url: string, body: unknown = {}) {
  const res = await browser.request({
    method: 'POST',
    url,
    payload: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': browser.lastCsrf!,
    },
  });
  return { status: res.statusCode, json: res.json(), res };
}

describe('passkeys', () => {
  let t: TestApp;
  let origin: string;
  beforeEach(async () => {
    t = await startTestApp();
    origin = new URL(t.config.publicUrl).origin;
  });
  afterEach(() => t.close());

  async function addPasskey(browser: Browser, authenticator: SoftAuthenticator, label: string) {
    await browser.get('/account/security');
    const options = await call(browser, '/account/passkeys/register/options');
    assert.equal(options.status, 200);
    assert.equal(options.json.rp.id, new URL(t.config.publicUrl).hostname);
    assert.equal(options.json.authenticatorSelection.residentKey, 'required');
    return call(browser, '/account/passkeys/register', {
      label,
      response: authenticator.create(options.json, origin),
    });
  }

  async function passkeySignIn(browser: Browser, authenticator: SoftAuthenticator, at = origin) {
    await browser.get('/account/sign-in');
    const options = await call(browser, '/account/passkeys/sign-in/options');
    assert.equal(options.status, 200);
    assert.deepEqual(options.json.allowCredentials ?? [], [], 'discoverable: no list of credentials');
    const response = authenticator.get(options.json, at);
    return {
      ...(await call(browser, '/account/passkeys/sign-in', { response, next: '/account/security' })),
      response,
    };
  }

  it('adds several labelled passkeys, lists them, and signs in with one without e-mail', async () => {
    const owner = new Browser(t.app);
    await signInByLink(owner, t.ctx, 'anne@example.nl');
    const phone = new SoftAuthenticator();
    const laptop = new SoftAuthenticator();
    const added = await addPasskey(owner, phone, 'Telefoon');
    assert.equal(added.status, 201, JSON.stringify(added.json));
    assert.equal(added.json.redirect, '/account/security?done=passkey-added');
    assert.equal((await addPasskey(owner, laptop, 'Laptop <thuis>')).status, 201);
    const page = await owner.get('/account/security?done=passkey-added&lang=en');
    assert.match(page.body, /Passkey added/);
    assert.match(page.body, /<strong>Telefoon<\/strong>/);
    assert.match(page.body, /<strong>Laptop &lt;thuis>?<\/strong>/, 'labels are text, not markup');

    const fresh = new Browser(t.app);
    const signedIn = await passkeySignIn(fresh, laptop);
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.json));
    assert.equal(signedIn.json.redirect, '/account/security');
    assert.ok(signedIn.res.cookies.some((c) => c.name === 'tb_customer' && c.value));
    const home = await fresh.get('/account');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /anne@example.nl/);
    const methods = await t.db.selectFrom('customer_sessions').select('method').orderBy('method').execute();
    assert.deepEqual(
      methods.map((m) => m.method),
      ['magic-link', 'passkey'],
    );
    const used = await t.db
      .selectFrom('passkeys')
      .select(['label', 'counter', 'last_used_at'])
      .orderBy('label')
      .execute();
    assert.deepEqual(used, [
      { label: 'Laptop <thuis>', counter: 1, last_used_at: '2026-11-30T12:00:00.000Z' },
      { label: 'Telefoon', counter: 0, last_used_at: null },
    ]);
  });

  it('refuses a replayed assertion, an assertion for another origin and an unknown passkey', async () => {
    const owner = new Browser(t.app);
    await signInByLink(owner, t.ctx, 'anne@example.nl');
    const key = new SoftAuthenticator();
    await addPasskey(owner, key, 'Telefoon');

    const first = await passkeySignIn(new Browser(t.app), key);
    assert.equal(first.status, 200);
    const thief = new Browser(t.app);
    await thief.get('/account/sign-in');
    await call(thief, '/account/passkeys/sign-in/options');
    const replay = await call(thief, '/account/passkeys/sign-in', { response: first.response });
    assert.equal(replay.status, 401);
    assert.equal(replay.json.error.id, 'passkey-failed');

    const phishing = await passkeySignIn(new Browser(t.app), key, 'https://toonbank.evil.example');
    assert.equal(phishing.status, 401);
    const stranger = await passkeySignIn(
      new Browser(t.app),
      new SoftAuthenticator().withCredentialOf(key, 'other'),
    );
    assert.equal(stranger.status, 401);
    assert.equal((await t.db.selectFrom('customer_sessions').select('id_hash').execute()).length, 2);
  });

  it('needs the challenge of this browser, used once and within 5 minutes', async () => {
    const owner = new Browser(t.app);
    await signInByLink(owner, t.ctx, 'anne@example.nl');
    const key = new SoftAuthenticator();
    await addPasskey(owner, key, 'Telefoon');

    const slow = new Browser(t.app);
    await slow.get('/account/sign-in');
    const options = await call(slow, '/account/passkeys/sign-in/options');
    t.clock.advance({ minutes: 5, seconds: 1 });
    const late = await call(slow, '/account/passkeys/sign-in', { response: key.get(options.json, origin) });
    assert.equal(late.status, 401);

    const other = new Browser(t.app);
    await other.get('/account/sign-in');
    const theirs = await call(other, '/account/passkeys/sign-in/options');
    const elsewhere = new Browser(t.app);
    await elsewhere.get('/account/sign-in');
    const noCookie = await call(elsewhere, '/account/passkeys/sign-in', {
      response: key.get(theirs.json, origin),
    });
    assert.equal(noCookie.status, 401, 'a challenge bound to another browser');
  });

  it('refuses a registration without a label, or for a challenge already used', async () => {
    const owner = new Browser(t.app);
    await signInByLink(owner, t.ctx, 'anne@example.nl');
    const key = new SoftAuthenticator();
    const unlabelled = await addPasskey(owner, key, '  ');
    assert.equal(unlabelled.status, 422);
    assert.equal(unlabelled.json.error.id, 'passkey-not-added');
    const options = await call(owner, '/account/passkeys/register/options');
    const response = key.create(options.json, origin);
    assert.equal((await call(owner, '/account/passkeys/register', { label: 'A', response })).status, 201);
    const again = await call(owner, '/account/passkeys/register', { label: 'B', response });
    assert.equal(again.status, 422);
    assert.equal((await t.db.selectFrom('passkeys').select('id').execute()).length, 1);
  });

  it('asks for sign-in before adding a passkey', async () => {
    const anonymous = new Browser(t.app);
    await anonymous.get('/account/sign-in');
    const res = await call(anonymous, '/account/passkeys/register/options');
    assert.equal(res.status, 401);
    assert.equal(res.json.error.id, 'customer-login-required');
  });

  it('removes a passkey, which then cannot sign in; another customer cannot remove it', async () => {
    const owner = new Browser(t.app);
    await signInByLink(owner, t.ctx, 'anne@example.nl');
    const key = new SoftAuthenticator();
    await addPasskey(owner, key, 'Telefoon');
    const [passkey] = await t.db.selectFrom('passkeys').select('id').execute();

    const other = new Browser(t.app);
    await signInByLink(other, t.ctx, 'bert@example.nl');
    await other.get('/account/security');
    const refused = await other.post(`/account/passkeys/${passkey!.id}/remove`, {});
    assert.equal(refused.statusCode, 404);

    await owner.get('/account/security');
    const removed = await owner.post(`/account/passkeys/${passkey!.id}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/account/security?done=passkey-removed');
    assert.equal((await passkeySignIn(new Browser(t.app), key)).status, 401);
  });
});
