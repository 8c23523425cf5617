import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { signInByLink } from '../../../test/helpers/customer-fixtures.ts';
import { Browser } from '../../../test/helpers/forms.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const PHONE =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** A browser with its own user agent, signed in by magic link. */
async function device(t: TestApp, email: string, userAgent: string): Promise<Browser> {
  const browser = new Browser(t.app);
  const request = browser.request.bind(browser);
  browser.request = (options) =>
    request({ ...options, headers: { 'user-agent': userAgent, ...options.headers } });
  await signInByLink(browser, t.ctx, email);
  return browser;
}

/** The ids of the sessions listed on the security page, other devices only. */
function otherSessionIds(html: string): string[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)]
    .map((m) => m[1]!)
    .filter((row) => !/\((this device|dit apparaat)\)/.test(row))
    .flatMap((row) => /action="\/account\/sessions\/([0-9a-f]{64})\/end"/.exec(row)?.[1] ?? []);
}

describe('sessions on the security page', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('lists every session with its device, start and last activity, marking this one', async () => {
    const phone = await device(t, 'anne@example.nl', PHONE);
    t.clock.advance({ hours: 1 });
    await device(t, 'anne@example.nl', LAPTOP);
    await device(t, 'bert@example.nl', LAPTOP);
    t.clock.advance({ minutes: 10 });
    const page = await phone.get('/account/security?lang=en');
    assert.equal(page.statusCode, 200);
    const rows = [...page.body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '|'));
    assert.equal(rows.length, 3, 'a header row and two sessions of this customer, not the other');
    assert.match(
      rows[1]!,
      /Chrome · Android \(this device\)\|\|30 November 2026 at 13:00\|\|30 November 2026 at 14:10/,
    );
    assert.match(rows[2]!, /Firefox · Linux \|\|30 November 2026 at 14:00\|\|30 November 2026 at 14:00/);
  });

  it('ends one session on another device, and refuses to end another customer’s session', async () => {
    const phone = await device(t, 'anne@example.nl', PHONE);
    const laptop = await device(t, 'anne@example.nl', LAPTOP);
    const stranger = await device(t, 'bert@example.nl', LAPTOP);
    const [laptopSession] = otherSessionIds((await phone.get('/account/security')).body);
    assert.ok(laptopSession);

    await stranger.get('/account/security');
    assert.equal((await stranger.post(`/account/sessions/${laptopSession}/end`, {})).statusCode, 404);
    assert.equal((await laptop.get('/account')).statusCode, 200);

    await phone.get('/account/security');
    const ended = await phone.post(`/account/sessions/${laptopSession}/end`, {});
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, '/account/security?done=session-ended');
    assert.equal((await laptop.get('/account')).statusCode, 303, 'the laptop is signed out');
    assert.equal((await phone.get('/account')).statusCode, 200, 'this device stays signed in');
  });

  it('signs out everywhere, this device included, and leaves other customers alone', async () => {
    const phone = await device(t, 'anne@example.nl', PHONE);
    const laptop = await device(t, 'anne@example.nl', LAPTOP);
    const stranger = await device(t, 'bert@example.nl', LAPTOP);
    await phone.get('/account/security');
    const all = await phone.post('/account/sessions/end-all', {});
    assert.equal(all.statusCode, 303);
    assert.equal(all.headers.location, '/account/sign-in');
    assert.equal((await phone.get('/account')).statusCode, 303);
    assert.equal((await laptop.get('/account')).statusCode, 303);
    assert.equal((await stranger.get('/account')).statusCode, 200);
  });

  it('gives every sign-in a fresh session id and ends the earlier one of this browser', async () => {
    const browser = await device(t, 'anne@example.nl', PHONE);
    const first = browser.cookies.get('tb_customer');
    await signInByLink(browser, t.ctx, 'anne@example.nl');
    assert.notEqual(browser.cookies.get('tb_customer'), first);
    const stale = await t.app.inject({ url: '/account', headers: { cookie: `tb_customer=${first}` } });
    assert.equal(stale.statusCode, 303, 'the session of the earlier sign-in in this browser ended');
  });

  it('refuses a cross-site form post that would sign a customer out everywhere', async () => {
    const phone = await device(t, 'anne@example.nl', PHONE);
    const forged = await phone.post(
      '/account/sessions/end-all',
      { _csrf: null },
      { 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(forged.statusCode, 403);
    assert.equal((await phone.get('/account')).statusCode, 200);
  });
});
