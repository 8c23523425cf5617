import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCustomer, changeCustomerPreferences } from '../../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { clientKey } from '../../customers/auth/rate-limit.ts';
import { loadPreferences } from '../../preferences/preference-store.ts';
import { UNSUBSCRIBE_MISSES, UNSUBSCRIBE_REQUESTS } from './unsubscribe-limit.ts';
import { createUnsubscribeUrl } from './unsubscribe-token.ts';

const ONE_CLICK = {
  'content-type': 'application/x-www-form-urlencoded',
};

describe('rate limit of the unsubscribe links', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({}, '2026-11-30T12:00:00Z');
  });
  after(() => t.close());

  /** A customer who wants offers, and the path of their one-click unsubscribe link for offers. */
  async function link(): Promise<{ id: string; path: string }> {
    const id = await addCustomer(t.ctx);
    await changeCustomerPreferences(t.ctx, id, (p) => {
      p.topics.offers = 'on';
    });
    return { id, path: new URL(await createUnsubscribeUrl(t.ctx, id, 'offers', null)).pathname };
  }
  const get = (url: string, ip: string, language = 'nl') =>
    t.app.inject({ url, remoteAddress: ip, headers: { 'accept-language': language } });
  const post = (url: string, ip: string, language = 'nl') =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { ...ONE_CLICK, 'accept-language': language },
      payload: 'List-Unsubscribe=One-Click',
    });
  const offers = async (id: string) => (await loadPreferences(t.ctx, id)).prefs.topics.offers;

  it('answers 429 in the visitor’s language after ten links that match nothing, even for a good link, until the window passes', async () => {
    const { id, path } = await link();
    const ip = '203.0.113.5';
    for (let i = 0; i < UNSUBSCRIBE_MISSES; i++) {
      const wrong = i % 2 === 0 ? `/u/${String(i).padStart(43, 'A')}` : '/u/not-a-token';
      const res = i % 3 === 0 ? await post(wrong, ip) : await get(wrong, ip);
      assert.equal(res.statusCode, 404, `miss ${i + 1}`);
    }

    const page = await get(path, ip);
    assert.equal(page.statusCode, 429);
    assert.equal(page.headers['retry-after'], '900');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<h1>Even wachten, alsjeblieft<\/h1>/);
    assert.match(page.body, /Probeer het over een kwartier opnieuw/);
    assert.match(page.body, /href="\/account\/preferences"/);
    assert.doesNotMatch(page.body, /List-Unsubscribe/, 'nothing about the token');
    const refused = await post(path, ip, 'en');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Please wait a moment/);
    assert.match(refused.body, /Please try again in a quarter of an hour/);
    assert.equal(await offers(id), 'on', 'a refused one-click POST changes nothing');

    // another client is not held up
    assert.equal((await get(path, '198.51.100.7')).statusCode, 200);

    // the oldest miss leaves the window after 15 minutes: the good link works again
    t.clock.set('2026-11-30T12:14:59Z');
    assert.equal((await get(path, ip)).statusCode, 429);
    t.clock.set('2026-11-30T12:15:01Z');
    const done = await post(path, ip);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(await offers(id), 'off');
    t.clock.set('2026-11-30T12:00:00Z');
  });

  it('does not count good links as misses: a mail provider may unsubscribe many customers, up to the generous limit', async () => {
    const ip = '192.0.2.25';
    const customers = await Promise.all(Array.from({ length: UNSUBSCRIBE_MISSES + 5 }, () => link()));
    for (const c of customers) assert.equal((await post(c.path, ip)).statusCode, 200);
    for (const c of customers) assert.equal(await offers(c.id), 'off');

    // every request counts towards the ceiling, good or not
    const { path } = customers[0]!;
    for (let i = customers.length; i < UNSUBSCRIBE_REQUESTS; i++) await get(path, ip);
    assert.equal((await get(path, ip)).statusCode, 429);
  });

  it('counts an IPv6 client by its /64 network', async () => {
    const { path } = await link();
    for (let i = 0; i < UNSUBSCRIBE_MISSES; i++)
      assert.equal((await get('/u/nope', `2001:db8:1:2::${(i + 1).toString(16)}`)).statusCode, 404);
    assert.equal((await get(path, '2001:db8:1:2:ffff:ffff:ffff:ffff')).statusCode, 429);
    assert.equal((await get(path, '2001:db8:1:3::1')).statusCode, 200);

    assert.equal(clientKey('2001:0db8:0001:0002:0000:0000:0000:0001'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(clientKey('192.0.2.1'), '192.0.2.1');
  });
});
