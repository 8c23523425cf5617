import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signedInCustomer } from '../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { AppError } from '../errors.ts';
import { loadLedger } from './consent-ledger.ts';
import { applyCustomerTerms, interpretTerms, lastTermsApplication } from './customer-terms.ts';
import { changePreferences, loadPreferences } from './preference-store.ts';
import { defaultPreferences, type Preferences } from './preferences.ts';

describe('portable customer terms', () => {
  // two shops, each with its own database: terms leave one and arrive at the other as a file
  let shopA: TestApp;
  let shopB: TestApp;
  before(async () => {
    shopA = await startTestApp({ shopName: 'Stofzuigerzakken Utrecht', publicUrl: 'http://shop-a.test' });
    shopB = await startTestApp({ shopName: 'Filters Fryslân', publicUrl: 'http://shop-b.test' });
  });
  after(async () => {
    await shopA.close();
    await shopB.close();
  });

  it('downloaded at one shop and uploaded at a fresh one: the same preferences, and what B cannot honour is shown', async () => {
    const a = await signedInCustomer(shopA, { locale: 'nl' });
    const { prefs } = await loadPreferences(shopA.ctx, a.id);
    const mine: Preferences = {
      ...prefs,
      channels: {
        order: ['sms', 'email', 'post', 'push'],
        enabled: { email: true, push: false, sms: true, post: true },
      },
      topics: { ...prefs.topics, offers: 'on', replenishment: 'on' },
      frequency: { max: 3, per: 'month' },
      quiet: { hours: { from: '21:30', to: '08:00' }, days: [6, 7] },
      timeZone: 'Europe/Brussels',
      locale: 'en',
    };
    await changePreferences(shopA.ctx, a.id, mine, { source: 'preference-centre', actor: 'customer' });

    const download = await a.browser.get('/account/terms/download');
    assert.equal(download.statusCode, 200);
    assert.match(
      String(download.headers['content-disposition']),
      /attachment; filename="customer-terms\.json"/,
    );
    const terms = JSON.parse(download.body);
    assert.equal(terms.kind, 'toonbank-customer-terms');
    assert.equal(terms.firstParty.role, 'customer');
    assert.equal(terms.secondParty.name, 'Stofzuigerzakken Utrecht');
    assert.equal(terms.$schema, 'http://shop-a.test/api/customer-terms.schema.json');

    const b = await signedInCustomer(shopB, { locale: 'nl' });
    await b.browser.get('/account/terms');
    const upload = await b.browser.upload('/account/terms', {}, [
      {
        field: 'file',
        filename: 'customer-terms.json',
        contentType: 'application/json',
        data: Buffer.from(download.body),
      },
    ]);
    assert.equal(upload.statusCode, 303, upload.body);
    assert.equal(upload.headers.location, '/account/terms?applied=1');

    const arrived = (await loadPreferences(shopB.ctx, b.id)).prefs;
    assert.deepEqual(arrived, {
      ...mine,
      channels: { ...mine.channels, enabled: { ...mine.channels.enabled, post: false } },
    });

    const page = await b.browser.get('/account/terms?applied=1&lang=en');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Not honoured by this shop/);
    assert.match(page.body, /Channels: Post<\/strong>: this shop sends no post/);
    const nl = await b.browser.get('/account/terms?applied=1&lang=nl');
    assert.match(nl.body, /deze winkel verstuurt geen post/);

    const ledger = await loadLedger(shopB.ctx, b.id);
    const accepted = ledger.find((r) => r.subject === 'terms')!;
    assert.equal(accepted.source, 'terms-upload');
    assert.equal(accepted.actor, 'customer');
    assert.ok(ledger.some((r) => r.subject === 'topics.offers' && r.source === 'terms-upload'));
    assert.deepEqual((await lastTermsApplication(shopB.ctx, b.id))?.notHonoured, [
      { term: 'channels.post', reason: 'no-post' },
    ]);
  });

  it('applies terms at sign-up with the source "signup"', async () => {
    const b = await signedInCustomer(shopB);
    const result = await applyCustomerTerms(
      shopB.ctx,
      b.id,
      {
        kind: 'toonbank-customer-terms',
        version: 1,
        firstParty: { role: 'customer' },
        issuedAt: '2026-11-30T12:00:00Z',
        terms: { topics: { allowed: ['stories'] } },
      },
      'signup',
    );
    assert.deepEqual(result.notHonoured, []);
    const ledger = await loadLedger(shopB.ctx, b.id);
    assert.deepEqual(
      ledger.map((r) => [r.subject, r.source]),
      [
        ['topics.stories', 'signup'],
        ['terms', 'signup'],
      ],
    );
  });

  it('refuses what is not a terms document with 422, and writes nothing', async () => {
    const b = await signedInCustomer(shopB);
    for (const doc of [
      null,
      [],
      'terms',
      { kind: 'toonbank-customer-terms', version: 2, firstParty: { role: 'customer' }, terms: {} },
      { kind: 'toonbank-customer-terms', version: 1, firstParty: { role: 'shop' }, terms: {} },
    ]) {
      await assert.rejects(
        applyCustomerTerms(shopB.ctx, b.id, doc, 'terms-upload'),
        (e: unknown) => e instanceof AppError && e.status === 422,
      );
    }
    assert.deepEqual(await loadLedger(shopB.ctx, b.id), []);
    await b.browser.get('/account/terms');
    const page = await b.browser.post('/account/terms?lang=en', { text: '{"kind": ' });
    assert.equal(page.statusCode, 422);
    assert.match(page.body, /This is not JSON/);
    assert.match(
      page.body,
      /<textarea[^>]*>\{&quot;kind&quot;:\s*<\/textarea>/,
      'the pasted text is shown again',
    );
  });

  describe('interpretTerms', () => {
    const base = defaultPreferences('nl', 'Europe/Amsterdam');
    const offered = ['email', 'push', 'sms'] as const;

    it('reports every term it cannot honour, with the reason, and leaves those preferences alone', () => {
      const { next, result } = interpretTerms(
        base,
        {
          channels: { order: ['post'], allowed: ['post'] },
          topics: { allowed: ['offers', 'horoscopes'] },
          timeZone: 'Mars/Olympus_Mons',
          language: 'de',
          quiet: { hours: { from: '8 pm', to: '07:00' }, days: [1, 9] },
          frequency: { max: 1000, per: 'day' },
          'data-retention': 'none',
          'no-tracking': true,
          'sell-my-data': false,
        },
        offered,
      );
      assert.deepEqual(result.notHonoured.map((n) => `${n.term}:${n.reason}`).sort(), [
        'channels.post:no-post',
        'channels:needs-one-channel',
        'data-retention:retention-required-by-law',
        'frequency:invalid-value',
        'language:language-not-spoken',
        'quiet.days:invalid-value',
        'quiet.hours:invalid-value',
        'sell-my-data:unknown-term',
        'timeZone:unknown-time-zone',
        'topics.horoscopes:unknown-topic',
      ]);
      assert.ok(result.applied.includes('no-tracking'));
      assert.equal(next.channels.enabled.email, true, 'order updates keep a channel');
      assert.equal(next.topics.offers, 'on');
      assert.equal(next.timeZone, 'Europe/Amsterdam');
      assert.equal(next.locale, 'nl');
      assert.equal(next.frequency, null);
    });

    it('leaves preferences the terms do not mention as they are', () => {
      const mine = { ...base, quiet: { hours: { from: '22:00', to: '07:00' }, days: [] } };
      const { next, result } = interpretTerms(mine, { language: 'en-GB' }, offered);
      assert.deepEqual(next, { ...mine, locale: 'en' });
      assert.deepEqual(result, { applied: ['language'], notHonoured: [] });
    });

    it('does not carry a soft opt-in over as consent', () => {
      const soft: Preferences = {
        ...base,
        topics: { ...base.topics, 'new-for-my-appliances': 'soft-opt-in' },
      };
      const { next } = interpretTerms(soft, { topics: { allowed: [] } }, offered);
      assert.equal(next.topics['new-for-my-appliances'], 'off');
    });
  });
});
